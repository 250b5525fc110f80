// Browser test of the bad-input corpus: every file in tests/bad_inputs/ loaded through
// memsim.load must fail with exactly its reviewed error (the same line:column and message
// the CLI gives), and after all of them the page must still load, step and draw.
//   node bad_inputs.test.mjs --dist DIR --artifacts DIR
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describePixels, looksDrawn } from './png_check.mjs';
import { createChecks, withBrowser } from './harness.mjs';

const { values } = parseArgs({ options: { dist: { type: 'string' }, artifacts: { type: 'string' } } });
mkdirSync(values.artifacts, { recursive: true });
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const folder = join(root, 'tests', 'bad_inputs');
// A JS string cannot carry bytes that are not UTF-8: the page (like a file input) sees them
// decoded with U+FFFD in their place, so for those files only the line and the kind of
// error must match, not the byte the CLI names.
const isUtf8 = (bytes) => { try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); return true; } catch { return false; } };
const cases = readdirSync(folder).filter((name) => name.endsWith('.msim')).sort().map((name) => {
  const bytes = readFileSync(join(folder, name));
  return {
    name,
    text: new TextDecoder('utf-8').decode(bytes),
    exact: isUtf8(bytes),
    expected: readFileSync(join(folder, name.replace(/\.msim$/, '.expected')), 'utf8').replace(/\n+$/, ''),
  };
});

// The same rendering as Error::to_string in engine/src/core/result.cpp.
const describe = ({ line, column, message }) =>
  line > 0 ? `${line}${column > 0 ? ':' + column : ''}: ${message}` : message;

const { check, finish } = createChecks();
check('the corpus has at least 40 bad inputs', cases.length >= 40, `${cases.length}`);

await withBrowser(values.dist, async (browser, url) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(url);
  await page.evaluate(async () => { await window.memsimReady; });

  for (const { name, text, exact, expected } of cases) {
    const result = await page.evaluate((t) => window.memsim.load(t), text);
    const got = result.ok === false && result.errors?.length ? describe(result.errors[0]) : JSON.stringify(result);
    const line = (s) => s.split(':')[0];
    const ok = exact ? got === expected : line(got) === line(expected) && got.includes('not UTF-8');
    check(`${name} gives its reviewed error`, ok, ok ? '' : `got "${got}", expected "${expected}"`);
  }

  // Still working: a good scenario loads and steps, and the canvas draws.
  const good = readFileSync(join(root, 'scenarios', 'belady-fifo.msim'), 'utf8');
  const loaded = await page.evaluate((t) => window.memsim.load(t), good);
  await page.evaluate(() => window.memsim.quizMode(false));  // the lesson's questions would hold step 3
  const stepped = await page.evaluate(() => window.memsim.step(12));
  check('after every bad input a good scenario loads and runs',
        loaded.ok === true && stepped.step === 12, JSON.stringify([loaded, stepped]));
  await page.waitForTimeout(700);  // real time for frames (see TOOLCHAIN.md)
  const png = await page.screenshot();
  writeFileSync(join(values.artifacts, 'bad-inputs-after.png'), png);
  check('the page still draws', looksDrawn(describePixels(png)));
  check('no uncaught page errors', pageErrors.length === 0, pageErrors.join(' | '));
});
finish();
