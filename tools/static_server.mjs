// A tiny static file server for the web folder (correct MIME types for .wasm, no
// caching surprises). Used by tools/serve.sh and by the browser tests.
//   node tools/static_server.mjs DIR [PORT] [HOST]     (PORT 0 = any free port)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.msim': 'text/plain; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

export function startServer(dir, port = 0, host = '127.0.0.1') {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] || 'application/octet-stream',
                           'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, port = '8080', host = '127.0.0.1'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node tools/static_server.mjs DIR [PORT] [HOST]');
    process.exit(2);
  }
  const server = await startServer(dir, Number(port), host);
  const { port: actual } = server.address();
  console.log(`memsim is served at http://${host}:${actual}/  (Ctrl+C stops)`);
}
