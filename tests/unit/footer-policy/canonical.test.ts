import fc from 'fast-check';
import { canonicalOrigins, canonicalize } from '../../../src/plugins/footer-policy/core/canonical';

/** stripTrailingFooter cuts the original text at positions found in the canonical one. */
describe('canonical text', () => {
  it('folds what typists vary and keeps ZWNJ', () => {
    expect(canonicalize('\u200Fانتهـاي\u00A0پيامِ/ ٢٣')).toBe('انتهای پیام/ 23');
    expect(canonicalize('انتها\u200Cی')).toBe('انتها\u200Cی');
  });

  it('points every canonical character back to the original one it came from', () => {
    const persian = fc.constantFrom(...'ايیكکـ\u200C\u200F\u00A0 ِ۲٢2انتهپم.*');
    fc.assert(
      fc.property(fc.oneof(fc.fullUnicodeString(), fc.stringOf(persian)), (text) => {
        const canonical = canonicalize(text);
        const origins = canonicalOrigins(text);
        expect(origins).toHaveLength(canonical.length);
        origins.forEach((origin, index) =>
          expect(canonicalize(text[origin])).toBe(canonical[index])
        );
      })
    );
  });
});
