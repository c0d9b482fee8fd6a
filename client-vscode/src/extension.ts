// flaskscope for VS Code: starts `flaskscope server` (stdio) and keeps it in step with settings and interpreter.
import * as cp from "child_process";
import * as os from "os";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
  TransportKind,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
} from "vscode-languageclient/node";
import {
  buildProbeCommand,
  buildServerCommand,
  chooseInterpreter,
  diagnoseProbe,
  Problem,
  ServerCommand,
} from "./common/command";
import { needsRestart, notifyLevelAllows, ResolvedSettings, resolveSettings } from "./common/settings";
import { onDidChangeInterpreter, selectedInterpreter } from "./common/python";

const SECTION = "flaskscope";
let client: LanguageClient | undefined;
let log: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;
let extensionPath = "";
let restarting: Promise<void> | undefined;
let restartAgain = false;
let restartTimer: NodeJS.Timeout | undefined;
let current: ResolvedSettings | undefined;

type StatusKind = "starting" | "indexing" | "ready" | "error" | "stopped";

function setStatus(kind: StatusKind, detail: string): void {
  const text: Record<StatusKind, string> = {
    starting: "$(loading~spin) flaskscope",
    indexing: "$(sync~spin) flaskscope: indexing",
    ready: "$(check) flaskscope",
    error: "$(error) flaskscope",
    stopped: "$(circle-slash) flaskscope",
  };
  status.text = text[kind];
  status.tooltip = new vscode.MarkdownString(
    `**flaskscope** — ${kind}\n\n${detail}\n\n[Show logs](command:flaskscope.showLogs) · [Restart](command:flaskscope.restart)`,
  );
  status.tooltip.isTrusted = true;
  status.backgroundColor = kind === "error" ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
  status.command = kind === "error" ? "flaskscope.showLogs" : "flaskscope.restart";
  status.show();
}

function primaryFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) || vscode.workspace.workspaceFolders?.[0];
}

function readSettings(folder: vscode.WorkspaceFolder | undefined): ResolvedSettings {
  const config = vscode.workspace.getConfiguration(SECTION, folder?.uri);
  return resolveSettings(<T>(key: string) => config.inspect<T>(key), {
    workspaceFolder: folder?.uri.fsPath,
    trusted: vscode.workspace.isTrusted,
    env: process.env,
    home: os.homedir(),
  });
}

function notify(level: "error" | "warning" | "info", message: string, ...actions: string[]): Thenable<string | undefined> {
  if (!current || !notifyLevelAllows(current.showNotifications, level)) return Promise.resolve(undefined);
  const show = { error: vscode.window.showErrorMessage, warning: vscode.window.showWarningMessage, info: vscode.window.showInformationMessage }[level];
  return show(`flaskscope: ${message}`, ...actions);
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; spawnError?: string }> {
  return new Promise((resolve) => {
    cp.execFile(command, args, { cwd, env, timeout: 30000, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const spawnError = error && (error as NodeJS.ErrnoException).code === "ENOENT" ? "not found" : error && typeof (error as NodeJS.ErrnoException).code === "string" ? String(error.message) : undefined;
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr), spawnError });
    });
  });
}

async function explain(problem: Problem): Promise<void> {
  const actions: Record<string, () => Thenable<unknown> | void> = {};
  let message = problem.detail;
  if (problem.kind === "noPython") {
    message += ". Set flaskscope.interpreter to a Python >= 3.10, or install the Python extension and select an interpreter.";
    actions["Set interpreter"] = () => vscode.commands.executeCommand("workbench.action.openSettings", "flaskscope.interpreter");
  } else if (problem.kind === "notInstalled") {
    message += ". Run `pip install flaskscope` in that environment, or use the copy bundled with the extension.";
    actions["Use bundled flaskscope"] = () =>
      vscode.workspace.getConfiguration(SECTION).update("importStrategy", "useBundled", vscode.ConfigurationTarget.Global);
  } else if (problem.kind === "oldPython") {
    actions["Set interpreter"] = () => vscode.commands.executeCommand("workbench.action.openSettings", "flaskscope.interpreter");
  }
  if (vscode.extensions.getExtension("ms-python.python") && problem.kind !== "notInstalled") {
    actions["Select interpreter"] = () => vscode.commands.executeCommand("python.setInterpreter");
  }
  actions["Show logs"] = () => log.show();
  log.error(`could not start: ${message}`);
  setStatus("error", `Could not start: ${message}`);
  const choice = await notify("error", message, ...Object.keys(actions));
  if (choice) await actions[choice]();
}

