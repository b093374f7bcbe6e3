#!/usr/bin/env node
// A tiny static file server for a built Camau (dist/), with no dependencies: what the browser
// tests run against, and the kind of plain host a charity would use (no rewrites, no
// directory listing, no cookies).
//
//   node tests/e2e/server.mjs [--port 4173] [--host 127.0.0.1] [--dir dist] [--prefix /support/aln-helper/] [--compress on]
//
// --prefix serves the folder under a sub-path: http://127.0.0.1:PORT/support/aln-helper/ is
// dist/index.html, the prefix without its last "/" redirects to it, anything outside it is 404.
// A folder address answers with that folder's index.html (or 404): never a listing.
// --compress on answers text, scripts and wasm brotli-compressed when the browser accepts it, as
// most static hosts do (the benchmark uses it, so Lighthouse sees realistic transfer sizes).
// Prints "serving DIR at URL" once listening. Stops on SIGINT/SIGTERM.
import http from 'node:http';
import { createReadStream, statSync, realpathSync, readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { join, resolve, extname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.ics': 'text/calendar; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/// Normalises a prefix to "/", or "/a/b/" (leading and trailing slash).
export function normalisePrefix(p = '/') {
  const parts = String(p).split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/// Starts serving `dir` under `prefix`. Resolves to { server, url, port, close() }.
export function serve({ dir = 'dist', port = 0, host = '127.0.0.1', prefix = '/', quiet = true, compress = false } = {}) {
  const packed = new Map(); // file -> brotli bytes (compress on)
  const root = realpathSync(resolve(dir));
  prefix = normalisePrefix(prefix);
  const send = (res, code, body = '', headers = {}) => {
    res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(res, 400, 'bad request');
    }
    if (!quiet) console.log(`${req.method} ${path}`);
    if (path.includes('\0')) return send(res, 400, 'bad request');
    if (prefix !== '/' && path === prefix.slice(0, -1)) return send(res, 301, '', { location: prefix });
    if (!path.startsWith(prefix)) return send(res, 404, 'not found');
    const rest = path.slice(prefix.length);
    let file = resolve(root, '.' + sep + rest);
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'forbidden');
    let st;
    try {
      st = statSync(file);
      if (st.isDirectory()) {
        if (!path.endsWith('/')) return send(res, 301, '', { location: path + '/' });
        file = join(file, 'index.html');
        st = statSync(file);
      }
      if (!st.isFile()) return send(res, 404, 'not found');
      // A symbolic link must not lead out of the folder either.
      const real = realpathSync(file);
      if (real !== root && !real.startsWith(root + sep)) return send(res, 403, 'forbidden');
    } catch {
      return send(res, 404, 'not found');
    }
    const type = TYPES[extname(file).toLowerCase()] || 'application/octet-stream';
    if (compress && /\bbr\b/.test(req.headers['accept-encoding'] || '') && /text|javascript|json|wasm|svg|manifest/.test(type)) {
      if (!packed.has(file)) packed.set(file, zlib.brotliCompressSync(readFileSync(file), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      const body = packed.get(file);
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'br', vary: 'accept-encoding', 'content-length': body.length, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    res.writeHead(200, {
      'content-type': type,
      'content-length': st.size,
      'cache-control': 'no-cache',
      'last-modified': st.mtime.toUTCString(),
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const p = server.address().port;
      const url = `http://${host}:${p}${prefix}`;
      ok({
        server,
        port: p,
        url,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(done); }),
      });
    });
  });
}

function args(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const m = argv[i].match(/^--([a-z]+)(?:=(.*))?$/);
    if (!m) throw new Error(`unknown argument ${argv[i]}`);
    out[m[1]] = m[2] ?? argv[++i];
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const a = args(process.argv.slice(2));
  const allowed = new Set(['port', 'host', 'dir', 'prefix', 'log', 'compress']);
  for (const k of Object.keys(a)) if (!allowed.has(k)) { console.error(`server: unknown option --${k}`); process.exit(2); }
  const dir = a.dir ? resolve(a.dir) : resolve(here, '../../dist');
  serve({ dir, port: Number(a.port ?? 4173), host: a.host ?? '127.0.0.1', prefix: a.prefix ?? '/', quiet: a.log !== 'on', compress: a.compress === 'on' })
    .then(({ url, close }) => {
      console.log(`serving ${dir} at ${url}`);
      const stop = () => close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((e) => {
      console.error(`server: ${e.message}`);
      process.exit(1);
    });
}
