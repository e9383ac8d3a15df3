import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { DEFAULT_FOOTER_TEXT, FooterDefaults, normalizeFooterText } from '../core';

const name = z.string().min(1);

/**
 * `config/plugins.ts` → `'footer-policy': { config }`: the newsroom-wide footer, and the content types and
 * fields it serves. Only the footer has a default; every name of the host's schema is its to give.
 */
export const footerPolicyConfig = z.object({
  text: z
    .string()
    .refine((text) => !!normalizeFooterText(text), 'must not be empty')
    .default(DEFAULT_FOOTER_TEXT),
  mode: z.enum(['standard', 'none']).default('standard'),
  /** The stories that end with a footer. */
  articles: z.object({
    uid: name,
    /** The relation to a section-like content type whose policy decides the footer. */
    section: name,
    /** The dynamic zone holding the text; its components are listed in `blocks`. */
    body: name,
    reporterCode: name,
    footer: name,
    footerLine: name,
    /** Private JSON for the admin: footers removed from the body, footers left in the middle. */
    footerNotes: name,
  }),
  /** The section-like content type: a tree by `parent`, each node with its own footer setting. */
  sections: z.object({ uid: name, parent: name, mode: name, text: name }),
  /** The body's text components by kind (others are left alone), and the field holding their text. */
  blocks: z.object({
    paragraph: z.array(name),
    subheading: z.array(name).default([]),
    quote: z.array(name).default([]),
    text: name,
  }),
});

export type FooterPolicyConfig = z.infer<typeof footerPolicyConfig>;

export const footerConfig = (strapi: Core.Strapi): FooterPolicyConfig =>
  strapi.config.get('plugin::footer-policy') as FooterPolicyConfig;
export const footerDefaults = (strapi: Core.Strapi): FooterDefaults => {
  const { text, mode } = footerConfig(strapi);
  return { text, mode };
};

/** Refused at start with every problem named: `footer-policy: articles.uid: Required`. */
export const parseFooterPolicyConfig = (config: unknown): FooterPolicyConfig => {
  const parsed = footerPolicyConfig.safeParse(config);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`
  );
  throw new Error(`footer-policy: invalid config in config/plugins.ts (${problems.join('; ')})`);
};

export default {
  default: { text: DEFAULT_FOOTER_TEXT, mode: 'standard' },
  validator(config: unknown) {
    parseFooterPolicyConfig(config);
  },
};
