// Browser test of the keyboard alone (no mouse at all), at 1366x768: a first visit's
// welcome started with Space; lesson 1 with its quiz, one question answered by its number
// key and one by moving ImGui's nav cursor to its button (F6 to the Lesson panel, arrows,
// Space) while the arrows do not step; Esc back to stepping; the end of the lesson and
// its "Next" button by keyboard; a second Esc hands the keyboard to the page's toolbar,
// whose controls keep their keys (Space on "Open file" opens the file chooser), and
// Shift+Tab comes back to the canvas. Screenshots go to the artifacts folder.
//   node keyboard.test.mjs --dist DIR --artifacts DIR
import { parseArgs } from 'node:util';
import { createChecks, frameDone, holdKeys, openApp, screenshots, widget, withBrowser } from './harness.mjs';
import { countColour } from './png_check.mjs';

const { values } = parseArgs({ options: { dist: { type: 'string' }, artifacts: { type: 'string' } } });
const { check, finish } = createChecks();
const shot = screenshots(values.artifacts, check);

const state = (page) => page.evaluate(() => window.memsim.state());
const quiz = (page) => page.evaluate(() => window.memsim.quiz());
const view = (page) => page.evaluate(() => window.memsim.view());
const rects = (page) => page.evaluate(() => window.memsim.debugWidgets());
const focused = (page) => page.evaluate(() => { const e = document.activeElement; return e ? `${e.tagName}#${e.id}` : ''; });
const NAV_BLUE = [66, 150, 250];  // ImGuiCol_NavHighlight of the dark theme

// Whether the run stays at its step for 1.2 s: not playing (it plays 2 steps a second).
async function staysStill(page) {
  const before = (await state(page)).step;
  await page.waitForTimeout(1200);
  await frameDone(page);
  return (await state(page)).step === before;
}

// F6 until the keyboard navigates `panel` (at most once round all windows).
async function keyboardTo(page, panel) {
  const there = async () => { const v = await view(page); return v.keyboard === 'navigating' && v.keyboardPanel === panel; };
  for (let i = 0; i < 12 && !(await there()); i++) await holdKeys(page, ['F6']);
  return there();
}

// Arrow keys until the nav cursor sits on the widget `name`: Down to its row, then along it.
async function cursorTo(page, name) {
  const on = async () => {
    const r = await rects(page);
    const c = r['nav:cursor'], w = r[name];
    return { done: !!c && !!w && Math.abs(c.x - w.x) < 1 && Math.abs(c.y - w.y) < 1, c, w };
  };
  for (let i = 0; i < 16; i++) {
    const { done, c, w } = await on();
    if (done || !c || !w) return done;
    await holdKeys(page, [Math.abs(c.y - w.y) >= 1 ? (c.y < w.y ? 'ArrowDown' : 'ArrowUp') : (c.x < w.x ? 'ArrowRight' : 'ArrowLeft')]);
  }
  return (await on()).done;
}

// The nav cursor's outline (2 px, 4 px outside the widget) in the highlight colour, above the widget.
async function outlineShown(page, png) {
  const c = (await rects(page))['nav:cursor'];
  if (!c) return 0;
  return countColour(png, { x: c.x, y: c.y - 6, width: c.width, height: 4 }, NAV_BLUE, 30) / c.width;
}

