import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import { sanitize } from '@strapi/utils';
import { eventIsHeard } from '../lib/event-audience';
import { isFuture, momentOf } from '../scheduling/core';
import { setSchedule } from '../scheduling/table';
import { ARTICLE_UID, ArticleData, OFFICIAL_UID, SECTION_UID } from './mapping';
import { validateArticle } from './validate-article';

type Knex = Core.Strapi['db']['connection'];
/** persian-slug's `new-documents` service: slugs and news codes for a batch of new documents. */
type NewDocuments = {
  slugBase(uid: string, data: Record<string, unknown>): string | null;
  assignMany(
    uid: string,
    locale: string,
    documents: Array<{ documentId: string; slugBase: string | null }>,
    published: boolean
  ): Promise<Array<{ slug: string | null; newsCode: number | null }>>;
};
/** footer-policy's `articles` service: its save steps for a batch of new rows. */
type FooterService = {
  strip(
    body: ReadonlyArray<Record<string, unknown>>,
    publishing: boolean
  ): { body: Block[]; reporterCode: string | null; footerNotes: unknown };
  resolver(): Promise<
    (sectionRow: number | null, reporterCode: string | null) => Record<string, string | null>
  >;
};
type Version = 'draft' | 'published';
type Block = ArticleData['body'][number];
type JoinTable = {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  morphColumn?: { idColumn: { name: string }; typeColumn: { name: string } };
  on?: { field: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
};

export interface DirectCreate {
  locale: string;
  publish: boolean;
  /** New stories, none of them in the CMS yet. */
  stories: ArticleData[];
}

/** Each story's outcome, in order: its new documentId, or why the CMS refused it (nothing of it written). */
export type Created = { ok: true; documentId: string } | { ok: false; error: unknown };

const onPostgres = (trx: Knex): boolean =>
  (trx.client as { dialect?: string }).dialect === 'postgresql';

/**
 * Rows inserted many a statement, with their ids in row order (a statement takes its ids in row order).
 * SQLite writes a multi-row insert as a compound SELECT of at most 500 terms (a long story has more body
 * blocks than that): 200 rows. PostgreSQL takes up to 65,535 parameters: a batch's components in one
 * statement or a few (an import went from 0.5 to 0.3 statements a story).
 */
const SQLITE_ROWS_PER_STATEMENT = 200;
const POSTGRES_PARAMETERS = 65_535;
const POSTGRES_ROWS_PER_STATEMENT = 5000;
const rowsPerStatement = (trx: Knex, columns: number): number =>
  onPostgres(trx)
    ? Math.min(POSTGRES_ROWS_PER_STATEMENT, Math.floor(POSTGRES_PARAMETERS / Math.max(1, columns)))
    : SQLITE_ROWS_PER_STATEMENT;

const insertRows = async (
  trx: Knex,
  table: string,
  rows: Array<Record<string, unknown>>,
  returning = false
): Promise<number[]> => {
  if (rows.length === 0) return [];
  const columns = new Set<string>();
  for (const row of rows) for (const key in row) columns.add(key);
  const chunkSize = rowsPerStatement(trx, columns.size);
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    if (!returning) {
      await trx(table).insert(chunk);
      continue;
    }
    const returned: Array<{ id: number } | number> = await trx(table).insert(chunk).returning('id');
    ids.push(
      ...returned.map((row) => Number(typeof row === 'object' ? row.id : row)).sort((a, b) => a - b)
    );
  }
  return ids;
};

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
 * The inverse order (the position in the target's list) of new links, as Strapi counts it: one after
 * the target's last. Each call takes the next place of that target. Asked a target at a time (one
 * statement for all): a target's greatest order is then the end of a range of the link-order index
 * (src/bootstrap/link-order-indexes.ts), where a maximum grouped over all the targets' links read every
 * link of the section or official, an import slowing as its archive grew. On PostgreSQL the targets are
 * locked first (in one order, to the commit), so that two batches written at once do not both take a
 * target's next place.
 */
const TARGETS_PER_STATEMENT = 100;
const inverseOrders = async (trx: Knex, join: JoinTable, targets: number[]) => {
  const unique = [...new Set(targets)];
  if (onPostgres(trx) && unique.length > 0) {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(key)) FROM unnest(?::text[]) AS key', [
      unique.map((target) => `${join.name} ${target}`).sort(),
    ]);
  }
  const last = new Map<number, number>();
  for (let start = 0; start < unique.length; start += TARGETS_PER_STATEMENT) {
    const chunk = unique.slice(start, start + TARGETS_PER_STATEMENT);
    const column = join.inverseJoinColumn.name;
    const order = join.inverseOrderColumnName!;
    const result = await trx.raw(
      chunk
        .map(
          () => 'SELECT CAST(? AS INTEGER) AS target, (SELECT MAX(??) FROM ?? WHERE ?? = ?) AS max'
        )
        .join(' UNION ALL '),
      chunk.flatMap((target) => [target, order, join.name, column, target])
    );
    // PostgreSQL answers { rows }, SQLite the rows.
    const rows = (Array.isArray(result) ? result : result.rows) as Array<{
      target: number;
      max: number | null;
    }>;
    for (const row of rows) last.set(Number(row.target), Number(row.max ?? 0));
  }
  return (target: number) => {
    const next = (last.get(target) ?? 0) + 1;
    last.set(target, next);
    return next;
  };
};

