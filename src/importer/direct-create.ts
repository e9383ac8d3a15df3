import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import { sanitize } from '@strapi/utils';
import { stripTypedFooter } from '../plugins/footer-policy/server/article-hooks';
import { footersFor } from '../plugins/footer-policy/server/materialize';
import { prepareForSave } from '../plugins/persian-text/server/hygiene';
import { toIndexed } from '../plugins/persian-text/server/indexer';
import { getEngine } from '../plugins/persian-text/server/engine';
import { getService as slugService } from '../plugins/persian-slug/server/get-service';
import { getRuntime as responseCache } from '../plugins/response-cache/server/runtime';
import { ARTICLE_UID, ArticleData, OFFICIAL_UID, SECTION_UID } from './mapping';

type Knex = Core.Strapi['db']['connection'];
type Version = 'draft' | 'published';
type Block = ArticleData['body'][number];
type JoinTable = {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  morphColumn?: { idColumn: { name: string }; typeColumn: { name: string } };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
};

export interface DirectCreate {
  data: ArticleData;
  locale: string;
  publish: boolean;
}

/** Rows by version of the documents with these ids in this locale: { documentId → { draft, published } }. */
const rowIdsOf = async (trx: Knex, table: string, documentIds: string[], locale: string) => {
  const found = new Map<string, Partial<Record<Version, number>>>();
  if (documentIds.length === 0) return found;
  const rows: Array<{ id: number; document_id: string; published_at: unknown }> = await trx(table)
    .select('id', 'document_id', 'published_at')
    .whereIn('document_id', documentIds)
    .andWhere({ locale });
  for (const row of rows) {
    const versions = found.get(row.document_id) ?? {};
    versions[row.published_at === null ? 'draft' : 'published'] = Number(row.id);
    found.set(row.document_id, versions);
  }
  return found;
};

/**
 * Rows inserted a few hundred a statement (SQLite writes a multi-row insert as a compound SELECT of at
 * most 500 terms; a long story has more body blocks than that), with their ids in row order: a
 * statement takes its ids in row order.
 */
const ROWS_PER_STATEMENT = 200;
const insertRows = async (trx: Knex, table: string, rows: Array<Record<string, unknown>>, returning = false): Promise<number[]> => {
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    if (!returning) {
      await trx(table).insert(chunk);
      continue;
    }
    const returned: Array<{ id: number } | number> = await trx(table).insert(chunk).returning('id');
    ids.push(...returned.map((row) => Number(typeof row === 'object' ? row.id : row)).sort((a, b) => a - b));
  }
  return ids;
};

/** The next inverse order (the position in the target's list) for new links to these targets, as Strapi counts it. */
const nextInverseOrder = async (trx: Knex, join: JoinTable, targets: number[]): Promise<Map<number, number>> => {
  const column = join.inverseOrderColumnName!;
  const rows: Array<{ target: number; max: number | null }> = targets.length === 0 ? [] : await trx(join.name)
    .select({ target: join.inverseJoinColumn.name })
    .max({ max: column })
    .whereIn(join.inverseJoinColumn.name, targets)
    .groupBy(join.inverseJoinColumn.name);
  const max = new Map(rows.map((row) => [Number(row.target), Number(row.max ?? 0)]));
  return new Map(targets.map((target) => [target, (max.get(target) ?? 0) + 1]));
};

/**
 * A new archive story written straight into the article tables, in the caller's transaction: the rows
 * `strapi.documents('api::article.article').create()` (with `status: 'published'`) and our document
 * middlewares would leave — draft and published versions, body components, section and quoted-officials
 * links with Strapi's orders, footers, slug and news code, the search index — with the same validation
 * and errors, at a tenth of the cost (bench/import). The `entry.create`/`entry.publish` events (webhooks)
 * follow the commit as they do for the Document Service. tests/api/import/direct-create.test.ts holds it
 * to the Document Service's result, row for row.
 */
