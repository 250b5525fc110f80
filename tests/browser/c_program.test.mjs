// Browser test of a C program in the app: a plain .c text pasted into the editor with
// the clipboard (Ctrl+V) runs; the memory diagram of a linked list and of the leak
// lesson after the node is lost are drawn (screenshots to look at); the 64-bit stack
// panel at 1366x768.
//   node c_program.test.mjs --dist DIR --artifacts DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { countColour, describePixels, looksDrawn } from './png_check.mjs';
import { clickWidget, createChecks, frameDone, overflowingCells, pasteIntoEditor, widget, withBrowser } from './harness.mjs';

const { values } = parseArgs({ options: { dist: { type: 'string' }, artifacts: { type: 'string' } } });
mkdirSync(values.artifacts, { recursive: true });
const { check, finish } = createChecks();

const program = [
  '#include <stdio.h>',
  '#include <stdlib.h>',
  'struct node { int value; struct node *next; };',
  'int main(void) {',
  '    struct node *list = NULL;',
  '    for (int i = 1; i <= 5; i++) {',
  '        struct node *n = malloc(sizeof(struct node));',
  '        n->value = i * 10;',
  '        n->next = list;',
  '        list = n;',
  '    }',
  '    printf("head %d\\n", list->value);',
  '    return 0;',
  '}',
  '',
].join('\n');

async function shot(page, name) {
  await page.waitForTimeout(700);  // real time for frames (see TOOLCHAIN.md)
  const png = await page.screenshot();
  writeFileSync(join(values.artifacts, name), png);
  check(`screenshot ${name} shows the UI`, looksDrawn(describePixels(png)));
  return png;
}

