// Checks that a screenshot shows a drawn UI, not a blank canvas: it must have many
// distinct colours and no single colour may cover almost the whole image.
//   node png_check.mjs FILE.png   (exit 0 when drawn, 1 otherwise)
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';

export function describePixels(pngBuffer) {
  const png = PNG.sync.read(pngBuffer);
  const counts = new Map();
  for (let i = 0; i < png.data.length; i += 4) {
    const key = (png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2];
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const total = png.width * png.height;
  const dominant = Math.max(...counts.values()) / total;
  return { width: png.width, height: png.height, distinctColours: counts.size, dominantShare: dominant };
}

// Pixels within `rect` ({x, y, width, height}, in image pixels) whose colour is within
// `tolerance` of `rgb` ([r, g, b]) in every channel: how much of a meaning colour a panel shows.
export function countColour(pngBuffer, rect, rgb, tolerance = 12) {
  const png = PNG.sync.read(pngBuffer);
  const x0 = Math.max(0, Math.floor(rect.x)), y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(png.width, Math.ceil(rect.x + rect.width)), y1 = Math.min(png.height, Math.ceil(rect.y + rect.height));
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      if (Math.abs(png.data[i] - rgb[0]) <= tolerance && Math.abs(png.data[i + 1] - rgb[1]) <= tolerance &&
          Math.abs(png.data[i + 2] - rgb[2]) <= tolerance) count++;
    }
  }
  return count;
}

// The [r, g, b] of one pixel (image pixels).
export function pixelAt(pngBuffer, x, y) {
  const png = PNG.sync.read(pngBuffer);
  const i = (Math.floor(y) * png.width + Math.floor(x)) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
}

export function looksDrawn(stats) {
  return stats.distinctColours >= 16 && stats.dominantShare < 0.95;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const stats = describePixels(readFileSync(process.argv[2]));
  console.log(JSON.stringify(stats));
  process.exit(looksDrawn(stats) ? 0 : 1);
}
