import type { Core } from '@strapi/strapi';
import demo from './demo-content.json';

type Localized<T> = { fa: T; en?: T };
type BodyBlock = {
  type: 'paragraph' | 'subheading' | 'quote';
  text: string;
  official?: string;
  role?: string;
};

const STORE_KEY = { type: 'core' as const, name: 'pishkhan', key: 'demo-seeded' };

const toComponent = (block: BodyBlock, officialIds: Map<string, string>) => {
  if (block.type === 'quote') {
    const official = block.official ? officialIds.get(block.official) : undefined;
    return { __component: 'article.quote', text: block.text, role: block.role, official };
  }
  return { __component: `article.${block.type}`, text: block.text };
};

/**
 * Creates the demo desks, the official quoted in the seed and the seed story itself, once: a store flag
 * and an empty articles table must both say the database was never seeded, so a restart adds nothing
 * and an emptied production database is not refilled.
 */
export const seedDemoContent = async (strapi: Core.Strapi): Promise<boolean> => {
  const store = strapi.store(STORE_KEY);
  if (await store.get({})) return false;
  if ((await strapi.db.query('api::article.article').count()) > 0) return false;

  const sectionIds = new Map<string, string>();
  for (const section of demo.sections as Array<
    { key: string; parent?: string } & Localized<Record<string, unknown>>
  >) {
    const parent = section.parent ? sectionIds.get(section.parent) : undefined;
    const created = await strapi.documents('api::section.section').create({
      locale: 'fa',
      status: 'published',
      data: { ...section.fa, parent } as never,
    });
    sectionIds.set(section.key, created.documentId);
    if (section.en) {
      await strapi.documents('api::section.section').update({
        documentId: created.documentId,
        locale: 'en',
        status: 'published',
        data: { ...section.en, parent } as never,
      });
    }
  }

  const officialIds = new Map<string, string>();
  for (const official of demo.officials) {
    const created = await strapi.documents('api::official.official').create({
      locale: 'fa',
      status: 'published',
      data: official.fa as never,
    });
    officialIds.set(official.fa.fullName, created.documentId);
  }

  for (const article of demo.articles) {
    const { body, ...fields } = article.fa;
    await strapi.documents('api::article.article').create({
      locale: 'fa',
      status: 'published',
      data: {
        ...fields,
        section: sectionIds.get(article.section),
        body: (body as BodyBlock[]).map((block) => toComponent(block, officialIds)),
      } as never,
    });
  }

  await store.set({ value: { at: new Date().toISOString() } });
  strapi.log.info(
    `Demo content created: ${demo.sections.length} sections, ${demo.officials.length} official(s), ${demo.articles.length} article(s)`
  );
  return true;
};
