// Settings resolution. Pure: no `vscode` import, so it is unit-tested under plain Node.

export type ImportStrategy = "fromEnvironment" | "useBundled";
export type ShowNotifications = "off" | "onError" | "onWarning" | "always";
export type Severity = "error" | "warning" | "info" | "information" | "hint";

export const RULE_CODES = ["FCX101", "FCX102", "FCX103", "FCX104", "FCX105"] as const;
// The server's vocabulary (`[tool.flaskscope]` too); "information" is the LSP word for "info".
const SEVERITIES: readonly string[] = ["error", "warning", "info", "information", "hint"];

/** What the extension needs to start and talk to the server, for one workspace folder. */
export interface ResolvedSettings {
  cwd: string;
  path: string[];
  interpreter: string[];
  args: string[];
  importStrategy: ImportStrategy;
  showNotifications: ShowNotifications;
  /** The `flaskscope` section as the server understands it (initializationOptions, workspace/configuration). */
  server: ServerSettings;
  /** Settings that were ignored, with the reason (untrusted workspace, invalid value). */
  notes: string[];
}

export interface ServerSettings {
  select?: string[];
  ignore?: string[];
  severity?: Record<string, Severity>;
  debounceMs?: number;
  /** Always false from VS Code: vscode-languageclient would show pushed and pulled diagnostics twice. */
  pullDiagnostics: false;
}

/** The part of `WorkspaceConfiguration.inspect` we use: where a value came from matters for trust. */
export interface Inspected<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

export type Inspect = <T>(key: string) => Inspected<T> | undefined;

export interface Context {
  workspaceFolder?: string;
  /** Workspace trust: when false, executables are never taken from workspace or folder settings. */
  trusted: boolean;
  env: Record<string, string | undefined>;
  home?: string;
}

/** Settings that name an executable or decide what runs: honoured from user settings only until trusted. */
export const RESTRICTED = ["path", "interpreter", "importStrategy", "args", "cwd"];
/** A change to one of these restarts the server; the others are sent with workspace/configuration. */
export const RESTART_KEYS = ["path", "interpreter", "importStrategy", "args", "cwd", "showNotifications", "trace.server"];

/** Replace ${workspaceFolder}, ${userHome}, ${env:NAME} and a leading ~ (like the Python tool extensions). */
export function substitute(value: string, ctx: Context): string {
  let out = value.replace(/\$\{(workspaceFolder|userHome|env:([A-Za-z_][A-Za-z0-9_]*))\}/g, (whole, name, envName) => {
    if (envName !== undefined) return ctx.env[envName] ?? "";
    if (name === "workspaceFolder") return ctx.workspaceFolder ?? whole;
    if (name === "userHome") return ctx.home ?? whole;
    return whole;
  });
  if (ctx.home && (out === "~" || out.startsWith("~/"))) out = ctx.home + out.slice(1);
  return out;
}

function pick<T>(inspect: Inspect, key: string, ctx: Context, notes: string[]): T | undefined {
  const i = inspect<T>(key);
  if (!i) return undefined;
  const local = i.workspaceFolderValue !== undefined ? i.workspaceFolderValue : i.workspaceValue;
  if (local !== undefined) {
    if (ctx.trusted || !RESTRICTED.includes(key)) return local;
    notes.push(`flaskscope.${key} from the workspace settings is ignored until the workspace is trusted`);
  }
  return i.globalValue !== undefined ? i.globalValue : i.defaultValue;
}

function stringList(value: unknown, key: string, notes: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value as string[];
  if (typeof value === "string") return value ? [value] : []; // tolerate "python3" instead of ["python3"]
  notes.push(`flaskscope.${key} must be a list of strings; ignored`);
  return [];
}

/** A rule code or a prefix of some (`FCX1` selects FCX101-FCX105), as the server and the CLI read them. */
function namesARule(code: string): boolean {
  return /^FCX\d{0,3}$/.test(code) && RULE_CODES.some((rule) => rule.startsWith(code));
}

