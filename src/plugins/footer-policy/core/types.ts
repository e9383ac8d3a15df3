/** A message shown to editors, in English and Persian. */
export interface Message {
  en: string;
  fa: string;
}

/**
 * One entry of an article body (a dynamic-zone component), reduced to what footer handling reads.
 * `other` covers images, embeds and anything else without text.
 */
export interface BodyBlock {
  kind: 'paragraph' | 'subheading' | 'quote' | 'other';
  text?: string;
}

/** Blocks whose text can hold a footer; images and other blocks are never read, moved or removed. */
export const isTextBlock = (block: BodyBlock): boolean => block.kind !== 'other';

/** A text block's lines; `\r` stays on its line so joining with `\n` rebuilds the text exactly. */
export const linesOf = (block: BodyBlock): string[] => (block.text ?? '').split('\n');