async function findCommand(settings: ResolvedSettings, folder: vscode.WorkspaceFolder | undefined): Promise<ServerCommand | undefined> {
  let fromPython: string[] | undefined;
  if (!settings.path.length && !settings.interpreter.length) fromPython = await selectedInterpreter(log, folder?.uri);
  const interpreter = chooseInterpreter(settings, fromPython);
  const cmd = buildServerCommand(settings, interpreter, { extensionPath }, process.env);
  if ("error" in cmd) {
    await explain({ kind: "noPython", detail: "no Python interpreter is selected" });
    return undefined;
  }
  const probe = buildProbeCommand(cmd, settings);
  const result = await run(probe.command, probe.args, cmd.cwd, cmd.env);
  if (settings.path.length) {
    if (result.spawnError || result.code !== 0) {
      await explain({ kind: "broken", detail: `flaskscope.path ${settings.path.join(" ")} does not run: ${result.spawnError ?? result.stderr.trim()}` });
      return undefined;
    }
    log.info(`using ${result.stdout.trim()} from flaskscope.path`);
    return cmd;
  }
  const problem = diagnoseProbe(settings.importStrategy, result, interpreter!.join(" "));
  if (problem.kind !== "ok") {
    await explain(problem);
    return undefined;
  }
  log.info(`using ${problem.detail}`);
  return cmd;
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(5000);
    } catch (e) {
      log.warn(`stopping the server: ${e}`);
    }
    await c.dispose().catch(() => undefined);
  }
}

async function start(): Promise<void> {
  const folder = primaryFolder();
  const settings = readSettings(folder);
  current = settings;
  for (const note of settings.notes) {
    log.warn(note);
    void notify("warning", note);
  }
  setStatus("starting", "Looking for Python and flaskscope…");
  const cmd = await findCommand(settings, folder);
  if (!cmd) return;
  log.info(`starting: ${cmd.command} ${cmd.args.join(" ")} (cwd ${cmd.cwd}; ${cmd.description})`);
  const serverOptions: ServerOptions = {
    command: cmd.command,
    args: cmd.args,
    options: { cwd: cmd.cwd, env: cmd.env },
    transport: TransportKind.stdio,
  };
  let ready = false;
  const markReady = (detail: string) => {
    if (!ready) log.info(`ready: ${detail}`);
    ready = true;
    setStatus("ready", `Ready: ${detail}.\n\n${cmd.description}`);
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "python" }],
    outputChannel: log,
    traceOutputChannel: log,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: settings.server,
    workspaceFolder: folder,
    middleware: {
      workspace: {
        // The server asks for section "flaskscope": answer with what it understands (incl. pullDiagnostics=false).
        configuration: (params, token, next) =>
          params.items.map((item) => {
            if (item.section !== SECTION) return null;
            const uri = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            const f = (uri && vscode.workspace.getWorkspaceFolder(uri)) || folder;
            return readSettings(f).server;
          }) ?? next(params, token),
      },
      handleDiagnostics: (uri, diagnostics, next) => {
        if (!ready) markReady("diagnostics received");
        next(uri, diagnostics);
      },
    },
  };
  const c = new LanguageClient("flaskscope", "flaskscope", serverOptions, clientOptions);
  client = c;
  c.onDidChangeState((e) => {
    if (e.newState === State.Stopped && client === c) {
      setStatus("error", "The server stopped. See the log, then restart.");
    }
  });
  setStatus("indexing", "Indexing the workspace…");
  try {
    await c.start();
  } catch (e) {
    if (client === c) client = undefined;
    await explain({ kind: "broken", detail: `the server did not start: ${e}` });
    return;
  }
  // Drive the status bar from the server's indexing progress ($/progress with the token it creates).
  c.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
    c.onProgress(WorkDoneProgress.type, token, (value) => {
      if (value.kind === "end") markReady(value.message ?? "indexed");
      else if (!ready) setStatus("indexing", value.message ?? "Indexing the workspace…");
    });
  });
  const info = c.initializeResult?.serverInfo;
  log.info(`server ${info?.name ?? "flaskscope"} ${info?.version ?? ""} started`);
  // Nothing to publish in a clean project: fall back to "ready" once the server answers a request.
  setTimeout(() => {
    if (!ready && client === c && c.state === State.Running) markReady("running");
  }, 20000);
  void notify("info", `server started (${cmd.description})`);
}

