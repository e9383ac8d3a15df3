/** The seed story, the demo article it must become, and the variants the tests derive from it. */
import { readFileSync } from 'fs';
import demo from '../../../src/demo/demo-content.json';
import type { KnownOfficial, ParsedStory } from '../../../src/importer/core';

import { SEED_PATH } from '../../fixtures/paths';

export { SEED_PATH };
export const SEED_BYTES = readFileSync(SEED_PATH);
export const SEED = SEED_BYTES.toString('utf8');

/** `articles[0].fa` of the demo content: the seed as the CMS holds it. */
export const EXPECTED = demo.articles[0].fa;

/** The official of the demo content, as the importer is given it. */
export const SALIMI: KnownOfficial = {
  fullName: demo.officials[0].fa.fullName,
  aliases: demo.officials[0].fa.aliases,
  role: demo.officials[0].fa.role,
};

export const TITLE = EXPECTED.title;
export const BYLINE = 'نوشته شده توسط شریف زاده  ';
export const DATE_LINE = 'سه شنبه ۰۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳ -';
export const FOOTER_LINE = 'انتهای پیام';

/** The fields the demo article holds, taken from a parsed story. */
export const demoFields = (story: ParsedStory) => ({
  title: story.title,
  lead: story.lead,
  source: story.source,
  sourceUrl: story.sourceUrl,
  author: story.author,
  publishedOn: story.publishedOn,
  body: story.body,
});

/** The 1-based line of the first line of `text` that equals `line` once trailing spaces are ignored. */
export const lineOf = (text: string, line: string): number => {
  const index = text
    .split(/\r\n|\r|\n/)
    .findIndex((candidate) => candidate.trimEnd() === line.trimEnd());
  if (index === -1) throw new Error(`line not in text: ${line}`);
  return index + 1;
};

/** `text` with one whole line replaced (or removed when `by` is null). */
export const replaceLine = (text: string, line: string, by: string | null): string => {
  const lines = text.split('\n');
  const at = lines.findIndex((candidate) => candidate.trimEnd() === line.trimEnd());
  if (at === -1) throw new Error(`line not in text: ${line}`);
  if (by === null) lines.splice(at, 1);
  else lines[at] = by;
  return lines.join('\n');
};

export const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** A minimal story around the given body paragraphs: `# ` title, lead, paragraphs, byline, date, footer. */
export const miniStory = (
  paragraphs: string[],
  lead = 'لید خبر آزمایشی درباره دفاتر پیشخوان است.'
): string =>
  [
    '# تیتر خبر آزمایشی',
    '',
    lead,
    '',
    ...paragraphs.flatMap((paragraph) => [paragraph, '']),
    'نویسنده: مریم احمدی',
    '۱۳۹۶/۰۸/۰۹ ساعت ۱۹:۲۳',
    '',
    'انتهای پیام',
  ].join('\n');
