import { TopologyError } from './topology';

const BITMAP = /^0x[0-9a-f]{1,8}(,0x[0-9a-f]{1,8})*$/i;

// hwloc writes bitmaps as comma-separated 32-bit hex words, most significant first ("0x0000ffff,0xffffffff").
export function parseHwlocBitmap(text: string): Set<number> {
  if (!BITMAP.test(text)) throw new TopologyError(`Invalid hwloc bitmap "${text}"`);
  const words = text.split(',').reverse();
  const bits = new Set<number>();
  words.forEach((word, index) => {
    const value = parseInt(word.slice(2), 16);
    for (let bit = 0; bit < 32; bit++) {
      if ((value >>> bit) & 1) bits.add(index * 32 + bit);
    }
  });
  return bits;
}
