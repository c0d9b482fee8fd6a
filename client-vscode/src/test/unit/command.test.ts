import { test } from "node:test";
import * as assert from "node:assert/strict";
import { buildProbeCommand, buildServerCommand, chooseInterpreter, diagnoseProbe } from "../../common/command";
import { Inspected, resolveSettings } from "../../common/settings";

const layout = { extensionPath: "/ext" };
const ctx = { workspaceFolder: "/ws", trusted: true, env: {}, home: "/home/u" };
const settings = (layers: Record<string, Inspected<unknown>>) =>
  resolveSettings(<T>(k: string) => layers[k] as Inspected<T> | undefined, ctx);

test("the interpreter setting wins over the Python extension", () => {
  assert.deepEqual(chooseInterpreter(settings({ interpreter: { globalValue: ["/a/python"] } }), ["/b/python"]), ["/a/python"]);
  assert.deepEqual(chooseInterpreter(settings({}), ["/b/python"]), ["/b/python"]);
  assert.equal(chooseInterpreter(settings({}), undefined), undefined);
});

test("fromEnvironment: interpreter + launcher + strategy + server + args", () => {
  const s = settings({ args: { globalValue: ["-v"] } });
  const cmd = buildServerCommand(s, ["/venv/bin/python", "-X", "utf8"], layout, { PATH: "/bin", PYTHONPATH: "/stray" });
  assert.ok(!("error" in cmd));
  assert.equal(cmd.command, "/venv/bin/python");
  assert.deepEqual(cmd.args, ["-X", "utf8", "/ext/bundled/tool/launch.py", "fromEnvironment", "server", "-v"]);
  assert.equal(cmd.cwd, "/ws");
  assert.equal(cmd.env.PATH, "/bin");
  assert.equal(cmd.env.PYTHONPATH, undefined);
  assert.deepEqual(buildProbeCommand(cmd, s), { command: "/venv/bin/python", args: ["-X", "utf8", "/ext/bundled/tool/launch.py", "fromEnvironment", "--probe"] });
});

test("useBundled passes the strategy to the launcher", () => {
  const cmd = buildServerCommand(settings({ importStrategy: { globalValue: "useBundled" } }), ["python3"], layout);
  assert.ok(!("error" in cmd));
  assert.deepEqual(cmd.args, ["/ext/bundled/tool/launch.py", "useBundled", "server"]);
});

test("flaskscope.path wins and needs no interpreter", () => {
  const s = settings({ path: { globalValue: ["/opt/fs/bin/flaskscope"] }, args: { globalValue: ["-vv"] } });
  const cmd = buildServerCommand(s, undefined, layout);
  assert.ok(!("error" in cmd));
  assert.equal(cmd.command, "/opt/fs/bin/flaskscope");
  assert.deepEqual(cmd.args, ["server", "-vv"]);
  assert.deepEqual(buildProbeCommand(cmd, s), { command: "/opt/fs/bin/flaskscope", args: ["--version"] });
});

test("no interpreter and no path: an error the extension explains", () => {
  assert.deepEqual(buildServerCommand(settings({}), undefined, layout), { error: "noInterpreter" });
});

test("probe diagnosis: ok, missing python, old python, not installed, broken bundle", () => {
  const ok = JSON.stringify({ python: "/p", pythonVersion: [3, 11], flaskscope: "0.1.0", location: "/x/flaskscope" });
  assert.equal(diagnoseProbe("fromEnvironment", { code: 0, stdout: ok + "\n", stderr: "" }, "/p").kind, "ok");
  assert.equal(diagnoseProbe("fromEnvironment", { code: null, stdout: "", stderr: "", spawnError: "not found" }, "/nope").kind, "noPython");
  const old = JSON.stringify({ python: "/p", pythonVersion: [3, 8], flaskscope: null });
  assert.equal(diagnoseProbe("useBundled", { code: 0, stdout: old, stderr: "" }, "/p").kind, "oldPython");
  const missing = JSON.stringify({ python: "/p", pythonVersion: [3, 12], flaskscope: null, error: "ModuleNotFoundError: No module named 'flaskscope'" });
  const p = diagnoseProbe("fromEnvironment", { code: 0, stdout: missing, stderr: "" }, "/p");
  assert.equal(p.kind, "notInstalled");
  assert.match(p.detail, /not installed in \/p/);
  assert.equal(diagnoseProbe("useBundled", { code: 0, stdout: missing, stderr: "" }, "/p").kind, "broken");
  assert.equal(diagnoseProbe("useBundled", { code: 1, stdout: "", stderr: "  File x\nSyntaxError: invalid syntax" }, "/p").kind, "oldPython");
});
