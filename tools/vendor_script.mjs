// Turns a CommonJS library file from web/node_modules into a classic browser script that
// sets one global (window.NAME), with the library's licence on top, so the site and the
// single file (tools/single_file.mjs) ship it like the shell's own scripts: no CDN, no
// module loader, works offline.
//   node tools/vendor_script.mjs IN.js LICENSE_FILE OUT.js NAME
import { readFileSync, writeFileSync } from 'node:fs';

const [input, licence, out, name] = process.argv.slice(2);
if (!input || !licence || !out || !/^[A-Za-z_$][\w$]*$/.test(name || '')) {
  console.error('usage: node tools/vendor_script.mjs IN.js LICENSE_FILE OUT.js NAME');
  process.exit(2);
}
// The source map is not shipped, so its pointer goes.
const code = readFileSync(input, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
const notice = readFileSync(licence, 'utf8').trim().replace(/\*\//g, '* /');
writeFileSync(out, `/*\n${notice}\n*/\n(function () {\n  var exports = {};\n  var module = { exports: exports };\n` +
  `${code}\n  window.${name} = module.exports === exports ? exports : module.exports;\n})();\n`);
