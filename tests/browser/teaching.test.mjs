// Browser test of the teaching experience, driven with mouse, keyboard and touch:
// a first visit's welcome and lesson 1; the wheel scrolls like a web page's; a lesson
// finished with the keyboard alone, questions answered by number keys, ending on its
// recap and the next lesson; a settings change that sets questions aside; presentation
// mode with its slide (PNG), video (WebM) and GIF of steps; and a phone (390x844, touch)
// with one panel at a time. Screenshots at 1366x768, 1920x1080 and 390x844 go to the
// artifacts folder.
//   node teaching.test.mjs --dist DIR --artifacts DIR
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { clickWidget, createChecks, frameDone, holdKeys, openApp, screenshots, widget, withBrowser } from './harness.mjs';
import { describeGif } from './gif_check.mjs';
import { describePixels, looksDrawn, pixelAt } from './png_check.mjs';

const { values } = parseArgs({ options: { dist: { type: 'string' }, artifacts: { type: 'string' } } });
const { check, finish } = createChecks();

const shot = screenshots(values.artifacts, check);

const rects = (page) => page.evaluate(() => window.memsim.debugWidgets());
const state = (page) => page.evaluate(() => window.memsim.state());
const quiz = (page) => page.evaluate(() => window.memsim.quiz());

