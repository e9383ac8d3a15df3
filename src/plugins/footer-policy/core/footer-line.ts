import { toPersianDigits } from '@pishkhan/persian-text-rules';
import { normalizeFooterText } from './normalize-footer-text';

/**
 * The line a frontend prints under the story: the footer, then `/ ` and the reporter code in Persian
 * digits when there is one («انتهای پیام/ ۲۳»). Null when the section prints no footer.
 */
export const footerLine = (footer: string | null, reporterCode: string | null): string | null => {
  const text = footer === null ? '' : normalizeFooterText(footer);
  if (text === '') return null;
  const code = reporterCode === null ? '' : toPersianDigits(reporterCode.trim());
  return code === '' ? text : `${text}/ ${code}`;
};