interface Ready {
  documentId: string;
  fields: Omit<ArticleData, 'section'>;
  body: Block[];
  section: string | null;
  footerNotes: unknown;
  slugBase: string | null;
}

/**
 * New archive stories written straight into the article tables, in the caller's transaction: the rows
 * `strapi.documents('api::article.article').create()` (with `status: 'published'`) and our save pipeline
 * would leave for each — draft and published versions, body components, section and quoted-officials
 * links with Strapi's orders, footers per version, slug and news code, the search index — a table at a
 * time for the whole batch, through the services the plugins offer for batches (no file of theirs is
 * imported). A story the CMS refuses gets Strapi's own validation error and nothing of it is written.
 * After the commit the response cache is invalidated and the `entry.create`/`entry.publish` events
 * are emitted to whatever listens (webhooks, the hub's subscribers), as the Document Service does.
 * tests/api/importer/direct-create.test.ts holds it to the Document Service's result, row for row.
 */
export const createArticlesDirectly = async (
  strapi: Core.Strapi,
  trx: Knex,
  { locale, publish, stories }: DirectCreate
): Promise<Created[]> => {
  // A publish whose publishedOn is still to come is a draft plus a schedule row, as the save step
  // article.scheduling makes it: the scheduler publishes it at that time (nothing of it is public before).
  const now = Date.now();
  const later = publish
    ? stories.map((story) => isFuture(story.publishedOn, now))
    : stories.map(() => false);
  if (!later.includes(true)) return writeArticles(strapi, trx, { locale, publish, stories });
  const pick = (scheduled: boolean) =>
    stories.flatMap((story, at) => (later[at] === scheduled ? [{ story, at }] : []));
  const results: Created[] = [];
  for (const [scheduled, group] of [
    [false, pick(false)],
    [true, pick(true)],
  ] as const) {
    if (group.length === 0) continue;
    const outcomes = await writeArticles(strapi, trx, {
      locale,
      publish: !scheduled,
      stories: group.map(({ story }) => story),
    });
    for (const [index, outcome] of outcomes.entries()) {
      results[group[index].at] = outcome;
      if (scheduled && outcome.ok) {
        await setSchedule(strapi, {
          documentId: outcome.documentId,
          locale,
          action: 'publish',
          dueAt: momentOf(group[index].story.publishedOn)!,
        });
      }
    }
  }
  return results;
};

