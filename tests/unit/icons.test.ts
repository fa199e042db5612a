/**
 * The icon PNGs (rendered from public/icon/mark*.svg by `npm run icons`): each exists at its size,
 * is true-colour with alpha, has a transparent surround, and carries the mark: the blue lens and
 * the white sync symbol inside it. Decoded here with node:zlib; no image library.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const SIZES = [16, 32, 48, 128] as const;
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Image {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  /** RGBA, 4 bytes a pixel, row after row (only for 8-bit RGBA, non-interlaced). */
  rgba?: Uint8Array;
}

/** Reads the chunks, and for 8-bit RGBA without interlace inflates the IDAT data and undoes the row filters. */
export function decodePng(png: Buffer): Image {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  const idat: Buffer[] = [];
  let header: Omit<Image, 'rgba'> | undefined;
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8]!, colorType: data[9]!, interlace: data[12]! };
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!header) throw new Error('no IHDR');
  if (header.bitDepth !== 8 || header.colorType !== 6 || header.interlace !== 0) return header;

  const { width, height } = header;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  expect(raw.length).toBe(height * (stride + 1));
  const rgba = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= 4 ? rgba[y * stride + i - 4]! : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + i]! : 0;
      const c = i >= 4 && y > 0 ? rgba[(y - 1) * stride + i - 4]! : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else throw new Error(`bad filter ${filter} in row ${y}`);
      rgba[y * stride + i] = (x + predicted) & 0xff;
    }
  }
  return { ...header, rgba };
}

const pixel = (image: Image, x: number, y: number) => {
  const at = (y * image.width + x) * 4;
  const [r, g, b, a] = image.rgba!.subarray(at, at + 4);
  return { r: r!, g: g!, b: b!, a: a! };
};
/** Opaque and close to Fluent blue #0078D4. */
const isBlue = ({ r, g, b, a }: ReturnType<typeof pixel>) => a === 255 && r < 40 && Math.abs(g - 0x78) < 30 && Math.abs(b - 0xd4) < 30;
const isWhite = ({ r, g, b, a }: ReturnType<typeof pixel>) => a === 255 && r > 225 && g > 225 && b > 225;

describe.each(SIZES)('public/icon/%i.png', (size) => {
  const image = decodePng(readFileSync(`public/icon/${size}.png`));
  const all = () => Array.from({ length: size * size }, (_, i) => pixel(image, i % size, Math.floor(i / size)));

  it(`is ${size}×${size}, 8-bit RGBA (an alpha channel), not interlaced`, () => {
    expect([image.width, image.height]).toEqual([size, size]);
    expect({ bitDepth: image.bitDepth, colorType: image.colorType, interlace: image.interlace }).toEqual({ bitDepth: 8, colorType: 6, interlace: 0 });
  });

  it('has a transparent surround: the top-right and bottom-left corners are clear', () => {
    expect(pixel(image, size - 1, 0).a).toBe(0);
    expect(pixel(image, 0, size - 1).a).toBe(0);
  });

  it('is not blank: the mark fills a good part of the square, mostly in opaque Fluent blue', () => {
    const pixels = all();
    const covered = pixels.filter((p) => p.a > 0).length / pixels.length;
    const blue = pixels.filter(isBlue).length / pixels.length;
    // 128.png: the mark at 96 px inside a 16 px transparent margin.
    expect(covered).toBeGreaterThan(size === 128 ? 0.2 : 0.4);
    expect(covered).toBeLessThan(0.9);
    expect(blue).toBeGreaterThan(0.15);
  });

  it('carries the white sync symbol inside the lens, surrounded by blue', () => {
    const pixels = all();
    const white = pixels.filter(isWhite).length;
    expect(white).toBeGreaterThanOrEqual(size === 16 ? 20 : (size * size) / 40);
    // White is detail inside the mark, never an edge against the toolbar: every neighbour of a white pixel is opaque.
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        if (!isWhite(pixel(image, x, y))) continue;
        for (const [dx, dy] of [[-1, 0], [1, 0], [0, -1], [0, 1]] as const) expect(pixel(image, x + dx, y + dy).a, `${x + dx},${y + dy}`).toBe(255);
      }
  });
});
