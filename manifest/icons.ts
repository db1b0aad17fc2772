// Draws the two Teams icons: a keyhole shield (identity / access) on the brand colour, and its white outline.
import { encodePng } from './png-encode.js';

/** The brand colour: the colour icon's background and the manifest's accentColor. */
export const BRAND_COLOR = '#1E4E8C';
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

type Rgb = readonly [number, number, number];
/** A shape in unit coordinates: (0,0) top left, (1,1) bottom right. */
type Shape = (x: number, y: number) => boolean;

interface ShieldBox {
  top: number;
  waist: number; // where the straight sides start to taper
  bottom: number;
  halfWidth: number;
}

const SHIELD: ShieldBox = { top: 0.12, waist: 0.5, bottom: 0.9, halfWidth: 0.32 };

function shield(box: ShieldBox): Shape {
  return (x, y) => {
    if (y < box.top || y > box.bottom) return false;
    const dx = Math.abs(x - 0.5);
    if (y <= box.waist) return dx <= box.halfWidth;
    // 1 - t^2 tapers smoothly from the sides into a point at the bottom.
    const t = (y - box.waist) / (box.bottom - box.waist);
    return dx <= box.halfWidth * (1 - t * t);
  };
}

function keyhole(radius: number): Shape {
  const cy = 0.42;
  const stemTop = cy + radius * 0.5;
  const stemBottom = 0.68;
  return (x, y) => {
    const dx = x - 0.5;
    if (dx * dx + (y - cy) ** 2 <= radius * radius) return true;
    if (y < stemTop || y > stemBottom) return false;
    // The stem widens downwards, like a classic keyhole.
    const t = (y - stemTop) / (stemBottom - stemTop);
    return Math.abs(dx) <= radius * (0.35 + 0.3 * t);
  };
}

/** Fraction of `samples`² sub-pixel points inside `shape`: cheap anti-aliasing. */
function coverage(shape: Shape, px: number, py: number, size: number, samples: number): number {
  let hits = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      if (shape((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)) hits++;
    }
  }
  return hits / (samples * samples);
}

function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** 192x192 RGBA pixels: a white keyhole shield on the opaque brand colour. */
export function drawColorIcon(): Uint8Array {
  const size = COLOR_ICON_SIZE;
  const bg = hexToRgb(BRAND_COLOR);
  const outer = shield(SHIELD);
  const hole = keyhole(0.085);
  const glyph: Shape = (x, y) => outer(x, y) && !hole(x, y);
  const out = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(glyph, x, y, size, 4);
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) out[i + c] = Math.round(bg[c] + (255 - bg[c]) * a);
      out[i + 3] = 255;
    }
  }
  return out;
}

/** 32x32 RGBA pixels: the shield's rim and keyhole in white, everything else fully transparent. */
export function drawOutlineIcon(): Uint8Array {
  const size = OUTLINE_ICON_SIZE;
  const stroke = 2.2 / size;
  const outer = shield(SHIELD);
  const inner = shield({
    top: SHIELD.top + stroke,
    waist: SHIELD.waist,
    bottom: SHIELD.bottom - stroke * 1.8, // the point needs more inset to keep the rim's width
    halfWidth: SHIELD.halfWidth - stroke,
  });
  const hole = keyhole(0.1);
  const glyph: Shape = (x, y) => (outer(x, y) && !inner(x, y)) || hole(x, y);
  const out = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const a = Math.round(coverage(glyph, x, y, size, 8) * 255);
      // Teams allows only white and transparent: colour stays white; only alpha carries the shape.
      out.set(a === 0 ? [0, 0, 0, 0] : [255, 255, 255, a], i);
    }
  }
  return out;
}

export interface TeamsIcons {
  color: Buffer;
  outline: Buffer;
}

export function renderIcons(): TeamsIcons {
  return {
    color: encodePng(drawColorIcon(), COLOR_ICON_SIZE, COLOR_ICON_SIZE),
    outline: encodePng(drawOutlineIcon(), OUTLINE_ICON_SIZE, OUTLINE_ICON_SIZE),
  };
}