export const createArticleDirectly = async (strapi: Core.Strapi, trx: Knex, { data, locale, publish }: DirectCreate): Promise<string> => {
  const meta = strapi.db.metadata.get(ARTICLE_UID);
  const join = (attribute: string) => (meta.attributes[attribute] as unknown as { joinTable: JoinTable }).joinTable;
  const versions: Version[] = publish ? ['draft', 'published'] : ['draft'];
  const documentId = createId();
  const now = new Date();

  // What the document middlewares do to the data on the way in, in their order: footer, hygiene.
  const { section, ...fields } = data;
  const footer = stripTypedFooter(fields.body, publish);
  const prepared = prepareForSave(strapi, ARTICLE_UID, locale, {
    ...fields,
    body: footer.body,
    reporterCode: footer.reporterCode && !fields.reporterCode ? footer.reporterCode : fields.reporterCode,
  }) as Omit<ArticleData, 'section'>;
  const body = prepared.body as Block[];
  const { slug, newsCode } = await slugService(strapi, 'new-documents').assign(ARTICLE_UID, locale, documentId, prepared as never);

  // Strapi's own validation of the version written (a published one must have its required fields).
  const model = strapi.getModel(ARTICLE_UID);
  await strapi.entityValidator.validateEntityCreation(model, {
    ...prepared,
    slug,
    body: body.map(({ official: _official, ...block }: Block & { official?: unknown }) => block),
    locale,
  } as never, { isDraft: !publish, locale } as never);

  const officialIds = [...new Set(body.flatMap((block) => (block.__component === 'article.quote' && block.official ? [block.official] : [])))];
  const officialRows = await rowIdsOf(trx, strapi.db.metadata.get(OFFICIAL_UID).tableName, officialIds, locale);
  const sectionRows = section ? (await rowIdsOf(trx, strapi.db.metadata.get(SECTION_UID).tableName, [section], locale)).get(section) ?? {} : {};
  const footers = await footersFor(strapi, versions.map((version) => sectionRows[version] ?? null), prepared.reporterCode);
  const publishedOn = prepared.publishedOn ? new Date(prepared.publishedOn) : publish ? now : null;

  const column = (name: string) => (meta.attributes[name] as { columnName?: string }).columnName ?? name;
  const articleIds = await insertRows(trx, meta.tableName, versions.map((version, index) => ({
    [column('documentId')]: documentId,
    [column('title')]: prepared.title,
    [column('slug')]: slug,
    [column('newsCode')]: newsCode,
    [column('kicker')]: prepared.kicker,
    [column('lead')]: prepared.lead,
    [column('author')]: prepared.author,
    [column('reporterCode')]: prepared.reporterCode,
    [column('source')]: prepared.source,
    [column('sourceUrl')]: prepared.sourceUrl,
    [column('publishedOn')]: publishedOn,
    [column('footer')]: footers[index].footer,
    [column('footerLine')]: footers[index].footerLine,
    [column('footerNotes')]: JSON.stringify(footer.footerNotes),
    [column('importKey')]: prepared.importKey,
    [column('createdAt')]: now,
    [column('updatedAt')]: now,
    [column('publishedAt')]: version === 'published' ? now : null,
    [column('locale')]: locale,
  })), true);
  const rowOf = (version: Version) => articleIds[versions.indexOf(version)];

  // The body: each version has components of its own; a quote links the official's row of that version.
  const cmps = join('body');
  const componentIds = new Map<string, number[]>();
  for (const type of new Set(body.map((block) => block.__component))) {
    const ofType = body.filter((block) => block.__component === type);
    const rows = versions.flatMap(() => ofType.map((block) => (block.__component === 'article.quote' ? { text: block.text, role: block.role } : { text: block.text })));
    componentIds.set(type, await insertRows(trx, strapi.db.metadata.get(type).tableName, rows, true));
  }
  const taken = new Map<string, number>();
  const placed = versions.map(() => [] as Array<{ id: number; block: Block }>);
  for (const [index] of versions.entries()) {
    for (const block of body) {
      const at = taken.get(block.__component) ?? 0;
      taken.set(block.__component, at + 1);
      placed[index].push({ id: componentIds.get(block.__component)![at], block });
    }
  }
  if (body.length > 0) {
    await insertRows(trx, cmps.name, versions.flatMap((_version, index) => placed[index].map(({ id, block }, order) => ({
      [cmps.joinColumn.name]: rowOf(versions[index]),
      [cmps.morphColumn!.idColumn.name]: id,
      [cmps.morphColumn!.typeColumn.name]: block.__component,
      field: 'body',
      order: order + 1,
    }))));
  }
  const quoteLink = (strapi.db.metadata.get('article.quote').attributes.official as unknown as { joinTable: JoinTable }).joinTable;
  const quoteLinks = versions.flatMap((version, index) => placed[index].flatMap(({ id, block }) => {
    const official = block.__component === 'article.quote' && block.official ? officialRows.get(block.official)?.[version] : undefined;
    return official ? [{ [quoteLink.joinColumn.name]: id, [quoteLink.inverseJoinColumn.name]: official }] : [];
  }));
  await insertRows(trx, quoteLink.name, quoteLinks);

  // Relations, with the orders Strapi keeps: position in the article's list, and in the target's. A
  // published link takes its draft's place in the section's list (Strapi's publish restores it so).
  const sectionJoin = join('section');
  let draftOrder: number | undefined;
  for (const version of versions) {
    const target = sectionRows[version];
    if (target === undefined) continue;
    const order = version === 'published' && draftOrder !== undefined ? draftOrder : (await nextInverseOrder(trx, sectionJoin, [target])).get(target)!;
    if (version === 'draft') draftOrder = order;
    await trx(sectionJoin.name).insert({
      [sectionJoin.joinColumn.name]: rowOf(version),
      [sectionJoin.inverseJoinColumn.name]: target,
      [sectionJoin.inverseOrderColumnName!]: order,
    });
  }
  const quotedJoin = join('quotedOfficials');
  for (const version of versions) {
    const targets = officialIds.flatMap((id) => (officialRows.get(id)?.[version] !== undefined ? [officialRows.get(id)![version]!] : []));
    if (targets.length === 0) continue;
    const order = await nextInverseOrder(trx, quotedJoin, targets);
    await insertRows(trx, quotedJoin.name, targets.map((target, index) => ({
      [quotedJoin.joinColumn.name]: rowOf(version),
      [quotedJoin.inverseJoinColumn.name]: target,
      [quotedJoin.orderColumnName!]: index + 1,
      [quotedJoin.inverseOrderColumnName!]: order.get(target),
    })));
  }

  if (publish) {
    await getEngine(strapi).append([toIndexed({
      documentId, locale, title: prepared.title, slug, newsCode, kicker: prepared.kicker, lead: prepared.lead,
      publishedOn, section: section ? { documentId: section } : null, body,
    })]);
  }

  await strapi.db.transaction(({ onCommit }) => {
    onCommit(async () => {
      await responseCache(strapi)?.invalidate(`${ARTICLE_UID} import`);
      await emitEntryEvents(strapi, versions.map((version) => [version === 'draft' ? 'entry.create' : 'entry.publish', rowOf(version)]));
    });
  });
  return documentId;
};

const POPULATE = {
  body: { on: { 'article.paragraph': true, 'article.subheading': true, 'article.quote': { populate: { official: true } }, 'article.image': { populate: { image: true } } } },
  section: true,
  quotedOfficials: true,
  cover: true,
  localizations: true,
};

/** The events the Document Service emits after a create and a publish, each with its entry as it sends it (one read for both). */
const emitEntryEvents = async (strapi: Core.Strapi, events: Array<[string, number]>) => {
  const model = strapi.getModel(ARTICLE_UID);
  const entries: Array<{ id: number }> = await strapi.db.query(ARTICLE_UID).findMany({ where: { id: { $in: events.map(([, id]) => id) } }, populate: POPULATE });
  for (const [event, id] of events) {
    const entry = entries.find((candidate) => candidate.id === id)!;
    const sanitized = await sanitize.sanitizers.defaultSanitizeOutput({ schema: model, getModel: (uid: string) => strapi.getModel(uid as never) } as never, entry);
    await strapi.eventHub.emit(event, { model: model.modelName, uid: model.uid, entry: sanitized });
  }
};
