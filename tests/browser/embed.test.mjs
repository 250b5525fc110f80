// Browser test of course embedding: every URL parameter (good and bad values), the
// permalink round trip, reload survival of the user's text, storage that is full, the
// text mirror's live region and summary, exports, and the notices for a trap and a lost
// WebGL context. Screenshots of the embed mode and of notices go to the artifacts.
//   node embed.test.mjs --dist DIR --artifacts DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describePixels, looksDrawn } from './png_check.mjs';
import { createChecks, frameDone, holdKeys, withBrowser } from './harness.mjs';

const { values } = parseArgs({ options: { dist: { type: 'string' }, artifacts: { type: 'string' } } });
mkdirSync(values.artifacts, { recursive: true });
const { check, finish } = createChecks();

const custom = '+++\nformat = 1\ntitle = "My own FIFO run"\nkind = "references"\n[vm]\nframes = 2\npolicy = "fifo"\n+++\n1 2 3 1 2 3 4\n';

await withBrowser(values.dist, async (browser, url) => {
  const errors = [];
  // Opens the page at `address` and waits until the course features have started.
  async function open(address, options = {}) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, ...options });
    page.on('pageerror', (err) => errors.push(`${address}: ${err}`));
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`${address}: ${msg.text()}`); });
    await page.goto(address);
    await page.evaluate(async () => { await window.memsimReady; await window.memsimEmbed.ready; });
    return page;
  }
  const notices = (page) => page.evaluate(() => window.memsimEmbed.notices());
  const state = (page) => page.evaluate(() => window.memsim.state());
  async function shot(page, name) {
    await page.waitForTimeout(700);
    const png = await page.screenshot();
    writeFileSync(join(values.artifacts, name), png);
    check(`screenshot ${name} shows the UI`, looksDrawn(describePixels(png)));
  }

  // ?scenario= and ?step=
  let page = await open(`${url}?scenario=belady-fifo&step=5&speed=4`);
  await page.waitForTimeout(600);
  let s = await state(page);
  check('?scenario=belady-fifo&step=5&speed=4 opens that lesson at step 5, paused', s.title === "Belady's anomaly with FIFO" && s.step === 5, `${s.title} ${s.step}`);
  check('good parameters give no notice', (await notices(page)).length === 0, (await notices(page)).join(' | '));
  await page.close();

  // ?frames=, ?policy= (settings overrides)
  page = await open(`${url}?scenario=belady-fifo&frames=4&policy=lru`);
  await page.evaluate(() => window.memsim.runToEnd());
  s = await state(page);
  check('?frames=4&policy=lru change the settings', s.vm.frames.length === 4 && s.vm.policy === 'lru', `${s.vm.frames.length} ${s.vm.policy}`);
  await page.close();
  page = await open(`${url}?scenario=heap-mistakes&allocator=implicit-best`);
  let text = await page.evaluate(() => window.memsim.source().text);
  check('?allocator=implicit-best edits the scenario', /allocator = "implicit-best"/.test(text) && (await notices(page)).length === 0, (await notices(page)).join(' | '));
  await page.close();
  page = await open(`${url}?scenario=tlb-rw-trace&pagesize=8192`);
  text = await page.evaluate(() => window.memsim.source().text);
  check('?pagesize=8192 edits the scenario', /page_size = 8192/.test(text) && (await notices(page)).length === 0, (await notices(page)).join(' | '));
  await page.close();

  // Bad values: a notice each, the defaults stay, the page works.
  page = await open(`${url}?scenario=belady-fifo&policy=nonsense&frames=zero&speed=fast&theme=pink&panels=stack,tlb&wat=1&step=999`);
  const said = (await notices(page)).join(' | ');
  const pick = (re) => said.split(' | ').filter((t) => re.test(t)).join(' | ') || said;  // the notice a check is about
  s = await state(page);
  const source = await page.evaluate(() => window.memsim.source());
  check('a bad policy is refused with a notice and undone', /policy=nonsense/.test(said) && s.vm.policy === 'fifo' && !source.hasErrors, pick(/policy/));
  check('a malformed number is refused', /frames="zero" is not valid/.test(said) && s.vm.frames.length === 3, pick(/frames/));
  check('bad speed, theme and panels are named', /speed="fast"/.test(said) && /theme="pink"/.test(said) && /unknown panel 'tlb'/.test(said), pick(/speed|theme|panel/));
  check('an unknown parameter is named', /Unknown URL parameter "wat"/.test(said), pick(/wat/));
  check('a step past the end shows the end and says so', s.step === s.totalSteps && /past the end/.test(said), `${s.step}: ${pick(/past the end/)}`);
  const view = await page.evaluate(() => window.memsim.view());
  check('after bad values the view keeps its defaults', view.panels === 'source,stack,heap,vm,events,statistics' && view.theme === 'dark' && !view.embed, JSON.stringify(view));
  await shot(page, 'embed-notices.png');
  await page.close();
  page = await open(`${url}?scenario=nope`);
  s = await state(page);
  check('an unknown built-in keeps the default lesson', /no built-in scenario "nope"/i.test((await notices(page)).join()) && s.totalSteps > 0);
  await page.close();

  // ?embed=1&panels=&theme=
  page = await open(`${url}?scenario=belady-fifo&embed=1&panels=vm,events&theme=light&step=4`, { viewport: { width: 720, height: 420 } });
  const embedded = await page.evaluate(() => ({ view: window.memsim.view(), toolbar: getComputedStyle(document.getElementById('toolbar')).display }));
  check('?embed=1 hides the menu bar and page tools', embedded.view.embed === true && embedded.toolbar === 'none', JSON.stringify(embedded));
  check('?panels=vm,events shows those panels', embedded.view.panels === 'vm,events', embedded.view.panels);
  check('?theme=light', embedded.view.theme === 'light');
  await shot(page, 'embed-compact.png');
  await page.close();

  // ?autoplay=1&speed=
  page = await open(`${url}?scenario=textbook-lru&autoplay=1&speed=20`);
  await page.waitForTimeout(1200);
  s = await state(page);
  check('?autoplay=1&speed=20 plays', s.step >= 5, `step ${s.step}`);
  await page.close();

  // Permalinks: Share, then open the link in a new page: the same state.
  page = await open(url);
  await page.evaluate((t) => { window.memsim.load(t); window.memsim.seek(4); }, custom);
  const link = await page.evaluate(() => window.memsimEmbed.shareLink());
  check('Share makes a link with the text in the fragment', link.ok && /#v=1&s=[A-Za-z0-9_-]+&step=4$/.test(link.url), JSON.stringify(link).slice(0, 200));
  const before = await state(page);
  const other = await open(link.url);
  const after = await state(other);
  check('the shared link restores exactly that state', JSON.stringify(after) === JSON.stringify(before), `${after.title} ${after.step}`);
  await other.close();
  const long = await page.evaluate(async () => {
    let t = '+++\nformat = 1\ntitle = "long"\nkind = "references"\n+++\n';
    let x = 12345;
    for (let i = 0; i < 30000; i++) { x = (x * 1103515245 + 12345) % 2147483648; t += (x % 100000) + ' '; }
    return window.memsimEmbed.makePermalink(t, 0);
  });
  check('a text too long for a link gets a clear message', !long.ok && /too long for a link/.test(long.message) && /32,000/.test(long.message), long.message);
  await page.close();
  page = await open(`${url}#v=1&s=not!base64&step=2`);
  check('a damaged link says so and opens the default lesson', /link's scenario cannot be opened/.test((await notices(page)).join()) && (await state(page)).totalSteps > 0);
  await page.close();

  // Saved work: the text survives a reload; full storage is said, not silent.
  page = await open(url);
  await page.evaluate((t) => { window.memsim.load(t); window.memsim.seek(3); }, custom);
  await page.waitForTimeout(500);
  await page.reload();
  await page.evaluate(async () => { await window.memsimReady; await window.memsimEmbed.ready; });
  s = await state(page);
  check('the loaded text and step survive a reload', s.title === 'My own FIFO run' && s.step === 3, `${s.title} ${s.step}`);
  const recent = await page.evaluate(() => window.memsimEmbed.recent().map((e) => e.title));
  check('the Recent list has it', recent[0] === 'My own FIFO run', recent.join(','));
  await page.close();
  // Text typed in the Source editor, never Run, survives a reload too.
  page = await open(`${url}`);
  await page.evaluate(() => window.memsim.loadBuiltin('belady-fifo'));
  await page.waitForTimeout(300);
  let rects = await page.evaluate(() => window.memsim.debugWidgets());
  await page.mouse.click(rects['source.edit'].x + 5, rects['source.edit'].y + 5);  // Edit
  await page.waitForFunction(() => window.memsim.draft().editing, null, { timeout: 10000 }).catch(() => {});
  await page.waitForTimeout(300);
  rects = await page.evaluate(() => window.memsim.debugWidgets());
  const editor = rects['window:Source'];
  await page.mouse.click(editor.x + editor.width / 2, editor.y + editor.height / 2);  // into the editor
  await frameDone(page);
  await holdKeys(page, ['Control', 'End']);
  await page.keyboard.type(' 6 7');
  // The draft is saved within a second of the change; on a loaded machine frames come slowly,
  // so wait for the saved work itself to hold the typed text (up to 10 s) before reloading.
  await page.waitForFunction(() => /6 7\s*$/.test((JSON.parse(localStorage.getItem('memsim.work') || '{}').text) || ''),
                             null, { timeout: 10000 }).catch(() => {});
  await page.reload();
  await page.evaluate(async () => { await window.memsimReady; await window.memsimEmbed.ready; });
  text = await page.evaluate(() => window.memsim.source().text);
  s = await state(page);
  check('typed text that was never Run survives a reload', /1 2 3 4 1 2 5 1 2 3 4 5\s+6 7\s*$/.test(text) && s.totalSteps === 14, `${JSON.stringify(text.slice(-30))} ${s.totalSteps}`);
  await page.close();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await page.goto(url);
  await page.evaluate(async () => { await window.memsimReady; await window.memsimEmbed.ready; window.memsim.step(); });
  // The notice comes once the draft save fails; wait for it rather than a fixed time.
  await page.waitForFunction(() => /storage for memsim is full/.test(window.memsimEmbed.notices().join()),
                             null, { timeout: 10000 }).catch(() => {});
  check('full storage shows a notice', /storage for memsim is full/.test((await notices(page)).join()), (await notices(page)).join());
  await page.close();

  // The text mirror: the live region says the step's explanation; Alt+Shift+S the summary.
  page = await open(`${url}?scenario=belady-fifo`);
  await page.evaluate(() => window.memsim.step(2));
  await page.waitForTimeout(400);
  const live = await page.textContent('#live-step');
  s = await state(page);
  check('the live region announces the step and its explanation', live.startsWith('Step 2 of 12: ') && s.events.length > 0 && live.includes(s.events[0].text), live);
  await page.click('#canvas');
  await page.keyboard.press('Alt+Shift+S');
  const summary = await page.evaluate(() => ({ hidden: document.getElementById('state-summary').hidden, text: document.getElementById('state-summary-text').textContent, focused: document.activeElement.id }));
  check('Alt+Shift+S shows the state as text, focused', !summary.hidden && summary.focused === 'state-summary' && /of 3 frames hold a page/.test(summary.text) && /frame 0: page 0x1\./.test(summary.text) && !/frame \d+: empty/.test(summary.text), summary.text.slice(0, 200));
  await shot(page, 'embed-summary.png');
  await page.keyboard.press('Escape');
  check('Escape closes the summary', await page.evaluate(() => document.getElementById('state-summary').hidden));
  page.close();

  // Exports: JSON and CSV with one row per step, a PNG of the canvas.
  page = await open(`${url}?scenario=belady-fifo`);
  const exported = await page.evaluate(async () => {
    const json = window.memsimEmbed.runJson();
    const csv = window.memsimEmbed.runCsv();
    const png = await window.memsimEmbed.canvasPng();
    return { steps: json.steps.length, last: json.steps[11], lines: csv.trim().split('\r\n'), png };
  });
  check('JSON export: one entry per step, 9 faults at the end', exported.steps === 12 && exported.last.page_faults === 9, JSON.stringify(exported.last));
  check('CSV export: a header and one row per step', exported.lines.length === 13 && exported.lines[0].startsWith('step,line,'), exported.lines[0]);
  const png = Buffer.from(exported.png.split(',')[1], 'base64');
  check('PNG export shows the UI', looksDrawn(describePixels(png)));
  writeFileSync(join(values.artifacts, 'embed-export.png'), png);
  // The Export menu's buttons download files.
  await page.click('#export summary');
  await shot(page, 'embed-export-menu.png');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="csv"]')]);
  const csvFile = join(values.artifacts, 'embed-export.csv');
  await download.saveAs(csvFile);
  const saved = (await import('node:fs')).readFileSync(csvFile, 'utf8').trim().split('\r\n');
  check('Export → CSV downloads one row per step', download.suggestedFilename() === 'beladys-anomaly-with-fifo-run.csv' && saved.length === 13, `${download.suggestedFilename()} ${saved.length}`);
  // memsim.on misuse answers like the other verbs instead of throwing.
  const on = await page.evaluate(() => [window.memsim.on('nope', () => {}), window.memsim.on('step', 3), typeof window.memsim.on('step', () => {})]);
  check('memsim.on misuse returns {ok: false, errors}', on[0].ok === false && /unknown event/.test(on[0].errors[0].message) && on[1].ok === false && on[2] === 'function', JSON.stringify(on));
  await page.close();

  // The page never dies silently: a trap and a lost WebGL context show a notice.
  page = await open(url);
  await page.evaluate((t) => window.memsim.load(t), custom);
  await page.evaluate(() => setTimeout(() => window.Module.ccall('memsim_call', 'string', ['number', 'number'], [0x7ffffff0, 0])));
  await page.waitForTimeout(500);
  check('a WebAssembly trap shows a notice that the text is saved', /internal error.*Your text is saved/.test((await notices(page)).join()), (await notices(page)).join());
  await shot(page, 'embed-trap.png');
  await page.reload();
  await page.evaluate(async () => { await window.memsimReady; await window.memsimEmbed.ready; });
  s = await state(page);
  check('after the trap a reload brings the text back', s.title === 'My own FIFO run', s.title);
  await page.close();
  page = await open(url);
  await page.evaluate(() => document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context').loseContext());
  await page.waitForTimeout(300);
  check('a lost WebGL context shows a notice', /graphics context was lost/.test((await notices(page)).join()), (await notices(page)).join());
  await page.close();

  const unexpected = errors.filter((e) => !/memory access out of bounds|RuntimeError|CONTEXT_LOST|context lost/i.test(e));
  check('no console or page errors (besides the deliberate trap)', unexpected.length === 0, unexpected.join(' | '));
});
finish();