/** Restart, debounced and never re-entrant: settings often change several keys at once. */
function scheduleRestart(reason: string, delay = 500): void {
  if (restartTimer) clearTimeout(restartTimer);
  restartTimer = setTimeout(() => {
    restartTimer = undefined;
    void restart(reason);
  }, delay);
}

async function restart(reason: string): Promise<void> {
  if (restarting) {
    restartAgain = true;
    return restarting;
  }
  log.info(`restarting: ${reason}`);
  restarting = (async () => {
    do {
      restartAgain = false;
      await stop();
      await start();
    } while (restartAgain);
  })().finally(() => (restarting = undefined));
  return restarting;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  log = vscode.window.createOutputChannel("flaskscope", { log: true });
  status = vscode.window.createStatusBarItem("flaskscope.status", vscode.StatusBarAlignment.Left, 0);
  status.name = "flaskscope";
  context.subscriptions.push(log, status);
  context.subscriptions.push(
    vscode.commands.registerCommand("flaskscope.restart", () => restart("flaskscope.restart command")),
    vscode.commands.registerCommand("flaskscope.showLogs", () => log.show()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (needsRestart((s) => e.affectsConfiguration(s))) scheduleRestart("settings changed");
      else if (e.affectsConfiguration(SECTION) && client?.state === State.Running) {
        // Rule settings: the server asks again through workspace/configuration, no restart needed.
        void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => scheduleRestart("workspace trusted")),
    { dispose: () => void stop() },
  );
  const sub = await onDidChangeInterpreter(log, () => {
    if (!readSettings(primaryFolder()).interpreter.length) scheduleRestart("Python interpreter changed", 1000);
  });
  if (sub) context.subscriptions.push(sub);
  // Activated by a Python file, or by a workspace with .py files: start now if it has Flask code,
  // otherwise wait for the first Python file to be opened (no server for unrelated Python projects).
  const pythonOpen = () => vscode.workspace.textDocuments.some((d) => d.languageId === "python" && d.uri.scheme === "file");
  if (pythonOpen() || (await workspaceHasFlask())) {
    await start();
  } else {
    log.info("no Flask import found in the workspace; the server starts when a Python file is opened");
    const waiting = vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.languageId === "python" && d.uri.scheme === "file") {
        waiting.dispose();
        void start();
      }
    });
    context.subscriptions.push(waiting);
  }
}

/** A cheap look for `import flask` / `from flask…` in the workspace's first few hundred Python files. */
async function workspaceHasFlask(): Promise<boolean> {
  const files = await vscode.workspace.findFiles("**/*.py", "**/{node_modules,.venv,venv,env,.tox,.git,site-packages,__pycache__}/**", 300);
  for (const file of files) {
    try {
      const text = Buffer.from(await vscode.workspace.fs.readFile(file)).toString("utf8");
      if (/^\s*(from\s+flask\w*|import\s+flask\w*)\b/m.test(text)) return true;
    } catch {
      // unreadable file: skip
    }
  }
  return false;
}

export async function deactivate(): Promise<void> {
  await stop();
}