await withBrowser(values.dist, async (browser, url) => {
  const { page, errors } = await openApp(browser, url, { width: 1366, height: 768 }, { welcome: true });
  await page.evaluate(async () => { await window.memsimEmbed.ready; });
  await frameDone(page);
  check('the canvas has the keyboard when the page opens', (await focused(page)) === 'CANVAS#canvas', await focused(page));

  // --- The welcome: its "Start lesson 1" carries the nav cursor; Space presses it.
  await widget(page, 'welcome.start');
  const welcome = await rects(page);
  check('the welcome outlines "Start lesson 1" for the keyboard', !!welcome['nav:cursor'] &&
        Math.abs(welcome['nav:cursor'].y - welcome['welcome.start'].y) < 1, JSON.stringify(welcome['nav:cursor']));
  await shot(page, 'keyboard-welcome-1366.png');
  await holdKeys(page, [' ']);
  await frameDone(page);
  let r = await rects(page);
  let s = await state(page);
  check('Space on the welcome starts lesson 1, not the run', !r['welcome.start'] && s.title === 'Procedure call and return' &&
        s.step === 0 && await staysStill(page), `${s.title} step ${s.step}`);
  check('the keyboard steps after the welcome', (await view(page)).keyboard === 'stepping', (await view(page)).keyboard);

  // --- Stepping to the step-3 questions, the first answered by its number key.
  for (let i = 0; i < 4; i++) await holdKeys(page, ['ArrowRight']);
  let q = await quiz(page);
  check('Right steps up to the questions before step 3', q.step === 2 && !!q.pending, JSON.stringify(q.pending));
  await page.keyboard.type('2');
  await frameDone(page);
  q = await quiz(page);
  check('number key 2 answers the first question', q.items[0].outcome === 'correct', JSON.stringify(q.items[0]));

  // --- The second question by the Lesson panel's buttons: F6, arrows, Space.
  check('F6 takes the keyboard to the Lesson panel', await keyboardTo(page, 'Lesson'), (await view(page)).keyboardPanel);
  check('the keyboard now navigates', (await view(page)).keyboard === 'navigating');
  const right = q.pending.choices.indexOf('0xbfffffd0') + 1;
  check('the arrows bring the nav cursor to the right answer\'s button', await cursorTo(page, `lesson.answer.${right}`));
  s = await state(page);
  check('the arrows moved the cursor, not the run', s.step === 2, `step ${s.step}`);
  const onAnswer = await shot(page, 'keyboard-nav-answer-1366.png');
  const outline = await outlineShown(page, onAnswer);
  check('the nav cursor\'s outline is drawn around the button', outline > 0.8, `${(outline * 100).toFixed(0)}% of its top edge`);
  await holdKeys(page, [' ']);
  await frameDone(page);
  q = await quiz(page);
  check('Space on the answer button answers the question', q.items[1].outcome === 'correct' && q.step === 3,
        JSON.stringify(q.items[1]));
  check('the answer\'s feedback stays in the Lesson panel', q.answered === 2 && !!(await rects(page))['window:Lesson']);
  await shot(page, 'keyboard-nav-answered-1366.png');

  // --- Esc: back to stepping; the arrows step again. On to the end, answering by number.
  await holdKeys(page, ['Escape']);
  r = await rects(page);
  check('Esc goes back to stepping and hides the cursor', (await view(page)).keyboard === 'stepping' && !r['nav:cursor']);
  check('Esc did not leave the canvas', (await focused(page)) === 'CANVAS#canvas', await focused(page));
  for (let guard = 0; guard < 40; guard++) {
    s = await state(page);
    if (s.step === s.totalSteps) break;
    q = await quiz(page);
    if (q.pending) {
      await page.keyboard.type('1');
      await frameDone(page);
      const after = await quiz(page);
      check(`key 1 answers "${q.pending.ask.slice(0, 40)}..."`, after.answered === q.answered + 1);
    } else {
      await holdKeys(page, ['ArrowRight']);
    }
  }
  s = await state(page);
  q = await quiz(page);
  check('the keyboard alone reaches the end of lesson 1', s.step === s.totalSteps, `${s.step} of ${s.totalSteps}`);
  check('every question of the lesson was answered', q.answered === q.total && q.total >= 3, `${q.answered} of ${q.total}`);

  // --- "Next: lesson 2" by keyboard.
  check('F6 finds the Lesson panel again', await keyboardTo(page, 'Lesson'));
  check('the arrows reach the Next button', await cursorTo(page, 'lesson.next'));
  await shot(page, 'keyboard-nav-next-1366.png');
  await holdKeys(page, [' ']);
  await frameDone(page);
  s = await state(page);
  check('Space on Next opens lesson 2', s.title.startsWith('Stack versus heap'), s.title);

  // --- Esc twice: stepping, then the page's toolbar. Its controls keep their keys.
  await holdKeys(page, ['Escape']);
  check('the first Esc goes back to stepping', (await view(page)).keyboard === 'stepping');
  await holdKeys(page, ['Escape']);
  await frameDone(page);
  check('a second Esc gives the keyboard to the toolbar\'s first control', (await focused(page)) === 'INPUT#open-file-input',
        await focused(page));
  await shot(page, 'keyboard-toolbar-1366.png');
  const before = (await state(page)).step;
  await holdKeys(page, ['ArrowRight']);
  check('Right on the toolbar does not step the run', (await state(page)).step === before);
  const chooser = page.waitForEvent('filechooser', { timeout: 3000 }).then(() => true, () => false);
  await holdKeys(page, [' ']);
  check('Space on "Open file" opens the file chooser', await chooser);
  check('and does not play the run', await staysStill(page));
  await page.keyboard.press('Tab');
  check('Tab goes on to Share', (await focused(page)) === 'BUTTON#share-button', await focused(page));
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  check('Shift+Tab comes back to the canvas', (await focused(page)) === 'CANVAS#canvas', await focused(page));
  await holdKeys(page, ['ArrowRight']);
  // A loaded machine may draw the step a few frames late: wait for it (up to 3 s), once.
  let back = (await state(page)).step;
  for (const until = Date.now() + 3000; back === before && Date.now() < until; back = (await state(page)).step) await frameDone(page);
  check('back on the canvas, Right steps again', back === before + 1, `${before} -> ${back}`);
  check('no errors with the keyboard alone', errors.length === 0, errors.join(' | '));
  await page.close();
});
finish();
