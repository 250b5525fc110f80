// Browser test of ?ostep=: a link with an OSTEP homework command opens that problem
// (paging-policy.py's reference string, LRU, 3 frames) with its questions; answering the
// first and skipping the rest steps through to the last access; relocation.py's problem is
// answered by typing addresses, malloc.py's by typing what malloc returns, the script's
// CLOCK by clicking. Saves screenshots.
//   node ostep.test.mjs --dist DIR --artifacts DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describePixels, looksDrawn } from './png_check.mjs';
import { clickWidget, createChecks, frameDone, holdKeys, openApp, widget, withBrowser } from './harness.mjs';

// Types an answer into the lesson's box and presses Enter: the text reaches ImGui a frame
// before Enter, which is held until a frame sees it.
async function typeAnswer(page, text) {
  await clickWidget(page, 'lesson.typed_answer');
  await page.keyboard.type(text);
  await frameDone(page);
  await holdKeys(page, ['Enter']);
}

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

  // A translation script: the learner types the physical address into the lesson's box.
  const seg = await page.evaluate(() => window.memsim.ostep('relocation.py -s 1'));
  check('memsim.ostep() loads relocation.py -s 1 with one question per address', seg.ok, JSON.stringify(seg));
  quiz = await page.evaluate(() => window.memsim.quiz());
  check('its first question asks for a physical address', quiz.pending !== null && quiz.pending.kind === 'translation',
        JSON.stringify(quiz.pending));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.waitForTimeout(500);
  await typeAnswer(page, 'fault');  // 0x30e is beyond the limit 290 (the script says SEGMENTATION VIOLATION)
  await page.waitForTimeout(400);
  quiz = await page.evaluate(() => window.memsim.quiz());
  check('typing "fault" and Enter answers the first address correctly', quiz.correct === 1 && quiz.step === 1,
        JSON.stringify(quiz));
  await typeAnswer(page, '0x3741');  // 261 + base 13884
  await page.waitForTimeout(700);
  quiz = await page.evaluate(() => window.memsim.quiz());
  check('typing the second physical address 0x3741 is correct too', quiz.correct === 2 && quiz.step === 2,
        JSON.stringify(quiz));
  const translation = await page.screenshot();
  writeFileSync(join(values.artifacts, 'ostep-relocation-1366.png'), translation);
  check('screenshot ostep-relocation-1366.png shows the UI', looksDrawn(describePixels(translation)));

  // malloc.py: the Heap panel draws the free list; the learner types what malloc returns.
  const heap = await page.evaluate(() => window.memsim.ostep('malloc.py -s 1'));
  check('memsim.ostep() loads malloc.py -s 1 with a question per malloc', heap.ok, JSON.stringify(heap));
  quiz = await page.evaluate(() => window.memsim.quiz());
  check('its first question asks what ptr[0] = Alloc(9) returns', quiz.pending !== null && quiz.pending.kind === 'returned' &&
        quiz.pending.ask.startsWith('ptr[0] = Alloc(9)'), JSON.stringify(quiz.pending));
  await page.waitForTimeout(500);
  await typeAnswer(page, '1000');  // the script: returned 1000 (searched 1 elements)
  await page.waitForTimeout(400);
  await page.keyboard.press('ArrowRight');  // Free(ptr[0]) asks nothing
  await page.waitForTimeout(400);
  quiz = await page.evaluate(() => window.memsim.quiz());
  check('typing 1000 and Enter answers the first malloc correctly; Right steps over the free',
        quiz.correct === 1 && quiz.step === 2, JSON.stringify({ correct: quiz.correct, step: quiz.step }));
  const heapPng = await page.screenshot();
  writeFileSync(join(values.artifacts, 'ostep-malloc-1366.png'), heapPng);
  check('screenshot ostep-malloc-1366.png shows the UI', looksDrawn(describePixels(heapPng)));

  // The script's own CLOCK: the Virtual memory panel draws its cache; clicking "miss" answers.
  const clock = await page.evaluate(() => window.memsim.ostep('paging-policy.py -p CLOCK -s 5 -n 20'));
  check('memsim.ostep() loads the script\'s CLOCK as a problem', clock.ok, JSON.stringify(clock));
  await page.waitForTimeout(500);
  await clickWidget(page, 'lesson.answer.2');  // hit, miss: page 6 is the first reference
  await page.waitForTimeout(400);
  for (let i = 0; i < 8; i++) await page.evaluate(() => window.memsim.skipQuestion());
  await page.waitForTimeout(400);
  quiz = await page.evaluate(() => window.memsim.quiz());
  check('clicking "miss" answers the first CLOCK reference; skipping steps on', quiz.correct === 1 && quiz.step >= 6,
        JSON.stringify({ correct: quiz.correct, step: quiz.step }));
  const clockPng = await page.screenshot();
  writeFileSync(join(values.artifacts, 'ostep-clock-1366.png'), clockPng);
  check('screenshot ostep-clock-1366.png shows the UI', looksDrawn(describePixels(clockPng)));

  // A command without a scenario form keeps the problem and says why.
  const bad = await page.evaluate(() => window.memsim.ostep('paging-policy.py -s 1 -p CLOCK -f refs.txt'));
  check('memsim.ostep() of a CLOCK problem from a file explains that the app cannot read it', !bad.ok &&
        bad.errors[0].message.includes('the app cannot read that file'), JSON.stringify(bad));
  check('no console or page errors', errors.length === 0, errors.join(' | '));

  // malloc.py on a phone: the problem opens on its Heap panel, and every answer in the op
  // table stays inside the table (under its op) at every step, in a readable size.
  {
    const phone = await openApp(browser, url, { width: 390, height: 844 }, { touch: true, scale: 3 });
    await phone.page.evaluate(() => { window.memsim.quizMode(false); window.memsim.ostep('malloc.py -s 1'); });
    await frameDone(phone.page);
    const total = (await phone.page.evaluate(() => window.memsim.state())).totalSteps;
    let shown = await phone.page.evaluate(() => window.memsim.debugWidgets());
    check('malloc.py on a phone opens on the Heap panel ([view] large)', !!shown['window:Heap'] && !shown['window:Source'],
          Object.keys(shown).filter((k) => k.startsWith('window:')).join(','));
    const outside = [];
    for (let step = 1; step <= total; step++) {
      await phone.page.evaluate((n) => window.memsim.seek(n), step);
      const answer = await widget(phone.page, 'ostep.current_answer');
      const rows = await widget(phone.page, 'ostep.rows');
      if (answer.x + answer.width > rows.x + rows.width || answer.height < 12) outside.push(`${step}: ${JSON.stringify(answer)}`);
    }
    check(`each of the ${total} answers fits the phone's op table and is at least 12 px high`, total > 0 && outside.length === 0,
          outside.join(' | '));
    await phone.page.evaluate(() => window.memsim.seek(1));
    await frameDone(phone.page);
    await phone.page.waitForTimeout(700);
    const phonePng = await phone.page.screenshot();
    writeFileSync(join(values.artifacts, 'ostep-malloc-phone-390.png'), phonePng);
    check('screenshot ostep-malloc-phone-390.png shows the UI', looksDrawn(describePixels(phonePng)));
    // The same problem at 1920x1080: the three columns side by side.
    await phone.page.close();
    const wide = await openApp(browser, url, { width: 1920, height: 1080 });
    await wide.page.evaluate(() => { window.memsim.quizMode(false); window.memsim.ostep('malloc.py -s 1'); window.memsim.seek(3); });
    const wideAnswer = await widget(wide.page, 'ostep.current_answer');
    const wideRows = await widget(wide.page, 'ostep.rows');
    const wideOp = await widget(wide.page, 'ostep.current_op');
    check('at 1920x1080 the answer sits beside its op, inside the table', wideAnswer.x >= wideOp.x + wideOp.width &&
          Math.abs(wideAnswer.y - wideOp.y) < 2 && wideAnswer.x + wideAnswer.width <= wideRows.x + wideRows.width,
          JSON.stringify({ wideOp, wideAnswer, wideRows }));
    await wide.page.waitForTimeout(700);
    const widePng = await wide.page.screenshot();
    writeFileSync(join(values.artifacts, 'ostep-malloc-1920.png'), widePng);
    check('screenshot ostep-malloc-1920.png shows the UI', looksDrawn(describePixels(widePng)));
    check('no console or page errors on the phone or at 1920', phone.errors.length === 0 && wide.errors.length === 0,
          [...phone.errors, ...wide.errors].join(' | '));
    await wide.page.close();
  }
});
finish();
