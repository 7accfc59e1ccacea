/**
 * Read an 8-bit RGB/RGBA PNG (what pdftoppm writes) with zlib only, so tests can inspect pixels
 * without an image library.
 */
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';

/** Decoded pixels with helpers for region checks. */
export interface Png {
  width: number;
  height: number;
  at(x: number, y: number): [number, number, number];
  /** Pixels in [x0,x1)×[y0,y1) (clamped) for which `test` holds. */
  count(x0: number, y0: number, x1: number, y1: number, test: (rgb: [number, number, number]) => boolean): number;
}

/** Decode a non-interlaced 8-bit PNG of colour type 2 (RGB) or 6 (RGBA). */
export async function readPng(file: string): Promise<Png> {
  const bytes = await readFile(file);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const channels = bytes[25] === 6 ? 4 : bytes[25] === 2 ? 3 : 0;
  if (bytes[24] !== 8 || !channels || bytes[28] !== 0) throw new Error(`unsupported PNG in ${file}`);
  const idat: Buffer[] = [];
  for (let pos = 8; pos < bytes.length; ) {
    const length = bytes.readUInt32BE(pos);
    if (bytes.toString('latin1', pos + 4, pos + 8) === 'IDAT') idat.push(bytes.subarray(pos + 8, pos + 8 + length));
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= channels ? pixels[y * stride + i - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const c = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      pixels[y * stride + i] = (x + [0, a, b, (a + b) >> 1, paeth][filter]!) & 0xff;
    }
  }
  const at = (x: number, y: number): [number, number, number] => {
    const o = y * stride + x * channels;
    return [pixels[o]!, pixels[o + 1]!, pixels[o + 2]!];
  };
  return {
    width,
    height,
    at,
    count(x0, y0, x1, y1, test) {
      let n = 0;
      for (let y = Math.max(0, y0); y < Math.min(height, y1); y++)
        for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) if (test(at(x, y))) n++;
      return n;
    },
  };
}
