/**
 * Nothing a reader could see: any Unicode space (NBSP included), default-ignorable characters (ZWNJ,
 * ZWJ, bidi marks, BOM, soft hyphen, Hangul fillers…), combining marks and tatweel.
 */
const BLANK = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{M}\u0640]*$/u;

/** Whether text is empty once hygiene and trimming are done with it («   », «ـــ», a lone ZWNJ). */
export const isBlankText = (text: string): boolean => BLANK.test(text);
