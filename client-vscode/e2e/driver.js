// Drive a real VS Code (code-server) in headless Debian Chromium with playwright-core:
// open the sink file, see the flaskscope diagnostic in the editor and in Problems, read the hover,
// apply the preferred quick fix from the editor's quick-fix menu (Ctrl+.), save all, and check the
// squiggle is gone. Env: CS_URL, SINK (path relative to the workspace, e.g. app/reports.py),
// SINK_LINE (1-based), EXPECT_CODE (FCX101), FIX_TITLE (substring of the preferred fix's title),
// ART (artifacts folder), WAIT_MS.
const { chromium } = require("playwright-core");
const fs = require("fs");
const path = require("path");

const { CS_URL, SINK, EXPECT_CODE = "FCX101", ART } = process.env;
const SINK_LINE = +(process.env.SINK_LINE || 1);
const FIX_TITLE = process.env.FIX_TITLE || "";
const WAIT = +(process.env.WAIT_MS || 90000);
const t0 = Date.now();
const log = (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(2)}s] ${m}`);
const flat = (s) => s.replace(/\s+/g, " ").trim();
const result = { steps: [] };

(async () => {
  fs.mkdirSync(ART, { recursive: true });
  const profile = fs.mkdtempSync(path.join(process.env.TMPDIR || "/tmp", "chromium-profile-"));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  let code = 1;
  const blocked = [];
  const page = ctx.pages()[0] || (await ctx.newPage());
  const shot = async (name) => {
    const file = path.join(ART, name);
    await page.screenshot({ path: file });
    log("screenshot " + file);
  };
  try {
    await ctx.route("**/*", (route) => {
      const u = new URL(route.request().url());
      if (["127.0.0.1", "localhost"].includes(u.hostname) || u.protocol === "data:" || u.protocol === "blob:") return route.continue();
      blocked.push(u.href);
      return route.abort();
    });
    page.on("pageerror", (e) => log("pageerror: " + e.message));
    await page.goto(CS_URL);
    await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
    log("workbench visible");
    await page.waitForSelector(".explorer-folders-view .monaco-list-row", { timeout: 60000 });

    if (process.env.EXPECT_NOT_INSTALLED) {
      // flaskscope is not installed in the chosen interpreter: the status bar says so, and the
      // notification offers the bundled copy; accepting it must restart the server with it.
      const bad = page.locator('.statusbar-item:has-text("flaskscope")').first();
      await page.waitForFunction(() => [...document.querySelectorAll(".statusbar-item")]
        .some((e) => e.textContent.includes("flaskscope") && e.querySelector(".codicon-error")), null, { timeout: 60000 });
      log("status bar: " + flat(await bad.innerText()) + " (error)");
      const toast = page.locator('.notification-toast:has-text("not installed")').first();
      await toast.waitFor({ timeout: 30000 });
      log("notification: " + flat(await toast.innerText()));
      result.notification = flat(await toast.innerText());
      await shot("not-installed.png");
      await toast.locator('.monaco-button:has-text("Use bundled flaskscope")').click();
      log("clicked: Use bundled flaskscope");
      result.steps.push("notInstalled->useBundled");
    }

    // Open the sink file with Quick Open (Ctrl+P), as a user would.
    const base = path.basename(SINK);
    await page.locator(".explorer-folders-view").click();
    for (let attempt = 0; ; attempt++) {
      await page.keyboard.press("Control+P");
      const input = page.locator(".quick-input-widget input");
      await input.waitFor({ state: "visible", timeout: 10000 });
      await input.fill(SINK);
      const row = page.locator(`.quick-input-widget .monaco-list-row:has-text("${base}")`).first();
      try {
        await row.waitFor({ timeout: 15000 });
        await page.keyboard.press("Enter");
        break;
      } catch (e) {
        await page.keyboard.press("Escape");
        if (attempt >= 3) throw e;
      }
    }
    await page.waitForSelector(`.tab.active:has-text("${base}")`, { timeout: 30000 });
    const editor = page.locator(".editor-instance .monaco-editor").first();
    await editor.locator(".view-lines").waitFor({ timeout: 30000 });
    log(`editor shows ${SINK}`);

    // 1. The diagnostic in the editor.
    const squiggle = editor.locator(".squiggly-error");
    await squiggle.first().waitFor({ state: "attached", timeout: WAIT });
    log("diagnostic squiggle visible");
    result.steps.push("squiggle");

    // 2. The Problems panel.
    await page.keyboard.press("Control+Shift+M");
    const problem = page.locator(`.markers-panel .monaco-list-row:has-text("${EXPECT_CODE}")`);
    await problem.first().waitFor({ timeout: 30000 });
    const problemText = flat(await page.locator(".markers-panel").first().innerText());
    log("Problems panel: " + problemText);
    if (!new RegExp(`Ln ${SINK_LINE}\\b`).test(problemText)) throw new Error(`Problems panel does not show line ${SINK_LINE}`);
    result.problems = problemText;
    result.steps.push("problems");

    // 3. Hover the squiggle and read the explanation.
    // The decoration is re-created whenever diagnostics are re-published: retry until it holds still.
    let box = null;
    for (let i = 0; i < 40 && !box; i++) {
      try {
        await squiggle.first().waitFor({ state: "visible", timeout: 2000 });
        box = await squiggle.first().boundingBox({ timeout: 1000 });
      } catch {
        box = null;
      }
      if (!box) await page.waitForTimeout(250);
    }
    if (!box) throw new Error("the squiggle never stayed visible long enough to hover it");
    const hoverAt = { x: box.x + Math.min(box.width / 2, 30), y: box.y + box.height / 2 - 8 };
    const hover = page.locator(".monaco-hover:visible");
    for (let attempt = 0; ; attempt++) {
      await page.mouse.move(hoverAt.x - 40, hoverAt.y + 60);
      await page.mouse.move(hoverAt.x, hoverAt.y, { steps: 5 });
      try {
        await page.locator('.monaco-hover:visible:has-text("How execution gets here")').first().waitFor({ timeout: 10000 });
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
      }
    }
    const hoverText = flat(await hover.first().innerText());
    log("hover: " + hoverText);
    for (const needle of [EXPECT_CODE, "application context", "How execution gets here", "thread"]) {
      if (!hoverText.includes(needle)) throw new Error(`hover lacks "${needle}"`);
    }
    result.hover = hoverText;
    result.steps.push("hover");
    await shot("hover.png");

    // 4. The quick-fix menu: cursor on the diagnostic, Ctrl+. , choose the preferred fix.
    // The hover can keep the keyboard for a moment (seen once in CI: Ctrl+. opened nothing while it
    // showed), so the shortcut is tried again, after moving the mouse away and dismissing it.
    const menu = page.locator(".action-widget");
    for (let attempt = 0; ; attempt++) {
      await page.mouse.click(hoverAt.x, hoverAt.y);
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+.");
      try {
        await menu.locator(".monaco-list-row").first().waitFor({ state: "visible", timeout: 10000 });
        break;
      } catch (e) {
        if (attempt >= 2) throw e;
        log("quick-fix menu not shown yet: dismissing the hover and trying again");
        await page.mouse.move(hoverAt.x + 300, hoverAt.y + 250);
        await page.keyboard.press("Escape");
      }
    }
    const items = (await menu.locator(".monaco-list-row.action").allInnerTexts()).map(flat);
    log("quick-fix menu: " + JSON.stringify(items));
    result.menu = items;
    await shot("quickfix-menu.png");
    const wanted = items.findIndex((t) => t.startsWith(`flaskscope (${EXPECT_CODE})`) && t.includes(FIX_TITLE));
    if (wanted < 0) throw new Error(`no quick fix titled like "flaskscope (${EXPECT_CODE}): …${FIX_TITLE}…" in the menu`);
    await menu.locator(".monaco-list-row.action").nth(wanted).click();
    log(`applied: ${items[wanted]}`);
    result.applied = items[wanted];
    result.steps.push("quickfix");

    // 5. Save all (the fix edits other files too): the command palette's "File: Save All".
    await page.waitForTimeout(500);
    await page.keyboard.press("Control+Shift+P");
    const palette = page.locator(".quick-input-widget input");
    await palette.waitFor({ state: "visible", timeout: 10000 });
    await palette.fill(">File: Save All");
    await page.locator('.quick-input-widget .monaco-list-row:has-text("Save All")').first().waitFor({ timeout: 10000 });
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelectorAll(".tab.dirty").length === 0, null, { timeout: 15000 });
    log("saved all");
    result.steps.push("saved");

    // 6. The server re-analyses the saved project: the squiggle and the Problems row go away.
    await squiggle.first().waitFor({ state: "detached", timeout: WAIT });
    await page.locator('.markers-panel .monaco-list-row:has-text("flaskscope")').first().waitFor({ state: "detached", timeout: WAIT });
    const statusText = flat(await page.locator('.statusbar-item:has-text("flaskscope")').first().innerText());
    log(`diagnostic gone after the fix (editor and Problems); status bar: "${statusText}"`);
    result.steps.push("clean");
    await shot("after-fix.png");
    code = 0;
  } catch (e) {
    log("FAIL: " + e.message);
    result.error = e.message;
    try { await shot("failure.png"); } catch {}
    try { fs.writeFileSync(path.join(ART, "failure-dom.html"), await page.content()); } catch {}
  } finally {
    log(`blocked ${blocked.length} off-host requests: ${[...new Set(blocked.map((u) => new URL(u).host))].join(", ")}`);
    result.blocked = blocked;
    fs.writeFileSync(path.join(ART, "driver-result.json"), JSON.stringify(result, null, 2));
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
    console.log(code === 0 ? "DRIVER PASS" : "DRIVER FAIL");
    process.exit(code);
  }
})();
