// Short names for the wasm's imports (issue 15). wasm-bindgen names each JavaScript function
// the wasm calls `__wbg_<name>_<16 hex digits>`; the names are written twice, in the wasm's
// import section and as the keys of the glue's imports object, and the hex digits do not
// compress: about 3.5 KB brotli of the first load. This gives every such import a name of one
// or two letters, in both files, and changes nothing else (the module name, the exports and
// the code stay as they are). Used by tools/post_build.mjs on release builds.
//
// shortImports(wasm: Buffer, glue: string) -> { wasm: Buffer, glue: string, renamed: number }
// Throws if a file is not what it expects (then the build fails and says why).

const WBG = /^__wbg_|^__wbindgen_/;

/// a, b, … z, A … Z, aa, ab, …: never a clash, since each import's new name is its own.
function short(i) {
  const a = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do {
    s = a[i % a.length] + s;
    i = Math.floor(i / a.length) - 1;
  } while (i >= 0);
  return s;
}

function leb(n) {
  const out = [];
  do {
    let x = n & 0x7f;
    n >>>= 7;
    if (n) x |= 0x80;
    out.push(x);
  } while (n);
  return Buffer.from(out);
}

export function shortImports(wasm, glue) {
  if (wasm.readUInt32LE(0) !== 0x6d736100 || wasm.readUInt32LE(4) !== 1) throw new Error('not a wasm module (version 1)');
  let p = 8;
  const u = () => {
    let r = 0, s = 0, x;
    do {
      if (p >= wasm.length) throw new Error('the wasm ends inside a number');
      x = wasm[p++];
      r += (x & 0x7f) * 2 ** s;
      s += 7;
    } while (x & 0x80);
    return r;
  };
  const str = () => {
    const n = u();
    const v = wasm.subarray(p, p + n).toString('utf8');
    p += n;
    return v;
  };
  const limits = () => {
    const flags = u();
    u();
    if (flags & 1) u();
  };
  const names = new Map();
  const out = [wasm.subarray(0, 8)];
  while (p < wasm.length) {
    const start = p;
    const id = wasm[p++];
    const len = u();
    const end = p + len;
    if (id !== 2) {
      out.push(wasm.subarray(start, end));
      p = end;
      continue;
    }
    const n = u();
    const parts = [leb(n)];
    for (let i = 0; i < n; i++) {
      const module = str();
      const field = str();
      const desc = p;
      const kind = wasm[p++];
      if (kind === 0) u(); // a function: its type
      else if (kind === 1) { p++; limits(); } // a table: its element type, limits
      else if (kind === 2) limits(); // a memory
      else if (kind === 3) p += 2; // a global: its type, mutability
      else if (kind === 4) { p++; u(); } // a tag
      else throw new Error(`import ${module}.${field} is of an unknown kind ${kind}`);
      let name = field;
      if (WBG.test(field)) {
        if (!names.has(field)) names.set(field, short(names.size));
        name = names.get(field);
      }
      const m = Buffer.from(module, 'utf8');
      const f = Buffer.from(name, 'utf8');
      parts.push(leb(m.length), m, leb(f.length), f, wasm.subarray(desc, p));
    }
    if (p !== end) throw new Error('the import section does not end where it says');
    const body = Buffer.concat(parts);
    out.push(Buffer.from([2]), leb(body.length), body);
  }
  if (names.size === 0) return { wasm, glue, renamed: 0 };
  // The glue: every whole-word use of an old name (its key in the imports object) takes the
  // new one; any other `__wbg_`/`__wbindgen_` word (an export) stays.
  const used = new Set();
  const js = glue.replace(/(?<![\w$])__(?:wbg|wbindgen)_[\w$]+/g, (w) => {
    const n = names.get(w);
    if (n === undefined) return w;
    used.add(w);
    return n;
  });
  const missing = [...names.keys()].filter((k) => !used.has(k));
  if (missing.length) throw new Error(`the glue does not name ${missing.length} of the wasm's imports (${missing.slice(0, 3).join(', ')}): is it this wasm's glue?`);
  return { wasm: Buffer.concat(out), glue: js, renamed: names.size };
}
