/** The seed archive file, the variants the importer tests derive from it, and small generated stories. */
import { readFileSync } from 'fs';
import iconv from 'iconv-lite';
import type { Core } from '@strapi/strapi';
import type { ImportInput } from '../../../src/importer/importer';

import { SEED_PATH } from '../../fixtures/paths';

export { SEED_PATH };
export const SEED_BYTES = readFileSync(SEED_PATH);
export const SEED_TEXT = SEED_BYTES.toString('utf8');

export const BYLINE = 'نوشته شده توسط شریف زاده';
export const FOOTER = 'انتهای پیام';
export const TITLE_LINE = 'پیش بینی یک نماینده مجلس از واگذاری خدمات سازمان ها به دفاتر';

export const ARTICLE = 'api::article.article';
export const OFFICIAL = 'api::official.official';

const latinDigits = (text: string): string =>
  text.replace(/[۰-۹]/g, (digit) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(digit)));

/** The seed as an old Windows-1256 archive holds it: Arabic yeh, Latin digits, CRLF. */
export const cp1256 = (text: string): Buffer =>
  iconv.encode(latinDigits(text).replace(/ی/g, 'ي').replace(/\n/g, '\r\n'), 'windows-1256');

export const crlf = (text: string): string => text.replace(/\n/g, '\r\n');

/** `text` without the line that starts with `start` (trailing spaces ignored). */
export const withoutLine = (text: string, start: string): string => {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.startsWith(start));
  if (at === -1) throw new Error(`no line starting with ${start}`);
  lines.splice(at, 1);
  return lines.join('\n');
};

export const replaceLine = (text: string, start: string, by: string): string => {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.startsWith(start));
  if (at === -1) throw new Error(`no line starting with ${start}`);
  lines[at] = by;
  return lines.join('\n');
};

/** The title as a `# ` heading at the top instead of the line before the byline. */
export const headingTitle = (text: string): string =>
  `# ${TITLE_LINE}\n\n${withoutLine(text, TITLE_LINE)}`;

/** The footer typed with a reporter code: «انتهای پیام/ ۲۳». */
export const footerWithCode = (text: string, code = '۲۳'): string =>
  replaceLine(text, FOOTER, `${FOOTER}/ ${code}`);

/** 1-based number of the first line starting with `start`. */
export const lineOf = (text: string, start: string): number =>
  text.split(/\r\n|\r|\n/).findIndex((line) => line.startsWith(start)) + 1;

export const input = (name: string, content: string | Buffer): ImportInput => ({
  name,
  bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
});

/**
 * A small story of the seed's shape: lead, paragraphs, a sub-heading, title before the byline and date,
 * footer. `n` makes the title, lead and date distinct.
 */
export const story = (n: number, extra: { paragraphs?: string[]; date?: string } = {}): string =>
  [
    `لید خبر شماره ${n} درباره دفاتر پیشخوان دولت و خدمات الکترونیکی است که در این گزارش آمده است.`,
    '',
    `به گزارش پایگاه خبری پیشخوان، این خبر ${n} بند دوم خود را دارد و درباره توسعه دفاتر سخن می گوید.`,
    '',
    '## × زیرتیتر آزمایشی',
    '',
    ...(extra.paragraphs ?? ['این بند پایانی خبر آزمایشی است.']).flatMap((paragraph) => [
      paragraph,
      '',
    ]),
    `تیتر خبر آزمایشی شماره ${n}`,
    '',
    'نوشته شده توسط مریم احمدی  ',
    extra.date ??
      `سه شنبه ۰۹ آبان ۱۳۹۶ ساعت ${String(8 + (n % 12)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')} -`,
    '',
    '---',
    '',
    FOOTER,
  ].join('\n');

/** Rows of the articles table (drafts, one per document) in a locale. */
export const draftArticles = (strapi: Core.Strapi, where: Record<string, unknown> = {}) =>
  strapi.db.query(ARTICLE).findMany({
    where: { locale: 'fa', publishedAt: null, ...where },
    select: ['documentId', 'title', 'importKey', 'author', 'reporterCode'],
  });

/** A stored article with what a story page shows: body with quote officials, section, quoted officials. */
export const storedArticle = (
  strapi: Core.Strapi,
  documentId: string,
  status: 'draft' | 'published' = 'draft'
) =>
  strapi.documents(ARTICLE).findOne({
    documentId,
    locale: 'fa',
    status,
    populate: {
      section: true,
      quotedOfficials: true,
      body: {
        on: {
          'article.paragraph': true,
          'article.subheading': true,
          'article.quote': { populate: { official: true } },
        },
      },
    } as never,
  }) as Promise<Record<string, any> | null>;
