// Joins the benchmark runs into one report (BENCHMARKS.md explains every field): the
// native `memsim bench --json` output, with `wasm` added (the same benchmark under Node,
// each figure beside its WASM/native ratio) and `page` (tests/browser/bench.mjs).
// Prints the figures against the goals; measures only, never fails on a figure.
//   node tools/bench_report.mjs --native N.json --wasm W.json [--page P.json] [--out R.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { native: { type: 'string' }, wasm: { type: 'string' }, page: { type: 'string' }, out: { type: 'string' } },
});
const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const native = read(values.native);
const wasm = values.wasm ? read(values.wasm) : null;
const page = values.page ? read(values.page) : null;
const ratio = (w, n) => (typeof w === 'number' && typeof n === 'number' && n > 0 ? w / n : null);
const m = (x) => (x / 1e6).toFixed(1).padStart(7);
const r = (x) => (x === null || x === undefined ? '    -' : x.toFixed(2).padStart(5));

const report = { ...native };
if (native.machine && report.seek_ms === undefined) report.seek_ms = native.machine.seek_ms;

console.log('paging (M references/s)      native  kernel  ratio |  wasm  kernel  ratio | wasm/native');
const pagingKey = (row) => `${row.policy}/${row.tlb}`;
const wasmPaging = new Map((wasm?.paging || []).map((row) => [pagingKey(row), row]));
for (const row of native.paging || []) {
  const w = wasmPaging.get(pagingKey(row));
  const label = `${row.policy}${row.tlb ? ' +tlb' : ''}`.padEnd(26);
  console.log(`  ${label} ${m(row.refs_per_second)} ${row.kernel_refs_per_second ? m(row.kernel_refs_per_second) : '      -'} ` +
              `${r(ratio(row.refs_per_second, row.kernel_refs_per_second))} | ` +
              `${w ? m(w.refs_per_second) : '      -'} ${w && w.kernel_refs_per_second ? m(w.kernel_refs_per_second) : '      -'} ` +
              `${r(w ? ratio(w.refs_per_second, w.kernel_refs_per_second) : null)} | ${r(w ? ratio(w.refs_per_second, row.refs_per_second) : null)}`);
}
console.log('heap (M operations/s)             live   native    wasm  wasm/native');
const heapKey = (row) => `${row.allocator}/${row.live_blocks}`;
const wasmHeap = new Map((wasm?.heap || []).map((row) => [heapKey(row), row]));
for (const row of native.heap || []) {
  const w = wasmHeap.get(heapKey(row));
  console.log(`  ${row.allocator.padEnd(26)} ${String(row.live_blocks).padStart(7)} ${m(row.ops_per_second)} ` +
              `${w ? m(w.ops_per_second) : '      -'} ${r(w ? ratio(w.ops_per_second, row.ops_per_second) : null)}`);
}
if (native.minic) {
  console.log(`minic: ${m(native.minic.statements_per_second)} M statements/s native, ` +
              `${wasm?.minic ? m(wasm.minic.statements_per_second) : '-'} wasm`);
}
if (native.machine) {
  console.log(`seek over ${native.machine.steps} steps: mean ${native.machine.seek_ms.toFixed(2)} ms native, ` +
              `${wasm?.machine ? wasm.machine.seek_ms.toFixed(2) : '-'} ms wasm (goal: under 50 ms); ` +
              `checkpoints ${(native.machine.checkpoint_bytes / 1048576).toFixed(1)} MiB`);
}

if (wasm) {
  report.wasm = {
    ...wasm,
    paging: (wasm.paging || []).map((row) => {
      const n = (native.paging || []).find((x) => pagingKey(x) === pagingKey(row));
      return { ...row, ratio_to_native: n ? ratio(row.refs_per_second, n.refs_per_second) : null };
    }),
    heap: (wasm.heap || []).map((row) => {
      const n = (native.heap || []).find((x) => heapKey(x) === heapKey(row));
      return { ...row, ratio_to_native: n ? ratio(row.ops_per_second, n.ops_per_second) : null };
    }),
    seek_ms: wasm.machine ? wasm.machine.seek_ms : null,
    ratios: {
      minic: ratio(wasm.minic?.statements_per_second, native.minic?.statements_per_second),
      seek: ratio(wasm.machine?.seek_ms, native.machine?.seek_ms),
    },
  };
  console.log(`wasm/native: minic ${r(report.wasm.ratios.minic)}, seek time ${r(report.wasm.ratios.seek)} (time: above 1 is slower)`);
}
if (page) {
  report.page = page;
  console.log(`page: web folder ${(page.web_folder.raw_bytes / 1024).toFixed(0)} KiB raw, ` +
              `${(page.web_folder.gzip_bytes / 1024).toFixed(0)} KiB gzip (goal < 1536); first frame ` +
              `${page.first_frame_ms_median.toFixed(0)} ms (goal < 1500); frame CPU ${page.frame.frame_ms_mean.toFixed(2)} ms ` +
              `mean, ${page.frame.frame_ms_p95.toFixed(2)} ms p95 (goal < 8)`);
}
if (values.out) writeFileSync(values.out, JSON.stringify(report, null, 2) + '\n');
