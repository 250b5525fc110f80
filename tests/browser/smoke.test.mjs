// Browser smoke test: serve the web folder on 127.0.0.1, open it in Debian's headless
// Chromium, wait until the module reports ready, fail on any console or page error,
// and check from a screenshot's pixels that ImGui drew the UI.
//   node smoke.test.mjs --dist DIR --artifacts DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describePixels, looksDrawn } from './png_check.mjs';
import { createChecks, withBrowser } from './harness.mjs';

const { values } = parseArgs({ options: { dist: { type: 'string' }, artifacts: { type: 'string' } } });
mkdirSync(values.artifacts, { recursive: true });

const { check, finish } = createChecks();

await withBrowser(values.dist, async (browser, url) => {
  for (const scale of [1, 2]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: scale });
    const errors = [];
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    page.on('pageerror', (err) => errors.push(String(err)));
    await page.goto(url);
    const version = await page.evaluate(async () => (await window.memsimReady).version());
    check(`module ready at device pixel ratio ${scale}`, /^\d+\.\d+\.\d+$/.test(version), `version ${version}`);
    await page.waitForTimeout(1500);  // real time for a few frames (see TOOLCHAIN.md)
    const canvas = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { width: c.width, height: c.height, css: c.getBoundingClientRect().width };
    });
    check(`canvas follows the window and pixel ratio ${scale}`,
          canvas.width === 1280 * scale && canvas.css === 1280, JSON.stringify(canvas));
    const shot = await page.screenshot();
    const file = join(values.artifacts, `browser-dpr${scale}.png`);
    writeFileSync(file, shot);
    const stats = describePixels(shot);
    check(`screenshot at pixel ratio ${scale} shows the UI`, looksDrawn(stats), JSON.stringify(stats));

    await page.setViewportSize({ width: 900, height: 600 });
    await page.waitForTimeout(500);
    const resized = await page.evaluate(() => document.getElementById('canvas').width);
    check(`canvas follows a window resize at pixel ratio ${scale}`, resized === 900 * scale, `width ${resized}`);
    const frames = await page.evaluate(() => window.memsim.framesDrawn());
    check('the app keeps drawing frames', frames > 10, `${frames} frames`);
    check(`no console or page errors at pixel ratio ${scale}`, errors.length === 0, errors.join(' | '));
    await page.close();
  }

  // Without WebGL2 the page must say so in words instead of staying blank.
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
    };
  });
  await page.goto(url);
  await page.waitForTimeout(300);
  const notice = await page.textContent('#status');
  check('a browser without WebGL2 gets a readable message', /needs WebGL2/.test(notice), notice);
  await page.close();
});
finish();