const writeArticles = async (
  strapi: Core.Strapi,
  trx: Knex,
  { locale, publish, stories }: DirectCreate
): Promise<Created[]> => {
  const meta = strapi.db.metadata.get(ARTICLE_UID);
  const join = (attribute: string) =>
    (meta.attributes[attribute] as unknown as { joinTable: JoinTable }).joinTable;
  const column = (name: string) =>
    (meta.attributes[name] as { columnName?: string }).columnName ?? name;
  const versions: Version[] = publish ? ['draft', 'published'] : ['draft'];
  const identities = strapi.plugin('persian-slug').service('new-documents') as NewDocuments;
  const footers = strapi.plugin('footer-policy').service('articles') as FooterService;
  const text = strapi.plugin('persian-text').service('hygiene') as {
    prepare(uid: string, locale: string, data: Record<string, unknown>): Record<string, unknown>;
  };
  const now = new Date();

  // The save pipeline's before steps on the data, in its order (footer, hygiene, slug; src/save-pipeline.ts),
  // and Strapi's validation of the version written: a refused story is left out, alone.
  const results: Created[] = [];
  const ready: Array<Ready & { at: number }> = [];
  for (const [at, story] of stories.entries()) {
    try {
      const { section, ...fields } = story;
      const footer = footers.strip(fields.body, publish);
      const prepared = text.prepare(ARTICLE_UID, locale, {
        ...fields,
        body: footer.body,
        reporterCode:
          footer.reporterCode && !fields.reporterCode ? footer.reporterCode : fields.reporterCode,
      }) as Omit<ArticleData, 'section'>;
      const slugBase = identities.slugBase(ARTICLE_UID, prepared as never);
      await validateArticle(strapi, prepared, { locale, publish });
      ready.push({
        at,
        documentId: createId(),
        fields: prepared,
        body: prepared.body as Block[],
        section: section ?? null,
        footerNotes: footer.footerNotes,
        slugBase,
      });
    } catch (error) {
      results[at] = { ok: false, error };
    }
  }
  if (ready.length === 0) return results;

  const assigned = await identities.assignMany(
    ARTICLE_UID,
    locale,
    ready.map(({ documentId, slugBase }) => ({ documentId, slugBase })),
    publish
  );
  const quotedIn = (item: Ready) => [
    ...new Set(
      item.body.flatMap((block) =>
        block.__component === 'article.quote' && block.official ? [block.official] : []
      )
    ),
  ];
  const officialRows = await rowIdsOf(
    trx,
    strapi.db.metadata.get(OFFICIAL_UID).tableName,
    [...new Set(ready.flatMap(quotedIn))],
    locale
  );
  const sectionRows = await rowIdsOf(
    trx,
    strapi.db.metadata.get(SECTION_UID).tableName,
    [...new Set(ready.flatMap((item) => (item.section ? [item.section] : [])))],
    locale
  );
  const footerOf = await footers.resolver();

  // Articles: each story's versions, in story order.
  const rows = ready.flatMap((item, index) =>
    versions.map((version) => {
      const { fields } = item;
      const sectionRow = item.section ? (sectionRows.get(item.section)?.[version] ?? null) : null;
      return {
        [column('documentId')]: item.documentId,
        [column('title')]: fields.title,
        [column('slug')]: assigned[index].slug,
        [column('newsCode')]: assigned[index].newsCode,
        [column('kicker')]: fields.kicker,
        [column('lead')]: fields.lead,
        [column('author')]: fields.author,
        [column('reporterCode')]: fields.reporterCode,
        [column('source')]: fields.source,
        [column('sourceUrl')]: fields.sourceUrl,
        // Left empty by the editor, the editorial date is the first publication (the article.published-on save step).
        [column('publishedOn')]: fields.publishedOn
          ? new Date(fields.publishedOn)
          : publish
            ? now
            : null,
        ...Object.fromEntries(
          Object.entries(footerOf(sectionRow, fields.reporterCode)).map(([field, value]) => [
            column(field),
            value,
          ])
        ),
        [column('footerNotes')]: JSON.stringify(item.footerNotes),
        [column('importKey')]: fields.importKey,
        [column('createdAt')]: now,
        [column('updatedAt')]: now,
        [column('publishedAt')]: version === 'published' ? now : null,
        [column('locale')]: locale,
      };
    })
  );
  const articleIds = await insertRows(trx, meta.tableName, rows, true);
  const rowOf = (index: number, version: Version) =>
    articleIds[index * versions.length + versions.indexOf(version)];

  // Body components: each version has its own; a table at a time, in story, version and body order.
  const placements = ready.flatMap((item, index) =>
    versions.flatMap((version) =>
      item.body.map((block, order) => ({ index, version, block, order }))
    )
  );
  const componentIds = new Map<(typeof placements)[number], number>();
  for (const type of new Set(placements.map(({ block }) => block.__component))) {
    const ofType = placements.filter(({ block }) => block.__component === type);
    const ids = await insertRows(
      trx,
      strapi.db.metadata.get(type).tableName,
      ofType.map(({ block }) =>
        block.__component === 'article.quote'
          ? { text: block.text, role: block.role }
          : { text: block.text }
      ),
      true
    );
    ofType.forEach((placement, at) => componentIds.set(placement, ids[at]));
  }
  const cmps = join('body');
  await insertRows(
    trx,
    cmps.name,
    placements.map((placement) => ({
      [cmps.joinColumn.name]: rowOf(placement.index, placement.version),
      [cmps.morphColumn!.idColumn.name]: componentIds.get(placement),
      [cmps.morphColumn!.typeColumn.name]: placement.block.__component,
      field: cmps.on?.field ?? 'body',
      order: placement.order + 1,
    }))
  );
  // A quote links the official's row of its own version (none when that version does not exist).
  const quoteLink = (
    strapi.db.metadata.get('article.quote').attributes.official as unknown as {
      joinTable: JoinTable;
    }
  ).joinTable;
  await insertRows(
    trx,
    quoteLink.name,
    placements.flatMap((placement) => {
      const { block, version } = placement;
      const official =
        block.__component === 'article.quote' && block.official
          ? officialRows.get(block.official)?.[version]
          : undefined;
      return official === undefined
        ? []
        : [
            {
              [quoteLink.joinColumn.name]: componentIds.get(placement),
              [quoteLink.inverseJoinColumn.name]: official,
            },
          ];
    })
  );

  // The section: a published link takes its draft's place in the section's list (Strapi's publish keeps it).
  const sectionJoin = join('section');
  const sectionTarget = (item: Ready, version: Version) =>
    item.section ? sectionRows.get(item.section)?.[version] : undefined;
  const nextInSection = await inverseOrders(
    trx,
    sectionJoin,
    ready.flatMap((item) => versions.flatMap((version) => sectionTarget(item, version) ?? []))
  );
  await insertRows(
    trx,
    sectionJoin.name,
    ready.flatMap((item, index) => {
      let draftPlace: number | undefined;
      return versions.flatMap((version) => {
        const target = sectionTarget(item, version);
        if (target === undefined) return [];
        const place =
          version === 'published' && draftPlace !== undefined ? draftPlace : nextInSection(target);
        if (version === 'draft') draftPlace = place;
        return [
          {
            [sectionJoin.joinColumn.name]: rowOf(index, version),
            [sectionJoin.inverseJoinColumn.name]: target,
            [sectionJoin.inverseOrderColumnName!]: place,
          },
        ];
      });
    })
  );
  // Quoted officials: those of the quotes, in body order, each row with the officials of its version.
  const quotedJoin = join('quotedOfficials');
  const quotedTargets = ready.map((item) =>
    versions.map((version) => quotedIn(item).flatMap((id) => officialRows.get(id)?.[version] ?? []))
  );
  const nextForOfficial = await inverseOrders(trx, quotedJoin, quotedTargets.flat(2));
  await insertRows(
    trx,
    quotedJoin.name,
    ready.flatMap((_item, index) =>
      versions.flatMap((version, v) =>
        quotedTargets[index][v].map((target, order) => ({
          [quotedJoin.joinColumn.name]: rowOf(index, version),
          [quotedJoin.inverseJoinColumn.name]: target,
          [quotedJoin.orderColumnName!]: order + 1,
          [quotedJoin.inverseOrderColumnName!]: nextForOfficial(target),
        }))
      )
    )
  );

  if (publish) {
    await (
      strapi.plugin('persian-text').service('index') as { append(rows: unknown[]): Promise<void> }
    ).append(
      ready.map((item, index) => ({
        documentId: item.documentId,
        locale,
        title: item.fields.title,
        slug: assigned[index].slug,
        newsCode: assigned[index].newsCode,
        kicker: item.fields.kicker,
        lead: item.fields.lead,
        publishedOn: rows[index * versions.length][column('publishedOn')] as Date | null,
        section: item.section ? { documentId: item.section } : null,
        body: item.body,
      }))
    );
  }

  // The events' entries are read and sanitized now, in the transaction the caller awaits: Strapi runs
  // commit callbacks without awaiting them, so work left to one would outlive the import (and its app).
  // Only the events something will receive (src/lib/event-audience.ts): the read-back is costly.
  const events = await entryEvents(
    strapi,
    ready.flatMap((_item, index) =>
      versions.flatMap((version): Array<[string, number]> => {
        const event = version === 'draft' ? 'entry.create' : 'entry.publish';
        return eventIsHeard(strapi, event) ? [[event, rowOf(index, version)]] : [];
      })
    )
  );
  await strapi.db.transaction(({ onCommit }) => {
    onCommit(() => {
      const cache = strapi.plugin('response-cache')?.service('cache') as
        | { invalidate(reason: string): Promise<void> }
        | undefined;
      Promise.all([
        cache?.invalidate(`${ARTICLE_UID} import`),
        ...events.map(({ event, payload }) => strapi.eventHub.emit(event, payload)),
      ]).catch((error: Error) =>
        strapi.log.warn(`Import: after-commit work failed: ${error.message}`)
      );
    });
  });
  for (const item of ready) results[item.at] = { ok: true, documentId: item.documentId };
  return results;
};

const POPULATE = {
  body: {
    on: {
      'article.paragraph': true,
      'article.subheading': true,
      'article.quote': { populate: { official: true } },
      'article.image': { populate: { image: true } },
    },
  },
  section: true,
  quotedOfficials: true,
  cover: true,
  localizations: true,
};

/** The events the Document Service emits after a create and a publish, each with its entry as it sends it (one read for all). */
const entryEvents = async (strapi: Core.Strapi, events: Array<[string, number]>) => {
  if (events.length === 0) return [];
  const model = strapi.getModel(ARTICLE_UID);
  const entries: Array<{ id: number }> = await strapi.db
    .query(ARTICLE_UID)
    .findMany({ where: { id: { $in: events.map(([, id]) => id) } }, populate: POPULATE });
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const payloads: Array<{
    event: string;
    payload: { model: string; uid: string; entry: unknown };
  }> = [];
  for (const [event, id] of events) {
    const sanitized = await sanitize.sanitizers.defaultSanitizeOutput(
      { schema: model, getModel: (uid: string) => strapi.getModel(uid as never) } as never,
      byId.get(id)!
    );
    payloads.push({ event, payload: { model: model.modelName, uid: model.uid, entry: sanitized } });
  }
  return payloads;
};