function codes(value: unknown, key: string, notes: string[]): string[] | undefined {
  const list = stringList(value, key, notes);
  const unknown = list.filter((c) => !namesARule(c));
  if (unknown.length) notes.push(`flaskscope.${key}: unknown rule code(s) ${unknown.join(", ")}; ignored`);
  const known = list.filter(namesARule);
  return known.length ? known : undefined;
}

export function resolveSettings(inspect: Inspect, ctx: Context): ResolvedSettings {
  const notes: string[] = [];
  const sub = (v: string) => substitute(v, ctx);
  const strategy = pick<string>(inspect, "importStrategy", ctx, notes);
  let importStrategy: ImportStrategy = "fromEnvironment";
  if (strategy === "useBundled" || strategy === "fromEnvironment") importStrategy = strategy;
  else if (strategy !== undefined) notes.push(`flaskscope.importStrategy "${strategy}" is not valid; using fromEnvironment`);
  if (!ctx.trusted) importStrategy = "useBundled"; // never run code from an untrusted project's environment
  const show = pick<string>(inspect, "showNotifications", ctx, notes);
  const showNotifications: ShowNotifications =
    show === "off" || show === "onWarning" || show === "always" || show === "onError" ? show : "onError";

  const server: ServerSettings = { pullDiagnostics: false };
  const select = codes(pick(inspect, "select", ctx, notes), "select", notes);
  if (select) server.select = select;
  const ignore = codes(pick(inspect, "ignore", ctx, notes), "ignore", notes);
  if (ignore) server.ignore = ignore;
  const severity = pick<unknown>(inspect, "severity", ctx, notes);
  if (severity && typeof severity === "object" && !Array.isArray(severity)) {
    const good: Record<string, Severity> = {};
    for (const [code, level] of Object.entries(severity as Record<string, unknown>)) {
      if ((RULE_CODES as readonly string[]).includes(code) && typeof level === "string" && SEVERITIES.includes(level)) {
        good[code] = level as Severity;
      } else {
        notes.push(`flaskscope.severity: "${code}": ${JSON.stringify(level)} ignored (use a rule code and one of ${SEVERITIES.join(", ")})`);
      }
    }
    if (Object.keys(good).length) server.severity = good;
  }
  const debounce = pick<unknown>(inspect, "debounceMs", ctx, notes);
  if (typeof debounce === "number" && Number.isInteger(debounce) && debounce >= 0 && debounce <= 5000) {
    server.debounceMs = debounce;
  } else if (debounce !== undefined) {
    notes.push("flaskscope.debounceMs must be an integer between 0 and 5000; ignored");
  }

  const cwdRaw = pick<string>(inspect, "cwd", ctx, notes);
  const cwd = sub(typeof cwdRaw === "string" && cwdRaw ? cwdRaw : "${workspaceFolder}");
  return {
    cwd: cwd.includes("${workspaceFolder}") ? (ctx.home ?? "/") : cwd,
    path: stringList(pick(inspect, "path", ctx, notes), "path", notes).map(sub),
    interpreter: stringList(pick(inspect, "interpreter", ctx, notes), "interpreter", notes).map(sub),
    args: stringList(pick(inspect, "args", ctx, notes), "args", notes).map(sub),
    importStrategy,
    showNotifications,
    server,
    notes,
  };
}

/** True when a configuration change needs a server restart (as opposed to a workspace/configuration refresh). */
export function needsRestart(affects: (section: string) => boolean): boolean {
  return RESTART_KEYS.some((k) => affects(`flaskscope.${k}`));
}

export function notifyLevelAllows(setting: ShowNotifications, level: "error" | "warning" | "info"): boolean {
  const rank = { off: 0, onError: 1, onWarning: 2, always: 3 }[setting];
  const need = { error: 1, warning: 2, info: 3 }[level];
  return rank >= need;
}
