import {
  DEFAULT_FOOTER_TEXT,
  footerLine,
  normalizeFooterText,
} from '../../../src/plugins/footer-policy/core';

describe('footerLine', () => {
  it.each([
    ['Latin digits', '23', 'انتهای پیام/ ۲۳'],
    ['Persian digits', '۲۳', 'انتهای پیام/ ۲۳'],
    ['Arabic-Indic digits', '٢٣', 'انتهای پیام/ ۲۳'],
    ['mixed digit sets', '2۰٢', 'انتهای پیام/ ۲۰۲'],
    ['spaces around the code', ' 104 ', 'انتهای پیام/ ۱۰۴'],
    ['an empty code', '', 'انتهای پیام'],
    ['a blank code', '  ', 'انتهای پیام'],
    ['no code', null, 'انتهای پیام'],
  ])('prints the footer with %s', (_name, code, expected) => {
    expect(footerLine(DEFAULT_FOOTER_TEXT, code)).toBe(expected);
  });

  it('prints a custom footer with its code', () => {
    expect(footerLine('پایان خبر', '7')).toBe('پایان خبر/ ۷');
  });

  it('prints nothing when the section has no footer', () => {
    expect(footerLine(null, '23')).toBeNull();
    expect(footerLine(null, null)).toBeNull();
    expect(footerLine('  ', '23')).toBeNull();
  });
});

describe('normalizeFooterText', () => {
  it.each([
    ['trims', '  انتهای پیام \n', 'انتهای پیام'],
    ['unifies Arabic yeh and kaf', 'انتهاي پيام كوتاه', 'انتهای پیام کوتاه'],
    [
      'collapses spaces, no-break spaces and line breaks',
      'پایان \u00A0  خبر\nامروز',
      'پایان خبر امروز',
    ],
    ['drops bidi controls and tatweel', '\u200Fانتهـــای پیام\u200E', 'انتهای پیام'],
    ['keeps ZWNJ inside a word', 'پیام‌ها', 'پیام‌ها'],
    ['keeps digits as written', 'بخش 2', 'بخش 2'],
    ['empties a blank text', ' \u00A0 ', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalizeFooterText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = normalizeFooterText(' انتهاي\u00A0\u00A0پيام ');
    expect(normalizeFooterText(once)).toBe(once);
  });
});
