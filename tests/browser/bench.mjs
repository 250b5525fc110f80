// The page benchmark (see BENCHMARKS.md): transfer size of the web folder (raw and
// gzip), time from navigation to the first drawn frame in headless Chromium, and the
// UI's CPU time per frame (memsim.perf()) with a 2^20-page address space and a
// 100,000-block heap on screen. Prints figures; asserts nothing about speed. It fails
// only when the page cannot load or cannot build the large state.
//   node bench.mjs --dist DIR [--json] [--artifacts DIR] [--runs N] [--quick]
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { withBrowser } from './harness.mjs';

const { values } = parseArgs({
  options: {
    dist: { type: 'string' }, artifacts: { type: 'string' }, json: { type: 'boolean' },
    runs: { type: 'string' }, quick: { type: 'boolean' },
  },
});
const runs = Number(values.runs || (values.quick ? 1 : 3));
const log = values.json ? () => {} : (text) => console.log(text);

// Every file of the folder, as a static host sends it: raw, and gzip -9 compressed.
function folderSize(dir) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const bytes = readFileSync(path);
        files.push({ file: path.slice(dir.length + 1), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
      }
    }
  };
  walk(dir);
  files.sort((a, b) => b.raw - a.raw);
  const sum = (key) => files.reduce((total, f) => total + f[key], 0);
  return { raw_bytes: sum('raw'), gzip_bytes: sum('gzip'), files };
}

// A MiniC program on a 32-bit machine with 4 KiB pages (2^20 pages of address space)
// that leaves `blocks` live blocks on a segregated-list heap.
function bigState(blocks) {
  return `+++
format = 1
title = "Benchmark: ${blocks} live blocks in a 32-bit address space"
kind = "program"
[machine]
bits = 32
[heap]
allocator = "segregated"
[vm]
page_size = 4096
frames = 1024
+++
#include <stdlib.h>

int main(void) {
    for (int i = 0; i < ${blocks}; i++) {
        malloc(8);
    }
    return 0;
}
`;
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

const size = folderSize(values.dist);
log(`web folder: ${(size.raw_bytes / 1024).toFixed(0)} KiB raw, ${(size.gzip_bytes / 1024).toFixed(0)} KiB gzip -9 (goal: under 1536 KiB gzip)`);
for (const f of size.files) log(`  ${f.file.padEnd(24)} ${String(f.raw).padStart(9)} raw ${String(f.gzip).padStart(9)} gzip`);

const report = { web_folder: size, first_frame_ms: [], frame: null };
await withBrowser(values.dist, async (browser, url) => {
  const viewport = { width: 1600, height: 1000 };
  // Navigation to the first drawn frame, on a fresh context (cold cache) each run.
  for (let r = 0; r < runs; r++) {
    const page = await browser.newPage({ viewport });
    await page.goto(url);
    const perf = await page.evaluate(async () => (await window.memsimReady).perf());
    report.first_frame_ms.push(perf.first_frame_ms);
    await page.close();
  }
  log(`navigation -> first frame: ${report.first_frame_ms.map((ms) => ms.toFixed(0)).join(', ')} ms ` +
      `(median ${median(report.first_frame_ms).toFixed(0)}; goal: under 1500 ms)`);

  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  const blocks = values.quick ? 1000 : 100000;
  const loaded = await page.evaluate(async (text) => {
    const memsim = await window.memsimReady;
    const start = performance.now();
    const result = memsim.load(text);
    if (!result.ok) return { result };
    const end = memsim.runToEnd();
    // Just before main returns: every block live, and not yet 100,000 leak reports.
    memsim.seek(end.totalSteps - 2);
    const state = memsim.state();
    const process = (state.processes || [])[0];
    return { result, end, ms: performance.now() - start, live: process ? process.heap.metrics.live_blocks : null };
  }, bigState(blocks));
  if (!loaded.result.ok || errors.length || loaded.live !== blocks) {
    console.error('the benchmark state did not load:', JSON.stringify(loaded.result), errors.join('; '));
    process.exit(1);
  }
  log(`load and run to the end (${loaded.end.totalSteps} steps, ${loaded.live} live blocks): ${loaded.ms.toFixed(0)} ms`);
  await page.waitForTimeout(1000);  // the first frames after a load build per-run caches
  await page.evaluate(() => window.memsim.perf({ reset: true }));
  await page.waitForTimeout(values.quick ? 500 : 3000);
  report.frame = await page.evaluate(() => window.memsim.perf());
  report.frame.live_blocks = loaded.live;
  report.frame.load_ms = loaded.ms;
  log(`UI CPU time per frame at ${viewport.width}x${viewport.height}: mean ${report.frame.frame_ms_mean.toFixed(2)} ms, ` +
      `p95 ${report.frame.frame_ms_p95.toFixed(2)} ms, max ${report.frame.frame_ms_max.toFixed(2)} ms over ` +
      `${report.frame.frames} frames (goal: under 8 ms)`);
  if (values.artifacts) {
    mkdirSync(values.artifacts, { recursive: true });
    writeFileSync(join(values.artifacts, 'bench-page.png'), await page.screenshot());
  }
  await page.close();
});
report.first_frame_ms_median = median(report.first_frame_ms);
if (values.json) console.log(JSON.stringify(report, null, 2));
