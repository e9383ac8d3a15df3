/** C0 controls but tab, line feed and carriage return; DEL; C1 controls; noncharacters; lone surrogates. */
const CONTROL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface ControlCharacter {
  index: number;
  codePoint: string;
}

/**
 * The first character no editor means to type (pasted from binary files, broken encodings or terminals).
 * Such text is refused rather than cleaned: what else came with it cannot be trusted.
 */
export const findControlCharacter = (text: string): ControlCharacter | null => {
  const match = CONTROL.exec(text);
  if (!match) return null;
  return {
    index: match.index,
    codePoint: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  };
};
