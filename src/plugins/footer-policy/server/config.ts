import { DEFAULT_FOOTER_TEXT, FooterDefaults, normalizeFooterText } from '../core';

/** `config/plugins.ts` → `'footer-policy': { config: { text, mode } }`: the newsroom-wide footer. */
export default {
  default: { text: DEFAULT_FOOTER_TEXT, mode: 'standard' } as FooterDefaults,
  validator(config: FooterDefaults) {
    if (config.mode !== 'standard' && config.mode !== 'none') {
      throw new Error(`footer-policy: mode must be "standard" or "none", got "${String(config.mode)}"`);
    }
    if (!normalizeFooterText(String(config.text ?? ''))) throw new Error('footer-policy: text must not be empty');
  },
};
