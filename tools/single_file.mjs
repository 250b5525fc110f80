// Builds the single-file page: index.html with the CSS, every shell script, memsim.js
// and memsim.wasm (base64) inlined, so one HTML file opens from file:// with no server
// and no network. memsim-shell.js sees window.memsimInline and hands the bytes to the
// module (Module.wasmBinary) instead of loading memsim.js and memsim.wasm.
//   node tools/single_file.mjs DIST_DIR OUT.html
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dist, out] = process.argv.slice(2);
if (!dist || !out) {
  console.error('usage: node tools/single_file.mjs DIST_DIR OUT.html');
  process.exit(2);
}
const read = (name) => readFileSync(join(dist, name), 'utf8');

// Script text must not end its element early or open an HTML comment inside it.
function inlineScript(code) {
  return '<script>' + code.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--') + '</script>';
}

let html = read('index.html');
let inlined = 0;
html = html.replace(/<link rel="stylesheet" href="([^"]+)">/g, (_, name) => { inlined++; return '<style>' + read(name) + '</style>'; });
html = html.replace(/<script src="([^"]+)"><\/script>/g, (_, name) => {
  inlined++;
  const code = inlineScript(read(name));
  // The module's bytes go just before the shell, which takes them.
  return name === 'memsim-shell.js'
    ? inlineScript(`window.memsimInline = {wasm: "${readFileSync(join(dist, 'memsim.wasm')).toString('base64')}"};`) + '\n' + code
    : code;
});
if (!html.includes('window.memsimInline')) {
  console.error('single_file: index.html has no <script src="memsim-shell.js"></script> to inline');
  process.exit(1);
}
// memsim.js runs last, after the shell has set up window.Module.
html = html.replace('</body>', () => inlineScript(read('memsim.js')) + '\n</body>');
writeFileSync(out, html);
console.log(`single_file: ${out} (${(html.length / 1048576).toFixed(1)} MiB, ${inlined} files inlined with memsim.js and memsim.wasm)`);
