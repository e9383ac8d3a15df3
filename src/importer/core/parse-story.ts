import {
  DEFAULT_FOOTER_TEXT,
  findMidStoryMarkers,
  stripTrailingFooter,
} from '@pishkhan/strapi-plugin-footer-policy/core';
import type { BodyBlock } from '@pishkhan/strapi-plugin-footer-policy/core';
import { parseJalaliToUtc } from '../../jalali';
import { Block, SourceLine, joinLines, splitBlocks, splitLines } from './document';
import { badDate, binaryFile, emptyFile, mergedStories, noLead, noTitle, tooLarge } from './errors';
import { MAX_CONTROL_SHARE, MAX_IMPORT_BYTES } from './limits';
import {
  bylineAuthor,
  dateLineText,
  isTitleLike,
  sourceCredit,
  subheadingText,
  titleText,
} from './metadata';
import { TextUnit, analyseOfficials } from './officials';
import { squeezedKey, storyText } from './text';
import type { ParseOptions, ParsedStory, StoryBlock } from './types';

const firstLine = (block: Block): SourceLine => block.lines[0];
const lastLine = (block: Block): SourceLine => block.lines[block.lines.length - 1];
const isSingleText = (block: Block | undefined): block is Block =>
  block?.kind === 'text' && block.lines.length === 1;
const isTitleHeading = (block: Block | undefined): block is Block =>
  block?.kind === 'heading' && block.level === 1;

/** Binary content handed over as text: NUL characters or over 1% control characters. */
const checkText = (text: string): void => {
  if (text.includes('\u0000')) throw binaryFile('it contains NUL characters');
  let controls = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && (code < 0x09 || code > 0x0d)) controls += 1;
  }
  if (controls > text.length * MAX_CONTROL_SHARE) throw binaryFile('too many control characters');
};

interface Metadata {
  author: string | null;
  bylineLine: number | null;
  date: { text: string; line: number } | null;
  story: Block[];
  warnings: string[];
}

/** Takes byline and date lines out of the blocks (a block may hold both, as in «NAME  \nDATE»). */
const takeMetadataLines = (blocks: ReadonlyArray<Block>): Metadata => {
  const result: Metadata = { author: null, bylineLine: null, date: null, story: [], warnings: [] };
  for (const block of blocks) {
    if (block.kind !== 'text') {
      result.story.push(block);
      continue;
    }
    const kept = block.lines.filter((line) => {
      const name = bylineAuthor(line.text);
      if (name !== null) {
        if (result.author === null) {
          result.author = name;
          result.bylineLine = line.no;
        } else {
          result.warnings.push(`Extra byline on line ${line.no} ignored`);
        }
        return false;
      }
      const date = dateLineText(line.text);
      if (date !== null) {
        if (result.date === null) result.date = { text: date, line: line.no };
        else result.warnings.push(`Extra date line on line ${line.no} ignored`);
        return false;
      }
      return true;
    });
    if (kept.length === block.lines.length) result.story.push(block);
    else if (kept.length > 0) result.story.push({ ...block, lines: kept });
  }
  return result;
};

type FooterInput = BodyBlock & { at: number };

const toFooterBlock = (block: Block, at: number): FooterInput => {
  if (block.kind === 'image') return { kind: 'other', at };
  if (block.kind === 'heading') return { kind: 'subheading', text: firstLine(block).text, at };
  return { kind: 'paragraph', text: block.lines.map((line) => line.text).join('\n'), at };
};

/** Wrapping `**...**` around a whole paragraph (a bold lead) goes; emphasis inside stays. */
const unwrapBold = (text: string): string =>
  /^\*\*[^*][\s\S]*\*\*$/.test(text) && !text.slice(2, -2).includes('**')
    ? text.slice(2, -2).trim()
    : text;

/** Lines of a markdown block quote lose their `>`. */
const unquoteLines = (lines: ReadonlyArray<SourceLine>): SourceLine[] =>
  lines.every((line) => /^ {0,3}>/.test(line.text))
    ? lines.map((line) => ({ ...line, text: line.text.replace(/^ {0,3}> ?/, '') }))
    : lines.slice();

