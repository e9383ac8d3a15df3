/**
 * A REST body as UTF-8 JSON with `"<key>Jalali": …` right after every property named one of `keys`, at any
 * depth (entries, populated relations, components), the value of a matched key not searched further.
 *
 * The siblings are spliced in as bytes encoded once per timestamp (`siblingJson`) instead of being added
 * to the body's objects: decorating made the string to stringify, measure and encode 70% longer, about 6%
 * of a 25-article list's CPU; splicing costs about 1% (bench/findings.md). This relies on two properties of
 * `JSON.stringify`'s output: it has no whitespace, and every quote inside a string is escaped, so `{"key":`
 * and `,"key":` can only be a property named `key`.
 */
import { Buffer } from 'buffer';

/** The JSON bytes of the sibling of a stored value (a string, or null for null and any non-string). */
export type SiblingJson = (value: string | null) => Buffer;

/** Encoding room kept between answers; a larger answer gets a buffer of its own. */
const SCRATCH_MAX_BYTES = 8 * 1024 * 1024;
let scratch = Buffer.allocUnsafeSlow(64 * 1024);

const roomFor = (bytes: number): Buffer => {
  if (bytes <= scratch.length) return scratch;
  if (bytes > SCRATCH_MAX_BYTES) return Buffer.allocUnsafeSlow(bytes);
  let size = scratch.length;
  while (size < bytes) size *= 2;
  scratch = Buffer.allocUnsafeSlow(Math.min(size, SCRATCH_MAX_BYTES));
  return scratch;
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a sibling goes, and its two parts: `,"<key>Jalali":` and the value. */
type Splice = { at: number; prefix: Buffer; sibling: Buffer };

/** Index just past the JSON value that starts at `start` (a string, object, array, number or literal). */
const endOfValue = (json: string, start: number): number => {
  let depth = 0;
  let index = start;
  while (index < json.length) {
    const char = json.charCodeAt(index);
    if (char === 0x22 /* " */) {
      index = endOfString(json, index);
      if (depth === 0) return index;
      continue;
    }
    if (char === 0x7b /* { */ || char === 0x5b /* [ */) depth += 1;
    else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      if (depth === 0) return index;
      depth -= 1;
      if (depth === 0) return index + 1;
    } else if (char === 0x2c /* , */ && depth === 0) return index;
    index += 1;
  }
  return index;
};

/** Index just past the string literal whose opening quote is at `start`. */
const endOfString = (json: string, start: number): number => {
  let index = start + 1;
  for (;;) {
    const quote = json.indexOf('"', index);
    if (quote === -1) return json.length; // not from JSON.stringify; never loop
    let backslashes = 0;
    while (json.charCodeAt(quote - 1 - backslashes) === 0x5c /* \ */) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    index = quote + 1;
  }
};

/** The string that the JSON value from `start` to `end` is, or null for any other value. */
const stringAt = (json: string, start: number, end: number): string | null => {
  if (json.charCodeAt(start) !== 0x22) return null;
  const raw = json.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(json.slice(start, end)) as string) : raw;
};

/**
 * Makes the serializer for one set of keys. Returns `undefined` for a body that JSON has no text for
 * (as `JSON.stringify` does).
 */
export const siblingsSerializer = (keys: Iterable<string>, siblingJson: SiblingJson) => {
  const names = [...keys];
  const prefixes = new Map(
    names.map((name) => [name, Buffer.from(`,${JSON.stringify(`${name}Jalali`)}:`)])
  );
  const pattern = names.length
    ? new RegExp(`[{,]"(${names.map(escapeRegExp).join('|')})":`, 'g')
    : null;

  return (body: unknown): Buffer | undefined => {
    const json = JSON.stringify(body);
    if (typeof json !== 'string') return undefined;
    const splices: Splice[] = [];
    let extra = 0;
    if (pattern) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(json); match; match = pattern.exec(json)) {
        const start = pattern.lastIndex;
        const end = endOfValue(json, start);
        const sibling = siblingJson(stringAt(json, start, end));
        const prefix = prefixes.get(match[1])!;
        splices.push({ at: end, prefix, sibling });
        extra += prefix.length + sibling.length;
        pattern.lastIndex = end;
      }
    }
    // UTF-8 takes at most 3 bytes per UTF-16 unit (a surrogate pair's 4 bytes are 2 units).
    const room = roomFor(json.length * 3 + extra);
    let written = 0;
    let from = 0;
    for (const { at, prefix, sibling } of splices) {
      written += room.write(json.slice(from, at), written);
      written += prefix.copy(room, written);
      written += sibling.copy(room, written);
      from = at;
    }
    written += room.write(from ? json.slice(from) : json, written);
    const out = Buffer.allocUnsafeSlow(written);
    room.copy(out, 0, 0, written);
    return out;
  };
};
