// Browser test of the Source editor with the mouse and keyboard: a C program with three
// mistakes lists all three errors, each a link to its line; a program that runs for
// millions of steps loads a slice a frame behind a "Running" notice whose Stop keeps
// the steps made so far (screenshots to look at).
//   node editor.test.mjs --dist DIR --artifacts DIR
import { parseArgs } from 'node:util';
import { clickWidget, createChecks, frameDone, openApp, pasteIntoEditor, screenshots, withBrowser } from './harness.mjs';

const { values } = parseArgs({ options: { dist: { type: 'string' }, artifacts: { type: 'string' } } });
const { check, finish } = createChecks();
const shot = screenshots(values.artifacts, check);

const threeMistakes = [
  '#include <stdio.h>',
  'int twice(int n) {',
  '    return n * 2',
  '}',
  'int main(void) {',
  '    int count = 0;',
  '    count = twice(count;',
  '    printf("%d\\n", count)',
  '    return 0;',
  '}',
  '',
].join('\n');

const endless = [
  'int main(void) {',
  '    long sum = 0;',
  '    for (long i = 0; i < 1000000000; i++) sum += i;',
  '    return (int) (sum & 1);',
  '}',
  '',
].join('\n');

async function pasteAndRun(page, text) {
  await pasteIntoEditor(page, text);
  await clickWidget(page, 'source.run');
}

await withBrowser(values.dist, async (browser, url) => {
  const { page, errors } = await openApp(browser, url, { width: 1366, height: 768 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => { window.memsim.quizMode(false); window.memsim.loadBuiltin('factorial'); });
  const until = (predicate, arg, timeout = 10000) => page.waitForFunction(predicate, arg, { timeout }).catch(() => {});

  // --- Every compile error at once, each clickable.
  await pasteAndRun(page, threeMistakes);
  await until(() => !!window.memsim.debugWidgets()['source.error.2']);
  const rects = await page.evaluate(() => window.memsim.debugWidgets());
  const listed = ['source.error.0', 'source.error.1', 'source.error.2'].filter((n) => rects[n]).length;
  check('three mistakes are listed as three errors', listed === 3 && !rects['source.error.3'], `${listed} listed`);
  await shot(page, 'editor-errors.png');
  await clickWidget(page, 'source.error.2');
  await frameDone(page);
  check('an error is a link (clicking it keeps the page working)', !!(await page.evaluate(() => window.memsim.debugWidgets()['source.error.0'])));
  const loaded = await page.evaluate((t) => window.memsim.load(t), threeMistakes);
  check('the page API gives every error with its line', !loaded.ok && loaded.errors.length === 3 &&
        loaded.errors.map((e) => e.line).join(',') === '4,7,9', JSON.stringify(loaded.errors));

  // --- A long run: a slice a frame, a notice with Stop.
  await page.evaluate(() => window.memsim.loadBuiltin('factorial'));
  await frameDone(page);
  await pasteAndRun(page, endless);
  await until(() => !!window.memsim.debugWidgets()['loading.stop']);
  const during = await page.evaluate(() => window.memsim.state());
  check('a long program shows the Running notice while it loads', during.loading && during.loadingSteps > 0,
        `loading ${during.loading}, ${during.loadingSteps} steps`);
  await shot(page, 'editor-running.png');
  // A frozen page draws no frame at all; a loaded CI machine may draw only a few a second, so this asks for
  // five new frames within a generous window rather than a frame rate.
  const frames = await page.evaluate(() => window.memsim.perf().total_frames);
  const started = Date.now();
  await until((first) => window.memsim.perf().total_frames >= first + 5 || !window.memsim.state().loading, frames, 8000);
  const later = await page.evaluate(() => window.memsim.perf().total_frames);
  const stillLoading = await page.evaluate(() => window.memsim.state().loading);
  check('the page keeps drawing frames while the program loads', later - frames >= 5 && stillLoading,
        `${later - frames} frames in ${Date.now() - started} ms, still loading ${stillLoading}`);
  await clickWidget(page, 'loading.stop');
  await until(() => !window.memsim.state().loading);
  const after = await page.evaluate(() => window.memsim.state());
  check('Stop keeps the steps made so far as the run', !after.loading && after.stopped && after.title === 'C program' &&
        after.totalSteps > 0 && after.totalSteps < 10000000, `${after.title}: ${after.totalSteps} steps, stopped ${after.stopped}`);
  await shot(page, 'editor-stopped.png');
  check('no console errors', errors.length === 0, errors.slice(0, 3).join(' | '));
  await page.close();
});
finish();
