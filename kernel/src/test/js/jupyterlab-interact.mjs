// Uses a notebook in JupyterLab 4 as a person does, with the keyboard and the toolbar: Tab completion,
// Shift+Tab's tooltip, the stop button on a busy cell, then a restart. Writes SHOTS/TAG-result.json.
// Usage: node jupyterlab-interact.mjs NOTEBOOK_PATH TAG (an empty notebook on the Sluice kernel).
// Env: LAB_URL, SHOTS.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const base = process.env.LAB_URL;
const [nbPath, tag] = process.argv.slice(2);
const shots = process.env.SHOTS;
fs.mkdirSync(shots, { recursive: true });
const result = { pageErrors: [] };
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jlab-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  viewport: { width: 1400, height: 1000 }
});
const page = context.pages()[0] || await context.newPage();
page.on('pageerror', e => result.pageErrors.push(e.message.slice(0, 400)));

const idle = (timeout = 120000) => page.waitForFunction(() => {
  const w = window.jupyterapp.shell.currentWidget;
  const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return w.sessionContext.isReady && k && k.status === 'idle' && k.connectionStatus === 'connected';
}, null, { timeout, polling: 200 });
const status = () => page.evaluate(() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status);
// The editor of the active cell, emptied, with TEXT typed into it.
const type = async text => {
  const editor = page.locator('.jp-Notebook .jp-Cell.jp-mod-active .cm-content');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
};
// Types TEXT into the active cell, runs it with Shift+Enter and returns its outputs once it has run.
const run = async text => {
  await type(text);
  const i = await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.activeCellIndex);
  await page.keyboard.press('Shift+Enter');
  await page.waitForFunction(i => {
    const w = window.jupyterapp.shell.currentWidget;
    return w.content.widgets[i].model.executionCount !== null && w.sessionContext.session.kernel.status === 'idle';
  }, i, { timeout: 120000, polling: 100 });
  return outputsOf(i);
};
const outputsOf = i => page.evaluate(i => {
  const cell = window.jupyterapp.shell.currentWidget.content.widgets[i];
  return (cell.model.sharedModel.toJSON().outputs || []).map(o => o.output_type === 'error' ? `error ${o.ename}` :
    o.output_type === 'stream' ? `stream ${o.text}` : `${o.output_type} ${(o.data || {})['text/plain']}`);
}, i);

let exitCode = 0;
try {
  await page.goto(`${base}/lab?reset`, { waitUntil: 'domcontentloaded', timeout: 60000 });
  await page.waitForFunction(() => window.jupyterapp, null, { timeout: 120000 });
  await page.evaluate(() => window.jupyterapp.restored);
  await page.evaluate(p => window.jupyterapp.commands.execute('docmanager:open', { path: p }).then(() => true), nbPath);
  await idle(180000);

  // Tab after "%ls" lists the magic names that start so.
  await type('%ls');
  await page.keyboard.press('Tab');
  await page.waitForSelector('.jp-Completer:not(.lm-mod-hidden) .jp-Completer-item', { timeout: 20000 })
    .then(async () => { result.magicCompletions = await page.locator('.jp-Completer-item').allInnerTexts(); },
      () => { result.magicCompletions = []; });
  await page.keyboard.press('Escape');

  // Tab after "Math.ma" lists Java members.
  await type('Math.ma');
  await page.keyboard.press('Tab');
  await page.waitForSelector('.jp-Completer:not(.lm-mod-hidden) .jp-Completer-item', { timeout: 20000 })
    .then(async () => { result.javaCompletions = await page.locator('.jp-Completer-item').allInnerTexts(); },
      () => { result.javaCompletions = []; });
  await page.keyboard.press('Escape');

  // Shift+Tab on a name shows its signature in a tooltip.
  await type('Math.max');
  await page.keyboard.press('Shift+Tab');
  await page.waitForSelector('.jp-Tooltip', { timeout: 20000 })
    .then(async () => { result.tooltip = (await page.locator('.jp-Tooltip').first().innerText()).slice(0, 500); },
      () => { result.tooltip = null; });
  await page.keyboard.press('Escape');
  await page.screenshot({ path: `${shots}/${tag}-tooltip.png` });

  // A value to outlive the interrupt, then a busy loop, stopped with the toolbar's stop button.
  await run('int kept = 41;');
  await type('while (true) { }');
  await page.keyboard.press('Shift+Enter');
  await page.waitForFunction(() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'busy',
    null, { timeout: 20000, polling: 100 });
  await page.waitForTimeout(1000);
  result.busyBeforeStop = await status();
  const stop = page.locator('.jp-NotebookPanel-toolbar [data-jp-item-name="interrupt"] button, .jp-NotebookPanel-toolbar button[data-command="notebook:interrupt-kernel"]').first();
  result.stopButton = await stop.count() > 0;
  const stopped = Date.now();
  if (result.stopButton) await stop.click(); else await page.evaluate(() => window.jupyterapp.commands.execute('notebook:interrupt-kernel'));
  await idle(30000);
  result.secondsToStop = (Date.now() - stopped) / 1000;
  const cells = await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.widgets.length);
  result.loopOutputs = await outputsOf(cells - 2);
  result.afterStop = await run('kept + 1');

  // Restart from the Kernel menu's command, confirmed in its dialog as a user would.
  const restarted = page.evaluate(() => window.jupyterapp.commands.execute('kernelmenu:restart'));
  await page.locator('.jp-Dialog .jp-mod-accept').first().click({ timeout: 20000 });
  await restarted;
  // The kernel leaves idle (restarting, starting) before it is idle again.
  await page.waitForFunction(() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status !== 'idle',
    null, { timeout: 5000, polling: 50 }).catch(() => {});
  await idle(180000);
  result.afterRestart = await run('1 + 1');
  result.keptAfterRestart = await run('kept');
  await page.screenshot({ path: `${shots}/${tag}.png` });
  await page.evaluate(() => window.jupyterapp.serviceManager.sessions.shutdownAll());
} catch (e) {
  exitCode = 1;
  result.error = String(e && e.stack || e);
  try { await page.screenshot({ path: `${shots}/${tag}-failure.png` }); } catch {}
}
fs.writeFileSync(`${shots}/${tag}-result.json`, JSON.stringify(result, null, 2));
await context.close();
fs.rmSync(userDataDir, { recursive: true, force: true });
process.exit(exitCode);
