// Writes public/icons/icon-{16,32,64,80}.png (two chain links on blue): deterministic, no image library needed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

// Coverage of a pixel by the shape, from 4x4 supersampling, so small sizes stay smooth.
function icon(size) {
  const rows = [];
  const inside = (x, y) => {
    const u = x / size, v = y / size;
    const r = 0.18; // corner radius of the tile
    const cx = Math.min(Math.max(u, r), 1 - r), cy = Math.min(Math.max(v, r), 1 - r);
    const tile = (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
    // Two links: rounded rectangles as rings, tilted by placing them diagonally.
    const ring = (ox, oy) => {
      const hw = 0.2, hh = 0.12, rr = 0.12, t = 0.055;
      const dx = Math.abs(u - ox) - (hw - rr), dy = Math.abs(v - oy) - (hh - rr);
      const d = Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - rr;
      return Math.abs(d + t / 2) <= t / 2 + 0.012;
    };
    return { tile, link: ring(0.37, 0.42) || ring(0.63, 0.58) };
  };
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      let tile = 0, link = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) {
        const s = inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4);
        tile += s.tile; link += s.tile && s.link;
      }
      const a = tile / 16, w = tile ? link / tile : 0;
      const mix = (bg, fg) => Math.round(bg + (fg - bg) * w);
      row.push(mix(0x1f, 0xff), mix(0x5f, 0xff), mix(0xad, 0xff), Math.round(a * 255));
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = fileURLToPath(new URL('../public/icons/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 64, 80]) writeFileSync(`${dir}icon-${size}.png`, icon(size));
console.log(`icons written to ${dir}`);
