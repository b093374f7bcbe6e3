// Draws the home-screen icons (PNG) from the same shapes as public/icon.svg, with no downloads
// and no image libraries: a tiny rasteriser and PNG encoder (Node's zlib).
// Run after changing the icon: node tools/icons.mjs  (writes public/icon-*.png)
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// public/icon.svg, in its 64×64 grid:
//   <rect width="64" height="64" rx="12" fill="#0f5132"/>
//   <path d="M14 46h12v-8h12v-8h12v-8" stroke="#fff" stroke-width="5" stroke-linejoin="round"/>
const GREEN = [0x0f, 0x51, 0x32];
const WHITE = [0xff, 0xff, 0xff];
const STEPS = [[14, 46], [26, 46], [26, 38], [38, 38], [38, 30], [50, 30], [50, 22]];
const HALF = 2.5; // half the stroke width

function inRoundRect(x, y, r) {
  if (r === 0) return x >= 0 && x <= 64 && y >= 0 && y <= 64;
  const cx = Math.min(Math.max(x, r), 64 - r), cy = Math.min(Math.max(y, r), 64 - r);
  return x >= 0 && x <= 64 && y >= 0 && y <= 64 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inStroke(x, y) {
  for (let i = 0; i + 1 < STEPS.length; i++) {
    const [ax, ay] = STEPS[i], [bx, by] = STEPS[i + 1];
    // Every segment is horizontal or vertical; ends are cut square (butt caps).
    if (ay === by && x >= Math.min(ax, bx) && x <= Math.max(ax, bx) && Math.abs(y - ay) <= HALF) return true;
    if (ax === bx && y >= Math.min(ay, by) && y <= Math.max(ay, by) && Math.abs(x - ax) <= HALF) return true;
  }
  // Round joins at the inner corners.
  for (let i = 1; i + 1 < STEPS.length; i++) {
    const [cx, cy] = STEPS[i];
    if ((x - cx) ** 2 + (y - cy) ** 2 <= HALF * HALF) return true;
  }
  return false;
}

/// RGBA pixels of the icon at `size`; `scale` < 1 shrinks the steps (maskable safe zone), `radius` rounds the corners.
function draw(size, radius, scale) {
  const px = Buffer.alloc(size * size * 4);
  const n = 4; // 4×4 samples a pixel
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let bg = 0, fg = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = ((pxi + (sx + 0.5) / n) / size) * 64, y = ((py + (sy + 0.5) / n) / size) * 64;
          if (!inRoundRect(x, y, radius)) continue;
          bg++;
          // The steps drawn around the icon's centre, scaled.
          if (inStroke(32 + (x - 32) / scale, 34 + (y - 34) / scale)) fg++;
        }
      }
      const i = (py * size + pxi) * 4, a = bg / (n * n), t = bg ? fg / bg : 0;
      for (let c = 0; c < 3; c++) px[i + c] = Math.round(GREEN[c] * (1 - t) + WHITE[c] * t);
      px[i + 3] = Math.round(a * 255);
    }
  }
  return px;
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4), crc = Buffer.alloc(4), td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  len.writeUInt32BE(data.length);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
export function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const rows = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = new URL('../public/', import.meta.url);
  const icons = [
    ['icon-192.png', 192, 12, 1],
    ['icon-512.png', 512, 12, 1],
    // Maskable: full bleed (the phone cuts its own shape) and the steps inside the safe circle.
    ['icon-maskable-512.png', 512, 0, 0.8],
  ];
  for (const [name, size, radius, scale] of icons) {
    const file = png(size, draw(size, radius, scale));
    writeFileSync(new URL(name, out), file);
    console.log(`${name}: ${file.length} bytes`);
  }
}