await withBrowser(values.dist, async (browser, url) => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1,
                                       permissions: ['clipboard-read', 'clipboard-write'] });
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  await page.evaluate(async () => { await window.memsimReady; });
  await page.evaluate(() => window.memsim.quizMode(false));
  const until = (predicate, arg) => page.waitForFunction(predicate, arg, { timeout: 10000 }).catch(() => {});

  // Paste: select everything in the editor, put the program on the clipboard, Ctrl+V.
  await page.evaluate(() => window.memsim.loadBuiltin('factorial'));
  await pasteIntoEditor(page, program);
  const draft = await page.evaluate(() => window.memsim.draft().text);
  check("Ctrl+V pastes the clipboard into the editor", draft === program, JSON.stringify(draft.length === program.length ? draft.slice(0, 60) : draft));
  await clickWidget(page, 'source.run');
  // Factorial is a program too: wait for the pasted one (its default title), not any program.
  await until(() => window.memsim.state().title === 'C program');
  let state = await page.evaluate(() => window.memsim.state());
  check('a pasted plain C program (no front matter) loads as a program', state.kind === 'program' && state.title === 'C program',
        `${state.kind} "${state.title}"`);

  // The list after the loop: every variable has a value, list -> 5 nodes along next.
  await page.evaluate(() => window.memsim.seek(window.memsim.state().totalSteps - 3));
  await frameDone(page);
  state = await page.evaluate(() => window.memsim.state());
  const edges = state.diagram ? state.diagram.edges : [];
  const heapEdges = edges.filter((e) => e.target === 'heap');
  check('the diagram has an edge from main.list into the heap', edges.some((e) => e.from_name === 'main.list' && e.target === 'heap'));
  check('four next pointers join the five nodes', heapEdges.filter((e) => e.from_name.endsWith('.next')).length === 4,
        JSON.stringify(edges.map((e) => e.from_name)));
  const blocks = state.processes[0].heap.blocks.filter((b) => b.allocated);
  check('every node is typed struct node', blocks.length === 5 && blocks.every((b) => b.type === 'struct node'),
        JSON.stringify(blocks.map((b) => b.type)));
  const slots = state.processes[0].stack.frames[0].slots.filter((s) => s.kind === 'local');
  check('the locals show their values', slots.some((s) => s.name === 'i' && s.value >= 5 && s.initialized) && slots.every((s) => s.initialized),
        JSON.stringify(slots.map((s) => [s.name, s.value])));
  await shot(page, 'c-diagram-list.png');
  check('output printed', state.output === '' || state.output.startsWith('head'), state.output);

  // The leak lesson at the step after the last pointer to node 10 is lost.
  await page.evaluate(() => { window.memsim.loadBuiltin('linked-list-leak'); window.memsim.seek(38); });
  await frameDone(page);
  state = await page.evaluate(() => window.memsim.state());
  const leaked = state.processes[0].heap.blocks.filter((b) => b.allocated && b.reachable === false);
  check('the lost node is unreachable in the state', leaked.length === 1 && leaked[0].type === 'struct node');
  check('the step says the block leaked', state.events.some((e) => e.kind === 'unreachable'));
  // The heap panel is narrow here: its three gauges stack rather than clip their labels.
  const rects = await page.evaluate(() => window.memsim.debugWidgets());
  const gauges = ['used', 'external frag.', 'internal frag.'].map((name) => rects['heap.gauge.' + name]);
  check('the heap gauges are wide enough for "external frag. 100%"', gauges.every((g) => g && g.width >= 125),
        JSON.stringify(gauges));
  check('the heap gauges do not overlap', gauges.every((g, i) => i === 0 || g.y >= gauges[i - 1].y + gauges[i - 1].height
        || g.x >= gauges[i - 1].x + gauges[i - 1].width), JSON.stringify(gauges));
  // Its block table keeps every column's text inside the column (payload and asked move
  // into the tooltip when the five columns do not fit).
  const cells = Object.keys(rects).filter((k) => k.startsWith('heap.cell.'));
  check('the heap block table shows its rows', cells.length >= 6 && !!rects['heap.blocks'], cells.join(','));
  const clipped = overflowingCells(rects, 'heap.cell', rects['heap.blocks'] || { x: 0, width: 0 });
  check('no text in the narrow heap block table runs past its column', clipped.length === 0,
        `${clipped.join(', ')} in a ${rects['window:Heap'] && rects['window:Heap'].width} px panel`);
  const png = await shot(page, 'c-diagram-leak.png');
  const diagram = await widget(page, 'window:Memory diagram');
  const outline = countColour(png, diagram, [213, 94, 0], 40);
  check('the leaked block is outlined in the diagram (vermillion pixels)', outline > 100, `${outline} pixels`);
  check('no console errors', errors.length === 0, errors.slice(0, 3).join(' | '));

  // A plain C program (no front matter) survives a shared link and a reload of saved work.
  const plain = '#include <stdio.h>\nint main(void) {\n    int x = 41;\n    printf("%d\\n", x + 1);\n    return 0;\n}\n';
  const loaded = await page.evaluate((t) => { const r = window.memsim.load(t); window.memsim.quizMode(false); window.memsim.runToEnd(); return r; }, plain);
  check('plain C loads', loaded.ok, JSON.stringify(loaded.errors));
  const link = await page.evaluate(async () => window.memsimEmbed.shareLink());
  check('a plain C program makes a share link', link.ok, link.message);
  const saved = await page.evaluate(() => window.memsimEmbed.saveWork());
  check('a plain C program is saved as work', saved);
  await page.goto(url);  // a plain address opens the saved work
  await page.evaluate(async () => { await window.memsimReady; await window.memsimEmbed.ready; });
  const restored = await page.evaluate(() => window.memsim.source().text);
  check('reopening the page restores the plain C program', restored === plain, JSON.stringify(restored.slice(0, 40)));
  await page.close();
  const shared = await browser.newPage({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 });
  await shared.goto(link.url);
  await shared.evaluate(async () => { await window.memsimReady; await window.memsimEmbed.ready; });
  await shared.waitForFunction(() => { const s = window.memsim.state(); return s.totalSteps > 0 && s.step === s.totalSteps; },
                               null, { timeout: 10000 }).catch(() => {});
  const opened = await shared.evaluate(() => ({ text: window.memsim.source().text, state: window.memsim.state() }));
  check('the shared link opens the same plain C program at its step, printing 42', opened.text === plain &&
        opened.state.step === opened.state.totalSteps && opened.state.output === '42\n',
        `${opened.state.step}/${opened.state.totalSteps} ${JSON.stringify(opened.state.output)}`);
  await shared.close();
});
finish();
