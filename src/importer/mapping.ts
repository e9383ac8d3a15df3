import { stripBidiControls, stripTatweel, unifyKeyboardLetters } from '../persian';
import type { ParsedStory } from './core';

export const ARTICLE_UID = 'api::article.article';
export const OFFICIAL_UID = 'api::official.official';
export const SECTION_UID = 'api::section.section';

type Component =
  | { __component: 'article.paragraph' | 'article.subheading'; text: string }
  | { __component: 'article.quote'; text: string; role: string | null; official: string | null };

/** The article fields an import writes; everything else (slug, news code, cover, footers) is the CMS's. */
export interface ArticleData {
  title: string;
  kicker: string | null;
  lead: string;
  source: string | null;
  sourceUrl: string | null;
  author: string | null;
  reporterCode: string | null;
  publishedOn: string | null;
  importKey: string;
  body: Component[];
  /** Only when the run files articles under a section. */
  section?: string;
}

/**
 * A parsed story as Article data: body blocks become the dynamic zone's components, a quote's official
 * (a fullName from the parser) its documentId among `officialIds`.
 */
export const articleData = (
  story: ParsedStory,
  officialIds: ReadonlyMap<string, string>,
  importKey: string,
  sectionId: string | null
): ArticleData => ({
  title: story.title,
  kicker: story.kicker,
  lead: story.lead,
  source: story.source,
  sourceUrl: story.sourceUrl,
  author: story.author,
  reporterCode: story.reporterCode,
  publishedOn: story.publishedOn,
  importKey,
  body: story.body.map(
    (block): Component =>
      block.type === 'quote'
        ? {
            __component: 'article.quote',
            text: block.text,
            role: block.role ?? null,
            official: (block.official && officialIds.get(block.official)) || null,
          }
        : { __component: `article.${block.type}`, text: block.text }
  ),
  ...(sectionId ? { section: sectionId } : {}),
});

/** The populate that reads back what an import wrote, for the comparison below. */
export const STORED_POPULATE = {
  section: { select: ['documentId'] },
  body: {
    on: {
      'article.paragraph': true,
      'article.subheading': true,
      'article.quote': { populate: { official: { select: ['documentId'] } } },
      'article.image': true,
    },
  },
};

export const STORED_FIELDS = [
  'documentId',
  'title',
  'kicker',
  'lead',
  'source',
  'sourceUrl',
  'author',
  'reporterCode',
  'publishedOn',
];

type StoredRow = Record<string, unknown> & {
  body?: Array<{
    __component: string;
    text?: string;
    role?: string | null;
    official?: { documentId: string } | null;
  }>;
  section?: { documentId: string } | null;
};

const instant = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value as string);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
};

/**
 * Text as the CMS stores it: on save the persian-text plugin unifies ي/ى/ك and drops bidi controls and
 * tatweel (the shared rules of src/persian), which the parser keeps inside paragraphs. Comparing through
 * the same rewrite keeps a re-import of an unchanged story a skip instead of an endless update.
 */
const text = (value: unknown): string | null =>
  value === undefined || value === null
    ? null
    : stripBidiControls(stripTatweel(unifyKeyboardLetters(String(value))));

/** A stable JSON form of the imported fields, of new data or of a stored row, to tell "same story, same content". */
export const comparable = (row: ArticleData | StoredRow, withSection: boolean): string =>
  JSON.stringify({
    title: text(row.title),
    kicker: text(row.kicker),
    lead: text(row.lead),
    source: text(row.source),
    sourceUrl: text(row.sourceUrl),
    author: text(row.author),
    reporterCode: text(row.reporterCode),
    publishedOn: instant(row.publishedOn),
    body: ((row.body ?? []) as StoredRow['body'] & unknown[]).map((block) => {
      const official = (block as { official?: unknown }).official;
      return [
        block.__component,
        text(block.text),
        text((block as { role?: unknown }).role),
        typeof official === 'string'
          ? official
          : ((official as { documentId?: string } | null)?.documentId ?? null),
      ];
    }),
    ...(withSection
      ? {
          section:
            typeof row.section === 'string'
              ? row.section
              : ((row.section as { documentId?: string } | null)?.documentId ?? null),
        }
      : {}),
  });