await withBrowser(values.dist, async (browser, url) => {
  // --- A first visit: the welcome over lesson 1, then a click on "Start lesson 1".
  {
    const { page, errors } = await openApp(browser, url, { width: 1366, height: 768 }, { welcome: true });
    await page.evaluate(async () => { await window.memsimEmbed.ready; });
    const start = await widget(page, 'welcome.start');
    check('a first visit shows the welcome', start.width > 0);
    let s = await state(page);
    check('a plain address opens lesson 1', s.title === 'Procedure call and return', s.title);
    await shot(page, 'teaching-welcome-1366.png');
    await clickWidget(page, 'welcome.start');
    await frameDone(page);
    const after = await rects(page);
    check('the welcome closes on "Start lesson 1"', !after['welcome.start']);
    check('lesson 1 shows Stack and Events, not the page map', !!after['window:Stack'] && !!after['window:Events'] &&
          !after['window:Virtual memory'] && !after['window:Heap'], Object.keys(after).filter((k) => k.startsWith('window:')).join(','));
    await shot(page, 'teaching-lesson1-1366.png');
    // The welcome is remembered: a reload does not show it again.
    await page.reload();
    await page.evaluate(async () => { await window.memsimReady; await window.memsimEmbed.ready; });
    await frameDone(page);
    await frameDone(page);
    check('a returning visitor is not greeted again', !(await rects(page))['welcome.start']);
    check('no errors on the first visit', errors.length === 0, errors.join(' | '));
    await page.close();
  }

  // --- The wheel: down scrolls down a little, up comes back, as in any web page.
  {
    const { page } = await openApp(browser, url, { width: 1366, height: 768 });
    // A reference string of 300 lines: far longer than the Source panel.
    const long = '+++\nformat = 1\ntitle = "Long"\nkind = "references"\n[vm]\nframes = 3\n+++\n' +
      Array.from({ length: 300 }, (_, i) => String(i % 7)).join('\n') + '\n';
    await page.evaluate((text) => { window.memsim.quizMode(false); window.memsim.load(text); window.memsim.seek(150); }, long);
    const line = await widget(page, 'source.next_line');  // kept at 40% of the panel's height
    const source = await widget(page, 'window:Source');
    await page.mouse.move(source.x + source.width / 2, source.y + source.height * 0.6);
    await frameDone(page);
    await page.mouse.wheel(0, 100);  // one notch down
    await frameDone(page);
    await frameDone(page);
    const down = (await rects(page))['source.next_line'];
    const moved = down ? line.y - down.y : Infinity;
    check('one wheel notch down scrolls the Source panel down by a few lines, not to its end',
          moved > 20 && moved < source.height * 0.4, `moved ${moved} px of a ${source.height} px panel`);
    await page.mouse.wheel(0, -100);  // and back up
    await frameDone(page);
    await frameDone(page);
    const up = (await rects(page))['source.next_line'];
    check('one notch up scrolls back', up && Math.abs(up.y - line.y) < 2, JSON.stringify(up));
    await page.close();
  }

  // --- Lesson 1 with the keyboard alone: Right steps, number keys answer, the end
  // offers the next lesson; at 1920x1080.
  {
    const { page, errors } = await openApp(browser, url, { width: 1920, height: 1080 });
    await page.evaluate(() => window.memsim.loadBuiltin('call-and-return'));
    await frameDone(page);
    for (let i = 0; i < 4; i++) await holdKeys(page, ['ArrowRight']);
    let q = await quiz(page);
    check('the keys stop before the step-3 questions', q.step === 2 && q.pending !== null, JSON.stringify(q.pending));
    await holdKeys(page, ['ArrowRight']);  // tried again: the lesson panel says why
    await shot(page, 'teaching-held-1920.png');
    // First question: 2 frames (its second choice). Second: the SP after the call.
    await page.keyboard.type('2');
    await frameDone(page);
    q = await quiz(page);
    check('number key 2 answers the first question (2 frames: right)', q.items[0].outcome === 'correct' && q.step === 2,
          JSON.stringify(q.items[0]));
    const second = q.pending.choices.indexOf('0xbfffffd0') + 1;
    await shot(page, 'teaching-two-questions-1920.png');
    await page.keyboard.type(String(second));
    await frameDone(page);
    q = await quiz(page);
    check('the second question of the same step is answered by its number', q.items[1].outcome === 'correct' && q.step === 3,
          JSON.stringify(q.items[1]));
    // On to the end, answering each question with its right choice's number.
    for (let guard = 0; guard < 40; guard++) {
      const s = await state(page);
      if (s.step === s.totalSteps) break;
      q = await quiz(page);
      if (q.pending) {
        const truth = await page.evaluate(() => window.memsim.quiz().pending.choices);
        // The test cannot see the answer before answering: skip with S, which reveals it.
        await page.keyboard.type('s');
        await frameDone(page);
        check(`S skips the question "${q.pending.ask.slice(0, 40)}..." (${truth.length} choices)`, (await quiz(page)).answered > q.answered);
      } else {
        await holdKeys(page, ['ArrowRight']);
      }
    }
    const end = await state(page);
    check('the keyboard reaches the last step of lesson 1', end.step === end.totalSteps, `${end.step} of ${end.totalSteps}`);
    const next = await widget(page, 'lesson.next');
    check('the last step offers the next lesson', next.width > 0);
    await shot(page, 'teaching-lesson-end-1920.png');
    await clickWidget(page, 'lesson.next');
    await frameDone(page);
    const s2 = await state(page);
    check('"Next" opens lesson 2', s2.title.startsWith('Stack versus heap'), s2.title);
    const course = await page.evaluate(() => window.memsim.course());
    check('the course still has its lessons', course.length >= 15);
    // Tab leaves the canvas for the page's own buttons.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => { const e = document.activeElement; return e ? `${e.tagName}#${e.id}:${e.textContent.trim().slice(0, 20)}` : ''; });
    check('Tab moves the focus to the page toolbar', /^(BUTTON|LABEL|SUMMARY|INPUT)/.test(focused), focused);
    check('no errors in the keyboard lesson', errors.length === 0, errors.join(' | '));
    await page.close();
  }

  // --- A settings change sets the questions aside; presentation mode; at 1366x768.
  {
    const { page, errors } = await openApp(browser, url, { width: 1366, height: 768 });
    await page.evaluate(() => { window.memsim.quizMode(true); window.memsim.loadBuiltin('belady-fifo'); });
    let q = await quiz(page);
    check('Belady\'s lesson has its questions', q.total > 0, JSON.stringify(q.total));
    const r = await page.evaluate(() => window.memsim.set({ frames: 4 }));
    q = await quiz(page);
    check('frames = 4 sets the 3-frame questions aside', r.ok && q.total === 0, JSON.stringify(r));
    await page.evaluate(() => window.memsim.runToEnd());
    const s = await state(page);
    check('nothing holds the run any more', s.step === s.totalSteps, `${s.step} of ${s.totalSteps}`);
    await shot(page, 'teaching-set-aside-1366.png');

    // Presentation: click the Virtual memory panel's title, press P: it fills the window.
    await clickWidget(page, 'title:Virtual memory');
    await frameDone(page);
    await page.keyboard.type('p');
    await frameDone(page);
    await frameDone(page);
    const vm = await widget(page, 'window:Virtual memory');
    const all = await rects(page);
    check('P makes the focused panel fill the window', vm.width > 1300 && vm.height > 500 && !all['window:Events'],
          JSON.stringify(vm));
    await shot(page, 'teaching-presentation-1366.png');
    // The same panel as a slide at 2x: twice the window's width in pixels.
    const slide = await page.evaluate(async () => {
      const r = await window.memsimEmbed.panelSlide(2);
      if (!r.ok) return { name: r.message, width: 0, height: 0, url: 'x,' };
      const img = new Image();
      await new Promise((resolve) => { img.onload = resolve; img.src = r.url; });
      return { name: r.name, width: img.naturalWidth, height: img.naturalHeight, url: r.url };
    });
    check('a 2x slide of the panel is twice the window wide', slide.name === 'Virtual memory' && slide.width >= 2 * 1366 - 4 &&
          slide.height > 2 * 500, `${slide.name} ${slide.width}x${slide.height}`);
    writeFileSync(join(values.artifacts, 'teaching-slide-2x.png'), Buffer.from(slide.url.split(',')[1], 'base64'));
    check('the app is back at screen resolution after the slide', (await widget(page, 'window:Virtual memory')).width <= 1366);
    // Three steps as a video for slides.
    const video = await page.evaluate(async () => {
      window.memsim.quizMode(true);
      const recorded = await window.memsimEmbed.recordSteps(2, 5, 4);
      const quizAfter = window.memsim.quiz().mode;
      if (!recorded.ok) return { size: 0, head: [], message: recorded.message, quizAfter };
      const blob = recorded.blob;
      const head = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
      return { size: blob.size, head: Array.from(head), quizAfter };
    });
    check('three steps record as a WebM video', video.size > 1000 && video.head.join(',') === '26,69,223,163',
          JSON.stringify(video));
    check('quiz mode is on again after the recording', video.quizAfter === true, JSON.stringify(video.quizAfter));
    // The same three steps as an animated GIF: one frame per step, the canvas's size.
    const gif = await page.evaluate(async () => {
      const made = await window.memsimEmbed.gifSteps(2, 4, 4);
      const quizAfter = window.memsim.quiz().mode;
      const canvas = document.getElementById('canvas');
      if (!made.ok) return { message: made.message, bytes: [] };
      // Chromium's own decoder must read it too: its first frame, drawn back as a PNG.
      const img = new Image();
      const url = URL.createObjectURL(new Blob([made.bytes], { type: 'image/gif' }));
      await new Promise((resolve) => { img.onload = resolve; img.onerror = resolve; img.src = url; });
      const still = document.createElement('canvas');
      still.width = img.naturalWidth;
      still.height = img.naturalHeight;
      if (still.width) still.getContext('2d').drawImage(img, 0, 0);
      return { bytes: Array.from(made.bytes), canvas: [canvas.width, canvas.height], decoded: [img.naturalWidth, img.naturalHeight],
               step: window.memsim.state().step, quizAfter, png: still.width ? still.toDataURL('image/png') : 'x,' };
    });
    const gifBytes = Uint8Array.from(gif.bytes);
    check('quiz mode is on again after the GIF', gif.quizAfter === true, JSON.stringify(gif.quizAfter));
    check('the GIF starts with GIF89a', Buffer.from(gifBytes.slice(0, 6)).toString('latin1') === 'GIF89a', gif.message);
    if (gifBytes.length > 13) {
      const g = describeGif(gifBytes);
      writeFileSync(join(values.artifacts, 'teaching-steps-2-4.gif'), gifBytes);
      writeFileSync(join(values.artifacts, 'teaching-gif-frame1.png'), Buffer.from(gif.png.split(',')[1], 'base64'));
      check("the GIF's logical screen is the canvas's size", g.width === gif.canvas[0] && g.height === gif.canvas[1],
            `${g.width}x${g.height} vs canvas ${gif.canvas.join('x')}`);
      check('a GIF of three steps has three full frames of 250 ms, looping', g.frames.length === 3 && g.loops === 0 &&
            g.frames.every((f) => f.width === g.width && f.height === g.height && f.delay === 250 && f.colours >= 16),
            JSON.stringify(g.frames));
      check('Chromium decodes the GIF at that size', gif.decoded.join('x') === gif.canvas.join('x'), gif.decoded.join('x'));
      check('the GIF ends on its last step', gif.step === 4, String(gif.step));
      check("the GIF's first frame shows the drawn UI", looksDrawn(describePixels(Buffer.from(gif.png.split(',')[1], 'base64'))));
    }
    await page.evaluate(() => { window.memsim.quizMode(false); window.memsim.seek(window.memsim.state().totalSteps); });
    await frameDone(page);
    await holdKeys(page, ['PageUp']);
    await frameDone(page);
    const back = (await state(page)).step;
    check('PageUp steps back in presentation', back === s.totalSteps - 1, `${back} of ${s.totalSteps}`);
    await holdKeys(page, ['Escape']);
    await frameDone(page);
    check('Escape leaves presentation', !!(await rects(page))['window:Events']);
    check('no errors in settings and presentation', errors.length === 0, errors.join(' | '));
    await page.close();
  }

  // --- A phone: one panel at a time, tabs and large step buttons, by touch.
  {
    const { page, errors } = await openApp(browser, url, { width: 390, height: 844 }, { touch: true, scale: 3 });
    await page.evaluate(() => { window.memsim.quizMode(false); window.memsim.loadBuiltin('linked-list-leak'); });
    await frameDone(page);
    const all = await rects(page);
    const strips = ['window:Controls', 'window:##panel-tabs', 'window:##MainMenuBar', 'window:Debug##Default'];
    const windows = Object.keys(all).filter((k) => k.startsWith('window:') && !strips.includes(k));
    check('a phone shows one panel at a time', windows.length === 1, windows.join(','));
    check('a C program without [view] large opens on its Source', windows[0] === 'window:Source', windows.join(','));
    const step = await widget(page, 'controls.step');
    check("the step button is large enough for a thumb (at least 36 CSS px high)", step.height >= 36,
          JSON.stringify(step));
    await shot(page, 'teaching-phone-390.png');
    const before = (await state(page)).step;
    await page.touchscreen.tap(step.x + step.width / 2, step.y + step.height / 2);
    await frameDone(page);
    await frameDone(page);
    check('the first tap on > steps', (await state(page)).step === before + 1, `${before} -> ${(await state(page)).step}`);
    const tab = await widget(page, 'tab:Diagram');
    await page.touchscreen.tap(tab.x + tab.width / 2, tab.y + tab.height / 2);
    await frameDone(page);
    await frameDone(page);
    check('a tap on the Diagram tab shows the memory diagram', !!(await rects(page))['window:Memory diagram']);
    const afterTap = await shot(page, 'teaching-phone-diagram-390.png');
    // Touch has no hover: once the finger lifts, the tapped tab shows the selected colour,
    // not the hover colour a mouse over a tab gives (sampled in the tabs' left padding).
    const heapTab = await widget(page, 'tab:Heap');
    const pad = (png, r) => pixelAt(png, (r.x + 2) * 3, (r.y + r.height / 2) * 3);
    const tappedColour = pad(afterTap, tab);
    await page.mouse.move(heapTab.x + heapTab.width / 2, heapTab.y + heapTab.height / 2);
    await frameDone(page);
    await frameDone(page);
    const hovered = await page.screenshot();
    const hoverColour = pad(hovered, heapTab);
    const selectedColour = pad(hovered, tab);  // selected, the mouse elsewhere
    const same = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 6);
    check('a tapped tab does not keep the hover colour after the finger lifts',
          !same(tappedColour, hoverColour) && same(tappedColour, selectedColour),
          `tapped ${tappedColour} hover ${hoverColour} selected ${selectedColour}`);
    await holdKeys(page, ['ArrowRight']);
    check('the tab the learner picked stays while stepping', !!(await rects(page))['window:Memory diagram']);
    // A lesson that names its large panel opens on it, not on the tab picked for the last
    // one, even where the new lesson has that tab too (Source).
    const source = await widget(page, 'tab:Source');
    await page.touchscreen.tap(source.x + source.width / 2, source.y + source.height / 2);
    await frameDone(page);
    await frameDone(page);
    check('a tap on the Source tab shows the Source', !!(await rects(page))['window:Source']);
    await page.evaluate(() => window.memsim.loadBuiltin('malloc-and-free'));
    await frameDone(page);
    await frameDone(page);
    const lesson = Object.keys(await rects(page)).filter((k) => k.startsWith('window:') && !strips.includes(k));
    check('a lesson with large = "heap" opens on the Heap panel on a phone', lesson.length === 1 && lesson[0] === 'window:Heap',
          lesson.join(','));
    await shot(page, 'teaching-phone-heap-390.png');
    check('no errors on the phone', errors.length === 0, errors.join(' | '));
    await page.close();
  }

  // --- A phone with a lesson question: stepping on the Heap tab stops at the question;
  // the Lesson tab opens by itself; back on Heap a banner leads to it, and > opens it again.
  {
    const { page, errors } = await openApp(browser, url, { width: 390, height: 844 }, { touch: true, scale: 3 });
    await page.evaluate(() => { window.memsim.quizMode(true); window.memsim.loadBuiltin('malloc-and-free'); });
    await frameDone(page);
    const shown = async () => Object.keys(await rects(page)).filter((k) => k.startsWith('window:') &&
      !['window:Controls', 'window:##panel-tabs', 'window:##question-banner', 'window:##MainMenuBar', 'window:Debug##Default'].includes(k));
    check('the lesson opens on its Heap tab', (await shown()).join() === 'window:Heap', (await shown()).join());
    const tap = async (r) => {
      await page.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2);
      await frameDone(page);
      await frameDone(page);
    };
    const step = await widget(page, 'controls.step');
    for (let i = 0; i < 6 && !(await quiz(page)).pending; i++) await tap(step);
    const q = await quiz(page);
    check('tapping > on the Heap tab reaches a waiting question', !!q.pending, JSON.stringify(q.pending));
    await widget(page, 'controls.step');  // two frames for the switch
    check('the waiting question opens the Lesson tab', (await shown()).join() === 'window:Lesson', (await shown()).join());
    await shot(page, 'teaching-phone-question-390.png');
    await tap(await widget(page, 'tab:Heap'));
    check('the learner can still look at the Heap while it waits', (await shown()).join() === 'window:Heap', (await shown()).join());
    const banner = await widget(page, 'phone.question_banner');
    const heap = await widget(page, 'window:Heap');
    check('a banner above the Heap says a question waits, full width and thumb-sized',
          banner.height >= 36 && banner.width > 300 && banner.y + banner.height <= heap.y + 1, JSON.stringify({ banner, heap }));
    await shot(page, 'teaching-phone-question-banner-390.png');
    await tap(banner);
    check('a tap on the banner opens the Lesson tab', (await shown()).join() === 'window:Lesson', (await shown()).join());
    await tap(await widget(page, 'tab:Heap'));
    const held = (await state(page)).step;
    await tap(step);
    check('> stays held by the question', (await state(page)).step === held, `${held} -> ${(await state(page)).step}`);
    check('> pressed again on the Heap tab opens the Lesson tab again', (await shown()).join() === 'window:Lesson', (await shown()).join());
    check('no errors with a question on the phone', errors.length === 0, errors.join(' | '));
    await page.close();
  }
});
finish();
