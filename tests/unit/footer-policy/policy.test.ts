import {
  FooterDefaults,
  MAX_SECTION_DEPTH,
  resolveFooter,
  ResolvedFooter,
  SectionFooterPolicy,
  validateSectionPolicy,
} from '../../../src/plugins/footer-policy/core';

const STANDARD: FooterDefaults = { text: 'انتهای پیام', mode: 'standard' };
const NONE: FooterDefaults = { text: 'انتهای پیام', mode: 'none' };

const inherit: SectionFooterPolicy = { mode: 'inherit' };
const standard: SectionFooterPolicy = { mode: 'standard' };
const none: SectionFooterPolicy = { mode: 'none' };
const custom = (text: string | null): SectionFooterPolicy => ({ mode: 'custom', text });

const CASES: Array<[string, FooterDefaults, SectionFooterPolicy[], ResolvedFooter]> = [
  ['empty chain, default standard', STANDARD, [], { footer: 'انتهای پیام', source: 'default' }],
  ['empty chain, default none', NONE, [], { footer: null, source: 'default' }],
  [
    'all inherit, default standard',
    STANDARD,
    [inherit, inherit, inherit],
    { footer: 'انتهای پیام', source: 'default' },
  ],
  ['all inherit, default none', NONE, [inherit, inherit], { footer: null, source: 'default' }],
  ['section standard', STANDARD, [standard, none], { footer: 'انتهای پیام', source: 'section' }],
  [
    'section standard under default none',
    NONE,
    [standard],
    { footer: 'انتهای پیام', source: 'section' },
  ],
  ['section none', STANDARD, [none, standard], { footer: null, source: 'section' }],
  [
    'section custom',
    STANDARD,
    [custom('پایان خبر'), none],
    { footer: 'پایان خبر', source: 'section' },
  ],
  [
    'parent custom',
    STANDARD,
    [inherit, custom('پایان گزارش')],
    { footer: 'پایان گزارش', source: 'ancestor' },
  ],
  ['parent none', STANDARD, [inherit, none, custom('x')], { footer: null, source: 'ancestor' }],
  [
    'grandparent custom',
    NONE,
    [inherit, inherit, custom('پایان')],
    { footer: 'پایان', source: 'ancestor' },
  ],
  [
    'grandparent standard under default none',
    NONE,
    [inherit, inherit, standard],
    { footer: 'انتهای پیام', source: 'ancestor' },
  ],
  [
    'custom text is normalised',
    STANDARD,
    [custom('  پايان\u00A0 خبر ')],
    { footer: 'پایان خبر', source: 'section' },
  ],
  [
    'invalid empty custom prints the standard text',
    STANDARD,
    [custom('  ')],
    { footer: 'انتهای پیام', source: 'section' },
  ],
  [
    'null custom prints the standard text',
    NONE,
    [inherit, custom(null)],
    { footer: 'انتهای پیام', source: 'ancestor' },
  ],
  [
    'configured default text',
    { text: ' انتهاي خبر ', mode: 'standard' },
    [standard],
    { footer: 'انتهای خبر', source: 'section' },
  ],
  [
    'blank default text falls back to انتهای پیام',
    { text: ' ', mode: 'standard' },
    [],
    { footer: 'انتهای پیام', source: 'default' },
  ],
];

describe('resolveFooter', () => {
  it.each(CASES)('%s', (_name, defaults, chain, expected) => {
    expect(resolveFooter({ defaults, chain })).toEqual(expected);
  });

  it('stops at a section id seen before, as if the rest inherited', () => {
    const chain: SectionFooterPolicy[] = [
      { mode: 'inherit', id: 1 },
      { mode: 'inherit', id: 2 },
      { mode: 'inherit', id: 1 },
      { mode: 'none', id: 3 },
    ];
    expect(resolveFooter({ defaults: STANDARD, chain })).toEqual({
      footer: 'انتهای پیام',
      source: 'default',
    });
  });

  it('reads no further than MAX_SECTION_DEPTH entries', () => {
    const deep: SectionFooterPolicy[] = [
      ...Array<SectionFooterPolicy>(MAX_SECTION_DEPTH).fill(inherit),
      none,
    ];
    expect(resolveFooter({ defaults: STANDARD, chain: deep })).toEqual({
      footer: 'انتهای پیام',
      source: 'default',
    });
    const within = [...deep.slice(1)];
    expect(resolveFooter({ defaults: STANDARD, chain: within })).toEqual({
      footer: null,
      source: 'ancestor',
    });
  });

  it('does not mutate its input', () => {
    const chain = Object.freeze([Object.freeze(inherit), Object.freeze(custom('پایان'))]);
    const defaults = Object.freeze({ ...STANDARD });
    expect(resolveFooter({ defaults, chain }).footer).toBe('پایان');
  });
});

describe('validateSectionPolicy', () => {
  it.each([
    ['inherit', { mode: 'inherit' }],
    ['standard', { mode: 'standard', text: null }],
    ['none with a leftover text', { mode: 'none', text: 'پایان' }],
    ['custom with text', { mode: 'custom', text: 'پایان خبر' }],
  ])('accepts %s', (_name, policy) => {
    expect(validateSectionPolicy(policy)).toEqual([]);
  });

  it.each([
    ['custom without text', { mode: 'custom' }, 'custom-text-required'],
    ['custom with null text', { mode: 'custom', text: null }, 'custom-text-required'],
    [
      'custom with only spaces and marks',
      { mode: 'custom', text: ' \u200F\u00A0 ' },
      'custom-text-required',
    ],
    ['custom too long', { mode: 'custom', text: 'پ'.repeat(101) }, 'custom-text-too-long'],
    ['an unknown mode', { mode: 'hidden' }, 'unknown-mode'],
  ])('rejects %s', (_name, policy, code) => {
    const errors = validateSectionPolicy(policy);
    expect(errors.map((e) => e.code)).toEqual([code]);
    expect(errors[0].en).not.toBe('');
    expect(errors[0].fa).toMatch(/انتهای پیام/);
  });

  it('states lengths in Persian digits', () => {
    expect(validateSectionPolicy({ mode: 'custom', text: 'پ'.repeat(120) })[0].fa).toContain('۱۲۰');
  });
});
