// Reads the structure of a GIF file (GIF89a, 'Graphics Interchange Format' version 89a):
// the logical screen, and every image with the graphic control extension before it, by
// walking the blocks as a decoder does (so a 0x2C byte inside image data is not counted).
//   describeGif(bytes) -> {version, width, height, loops, frames: [{delay, width, height, colours}]}
export function describeGif(bytes) {
  const u16 = (i) => bytes[i] | (bytes[i + 1] << 8);
  const version = String.fromCharCode(...bytes.slice(0, 6));
  const packed = bytes[10];
  const globalColours = packed & 0x80 ? 2 << (packed & 7) : 0;
  let i = 13 + 3 * globalColours;
  const frames = [];
  let delay = null, loops = null;
  const skipSubBlocks = () => { while (bytes[i]) i += bytes[i] + 1; i++; };
  while (i < bytes.length) {
    const block = bytes[i++];
    if (block === 0x3b) break;  // trailer
    if (block === 0x21) {       // extension: label, then sub-blocks
      const label = bytes[i++];
      if (label === 0xf9) delay = u16(i + 2) * 10;  // graphic control: delay in 1/100 s
      if (label === 0xff && String.fromCharCode(...bytes.slice(i + 1, i + 12)) === 'NETSCAPE2.0') loops = u16(i + 14);
      skipSubBlocks();
    } else if (block === 0x2c) {  // image descriptor, optional local colour table, LZW data
      const local = bytes[i + 8];
      const colours = local & 0x80 ? 2 << (local & 7) : globalColours;
      frames.push({ delay, width: u16(i + 4), height: u16(i + 6), colours });
      delay = null;
      i += 9 + (local & 0x80 ? 3 * colours : 0) + 1;  // + the LZW minimum code size
      skipSubBlocks();
    } else {
      throw new Error(`not a GIF block 0x${block.toString(16)} at byte ${i - 1}`);
    }
  }
  return { version, width: u16(6), height: u16(8), loops, frames };
}
