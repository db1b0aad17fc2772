// Minimal PNG encoder (8-bit RGBA, no interlace): enough to generate the Teams icons without an image library.
import { crc32, deflateSync } from 'node:zlib';

export class PngEncodeError extends Error {
  constructor(
    message: string,
    readonly width: number,
    readonly height: number,
  ) {
    super(message);
    this.name = 'PngEncodeError';
  }
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** PNG colour type 6: truecolour with alpha. */
export const COLOR_TYPE_RGBA = 6;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  // The CRC covers the chunk type and data, not the length.
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes `rgba` (width * height * 4 bytes, row-major) as a PNG file. */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new PngEncodeError(`invalid PNG size ${width}x${height}`, width, height);
  }
  if (rgba.length !== width * height * 4) {
    throw new PngEncodeError(`expected ${width * height * 4} RGBA bytes, got ${rgba.length}`, width, height);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(COLOR_TYPE_RGBA, 9);
  // bytes 10-12: compression 0, filter method 0, no interlace

  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    // Filter type 0 (None) per row: icons are tiny, so better compression is not worth the code.
    raw[y * (stride + 1)] = 0;
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
