// Building the server command line. Pure: no `vscode` import, unit-tested under plain Node.
import * as path from "path";
import type { ImportStrategy, ResolvedSettings } from "./settings";

export interface ServerCommand {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** How it was found, for the log and the status bar tooltip. */
  description: string;
}

export interface Layout {
  /** Extension root: bundled/tool/launch.py and bundled/libs live below it. */
  extensionPath: string;
}

export const launcherPath = (layout: Layout) => path.join(layout.extensionPath, "bundled", "tool", "launch.py");
export const bundledLibs = (layout: Layout) => path.join(layout.extensionPath, "bundled", "libs");

/** The interpreter to use: the flaskscope.interpreter setting wins over the Python extension's selection. */
export function chooseInterpreter(settings: ResolvedSettings, fromPythonExtension: string[] | undefined): string[] | undefined {
  if (settings.interpreter.length) return settings.interpreter;
  if (fromPythonExtension && fromPythonExtension.length) return fromPythonExtension;
  return undefined;
}

/**
 * The command that runs `flaskscope server` over stdio.
 * - flaskscope.path set: that executable, `server`, args.
 * - otherwise: `<interpreter> bundled/tool/launch.py <strategy> server <args>`; the launcher puts
 *   bundled/libs first (useBundled) or only uses the environment's flaskscope (fromEnvironment).
 */
export function buildServerCommand(
  settings: ResolvedSettings,
  interpreter: string[] | undefined,
  layout: Layout,
  baseEnv: Record<string, string | undefined> = {},
): ServerCommand | { error: "noInterpreter" } {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(baseEnv)) if (v !== undefined) env[k] = v;
  env.PYTHONUNBUFFERED = "1";
  delete env.PYTHONPATH; // a stray PYTHONPATH must not shadow the strategy the user chose
  if (settings.path.length) {
    return {
      command: settings.path[0],
      args: [...settings.path.slice(1), "server", ...settings.args],
      cwd: settings.cwd,
      env,
      description: `flaskscope.path: ${settings.path.join(" ")}`,
    };
  }
  if (!interpreter || !interpreter.length) return { error: "noInterpreter" };
  const strategy: ImportStrategy = settings.importStrategy;
  return {
    command: interpreter[0],
    args: [...interpreter.slice(1), launcherPath(layout), strategy, "server", ...settings.args],
    cwd: settings.cwd,
    env,
    description: `${strategy === "useBundled" ? "bundled flaskscope" : "flaskscope from the environment"} run by ${interpreter.join(" ")}`,
  };
}

/** The probe run before starting: same interpreter and launcher, `--probe` prints one JSON line. */
export function buildProbeCommand(cmd: ServerCommand, settings: ResolvedSettings): { command: string; args: string[] } {
  if (settings.path.length) return { command: cmd.command, args: [...settings.path.slice(1), "--version"] };
  const i = cmd.args.indexOf("server");
  return { command: cmd.command, args: [...cmd.args.slice(0, i), "--probe"] };
}

export interface ProbeResult {
  python?: string;
  pythonVersion?: [number, number];
  flaskscope?: string | null;
  location?: string | null;
  error?: string;
}

export type Problem =
  | { kind: "ok"; detail: string }
  | { kind: "noPython"; detail: string }
  | { kind: "oldPython"; detail: string }
  | { kind: "notInstalled"; detail: string }
  | { kind: "broken"; detail: string };

/** Turn the probe's answer into what to tell the user. */
export function diagnoseProbe(
  strategy: ImportStrategy,
  exec: { code: number | null; stdout: string; stderr: string; spawnError?: string },
  interpreter: string,
): Problem {
  if (exec.spawnError) {
    return { kind: "noPython", detail: `cannot run ${interpreter}: ${exec.spawnError}` };
  }
  const line = exec.stdout.trim().split("\n").pop() ?? "";
  let probe: ProbeResult | undefined;
  try {
    probe = JSON.parse(line) as ProbeResult;
  } catch {
    probe = undefined;
  }
  if (!probe) {
    if (/SyntaxError|invalid syntax/.test(exec.stderr)) {
      return { kind: "oldPython", detail: `${interpreter} is too old for flaskscope (Python 3.10 or newer is needed)` };
    }
    return { kind: "broken", detail: `${interpreter} exited with ${exec.code}: ${(exec.stderr || exec.stdout).trim().slice(-500)}` };
  }
  const [major, minor] = probe.pythonVersion ?? [0, 0];
  if (major < 3 || (major === 3 && minor < 10)) {
    return { kind: "oldPython", detail: `${interpreter} is Python ${major}.${minor}; flaskscope needs Python 3.10 or newer` };
  }
  if (!probe.flaskscope) {
    return strategy === "useBundled"
      ? { kind: "broken", detail: `the bundled flaskscope does not import with ${interpreter}: ${probe.error ?? "unknown error"}` }
      : { kind: "notInstalled", detail: `flaskscope is not installed in ${interpreter}${probe.error ? ` (${probe.error})` : ""}` };
  }
  return { kind: "ok", detail: `flaskscope ${probe.flaskscope} (${probe.location}) with Python ${major}.${minor}` };
}
