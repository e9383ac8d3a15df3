/** Block builders and fixtures shared by the footer-policy tests. */
import type { BodyBlock } from '../../../src/plugins/footer-policy/core';

export const p = (text: string): BodyBlock => ({ kind: 'paragraph', text });
export const h = (text: string): BodyBlock => ({ kind: 'subheading', text });
export const q = (text: string): BodyBlock => ({ kind: 'quote', text });
export const img = (): BodyBlock => ({ kind: 'other' });

export const RLM = '\u200F';
export const LRM = '\u200E';
export const ZWNJ = '\u200C';
export const NBSP = '\u00A0';

/** Two paragraphs of an ordinary story, the second ending with a full stop. */
export const STORY = [
  p('یک نماینده مجلس گفت: طبیعی است که با واگذاری خدمات، درآمد دفاتر افزایش یابد.'),
  p('وی افزود: یکی از بزرگترین مشکلات دفاتر که موضوع کم بودن درآمد است حل می شود.'),
];

/** A markdown body as the importer would split it: blank-line separated blocks, `#` lines as subheadings. */
export const markdownToBlocks = (markdown: string): BodyBlock[] =>
  markdown
    .trim()
    .split(/\n[ \t]*\n/)
    .map((chunk) => chunk.replace(/^\n+|\n+$/g, ''))
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) =>
      /^#{1,6} /.test(chunk) && !chunk.includes('\n') ? h(chunk.replace(/^#+ /, '')) : p(chunk)
    );
