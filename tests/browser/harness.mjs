// What the browser tests share: pass/fail bookkeeping with a final "N passed, M failed"
// line, and a page server plus headless Chromium that are closed whatever happens.
import { launchBrowser } from './browser.mjs';
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
export async function openApp(browser, url, viewport = { width: 1600, height: 1000 }) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  await page.evaluate(async () => { await window.memsimReady; });
  return { page, errors };
}
