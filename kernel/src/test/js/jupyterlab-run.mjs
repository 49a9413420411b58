// Opens a notebook in JupyterLab 4 in headless Chromium, runs all its cells as a user's Run All does,
// waits for plotly to draw, and writes what a user sees to SHOTS/TAG-result.json (per cell: its
// execution count and output types; per chart and figure: whether plotly drew it; every host the page
// requested; page errors) and screenshots SHOTS/TAG-*.png.
// Adapted from ../shared/jupyterlab/driver/run-notebook.mjs; test_jupyterlab.py copies it into the
// built driver folder (where playwright-core is installed) and runs it with node.
// Usage: node jupyterlab-run.mjs NOTEBOOK_PATH TAG [open]   ("open": only open it, do not run it)
// Env: LAB_URL, SHOTS, KERNEL_TIMEOUT_MS.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const base = process.env.LAB_URL;
const [nbPath, tag, mode] = process.argv.slice(2);
const run = mode !== 'open';
const shots = process.env.SHOTS;
const kernelTimeout = Number(process.env.KERNEL_TIMEOUT_MS || 180000);
fs.mkdirSync(shots, { recursive: true });

const result = { notebook: nbPath, hosts: [], pageErrors: [], log: [] };
const hosts = new Set();
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jlab-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic'],
  viewport: { width: 1400, height: 1000 }
});
const page = context.pages()[0] || await context.newPage();
page.on('request', r => { try { hosts.add(new URL(r.url()).host); } catch {} });
page.on('websocket', ws => { try { hosts.add(new URL(ws.url()).host); } catch {} });
page.on('pageerror', e => result.pageErrors.push(e.message.slice(0, 400)));
page.on('console', m => { if (m.type() === 'error') result.log.push(m.text().slice(0, 300)); });

const notebook = () => window.jupyterapp.shell.currentWidget;
let exitCode = 0;
try {
  await page.goto(`${base}/lab?reset`, { waitUntil: 'domcontentloaded', timeout: 60000 });
  await page.waitForFunction(() => window.jupyterapp, null, { timeout: 120000 });
  await page.evaluate(() => window.jupyterapp.restored);
  await page.evaluate(p => window.jupyterapp.commands.execute('docmanager:open', { path: p }).then(() => true), nbPath);
  await page.waitForFunction(() => {
    const w = window.jupyterapp.shell.currentWidget;
    const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
    return w.sessionContext.isReady && k && k.status === 'idle' && k.connectionStatus === 'connected';
  }, null, { timeout: kernelTimeout, polling: 500 });
  if (run) {
    await page.evaluate(() => window.jupyterapp.commands.execute('notebook:run-all-cells'));
    await page.waitForFunction(() => {
      const w = window.jupyterapp.shell.currentWidget;
      const busy = [...w.node.querySelectorAll('.jp-InputArea-prompt')].some(p => p.textContent.includes('*'));
      return !busy && w.sessionContext.session.kernel.status === 'idle';
    }, null, { timeout: 600000, polling: 500 });
  }
  // Every cell rendered (the notebook draws only the cells in view), then plotly's drawing.
  await page.setViewportSize({ width: 1400, height: 16000 });
  await page.waitForTimeout(1500);
  await page.waitForFunction(() => {
    const charts = [...document.querySelectorAll('.sluice-chart, .sluice-figure')];
    return charts.every(c => c.querySelector('.js-plotly-plot'));
  }, null, { timeout: 60000, polling: 500 }).catch(() => {});
  result.cells = await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.widgets.map(c => {
    const outputs = c.model.type === 'code' ? c.model.sharedModel.toJSON().outputs || [] : [];
    const area = c.outputArea ? c.outputArea.node : null;
    return {
      type: c.model.type,
      trusted: c.model.trusted,
      executionCount: c.model.type === 'code' ? c.model.executionCount : null,
      source: c.model.sharedModel.getSource().slice(0, 80),
      outputTypes: outputs.map(o => o.output_type),
      errors: outputs.filter(o => o.output_type === 'error').map(o => `${o.ename}: ${o.evalue}`),
      streamText: outputs.filter(o => o.output_type === 'stream').map(o => Array.isArray(o.text) ? o.text.join('') : o.text).join(''),
      shownText: area ? area.innerText.slice(0, 2000) : '',
      charts: area ? [...area.querySelectorAll('.sluice-chart, .sluice-figure')].map(ch => ({
        kind: ch.className,
        drawn: !!ch.querySelector('.js-plotly-plot'),
        imageShown: [...ch.querySelectorAll('img')].some(x => getComputedStyle(x).display !== 'none' && x.naturalWidth > 0)
      })) : [],
      tables: area ? area.querySelectorAll('table').length : 0
    };
  }));
  await page.screenshot({ path: `${shots}/${tag}.png`, fullPage: true });
  await page.evaluate(() => window.jupyterapp.serviceManager.sessions.shutdownAll());
} catch (e) {
  exitCode = 1;
  result.error = String(e && e.stack || e);
  try { await page.screenshot({ path: `${shots}/${tag}-failure.png` }); } catch {}
}
result.hosts = [...hosts];
fs.writeFileSync(`${shots}/${tag}-result.json`, JSON.stringify(result, null, 2));
await context.close();
fs.rmSync(userDataDir, { recursive: true, force: true });
process.exit(exitCode);
