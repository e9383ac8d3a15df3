import { toPersianDigits } from '@pishkhan/persian-text-rules';
import type { FooterUnit } from './line-analysis';
import type { Message } from './types';

export interface FooterWarning extends Message {
  code: 'footer-removed' | 'duplicate-footer' | 'conflicting-codes';
}

const quoted = (
  units: ReadonlyArray<FooterUnit>,
  open: string,
  close: string,
  comma: string
): string => units.map((unit) => `${open}${unit.raw}${close}`).join(comma);

/** What editors are told after typed footers were taken out of a body; empty when none were. */
export const stripWarnings = (
  units: ReadonlyArray<FooterUnit>,
  reporterCode: string | null
): FooterWarning[] => {
  if (units.length === 0) return [];
  const warnings: FooterWarning[] = [
    {
      code: 'footer-removed',
      en: `Removed ${quoted(units, '"', '"', ', ')} typed at the end of the body; the footer is added from the section's policy.`,
      fa: `${quoted(units, '«', '»', '، ')} از پایان متن برداشته شد؛ انتهای پیام بر پایه‌ی تنظیم بخش خودکار افزوده می‌شود.`,
    },
  ];
  if (units.length > 1) {
    warnings.push({
      code: 'duplicate-footer',
      en: `The footer was typed ${units.length} times; all were removed.`,
      fa: `انتهای پیام ${toPersianDigits(units.length)} بار نوشته شده بود؛ همه برداشته شدند.`,
    });
  }
  const codes = Array.from(
    new Set(units.map((unit) => unit.code).filter((code): code is string => code !== null))
  );
  if (codes.length > 1 && reporterCode !== null) {
    warnings.push({
      code: 'conflicting-codes',
      en: `The removed footers carry different codes (${codes.join(', ')}); kept the last one, ${reporterCode}.`,
      fa: `انتهای پیام‌های برداشته‌شده کدهای گوناگون داشتند (${toPersianDigits(codes.join('، '))})؛ کد آخر، ${toPersianDigits(reporterCode)}، نگه داشته شد.`,
    });
  }
  return warnings;
};
