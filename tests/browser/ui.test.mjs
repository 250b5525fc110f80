// Browser test of the simulator UI and its JS API: serve the web folder, open it in
// headless Chromium, drive window.memsim (load, step, back, seek, set, errors, events)
// and assert on memsim.state(); save screenshots that show each panel with content.
//   node ui.test.mjs --dist DIR --artifacts DIR
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { countColour, describePixels, looksDrawn } from './png_check.mjs';
import { clickWidget, createChecks, frameDone, holdKeys, openApp, widget, withBrowser } from './harness.mjs';

const { values } = parseArgs({ options: { dist: { type: 'string' }, artifacts: { type: 'string' } } });
mkdirSync(values.artifacts, { recursive: true });
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scenario = (name) => readFileSync(join(root, 'scenarios', `${name}.msim`), 'utf8');

const { check, finish } = createChecks();

async function shot(page, name) {
  await page.waitForTimeout(700);  // real time for frames (see TOOLCHAIN.md)
  const png = await page.screenshot();
  writeFileSync(join(values.artifacts, name), png);
  const stats = describePixels(png);
  check(`screenshot ${name} shows the UI`, looksDrawn(stats), JSON.stringify(stats));
  return png;
}

const centre = (r) => [r.x + r.width / 2, r.y + r.height / 2];

// The meaning colours of the dark theme (web/ui/palette.cpp), as the screenshots show them.
const colour = {
  guard: [213, 94, 0], current: [230, 159, 0], pointer: [240, 228, 66], swapped: [204, 121, 167],
  payload: [0, 114, 178],
};