const paragraphText = (block: Block): string =>
  storyText(unwrapBold(joinLines(unquoteLines(block.lines))));

const hasWords = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

/**
 * Reads one archived story (decoded text) into a structured article. See README.md beside this file
 * for the rules. Throws ImportError: TOO_LARGE, BINARY_FILE, EMPTY_FILE, MERGED_STORIES, BAD_DATE,
 * NO_TITLE, NO_LEAD (checked in that order), each with the line where the problem is when it has one.
 */
export const parseStory = (text: string, options: ParseOptions = {}): ParsedStory => {
  if (typeof text !== 'string')
    throw new TypeError('parseStory expects the decoded text of one story');
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  if (text.length > maxBytes || Buffer.byteLength(text, 'utf8') > maxBytes) {
    throw tooLarge(Buffer.byteLength(text, 'utf8'), maxBytes);
  }
  checkText(text);
  const blocks = splitBlocks(splitLines(text));
  if (blocks.length === 0) throw emptyFile();

  const meta = takeMetadataLines(blocks);
  const warnings = meta.warnings;
  const { story } = meta;
  const trailerLine =
    [meta.bylineLine, meta.date?.line]
      .filter((no): no is number => typeof no === 'number')
      .sort((a, b) => a - b)[0] ?? null;

  // Title and kicker: a `# ` heading at the top (after an optional kicker line), else the short line
  // just before the byline/date. A copy of the heading title before the byline goes too.
  let titleBlock: Block | null = null;
  let kickerBlock: Block | null = null;
  let title: string | null = null;
  const removed = new Set<Block>();
  if (isTitleHeading(story[0])) {
    titleBlock = story[0];
  } else if (
    isTitleHeading(story[1]) &&
    isSingleText(story[0]) &&
    isTitleLike(firstLine(story[0]).text)
  ) {
    kickerBlock = story[0];
    titleBlock = story[1];
  }
  if (titleBlock) title = subheadingText(firstLine(titleBlock).text, true);
  if (trailerLine !== null) {
    const before = story
      .filter((block) => block.kind !== 'separator' && lastLine(block).no < trailerLine)
      .pop();
    if (
      before &&
      before !== titleBlock &&
      before !== kickerBlock &&
      isSingleText(before) &&
      isTitleLike(firstLine(before).text)
    ) {
      const candidate = titleText(firstLine(before).text);
      if (title === null) {
        titleBlock = before;
        title = candidate;
      } else if (squeezedKey(candidate) === squeezedKey(title)) {
        removed.add(before);
      }
    }
  }
  if (titleBlock) removed.add(titleBlock);
  if (kickerBlock) removed.add(kickerBlock);
  let body = story.filter((block) => !removed.has(block));

  // A footer with story after it: two stories in one file.
  const footerInput = body.map(toFooterBlock);
  const [marker] = findMidStoryMarkers(footerInput);
  if (marker)
    throw mergedStories(body[marker.blockIndex].lines[marker.line - 1].no, marker.excerpt);

  const stripped = stripTrailingFooter(footerInput);
  body = stripped.blocks
    .map((block) => {
      const original = body[block.at];
      if (block.kind === 'other' || block.text === footerInput[block.at].text) return original;
      const kept = (block.text ?? '').split('\n');
      return {
        ...original,
        lines: original.lines.slice(0, kept.length).map((line, i) => ({ ...line, text: kept[i] })),
      };
    })
    .filter((block) => block.lines.some((line) => line.text.trim() !== ''));
  if (stripped.found) warnings.push(...stripped.warnings.map((warning) => warning.en));
  else warnings.push('No footer ("انتهای پیام") found at the end of the story');

  let publishedOn: string | null = null;
  if (meta.date) {
    try {
      publishedOn = parseJalaliToUtc(meta.date.text).toISOString();
    } catch (error) {
      const cause = error as { message?: string; messageFa?: string };
      throw badDate(meta.date.line, {
        message: String(cause?.message ?? error),
        messageFa: cause?.messageFa,
      });
    }
  } else {
    warnings.push('No date line found; publishedOn is empty');
  }

  // Plain-text archives without byline or date: a short first line before the lead, else a short last line.
  if (title === null && trailerLine === null) {
    const texts = body.filter((block) => block.kind === 'text');
    const first = texts[0];
    const last = texts[texts.length - 1];
    if (texts.length > 1 && isSingleText(first) && isTitleLike(firstLine(first).text)) {
      titleBlock = first;
      warnings.push('Title taken from the first line (no heading, byline or date found)');
    } else if (texts.length > 1 && isSingleText(last) && isTitleLike(firstLine(last).text)) {
      titleBlock = last;
      warnings.push('Title taken from the last line (no heading, byline or date found)');
    }
    if (titleBlock) {
      title = titleText(firstLine(titleBlock).text);
      const chosen = titleBlock;
      body = body.filter((block) => block !== chosen);
    }
  }
  if (title === null || title === '') {
    throw noTitle(trailerLine ?? (story[0] ? firstLine(story[0]).no : null));
  }

  const leadIndex = body.findIndex(
    (block) =>
      block.kind === 'text' &&
      !(block.lines.length === 1 && subheadingText(firstLine(block).text, false) !== null) &&
      hasWords(paragraphText(block))
  );
  if (leadIndex === -1) throw noLead(titleBlock ? firstLine(titleBlock).no : null);
  const leadBlock = body[leadIndex];
  const lead = paragraphText(leadBlock);
  body = body.filter((_, index) => index !== leadIndex);

  const blocksOut: StoryBlock[] = [];
  let afterTrailer = false;
  for (const block of body) {
    if (
      trailerLine !== null &&
      trailerLine > firstLine(leadBlock).no &&
      firstLine(block).no > trailerLine &&
      block.kind !== 'separator'
    ) {
      afterTrailer = true;
    }
    if (block.kind === 'separator') continue;
    if (block.kind === 'image') {
      warnings.push(`Image on line ${firstLine(block).no} dropped (images are not imported)`);
      continue;
    }
    const heading =
      block.kind === 'heading' || block.lines.length === 1
        ? subheadingText(firstLine(block).text, block.kind === 'heading')
        : null;
    if (heading !== null) {
      blocksOut.push({ type: 'subheading', text: heading });
      continue;
    }
    if (block.kind === 'heading') continue;
    const paragraph = paragraphText(block);
    if (hasWords(paragraph)) blocksOut.push({ type: 'paragraph', text: paragraph });
  }
  if (afterTrailer) warnings.push('Text after the byline/date was kept in the body');

  const credit = [
    lead,
    ...blocksOut.filter((block) => block.type === 'paragraph').map((block) => block.text),
  ]
    .slice(0, 3)
    .map(sourceCredit)
    .find((found) => found !== null);
  if (!credit) warnings.push('No source line ("به گزارش ...") found');
  if (meta.author === null) warnings.push('No byline found; author is empty');

  const units: TextUnit[] = [
    { kind: 'title', text: title },
    { kind: 'lead', text: lead },
    ...blocksOut.map(
      (block): TextUnit => ({
        kind: block.type === 'subheading' ? 'subheading' : 'paragraph',
        text: block.text,
      })
    ),
  ];
  const analysis = analyseOfficials(
    units,
    Array.isArray(options.officials) ? options.officials : []
  );
  const bodyOut = blocksOut.map((block, index): StoryBlock => {
    const quote = analysis.quotes.get(index + 2);
    return quote ? { type: 'quote', text: block.text, ...quote } : block;
  });
  for (const official of analysis.officials) {
    if (!official.matched) {
      warnings.push(
        `Unknown official candidate: ${official.fullName}${official.role ? ` (${official.role})` : ''}`
      );
    }
  }

  return {
    title,
    kicker: kickerBlock ? titleText(firstLine(kickerBlock).text) : null,
    lead,
    source: credit?.source ?? null,
    sourceUrl: credit?.sourceUrl ?? null,
    author: meta.author,
    publishedOn,
    body: bodyOut,
    footer: stripped.found ? DEFAULT_FOOTER_TEXT : null,
    reporterCode: stripped.reporterCode,
    officials: analysis.officials,
    warnings,
  };
};
