import { test } from "node:test";
import * as assert from "node:assert/strict";
import { Inspected, needsRestart, notifyLevelAllows, resolveSettings, substitute } from "../../common/settings";

type Layers = Record<string, Inspected<unknown>>;
const inspector = (layers: Layers) => <T>(key: string) => layers[key] as Inspected<T> | undefined;
const ctx = { workspaceFolder: "/ws", trusted: true, env: { HOME: "/home/u", VENV: "/v" }, home: "/home/u" };

test("defaults: fromEnvironment, cwd is the workspace folder, server gets pullDiagnostics=false only", () => {
  const s = resolveSettings(inspector({ cwd: { defaultValue: "${workspaceFolder}" } }), ctx);
  assert.equal(s.importStrategy, "fromEnvironment");
  assert.equal(s.cwd, "/ws");
  assert.deepEqual(s.server, { pullDiagnostics: false });
  assert.deepEqual(s.interpreter, []);
  assert.equal(s.showNotifications, "onError");
  assert.deepEqual(s.notes, []);
});

test("variables are substituted in interpreter, path, args and cwd", () => {
  const s = resolveSettings(inspector({
    interpreter: { workspaceValue: ["${workspaceFolder}/.venv/bin/python", "-X", "utf8"] },
    path: { globalValue: ["${env:VENV}/bin/flaskscope"] },
    args: { globalValue: ["--log-file", "~/fs.log"] },
    cwd: { workspaceFolderValue: "${workspaceFolder}/src" },
  }), ctx);
  assert.deepEqual(s.interpreter, ["/ws/.venv/bin/python", "-X", "utf8"]);
  assert.deepEqual(s.path, ["/v/bin/flaskscope"]);
  assert.deepEqual(s.args, ["--log-file", "/home/u/fs.log"]);
  assert.equal(s.cwd, "/ws/src");
  assert.equal(substitute("${userHome}/x ${env:NOPE}|", ctx), "/home/u/x |");
});

test("folder value wins over workspace value, which wins over user value", () => {
  const s = resolveSettings(inspector({
    importStrategy: { defaultValue: "fromEnvironment", globalValue: "fromEnvironment", workspaceValue: "useBundled" },
    debounceMs: { globalValue: 100, workspaceValue: 300, workspaceFolderValue: 50 },
  }), ctx);
  assert.equal(s.importStrategy, "useBundled");
  assert.equal(s.server.debounceMs, 50);
});

test("untrusted workspace: executables only from user settings, always the bundled server", () => {
  const s = resolveSettings(inspector({
    interpreter: { globalValue: ["/usr/bin/python3"], workspaceValue: ["./evil/python"] },
    path: { workspaceValue: ["./evil/flaskscope"] },
    importStrategy: { globalValue: "fromEnvironment" },
    select: { workspaceValue: ["FCX101"] },
  }), { ...ctx, trusted: false });
  assert.deepEqual(s.interpreter, ["/usr/bin/python3"]);
  assert.deepEqual(s.path, []);
  assert.equal(s.importStrategy, "useBundled");
  assert.deepEqual(s.server.select, ["FCX101"]); // rule settings are harmless: honoured
  assert.equal(s.notes.length, 2);
  assert.ok(s.notes.some((n) => /flaskscope.interpreter .*trusted/.test(n)));
});

test("rule selection and severities are validated, invalid entries are dropped with a note", () => {
  const s = resolveSettings(inspector({
    select: { globalValue: ["FCX101", "FCX999"] },
    ignore: { globalValue: ["FCX105"] },
    severity: { globalValue: { FCX104: "information", FCX101: "fatal", XYZ: "error" } },
    debounceMs: { globalValue: 99999 },
    importStrategy: { globalValue: "bogus" },
  }), ctx);
  assert.deepEqual(s.server, { pullDiagnostics: false, select: ["FCX101"], ignore: ["FCX105"], severity: { FCX104: "information" } });
  assert.equal(s.importStrategy, "fromEnvironment");
  assert.equal(s.notes.length, 5);
});

test("rule prefixes and the info severity are kept, as the CLI's configuration reads them", () => {
  const s = resolveSettings(inspector({
    select: { globalValue: ["FCX1", "FCX2"] },
    ignore: { globalValue: ["FCX10"] },
    severity: { globalValue: { FCX104: "info" } },
  }), ctx);
  assert.deepEqual(s.server, { pullDiagnostics: false, select: ["FCX1"], ignore: ["FCX10"], severity: { FCX104: "info" } });
  assert.equal(s.notes.length, 1); // FCX2 names no rule
});

test("an empty select means every rule (not sent)", () => {
  const s = resolveSettings(inspector({ select: { defaultValue: [] } }), ctx);
  assert.equal("select" in s.server, false);
});

test("a plain string interpreter is accepted; other shapes are ignored with a note", () => {
  assert.deepEqual(resolveSettings(inspector({ interpreter: { globalValue: "/usr/bin/python3" } }), ctx).interpreter, ["/usr/bin/python3"]);
  const s = resolveSettings(inspector({ interpreter: { globalValue: 3 } }), ctx);
  assert.deepEqual(s.interpreter, []);
  assert.match(s.notes[0], /list of strings/);
});

test("which changes restart the server", () => {
  assert.equal(needsRestart((k) => k === "flaskscope.interpreter"), true);
  assert.equal(needsRestart((k) => k === "flaskscope.importStrategy"), true);
  assert.equal(needsRestart((k) => k === "flaskscope.severity" || k === "flaskscope"), false);
});

test("showNotifications levels", () => {
  assert.equal(notifyLevelAllows("off", "error"), false);
  assert.equal(notifyLevelAllows("onError", "error"), true);
  assert.equal(notifyLevelAllows("onError", "warning"), false);
  assert.equal(notifyLevelAllows("onWarning", "warning"), true);
  assert.equal(notifyLevelAllows("always", "info"), true);
});
