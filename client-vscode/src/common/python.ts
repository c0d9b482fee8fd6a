// Finding the Python interpreter through the Python extension (optional) — as the Python tool extensions do.
import * as vscode from "vscode";
import type { PythonExtension } from "@vscode/python-extension";

let api: PythonExtension | undefined;
let tried = false;

async function getApi(log: vscode.LogOutputChannel): Promise<PythonExtension | undefined> {
  if (tried) return api;
  tried = true;
  if (!vscode.extensions.getExtension("ms-python.python")) {
    log.info("the Python extension (ms-python.python) is not installed; use flaskscope.interpreter to choose Python");
    return undefined;
  }
  try {
    const { PythonExtension } = await import("@vscode/python-extension");
    api = await PythonExtension.api();
  } catch (e) {
    log.warn(`could not use the Python extension's API: ${e}`);
  }
  return api;
}

/** Subscribe to interpreter changes; no-op without the Python extension. */
export async function onDidChangeInterpreter(
  log: vscode.LogOutputChannel,
  listener: () => void,
): Promise<vscode.Disposable | undefined> {
  const a = await getApi(log);
  return a?.environments.onDidChangeActiveEnvironmentPath(() => listener());
}

/** The selected interpreter for a resource, as an argv prefix, or undefined. */
export async function selectedInterpreter(
  log: vscode.LogOutputChannel,
  resource: vscode.Uri | undefined,
): Promise<string[] | undefined> {
  const a = await getApi(log);
  if (!a) return undefined;
  try {
    const envPath = a.environments.getActiveEnvironmentPath(resource);
    const env = await a.environments.resolveEnvironment(envPath);
    const exe = env?.executable.uri?.fsPath;
    if (exe) return [exe];
    log.warn(`the Python extension's environment ${envPath.path} has no executable`);
  } catch (e) {
    log.warn(`could not resolve the selected interpreter: ${e}`);
  }
  return undefined;
}
