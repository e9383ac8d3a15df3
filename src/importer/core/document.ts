import { BIDI_CONTROLS } from '../../persian';
import { stripStrayControls } from './text';

/** One line of the file, numbered as editors count lines (1-based; CRLF, CR and LF each end one). */
export interface SourceLine {
  /** The line without its break, stray control characters and trailing white space. */
  text: string;
  no: number;
  /** Markdown hard break: the line ended with two spaces or a backslash. */
  hardBreak: boolean;
}

/**
 * A block of the file: lines between blank lines. Headings, separators and image lines always stand
 * alone even when no blank line sets them apart.
 */
export type BlockKind = 'text' | 'heading' | 'separator' | 'image';

export interface Block {
  kind: BlockKind;
  /** For headings: the number of `#`. */
  level: number;
  lines: SourceLine[];
}

/** Nothing visible: spaces of any kind, ZWNJ, bidi controls. */
export const isBlankLine = (text: string): boolean =>
  text.replace(BIDI_CONTROLS, '').replace(/[\s\u200C]/g, '') === '';

const HEADING = /^ {0,3}(#{1,6})[ \t]+\S/;
const SEPARATOR = /^ {0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$/;
const IMAGE = /^ {0,3}!\[[^\]]*\]\([^)]*\)[ \t]*$/;

const kindOf = (text: string): { kind: BlockKind; level: number } | null => {
  const heading = HEADING.exec(text);
  if (heading) return { kind: 'heading', level: heading[1].length };
  if (SEPARATOR.test(text)) return { kind: 'separator', level: 0 };
  if (IMAGE.test(text)) return { kind: 'image', level: 0 };
  return null;
};

/** A leading BOM is dropped; line numbers are unaffected. */
export const splitLines = (text: string): SourceLine[] =>
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((raw, index) => {
      const clean = stripStrayControls(raw.replace(/\t/g, ' '));
      const backslash = clean.endsWith('\\');
      const hardBreak = backslash || clean.endsWith('  ');
      return { text: (backslash ? clean.slice(0, -1) : clean).trimEnd(), no: index + 1, hardBreak };
    });

export const splitBlocks = (lines: ReadonlyArray<SourceLine>): Block[] => {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const line of lines) {
    if (isBlankLine(line.text)) {
      current = null;
      continue;
    }
    const special = kindOf(line.text);
    if (special !== null) {
      blocks.push({ ...special, lines: [line] });
      current = null;
      continue;
    }
    if (current === null) {
      current = { kind: 'text', level: 0, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  }
  return blocks;
};

/**
 * A text block's content as one string, as markdown reads it: lines trimmed and joined by a space,
 * except after a hard break, which stays a line break.
 */
export const joinLines = (lines: ReadonlyArray<SourceLine>): string =>
  lines
    .map((line, index) => {
      const text = line.text.trim();
      if (index === lines.length - 1) return text;
      return text + (line.hardBreak ? '\n' : ' ');
    })
    .join('')
    .trim();
