import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  BRAND_COLOR,
  COLOR_ICON_FILE,
  COLOR_TYPE_RGBA,
  OUTLINE_ICON_FILE,
  drawColorIcon,
  drawOutlineIcon,
  encodePng,
} from '../../manifest/index.js';
import { decodePng, type DecodedPng } from './png-decode.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/manifest/${name}`, import.meta.url));

function alphaCounts(png: DecodedPng): { transparent: number; opaque: number; partial: number } {
  const counts = { transparent: 0, opaque: 0, partial: 0 };
  for (let i = 3; i < png.rgba.length; i += 4) {
    const a = png.rgba[i];
    if (a === 0) counts.transparent++;
    else if (a === 255) counts.opaque++;
    else counts.partial++;
  }
  return counts;
}

describe('PNG decoder used by the icon tests', () => {
  it('decodes a PNG from another encoder that uses all five row filters and split IDAT chunks', () => {
    const png = decodePng(fixture('filters-3x5-rgba.png'));
    assert.equal(png.width, 3);
    assert.equal(png.height, 5);
    for (let y = 0; y < 5; y++) {
      for (let x = 0; x < 3; x++) {
        const i = (y * 3 + x) * 4;
        assert.deepEqual(
          [...png.rgba.subarray(i, i + 4)],
          [x * 60 + y * 10, 255 - x * 40, y * 50, (x + y) % 2 === 0 ? 255 : 128],
          `pixel ${x},${y}`,
        );
      }
    }
  });

  it('rejects a PNG whose chunk CRC is wrong', () => {
    const broken = Buffer.from(fixture('filters-3x5-rgba.png'));
    broken[20] ^= 0xff; // inside IHDR data
    assert.throws(() => decodePng(broken), /bad CRC in IHDR/);
  });

  it('round-trips pixels through manifest/png-encode', () => {
    const rgba = Uint8Array.from({ length: 2 * 3 * 4 }, (_, i) => (i * 37) & 0xff);
    assert.deepEqual(decodePng(encodePng(rgba, 2, 3)).rgba, rgba);
  });
});

describe('Teams colour icon (manifest/color.png)', () => {
  const png = decodePng(readFileSync(COLOR_ICON_FILE));

  it('is a 192x192 8-bit RGBA PNG', () => {
    assert.deepEqual([png.width, png.height, png.bitDepth, png.colorType], [192, 192, 8, COLOR_TYPE_RGBA]);
  });

  it('is fully opaque, with the brand colour in the corner and white in the shield', () => {
    assert.deepEqual(alphaCounts(png), { transparent: 0, opaque: 192 * 192, partial: 0 });
    const brand = [1, 3, 5].map((o) => Number.parseInt(BRAND_COLOR.slice(o, o + 2), 16));
    assert.deepEqual([...png.rgba.subarray(0, 3)], brand);
    const shieldBody = (60 * 192 + 50) * 4; // left of the keyhole, inside the shield
    assert.deepEqual([...png.rgba.subarray(shieldBody, shieldBody + 3)], [255, 255, 255]);
  });

  it('matches what manifest/generate-icons.ts draws', () => {
    assert.deepEqual(
      png.rgba,
      drawColorIcon(),
      'run `npx tsx manifest/generate-icons.ts` and commit the PNGs',
    );
  });
});

describe('Teams outline icon (manifest/outline.png)', () => {
  const png = decodePng(readFileSync(OUTLINE_ICON_FILE));

  it('is a 32x32 8-bit PNG with an alpha channel', () => {
    assert.deepEqual([png.width, png.height, png.bitDepth, png.colorType], [32, 32, 8, COLOR_TYPE_RGBA]);
  });

  it('has only white or fully transparent pixels', () => {
    for (let p = 0; p < 32 * 32; p++) {
      const [r, g, b, a] = png.rgba.subarray(p * 4, p * 4 + 4);
      assert.ok(
        a === 0 || (r === 255 && g === 255 && b === 255),
        `pixel ${p % 32},${Math.floor(p / 32)} is rgba(${r},${g},${b},${a})`,
      );
    }
  });

  it('is mostly transparent with a visible opaque white glyph', () => {
    const counts = alphaCounts(png);
    assert.ok(counts.transparent > 32 * 32 * 0.5, `only ${counts.transparent} transparent pixels`);
    assert.ok(counts.opaque > 50, `only ${counts.opaque} opaque pixels`);
    assert.equal(png.rgba[3], 0, 'the corner is transparent');
  });

  it('matches what manifest/generate-icons.ts draws', () => {
    assert.deepEqual(
      png.rgba,
      drawOutlineIcon(),
      'run `npx tsx manifest/generate-icons.ts` and commit the PNGs',
    );
  });
});
