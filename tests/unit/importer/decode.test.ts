import iconv from 'iconv-lite';
import { decodeArchiveBytes } from '../../../src/importer/core';
import { SEED, SEED_BYTES, utf8 } from './helpers';

describe('decodeArchiveBytes', () => {
  it('takes valid UTF-8 as UTF-8, without and with a BOM', () => {
    expect(decodeArchiveBytes(SEED_BYTES)).toEqual({
      text: SEED,
      encoding: 'utf-8',
      hadBom: false,
    });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), SEED_BYTES]);
    expect(decodeArchiveBytes(withBom)).toEqual({ text: SEED, encoding: 'utf-8', hadBom: true });
    expect(decodeArchiveBytes(utf8('plain ASCII story'))).toMatchObject({ encoding: 'utf-8' });
  });

  it('accepts a plain Uint8Array', () => {
    expect(decodeArchiveBytes(new Uint8Array(SEED_BYTES)).text).toBe(SEED);
  });

  it('detects Windows-1256 Persian, keeping ZWNJ, گ پ چ ژ ک and «»', () => {
    const text = 'گزارش «پیشخوان» چه ژرف، می‌گوید: ک پ × ؟ ؛ ،'.replace(/ی/g, 'ي');
    const bytes = iconv.encode(text, 'windows-1256');
    expect(decodeArchiveBytes(bytes)).toEqual({ text, encoding: 'windows-1256', hadBom: false });
  });

  it('does not take UTF-8 mojibake or other single-byte encodings for Windows-1256', () => {
    const mojibake = iconv.encode(
      iconv.decode(utf8('دفاتر پیشخوان دولت'), 'windows-1256'),
      'windows-1256'
    );
    expect(() => decodeArchiveBytes(Buffer.concat([mojibake, Buffer.from([0xd8])]))).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_ENCODING' })
    );
    expect(() => decodeArchiveBytes(iconv.encode('Привет, мир', 'windows-1251'))).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_ENCODING' })
    );
  });

  it('refuses a UTF-8 BOM in front of bytes that are not UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      iconv.encode('سلام دنيا', 'windows-1256'),
    ]);
    expect(() => decodeArchiveBytes(bytes)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_ENCODING' })
    );
  });

  it('lets a few control characters through (they are dropped later) but not many', () => {
    expect(decodeArchiveBytes(utf8(`${SEED}\u0007`)).encoding).toBe('utf-8');
    expect(() => decodeArchiveBytes(Buffer.from([0x41, 1, 2, 3, 4, 5, 0x42]))).toThrow(
      expect.objectContaining({ code: 'BINARY_FILE' })
    );
  });
});
