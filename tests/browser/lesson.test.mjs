// Browser test of quiz mode: open a lesson, step until a question holds the run, answer
// it (through the JS API and with a click on an answer button), check the score and
// save screenshots of the Lesson panel asking and after the answer.
//   node lesson.test.mjs --dist DIR --artifacts DIR
import { parseArgs } from 'node:util';
import { createChecks, openApp, screenshots, withBrowser } from './harness.mjs';

const { values } = parseArgs({ options: { dist: { type: 'string' }, artifacts: { type: 'string' } } });
const { check, finish } = createChecks();

const shot = screenshots(values.artifacts, check);

const press = async (page, key) => {
  await page.keyboard.down(key);
  await page.waitForTimeout(80);
  await page.keyboard.up(key);
  await page.waitForTimeout(120);
};

await withBrowser(values.dist, async (browser, url) => {
  const { page, errors } = await openApp(browser, url);

  const course = await page.evaluate(() => window.memsim.course());
  check('the course lists the lessons in order', course.length >= 14 && course[0].name === 'call-and-return' &&
        course.every((l, i) => i === 0 || course[i - 1].order <= l.order), course.map((l) => l.order).join(','));

  // Belady's lesson asks before step 4 which page FIFO evicts: the keys stop there.
  await page.evaluate(() => window.memsim.loadBuiltin('belady-fifo'));
  for (let i = 0; i < 5; i++) await press(page, 'ArrowRight');
  let quiz = await page.evaluate(() => window.memsim.quiz());
  check('stepping stops before the question\'s step', quiz.step === 3 && quiz.pending !== null,
        JSON.stringify(quiz.pending));
  check('the question offers the pages in memory', quiz.pending && quiz.pending.choices.join(',') === '1,2,3,none',
        quiz.pending && quiz.pending.choices.join(','));
  await shot(page, 'lesson-question.png');

  // Answer through the JS API: right, the step is revealed and the score kept.
  let r = await page.evaluate(() => window.memsim.answer('1'));
  check('memsim.answer("1") is right and reveals step 4', r.ok && r.quiz.step === 4 && r.quiz.correct === 1 &&
        r.quiz.items[0].outcome === 'correct', JSON.stringify(r.quiz));

  // Answer through the UI: the next question (before step 5) has a row of buttons in the
  // Lesson panel (the bottom of the left column), one per page in memory, in frame order
  // (4, 2, 3), then none and Skip. A scan along the row's height clicks the first one.
  quiz = await page.evaluate(() => window.memsim.quiz());
  check('the next question waits before step 5', quiz.pending !== null && quiz.step === 4 &&
        quiz.pending.choices.join(',') === '4,2,3,none', quiz.pending && quiz.pending.choices.join(','));
  await shot(page, 'lesson-second-question.png');
  let clicked = false;
  for (let y = 740; y < 860 && !clicked; y += 4) {
    await page.mouse.click(16, y);
    await page.waitForTimeout(60);
    clicked = (await page.evaluate(() => window.memsim.quiz())).answered === 2;
  }
  quiz = await page.evaluate(() => window.memsim.quiz());
  check('a click on the first answer button answers "4": wrong, and the step is revealed',
        clicked && quiz.step === 5 && quiz.items[1].given === '4' && quiz.items[1].outcome === 'wrong' &&
        quiz.items[1].answer === '2' && quiz.correct === 1, JSON.stringify(quiz.items[1]));
  await shot(page, 'lesson-answered.png');

  // Skipping counts as answered but scores nothing; RunToEnd stops at the next question.
  r = await page.evaluate(() => window.memsim.runToEnd());
  check('running to the end stops before the step-8 question', r.step === 7, JSON.stringify(r));
  r = await page.evaluate(() => window.memsim.skipQuestion());
  check('skipQuestion reveals the step and shows the answer', r.ok && r.quiz.items[2].outcome === 'skipped' &&
        r.quiz.items[2].answer === 'hit', JSON.stringify(r.quiz.items[2]));

  // A generated paging problem is a lesson too.
  r = await page.evaluate(() => window.memsim.quizProblem('paging', 7));
  quiz = await page.evaluate(() => window.memsim.quiz());
  check('memsim.quizProblem("paging", 7) loads a 12-question problem', r.ok && quiz.total === 12 && quiz.pending !== null,
        JSON.stringify({ ok: r.ok, total: quiz.total }));
  await shot(page, 'lesson-paging-problem.png');

  check('no console or page errors', errors.length === 0, errors.join(' | '));
  await page.close();
});
finish();
