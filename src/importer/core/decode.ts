import iconv from 'iconv-lite';
import { binaryFile, emptyFile, unknownEncoding } from './errors';
import { MAX_CONTROL_SHARE } from './limits';

export type ArchiveEncoding = 'utf-8' | 'windows-1256';

export interface DecodedArchive {
  /** The text without its byte-order mark; line ends untouched. */
  text: string;
  encoding: ArchiveEncoding;
  hadBom: boolean;
}

/** File signatures of what archive folders hold besides stories. */
const SIGNATURES: ReadonlyArray<[string, ReadonlyArray<number>]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ZIP archive or Office document', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['old Office document', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
];

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

const startsWith = (bytes: Uint8Array, prefix: ReadonlyArray<number>): boolean =>
  bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);

/** C0 controls other than tab, LF, VT, FF and CR. NUL alone is enough to call a file binary. */
const isControlByte = (byte: number): boolean => byte < 0x20 && (byte < 0x09 || byte > 0x0d);

/** Why `bytes` are not text, or null. Signatures first, then NUL bytes, then a share of control bytes. */
export const binaryReason = (bytes: Uint8Array): string | null => {
  for (const [name, signature] of SIGNATURES) if (startsWith(bytes, signature)) return name;
  let controls = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] === 0) return 'it contains NUL bytes';
    if (isControlByte(bytes[i])) controls += 1;
  }
  return controls > bytes.length * MAX_CONTROL_SHARE ? 'too many control characters' : null;
};

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const decodeUtf8 = (bytes: Uint8Array): string | null => {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
};

/** Characters besides Arabic-script ones that Persian text in Windows-1256 ordinarily holds. */
const PERSIAN_COMPANIONS = new Set([
  0x00a0, 0x00ab, 0x00bb, 0x00d7, 0x00f7, 0x200c, 0x200d, 0x200e, 0x200f, 0x2013, 0x2014, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2026,
]);

const isArabicLetter = (code: number): boolean =>
  (code >= 0x0621 && code <= 0x063a) ||
  (code >= 0x0641 && code <= 0x064a) ||
  (code >= 0x0671 && code <= 0x06d3);

/**
 * Whether text decoded as Windows-1256 reads as Persian: some Arabic-script letters, and almost every
 * non-ASCII character Arabic-script or the punctuation Persian uses. UTF-8 Persian read as cp1256
 * («ط¯ظپط§طھط±») fails: half its characters are symbols such as ¯ § ±. Latin-1 text fails too.
 */
const readsAsPersian = (text: string): boolean => {
  let letters = 0;
  let nonAscii = 0;
  let foreign = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    nonAscii += 1;
    if (isArabicLetter(code)) letters += 1;
    else if (!(code >= 0x0600 && code <= 0x06ff) && !PERSIAN_COMPANIONS.has(code)) foreign += 1;
  }
  return letters >= 2 && foreign <= nonAscii * 0.05;
};

/**
 * Bytes of an archived story to text. UTF-8 (with or without BOM) is taken when the bytes are valid
 * UTF-8; otherwise Windows-1256 is tried and kept only when the result reads as Persian. Throws
 * ImportError EMPTY_FILE (no bytes, or a BOM alone), BINARY_FILE (a known file signature, NUL bytes or
 * over 1% control bytes) or UNKNOWN_ENCODING (UTF-16/32, or neither encoding fits).
 */
export const decodeArchiveBytes = (input: Uint8Array | Buffer): DecodedArchive => {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length === 0) throw emptyFile();
  if (UTF16_BOMS.some((bom) => startsWith(bytes, bom))) {
    throw unknownEncoding('the file is UTF-16 or UTF-32 (it starts with a UTF-16 byte-order mark)');
  }
  const hadBom = startsWith(bytes, UTF8_BOM);
  const body = hadBom ? bytes.subarray(UTF8_BOM.length) : bytes;
  if (body.length === 0) throw emptyFile();

  const reason = binaryReason(body);
  if (reason !== null) throw binaryFile(reason);

  const text = decodeUtf8(body);
  if (text !== null) return { text, encoding: 'utf-8', hadBom };
  if (hadBom)
    throw unknownEncoding('the file starts with a UTF-8 byte-order mark but is not valid UTF-8');

  const cp1256 = iconv.decode(
    Buffer.from(body.buffer, body.byteOffset, body.length),
    'windows-1256'
  );
  if (readsAsPersian(cp1256)) return { text: cp1256, encoding: 'windows-1256', hadBom };
  throw unknownEncoding('the bytes are neither valid UTF-8 nor Persian text in Windows-1256');
};