await withBrowser(values.dist, async (browser, url) => {
  const { page, errors } = await openApp(browser, url);
  // This test moves freely through lessons; lesson.test.mjs tests quiz mode.
  await page.evaluate(() => window.memsim.quizMode(false));

  // The page opens on the default lesson, ready to play.
  let state = await page.evaluate(() => window.memsim.state());
  check('the page opens on a lesson', state.totalSteps > 0 && state.step === 0, `${state.title}, ${state.totalSteps} steps`);

  // Listeners hear steps and loads.
  await page.evaluate(() => {
    window.heard = [];
    for (const name of ['step', 'load', 'error']) window.memsim.on(name, (detail) => window.heard.push([name, detail]));
  });

  // Belady's anomaly: 9 faults with 3 frames, 10 with 4.
  const loaded = await page.evaluate((text) => window.memsim.load(text), scenario('belady-fifo'));
  check('memsim.load returns {ok: true}', loaded.ok === true && !loaded.errors, JSON.stringify(loaded));
  let r = await page.evaluate(() => window.memsim.step());
  check('memsim.step() goes one step', r.step === 1 && r.totalSteps === 12, JSON.stringify(r));
  r = await page.evaluate(() => window.memsim.step(5));
  check('memsim.step(5) goes five steps', r.step === 6, JSON.stringify(r));
  r = await page.evaluate(() => window.memsim.back(2));
  check('memsim.back(2) goes back two steps', r.step === 4, JSON.stringify(r));
  state = await page.evaluate(() => window.memsim.state());
  check('state at step 4 has four faults and page 1 evicted',
        state.step === 4 && state.vm.faults === 4 && state.vm.last_victim === 1, JSON.stringify(state.vm));
  r = await page.evaluate(() => window.memsim.seek(9));
  check('memsim.seek(9)', r.step === 9, JSON.stringify(r));
  await shot(page, 'ui-belady-fifo.png');
  await page.evaluate(() => window.memsim.runToEnd());
  state = await page.evaluate(() => window.memsim.state());
  check('FIFO with 3 frames: 9 faults', state.vm.faults === 9 && state.summary.page_faults === 9, `${state.vm.faults}`);
  r = await page.evaluate(() => window.memsim.set({ frames: 4 }));
  check('memsim.set({frames: 4}) re-runs', r.ok === true, JSON.stringify(r));
  await page.evaluate(() => window.memsim.runToEnd());
  state = await page.evaluate(() => window.memsim.state());
  check("FIFO with 4 frames: 10 faults (Belady's anomaly)", state.vm.faults === 10 && state.vm.frames.length === 4,
        `${state.vm.faults} faults, ${state.vm.frames.length} frames`);
  r = await page.evaluate(() => window.memsim.set({ frames: 3, policy: 'lru' }));
  await page.evaluate(() => window.memsim.runToEnd());
  state = await page.evaluate(() => window.memsim.state());
  check('memsim.set({frames: 3, policy: "lru"})', r.ok && state.vm.policy === 'lru' && state.vm.faults === 10,
        `${state.vm.policy} ${state.vm.faults}`);
  const heard = await page.evaluate(() => window.heard.map(([name]) => name));
  check('memsim.on hears load and step', heard.includes('load') && heard.includes('step'), heard.join(','));

  // A bad scenario returns errors with line and column, and the error event fires.
  const bad = await page.evaluate(() => window.memsim.load('+++\nformat = 1\nkind = "ops"\n+++\ncall main\nfrobnicate 3\n'));
  check('a bad scenario returns errors with line and column',
        bad.ok === false && bad.errors.length > 0 && bad.errors[0].line === 6 && bad.errors[0].column >= 1 &&
        typeof bad.errors[0].message === 'string', JSON.stringify(bad));
  const heardError = await page.evaluate(() => window.heard.some(([name, d]) => name === 'error' && d.errors[0].line === 6));
  check('memsim.on("error") hears the load error', heardError);
  await shot(page, 'ui-load-error.png');
  const badArgs = await page.evaluate(() => [window.memsim.step(-1).ok, window.memsim.set({ framez: 2 }).ok,
                                             window.memsim.loadBuiltin('nope').ok]);
  check('bad arguments are refused, not thrown', badArgs.every((ok) => ok === false), JSON.stringify(badArgs));

  // Each built-in loads; screenshots of the stack, heap and paging panels with content.
  const names = await page.evaluate(() => window.memsim.builtins());
  check('the built-in scenarios are listed', names.includes('recursion-overflow') && names.length >= 6, names.join(','));
  r = await page.evaluate(() => window.memsim.loadBuiltin('recursion-overflow'));
  await page.evaluate(() => window.memsim.seek(4));
  state = await page.evaluate(() => window.memsim.state());
  check('recursion-overflow at step 4 has four frames', r.ok && state.processes[0].stack.frames.length === 4,
        JSON.stringify(state.processes[0].stack.frames.map((f) => f.function)));
  await shot(page, 'ui-stack.png');
  await page.evaluate(() => window.memsim.runToEnd());
  state = await page.evaluate(() => window.memsim.state());
  check('the runaway recursion ends in a stack overflow', JSON.stringify(state).includes('overflow'), state.processes[0].state);
  await shot(page, 'ui-stack-overflow.png');
  await page.evaluate(() => { window.memsim.loadBuiltin('heap-mistakes'); window.memsim.seek(9); });
  state = await page.evaluate(() => window.memsim.state());
  check('heap-mistakes at step 9 has heap blocks', state.processes[0].heap.blocks.length >= 2,
        `${state.processes[0].heap.blocks.length} blocks`);
  await shot(page, 'ui-heap.png');
  await page.evaluate(() => { window.memsim.loadBuiltin('tlb-rw-trace'); window.memsim.seek(8); });
  state = await page.evaluate(() => window.memsim.state());
  check('tlb-rw-trace shows TLB entries', state.vm.tlb.length === 4, JSON.stringify(state.vm.tlb));
  await shot(page, 'ui-tlb.png');

  // Keyboard: Right steps, Left goes back, End runs to the end, Home resets. ImGui reads
  // key state once per frame, so a key is held until a frame has seen it, then released
  // until a frame has seen that (counted in frames, not milliseconds). A held key repeats
  // (as in any app) once it has been down 0.275 s, and on a loaded machine a few slow
  // frames can pass that, so each press is checked by its direction, not by exact steps.
  const press = async (key) => {
    await holdKeys(page, [key]);
    return page.evaluate(() => window.memsim.state().step);
  };
  await page.evaluate(() => window.memsim.loadBuiltin('textbook-lru'));
  const steps = [await press('ArrowRight'), await press('ArrowRight'), await press('ArrowLeft'), await press('ArrowRight')];
  await press('End');
  const afterEnd = await page.evaluate(() => window.memsim.state());
  check('keys Right, Left and End move the run',
        steps[0] >= 1 && steps[1] > steps[0] && steps[2] < steps[1] && steps[3] > steps[2] && afterEnd.step === afterEnd.totalSteps,
        `${steps.join(', ')}, ${afterEnd.step}/${afterEnd.totalSteps}`);
  check('textbook LRU: 12 faults', afterEnd.vm.faults === 12, `${afterEnd.vm.faults}`);
  await shot(page, 'ui-textbook-lru.png');
  await press('Home');
  check('key Home resets to step 0', (await page.evaluate(() => window.memsim.state().step)) === 0);

  // Source panel: Edit, type two more references, Run: the run reloads at the same step.
  await page.evaluate(() => { window.memsim.loadBuiltin('belady-fifo'); window.memsim.seek(5); });
  await page.waitForTimeout(300);
  await clickWidget(page, 'source.edit');
  // Frames come slowly on a loaded machine: wait for each change itself, not a fixed time.
  const until = (predicate, arg) => page.waitForFunction(predicate, arg, { timeout: 10000 }).catch(() => {});
  await until(() => window.memsim.draft().editing);
  await page.waitForTimeout(300);
  await until(() => !!window.memsim.debugWidgets()['source.editor']);
  await clickWidget(page, 'source.editor');
  await frameDone(page);
  await holdKeys(page, ['Control', 'End']);
  await page.keyboard.type(' 6 7');
  await until(() => /6 7\s*$/.test(window.memsim.draft().text));
  await page.waitForTimeout(300);
  await shot(page, 'ui-source-edit.png');
  await clickWidget(page, 'source.run');
  await until(() => window.memsim.state().totalSteps === 14);
  state = await page.evaluate(() => window.memsim.state());
  check('Edit and Run re-load the text and keep the step', state.step === 5 && state.totalSteps === 14,
        `${state.step}/${state.totalSteps}`);

  // Open file...: the file input loads a scenario file like memsim.load.
  await page.setInputFiles('#open-file-input', {
    name: 'tlb.msim', mimeType: 'text/plain', buffer: Buffer.from(scenario('tlb-rw-trace')),
  });
  // The file is read asynchronously: wait for the load itself (slow on a loaded machine).
  await until(() => window.memsim.state().title === 'A read/write address trace with a TLB');
  state = await page.evaluate(() => window.memsim.state());
  check('a file chosen with Open file... is loaded', state.title === 'A read/write address trace with a TLB', state.title);

  // Compare: Belady's string under FIFO, LRU, OPT and CLOCK with three frames, side by side.
  await page.evaluate(() => { window.memsim.loadBuiltin('belady-fifo'); window.memsim.seek(4); });
  const compareWindow = await widget(page, 'window:Compare');
  let png = await shot(page, 'ui-compare.png');
  check('the Compare panel draws its fault bars', countColour(png, compareWindow, colour.guard) > 200,
        `${countColour(png, compareWindow, colour.guard)} bar pixels`);
  // Ticking a policy adds a row (one more bar); the list of choices folds away again.
  await clickWidget(page, 'compare.choices');
  await shot(page, 'ui-compare-choices.png');
  await clickWidget(page, 'compare.choice.second-chance');
  await clickWidget(page, 'compare.choices');
  const withMore = await shot(page, 'ui-compare-more.png');
  const compareAfter = await widget(page, 'window:Compare');
  check('ticking a policy adds its bar', countColour(withMore, compareAfter, colour.guard) > countColour(png, compareWindow, colour.guard) + 20,
        `${countColour(withMore, compareAfter, colour.guard)} vs ${countColour(png, compareWindow, colour.guard)}`);

  // Statistics > Frames: the Belady sweep with the anomaly at four frames ringed.
  const statsWindow = await widget(page, 'window:Statistics');
  png = await shot(page, 'ui-statistics-time.png');
  const ringsBefore = countColour(png, statsWindow, colour.guard);
  await clickWidget(page, 'statistics.tab.Frames');
  png = await shot(page, 'ui-statistics-sweep.png');
  check('the frame sweep rings the anomaly', countColour(png, statsWindow, colour.guard) > ringsBefore + 20,
        `${countColour(png, statsWindow, colour.guard)} vs ${ringsBefore}`);
  await clickWidget(page, 'statistics.tab.Working set');
  png = await shot(page, 'ui-statistics-working-set.png');
  check('the working-set plot draws its curve', countColour(png, statsWindow, colour.payload) > 50);
  await clickWidget(page, 'statistics.tab.Thrashing');
  png = await shot(page, 'ui-statistics-thrashing.png');
  check('the thrashing curve is drawn', countColour(png, statsWindow, colour.payload) > 50 && countColour(png, statsWindow, colour.guard) > 20);
  await clickWidget(page, 'statistics.tab.Over time');

  // Console: the program's printf output appears as the run reaches it.
  await page.evaluate(() => window.memsim.loadBuiltin('factorial'));
  const consoleWindow = await widget(page, 'window:Console');
  const bright = [220, 220, 220];
  png = await shot(page, 'ui-console-start.png');
  const textBefore = countColour(png, consoleWindow, bright, 35);
  await page.evaluate(() => window.memsim.runToEnd());
  png = await shot(page, 'ui-console.png');
  const textAfter = countColour(png, consoleWindow, bright, 35);
  check('the Console shows the printed line at the end', textAfter > textBefore + 30, `${textAfter} vs ${textBefore}`);

  // Heap: the explicit free list's links drawn under the heap bar (two holes and the top).
  await page.evaluate((text) => { window.memsim.load(text); window.memsim.runToEnd(); }, readFileSync(join(root, 'tests', 'browser', 'free-list-links.msim'), 'utf8'));
  const free = await page.evaluate(() => window.memsim.state().processes[0].heap.blocks.filter((b) => !b.allocated).length);
  const heapWindow = await widget(page, 'window:Heap');
  png = await shot(page, 'ui-heap-free-list.png');
  check('the free list is drawn as links between free blocks', free === 3 && countColour(png, heapWindow, colour.pointer) > 30,
        `${free} free blocks, ${countColour(png, heapWindow, colour.pointer)} link pixels`);

  // Virtual memory: a dirty page written to swap shows in the swapped colour.
  await page.evaluate(() => window.memsim.loadBuiltin('dirty-pages'));
  await clickWidget(page, 'vm.tab.pages');  // the panel opens on its frames and TLB
  const pageMap = await widget(page, 'vm.page_map');
  png = await shot(page, 'ui-swap-start.png');
  const swappedBefore = countColour(png, pageMap, colour.swapped);
  const swapStep = await page.evaluate(() => {
    for (let step = 1; step <= window.memsim.state().totalSteps; step++) {
      window.memsim.seek(step);
      if (window.memsim.state().vm.writebacks > 0) return step;
    }
    return 0;
  });
  const pageMapNow = await widget(page, 'vm.page_map');
  png = await shot(page, 'ui-swap.png');
  const swappedAfter = countColour(png, pageMapNow, colour.swapped);
  check('a page written to swap is coloured as swapped in the page map', swapStep > 0 && swappedBefore === 0 && swappedAfter > 5,
        `step ${swapStep}: ${swappedAfter} vs ${swappedBefore}`);

  check('no console or page errors', errors.length === 0, errors.join(' | '));
  await page.close();

  // The layout is remembered: drag the Events panel by its title bar, wait for ImGui to
  // save its ini data (every 5 s) to localStorage, reload, and the panel is still there.
  const layout = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  await layout.goto(url);
  await layout.evaluate(async () => { await window.memsimReady; });
  await layout.waitForTimeout(500);
  // Drag the Events panel by its title bar 80 px left and 60 px up.
  const eventsWindow = await widget(layout, 'window:Events');
  const [ex, ey] = centre(await widget(layout, 'title:Events'));
  await layout.mouse.move(ex, ey);
  await layout.mouse.down();
  await layout.mouse.move(ex - 40, ey - 30, { steps: 5 });
  await layout.mouse.move(ex - 80, ey - 60, { steps: 5 });
  await layout.mouse.up();
  await layout.waitForTimeout(6500);
  const eventsPos = (text) => (/\[Window\]\[Events\]\nPos=(\d+),(\d+)/.exec(text || '') || []).slice(1).join(',');
  const saved = eventsPos(await layout.evaluate(() => localStorage.getItem('memsim.layout')));
  const expected = `${Math.round(eventsWindow.x - 80)},${Math.round(eventsWindow.y - 60)}`;
  check('a moved panel is saved to localStorage', saved === expected, `${saved}, expected ${expected}`);
  await layout.reload();
  await layout.evaluate(async () => { await window.memsimReady; });
  // Move another panel so ImGui saves again: a reset Events panel would be saved too.
  await layout.waitForTimeout(500);
  const statisticsWindow = await widget(layout, 'window:Stack');
  const [sx, sy] = centre(await widget(layout, 'title:Stack'));
  await layout.mouse.move(sx, sy);
  await layout.mouse.down();
  await layout.mouse.move(sx - 10, sy - 10, { steps: 3 });
  await layout.mouse.move(sx - 20, sy - 20, { steps: 3 });
  await layout.mouse.up();
  await layout.waitForTimeout(6500);
  const statistics = /\[Window\]\[Stack\]\nPos=(\d+),(\d+)/.exec(await layout.evaluate(() => localStorage.getItem('memsim.layout')));
  check('a second move after the reload is saved',
        statistics && +statistics[1] === Math.round(statisticsWindow.x - 20) && +statistics[2] === Math.round(statisticsWindow.y - 20),
        statistics && statistics[0].replace(/\n/g, ' '));
  const kept = eventsPos(await layout.evaluate(() => localStorage.getItem('memsim.layout')));
  check('the panel keeps its place after a reload', kept === saved, kept);
  await shot(layout, 'ui-layout-remembered.png');
  await layout.close();

  // High-DPI: the same UI at device pixel ratio 2.
  const hidpi = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
  await hidpi.goto(url);
  await hidpi.evaluate(async () => { const m = await window.memsimReady; m.loadBuiltin('heap-mistakes'); m.seek(5); });
  await shot(hidpi, 'ui-dpr2.png');
  await hidpi.close();
});
finish();
