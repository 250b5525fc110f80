// What the browser tests share: pass/fail bookkeeping with a final "N passed, M failed"
// line, and a page server plus headless Chromium that are closed whatever happens.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { describePixels, looksDrawn } from './png_check.mjs';
import { startServer } from '../../tools/static_server.mjs';

export function createChecks() {
  const failures = [];
  let passed = 0;
  return {
    check(name, ok, detail = '') {
      if (ok) passed++;
      else failures.push(`${name}${detail ? ': ' + detail : ''}`);
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ' (' + detail + ')' : ''}`);
    },
    // Prints the summary and exits with 1 when anything failed.
    finish() {
      console.log(`${passed} passed, ${failures.length} failed`);
      process.exit(failures.length ? 1 : 0);
    },
  };
}

// Serves `dist` on 127.0.0.1, launches the browser, runs body(browser, url), then closes both.
export async function withBrowser(dist, body) {
  const server = await startServer(dist);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launchBrowser();
  try {
    await body(browser, url);
  } finally {
    await browser.close();
    server.close();
  }
}

// Opens the app in a new page and waits for its JS API; `errors` collects console errors
// and uncaught exceptions for a final "no errors" check.
// A first visit is greeted by a welcome dialog; tests that are not about it start as a
// returning visitor (options.welcome = true keeps the greeting; options.touch = a phone).
export async function openApp(browser, url, viewport = { width: 1600, height: 1000 }, options = {}) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: options.scale || 1, hasTouch: !!options.touch,
                                       isMobile: !!options.touch, welcome: !!options.welcome });
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  await page.evaluate(async () => { await window.memsimReady; });
  return { page, errors };
}

// Resolves once the app has drawn a frame after this call (or after 10 s): ImGui reads
// input once per frame, so waiting in frames, not milliseconds, holds on a slow machine.
export async function frameDone(page) {
  const seen = await page.evaluate(() => window.memsim.perf().total_frames);
  await page.waitForFunction((n) => window.memsim.perf().total_frames > n, seen, { timeout: 10000 }).catch(() => {});
}

// Presses keys together (['Control', 'End']) and holds them until a frame has seen them,
// then releases them until a frame has seen that.
export async function holdKeys(page, keys) {
  for (const key of keys) await page.keyboard.down(key);
  await frameDone(page);
  for (const key of [...keys].reverse()) await page.keyboard.up(key);
  await frameDone(page);
}

// Where the last frame drew a window or a named widget (memsim.debugWidgets()), so clicks
// follow the layout instead of fixed coordinates.
export async function widget(page, name) {
  // Two whole frames after the last change (a relayout lands one frame later).
  const frames = await page.evaluate(() => window.memsim.framesDrawn());
  await page.waitForFunction((n) => window.memsim.framesDrawn() >= n + 2, frames);
  const rects = await page.evaluate(() => window.memsim.debugWidgets());
  if (!rects[name]) throw new Error(`no widget "${name}" in ${Object.keys(rects).join(', ')}`);
  return rects[name];
}

// The cells of a table (named PREFIX.ROW.COLUMN by note_item) whose text runs into the
// next column or past the table's right edge, as "ROW.COLUMN" names: [] when every text
// fits its column. ImGui reports a text's whole width even where its column clips it.
export function overflowingCells(rects, prefix, table) {
  const cells = Object.keys(rects).filter((k) => k.startsWith(prefix + '.'))
    .map((k) => { const [row, column] = k.slice(prefix.length + 1).split('.').map(Number); return { row, column, ...rects[k] }; });
  return cells.filter((c) => {
    const next = cells.find((n) => n.row === c.row && n.column === c.column + 1);
    const limit = next ? next.x : table.x + table.width;
    return c.x + c.width > limit;
  }).map((c) => `${c.row}.${c.column}`);
}

// A click held over a few frames: ImGui 1.86 reads the button once per frame, and tabs
// select on the press, which a press and release within one frame would hide.
export async function clickWidget(page, name) {
  const r = await widget(page, name);
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  await page.waitForTimeout(100);
  await page.mouse.down();
  await page.waitForTimeout(100);
  await page.mouse.up();
}

// A screenshot taker for one test: saves each PNG in `folder` and checks that it shows
// the UI (not a blank or half-drawn canvas). Returns the PNG bytes.
export function screenshots(folder, check) {
  mkdirSync(folder, { recursive: true });
  return async function shot(page, name) {
    await page.waitForTimeout(700);  // real time for frames (see TOOLCHAIN.md)
    const png = await page.screenshot();
    writeFileSync(join(folder, name), png);
    check(`screenshot ${name} shows the UI`, looksDrawn(describePixels(png)));
    return png;
  };
}

// Replaces the Source editor's text through the clipboard, as a user does: Edit, a click
// in the editor, Ctrl+A and Delete (again if a busy machine dropped the keys: ImGui reads
// them once a frame), then Ctrl+V held down. The page needs clipboard permissions. Resolves once the
// draft holds `text`, or after 10 s.
export async function pasteIntoEditor(page, text) {
  const until = (predicate, arg) => page.waitForFunction(predicate, arg, { timeout: 10000 }).catch(() => {});
  await clickWidget(page, 'source.edit');
  await until(() => window.memsim.draft().editing && !!window.memsim.debugWidgets()['source.editor']);
  await clickWidget(page, 'source.editor');
  await frameDone(page);
  for (let attempt = 0; attempt < 3; attempt++) {
    await holdKeys(page, ['Control', 'a']);
    await holdKeys(page, ['Delete']);
    await until(() => window.memsim.draft().text.trim() === '');
    if (await page.evaluate(() => window.memsim.draft().text.trim() === '')) break;
  }
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  // Held past ImGui's key-repeat delay (0.275 s): one press pastes once however long
  // the page takes to see the key go up.
  await page.keyboard.down('Control');
  await page.keyboard.down('v');
  await page.waitForTimeout(600);
  await frameDone(page);
  await page.keyboard.up('v');
  await page.keyboard.up('Control');
  await frameDone(page);
  await until((t) => window.memsim.draft().text === t, text);
}
