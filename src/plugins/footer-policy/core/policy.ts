import { toPersianDigits } from '@pishkhan/persian-text-rules';
import { DEFAULT_FOOTER_TEXT, normalizeFooterText } from './normalize-footer-text';
import type { Message } from './types';

export type SectionFooterMode = 'inherit' | 'standard' | 'custom' | 'none';
export const SECTION_FOOTER_MODES: ReadonlyArray<SectionFooterMode> = [
  'inherit',
  'standard',
  'custom',
  'none',
];

/** The site-wide setting: the standard text and whether sections that decide nothing print it. */
export interface FooterDefaults {
  text: string;
  mode: 'standard' | 'none';
}

/** A section's footer setting; `id`, when given, lets resolveFooter stop at a repeated section. */
export interface SectionFooterPolicy {
  mode: SectionFooterMode;
  text?: string | null;
  id?: string | number;
}

export interface ResolvedFooter {
  footer: string | null;
  source: 'section' | 'ancestor' | 'default';
}

/** Deeper than any real section tree; a longer chain means the parent links loop. */
export const MAX_SECTION_DEPTH = 32;

/** Longest custom footer accepted: it is one short line under the story. */
export const MAX_FOOTER_LENGTH = 100;

const standardText = (defaults: FooterDefaults): string =>
  normalizeFooterText(defaults.text) || DEFAULT_FOOTER_TEXT;

/**
 * The footer for an article whose section is chain[0], its parent chain[1], and so on. The first entry
 * that is not `inherit` (nor an unknown mode, which validation rejects) decides: `standard` prints the default text (even when the default mode is
 * `none`), `custom` its own text, `none` nothing. A `custom` entry without text, which validation
 * rejects, prints the standard text: the section asked for a footer. With no deciding entry the
 * default mode applies. The adapter builds the chain by following parent links; as those can loop,
 * the walk stops after MAX_SECTION_DEPTH entries or at an `id` already seen, as if the rest inherited.
 */
export const resolveFooter = (input: {
  defaults: FooterDefaults;
  chain: ReadonlyArray<SectionFooterPolicy>;
}): ResolvedFooter => {
  const { defaults, chain } = input;
  const seen = new Set<string | number>();
  for (let depth = 0; depth < Math.min(chain.length, MAX_SECTION_DEPTH); depth += 1) {
    const policy = chain[depth];
    if (policy.id !== undefined) {
      if (seen.has(policy.id)) break;
      seen.add(policy.id);
    }
    const source = depth === 0 ? 'section' : 'ancestor';
    if (policy.mode === 'none') return { footer: null, source };
    if (policy.mode === 'standard') return { footer: standardText(defaults), source };
    if (policy.mode === 'custom') {
      return { footer: normalizeFooterText(policy.text ?? '') || standardText(defaults), source };
    }
  }
  return { footer: defaults.mode === 'none' ? null : standardText(defaults), source: 'default' };
};

export const SECTION_POLICY_ERROR_CODES = [
  'unknown-mode',
  'custom-text-required',
  'custom-text-too-long',
] as const;

export interface PolicyError extends Message {
  field: 'mode' | 'text';
  code: (typeof SECTION_POLICY_ERROR_CODES)[number];
}

/** Errors that keep a section's footer setting from being saved; empty when it is valid. */
export const validateSectionPolicy = (policy: {
  mode: string;
  text?: string | null;
}): PolicyError[] => {
  if (!(SECTION_FOOTER_MODES as ReadonlyArray<string>).includes(policy.mode)) {
    return [
      {
        field: 'mode',
        code: 'unknown-mode',
        en: `Unknown footer mode "${policy.mode}"; choose inherit, standard, custom or none.`,
        fa: `حالت انتهای پیام «${policy.mode}» شناخته نیست؛ یکی از «ارث از بخش بالاتر»، «استاندارد»، «سفارشی» یا «بدون انتهای پیام» را برگزینید.`,
      },
    ];
  }
  if (policy.mode !== 'custom') return [];
  const text = normalizeFooterText(policy.text ?? '');
  if (text === '') {
    return [
      {
        field: 'text',
        code: 'custom-text-required',
        en: 'A custom footer needs its text.',
        fa: 'برای انتهای پیام سفارشی، متن آن را بنویسید.',
      },
    ];
  }
  if (text.length > MAX_FOOTER_LENGTH) {
    return [
      {
        field: 'text',
        code: 'custom-text-too-long',
        en: `The footer text has ${text.length} characters; keep it to ${MAX_FOOTER_LENGTH}.`,
        fa: `متن انتهای پیام ${toPersianDigits(text.length)} نویسه دارد؛ بیش از ${toPersianDigits(MAX_FOOTER_LENGTH)} نویسه نباشد.`,
      },
    ];
  }
  return [];
};
