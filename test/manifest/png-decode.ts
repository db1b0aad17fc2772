// Independent PNG decoder for the tests (8-bit, non-interlaced): chunk CRCs, IHDR, IDAT inflate and all five
// row filters, so the icon checks do not trust the encoder that produced the icons.
import { crc32, inflateSync } from 'node:zlib';

export class PngDecodeError extends Error {
  override name = 'PngDecodeError';
}

export interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  /** Always RGBA, 4 bytes per pixel, row-major. */
  rgba: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(file: Buffer): DecodedPng {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new PngDecodeError('not a PNG: bad signature');
  let offset = 8;
  let ihdr: Buffer | undefined;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < file.length && !ended) {
    if (offset + 12 > file.length) throw new PngDecodeError(`truncated chunk at byte ${offset}`);
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    const crc = file.readUInt32BE(offset + 8 + length);
    if (crc32(file.subarray(offset + 4, offset + 8 + length)) >>> 0 !== crc)
      throw new PngDecodeError(`bad CRC in ${type} chunk`);
    if (type === 'IHDR') ihdr = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  if (!ihdr) throw new PngDecodeError('no IHDR chunk');
  if (!ended) throw new PngDecodeError('no IEND chunk');
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const bitDepth = ihdr[8];
  const colorType = ihdr[9];
  const channels = CHANNELS[colorType];
  if (bitDepth !== 8 || channels === undefined)
    throw new PngDecodeError(`unsupported bit depth ${bitDepth} / colour type ${colorType}`);
  if (ihdr[12] !== 0) throw new PngDecodeError('interlaced PNGs are not supported');

  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== (stride + 1) * height)
    throw new PngDecodeError(`image data is ${raw.length} bytes, expected ${(stride + 1) * height}`);
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? pixels[row + i - channels] : 0;
      const b = y > 0 ? pixels[row - stride + i] : 0;
      const c = i >= channels && y > 0 ? pixels[row - stride + i - channels] : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new PngDecodeError(`unknown filter type ${filter} in row ${y}`);
      pixels[row + i] = (line[i] + predictor) & 0xff;
    }
  }

  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const s = pixels.subarray(p * channels, (p + 1) * channels);
    const [r, g, b, a] =
      channels >= 3
        ? [s[0], s[1], s[2], channels === 4 ? s[3] : 255]
        : [s[0], s[0], s[0], channels === 2 ? s[1] : 255];
    rgba.set([r, g, b, a], p * 4);
  }
  return { width, height, bitDepth, colorType, rgba };
}
