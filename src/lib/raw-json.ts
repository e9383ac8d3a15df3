import { isUtf8 } from 'buffer';

const REPLACEMENT = '\uFFFD';
const lenient = new TextDecoder('utf-8');

/** Where the first byte that is not UTF-8 is, and the last object key written before it. */
export interface InvalidUtf8 {
  offset: number;
  field: string | null;
}

/**
 * The first invalid UTF-8 sequence of `bytes`, or null when they are all UTF-8. The lenient decoder
 * puts one U+FFFD for it and decodes everything before it exactly, so its offset is the byte length of
 * the text before the first U+FFFD that was not written as one (EF BF BD).
 */
export const findInvalidUtf8 = (bytes: Buffer): InvalidUtf8 | null => {
  if (isUtf8(bytes)) return null;
  const text = lenient.decode(bytes);
  let offset = 0;
  let from = 0;
  for (let at = text.indexOf(REPLACEMENT); at !== -1; at = text.indexOf(REPLACEMENT, at + 1)) {
    offset += Buffer.byteLength(text.slice(from, at));
    from = at;
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) {
      const keys = [...text.slice(0, at).matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)];
      return { offset, field: keys.length ? keys[keys.length - 1][1] : null };
    }
  }
  return { offset: bytes.length, field: null }; // not reached: isUtf8 saw an invalid sequence, the loop finds it
};

/**
 * The character offset where JSON `text` first nests deeper than `maxDepth` arrays and objects, or -1.
 * Brackets inside strings do not count. A scan of the raw text: nothing is parsed, so a body of 100,000
 * nested arrays costs one pass and no stack.
 */
export const tooDeepAt = (text: string, maxDepth: number): number => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > maxDepth) return i;
    } else if (c === 0x5d || c === 0x7d) {
      depth -= 1;
    }
  }
  return -1;
};
