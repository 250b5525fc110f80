// Browser test of ?ostep=: a link with an OSTEP homework command opens that problem
// (paging-policy.py's reference string, LRU, 3 frames) with its questions; answering the
// first and skipping the rest steps through to the last access. Saves a screenshot.
//   node ostep.test.mjs --dist DIR --artifacts DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describePixels, looksDrawn } from './png_check.mjs';
import { createChecks, openApp, withBrowser } from './harness.mjs';

const { values } = parseArgs({ options: { dist: { type: 'string' }, artifacts: { type: 'string' } } });
mkdirSync(values.artifacts, { recursive: true });
const { check, finish } = createChecks();

await withBrowser(values.dist, async (browser, url) => {
  const { page, errors } = await openApp(browser, url + '?ostep=paging-policy.py%20-s%203%20-p%20LRU%20-n%2012');
  await page.evaluate(async () => { await window.memsimEmbed.ready; });

  let state = await page.evaluate(() => window.memsim.state());
  check('the ?ostep= link loads the problem: 12 accesses under LRU', state.totalSteps === 12 && state.vm.policy === 'lru',
        `${state.totalSteps} steps, ${state.vm && state.vm.policy}`);
  let quiz = await page.evaluate(() => window.memsim.quiz());
  check('its first question waits before the first access', quiz.total > 12 && quiz.pending !== null &&
        quiz.pending.kind === 'hit_or_miss' && quiz.pending.step === 1, JSON.stringify(quiz.pending));

  // A fresh cache misses on its first access.
  const r = await page.evaluate(() => window.memsim.answer('miss'));
  check('answering "miss" is right and reveals step 1', r.ok && r.quiz.correct === 1 && r.quiz.step === 1, JSON.stringify(r.quiz));

  for (let i = 0; i < 100; i++) {
    quiz = await page.evaluate(() => window.memsim.quiz());
    if (quiz.pending === null) break;
    await page.evaluate(() => window.memsim.skipQuestion());
  }
  state = await page.evaluate(() => window.memsim.state());
  check('skipping the other questions steps to the last access', state.step === 12, `step ${state.step}`);
  await page.waitForTimeout(700);  // real time for frames (see TOOLCHAIN.md)
  const png = await page.screenshot();
  writeFileSync(join(values.artifacts, 'ostep-link.png'), png);
  check('screenshot ostep-link.png shows the UI', looksDrawn(describePixels(png)));

  // A command without a scenario form keeps the default lesson and says why.
  const bad = await page.evaluate(() => window.memsim.ostep('relocation.py -s 1'));
  check('memsim.ostep() of relocation.py explains that it has no scenario form yet', !bad.ok &&
        bad.errors[0].message.includes('no scenario form yet'), JSON.stringify(bad));
  check('no console or page errors', errors.length === 0, errors.join(' | '));
});
finish();
