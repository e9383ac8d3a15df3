import type { Core } from '@strapi/strapi';
import { contentHash, MAX_IMPORT_BYTES } from './core';
import type { KnownOfficial, ParsedStory } from './core';
import { tooLarge } from './core/errors';
import {
  ARTICLE_UID,
  ArticleData,
  articleData,
  comparable,
  OFFICIAL_UID,
  SECTION_UID,
  STORED_FIELDS,
  STORED_POPULATE,
} from './mapping';
import { isTransientDatabaseError } from '../lib/transient-database-error';
import { createArticlesDirectly } from './direct-create';
import { isFuture, momentOf } from '../scheduling/core';
import { schedulesOf } from '../scheduling/table';
import { parseInWorker } from './parse-pool';
import { importOptionsSchema } from './options';
import type { ImportOptions, ImportOptionsInput } from './options';
import {
  DocumentError,
  DryRunDocument,
  emptySummary,
  FailedDocument,
  ImportAction,
  ImportedDocument,
  ImportSummary,
  reportedArticle,
} from './report';

/** One file handed to the importer: its bytes, or why they could not be read. */
export interface ImportInput {
  /** How the report names it: a path for the command line, the given name for the API. */
  name: string;
  bytes?: Uint8Array;
  /** The size when the bytes were not read because the file is over the limit. */
  size?: number;
  readError?: string;
}

/** A problem with the run itself (not one document): unknown locale or section. */
/** Options the database refutes: malformed, or naming a locale or section it does not have. */
export const IMPORT_SETUP_ERROR_CODES = [
  'BAD_OPTIONS',
  'UNKNOWN_LOCALE',
  'UNKNOWN_SECTION',
] as const;

export class ImportSetupError extends Error {
  readonly code: (typeof IMPORT_SETUP_ERROR_CODES)[number];

  constructor(code: (typeof IMPORT_SETUP_ERROR_CODES)[number], message: string) {
    super(message);
    this.name = 'ImportSetupError';
    this.code = code;
  }
}

export interface ImporterHooks {
  /** For tests: runs inside a document's transaction after its article was written. */
  afterWrite?(info: {
    file: string;
    documentId: string;
    action: ImportAction;
  }): Promise<void> | void;
  /** The database could not be reached while writing `file`; it is tried again after `waitMs`. */
  onDatabaseUnavailable?(info: { file: string; error: unknown; waitMs: number }): void;
}

/**
 * A restarting or failing-over database must not fail the rest of an archive in the seconds it is away:
 * a document whose write met such an error (rolled back whole) is written again, waiting 0.25 s, 0.5 s,
 * 1 s … up to 5 s between tries, for at most a minute, before it is reported as failed.
 */
const RETRY_FIRST_WAIT_MS = 250;
const RETRY_MAX_WAIT_MS = 5000;
const RETRY_GIVE_UP_MS = 60_000;

interface Official extends KnownOfficial {
  documentId: string;
}

interface Existing {
  documentId: string;
  /** An article without import key that holds the same story (created by hand or by the demo seed). */
  adopted: boolean;
}

/** The idempotency key of a story: the core's normalised content hash of title, lead and publishedOn. */
export const importKeyOf = (story: Pick<ParsedStory, 'title' | 'lead' | 'publishedOn'>): string =>
  contentHash(story);

const asStrings = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '')
    : [];

const instant = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value as string);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

const failed = (file: string, error: DocumentError): FailedDocument => ({ file, ok: false, error });

/** A file read by the core, or why it cannot be imported. */
type Knex = Core.Strapi['db']['connection'];

/** A new story of a batch: created, or refused by the CMS (at: its place among the batch's inputs). */
type BatchOutcome = { at: number; documentId: string } | { at: number; error: unknown };

export type Parsed =
  | { ok: true; article: ParsedStory; warnings: string[] }
  | { ok: false; error: DocumentError };

/** A batch's files as parsed (`parseFiles`), in input order. */
export type ParsedFiles = Promise<Parsed[]>;

/** A write failure as a per-document error: the CMS's validation errors name the field. */
const writeError = (error: unknown): DocumentError => {
  const caught = error as {
    name?: string;
    message?: string;
    details?: { errors?: Array<{ path?: unknown[]; message?: string }> };
  };
  if (caught?.name === 'ValidationError') {
    const details = (caught.details?.errors ?? [])
      .map((detail) => `${(detail.path ?? []).join('.')}: ${detail.message ?? ''}`.trim())
      .filter((detail) => detail !== ':');
    return {
      code: 'INVALID_ARTICLE',
      message: `The CMS refused the article: ${caught.message ?? 'validation failed'}${details.length > 0 ? ` (${details.join('; ')})` : ''}`,
      messageFa: 'سامانه این خبر را نپذیرفت (مثلاً لید یا تیتر بلندتر از حد مجاز است).',
      line: null,
    };
  }
  return {
    code: 'WRITE_ERROR',
    message: `Writing the article failed, nothing of it was kept: ${caught?.message ?? String(error)}`,
    messageFa: 'نوشتن این خبر ناموفق بود و چیزی از آن ذخیره نشد.',
    line: null,
  };
};

/**
 * The Strapi side of the archive importer: parses files with the pure core (src/importer/core), matches
 * quoted people against the locale's officials, and writes each story as one Article in a transaction
 * of its own, keyed on its content hash so a re-import updates or skips it and never duplicates it.
 *
 * Open one per run (`ArchiveImporter.open`), then `dryRun(input)` per file, or `importFiles(inputs)` a batch
 * at a time (`importFile(input)` for one).
 */
export class ArchiveImporter {
  readonly options: ImportOptions & { locale: string };

  readonly summary: ImportSummary = emptySummary();

  private readonly strapi: Core.Strapi;

  private readonly hooks: ImporterHooks;

  private sectionId: string | null = null;

  private officials: Official[] = [];

  private officialIds = new Map<string, string>();

  private constructor(
    strapi: Core.Strapi,
    options: ImportOptions & { locale: string },
    hooks: ImporterHooks
  ) {
    this.strapi = strapi;
    this.options = options;
    this.hooks = hooks;
  }

  /** Checks the options against the database (locale, section) and loads the locale's officials. */
  static async open(
    strapi: Core.Strapi,
    input: ImportOptionsInput,
    hooks: ImporterHooks = {}
  ): Promise<ArchiveImporter> {
    const parsed = importOptionsSchema.safeParse(input);
    if (!parsed.success) {
      throw new ImportSetupError(
        'BAD_OPTIONS',
        parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
      );
    }
    const locales = strapi.plugin('i18n').service('locales');
    const locale = parsed.data.locale ?? ((await locales.getDefaultLocale()) as string);
    if (!(await locales.findByCode(locale))) {
      const known = ((await locales.find()) as Array<{ code: string }>).map((entry) => entry.code);
      throw new ImportSetupError(
        'UNKNOWN_LOCALE',
        `Unknown locale "${locale}"; the CMS has: ${known.join(', ')}`
      );
    }
    const importer = new ArchiveImporter(strapi, { ...parsed.data, locale }, hooks);
    if (parsed.data.section) importer.sectionId = await importer.findSection(parsed.data.section);
    await importer.loadOfficials();
    return importer;
  }

  private async findSection(slug: string): Promise<string> {
    const { locale } = this.options;
    const row = await this.strapi.db
      .query(SECTION_UID)
      .findOne({ where: { slug, locale }, select: ['documentId'] });
    if (row) return row.documentId as string;
    const all = await this.strapi.db
      .query(SECTION_UID)
      .findMany({ where: { locale, publishedAt: null }, select: ['slug'] });
    throw new ImportSetupError(
      'UNKNOWN_SECTION',
      `No section with slug "${slug}" in locale "${locale}"; known: ${all.map((section: { slug: string }) => section.slug).join(', ') || 'none'}`
    );
  }

  /** The locale's officials (their drafts: every document has one) with full names, aliases and roles. */
  private async loadOfficials(): Promise<void> {
    const rows = await this.strapi.db.query(OFFICIAL_UID).findMany({
      where: { locale: this.options.locale, publishedAt: null },
      select: ['documentId', 'fullName', 'aliases', 'role'],
      orderBy: { id: 'asc' },
    });
    this.officials = [];
    this.officialIds = new Map();
    for (const row of rows as Array<Record<string, unknown>>) {
      if (typeof row.fullName !== 'string' || row.fullName.trim() === '') continue;
      this.remember({
        documentId: row.documentId as string,
        fullName: row.fullName,
        aliases: asStrings(row.aliases),
        ...(typeof row.role === 'string' && row.role.trim() !== '' ? { role: row.role } : {}),
      });
    }
  }

  private remember(official: Official): void {
    this.officials.push(official);
    if (!this.officialIds.has(official.fullName))
      this.officialIds.set(official.fullName, official.documentId);
  }

  /** Why a file cannot be parsed at all (unread, or over the limit), or null when its bytes are there. */
  private static unreadable(input: ImportInput): Parsed | null {
    if (input.readError !== undefined) {
      return {
        ok: false,
        error: {
          code: 'READ_ERROR',
          message: `The file could not be read: ${input.readError}`,
          messageFa: 'پرونده خوانده نشد.',
          line: null,
        },
      };
    }
    if (input.bytes === undefined) {
      const error = tooLarge(input.size ?? 0, MAX_IMPORT_BYTES);
      return {
        ok: false,
        error: {
          code: error.code,
          message: error.message,
          messageFa: error.messageFa,
          line: error.line,
        },
      };
    }
    return null;
  }

  private async parse(
    input: ImportInput,
    officials: ReadonlyArray<KnownOfficial> = this.officials
  ): Promise<Parsed> {
    return (
      ArchiveImporter.unreadable(input) ??
      parseInWorker([input.bytes!], officials).then(([one]) => one)
    );
  }

  /** Parses one file and reports it; nothing is written. */
  async dryRun(input: ImportInput): Promise<DryRunDocument> {
    const result = await this.parse(input);
    if (!result.ok) {
      this.summary.failed += 1;
      return failed(input.name, result.error);
    }
    return {
      file: input.name,
      ok: true,
      article: reportedArticle(result.article),
      warnings: result.warnings,
    };
  }

  /**
   * Imports a batch of files, as `importFile` would one by one, in a fraction of the time: the new stories
   * of the batch are written together, a table at a time, in one transaction (each story whole or not at
   * all: a story the CMS refuses is left out alone, and any other failure sends every story of the batch
   * through `importFile` instead). Stories already in the CMS, repeated within the batch, or needing new
   * officials also go through `importFile`. Reports come back in input order.
   */
  async importFiles(
    inputs: ReadonlyArray<ImportInput>,
    parsed: ParsedFiles = this.parseFiles(inputs)
  ): Promise<ImportedDocument[]> {
    const reports: Array<ImportedDocument | undefined> = new Array(inputs.length);
    const fresh: Array<{ at: number; story: ParsedStory; warnings: string[]; importKey: string }> =
      [];
    const read: Array<Extract<Parsed, { ok: true }> | undefined> = new Array(inputs.length);
    const keys = new Set<string>();
    const parsedAll = await parsed;
    for (const [at, input] of inputs.entries()) {
      const parsed = parsedAll[at];
      if (!parsed.ok) {
        this.summary.failed += 1;
        reports[at] = failed(input.name, parsed.error);
        continue;
      }
      read[at] = parsed;
      const importKey = importKeyOf(parsed.article);
      const needsOfficials =
        this.options.createOfficials &&
        parsed.article.officials.some((official) => !official.matched);
      if (keys.has(importKey) || needsOfficials) continue;
      keys.add(importKey);
      fresh.push({ at, story: parsed.article, warnings: parsed.warnings, importKey });
    }

    let created: BatchOutcome[] = [];
    try {
      if (fresh.length > 0)
        created = await this.retryingWhileUnreachable(
          inputs[fresh[0]?.at ?? 0]?.name ?? 'batch',
          () =>
            this.strapi.db.transaction(async ({ trx }) => {
              await this.lockKeys(
                trx as unknown as Knex,
                fresh.map((item) => item.importKey)
              );
              const existing = await this.findExisting(fresh.map((item) => item.story));
              const batch = fresh.filter((item) => !existing.has(item.importKey));
              const outcomes = await createArticlesDirectly(this.strapi, trx as unknown as Knex, {
                locale: this.options.locale,
                publish: this.options.publish,
                stories: batch.map((item) =>
                  articleData(item.story, this.officialIds, item.importKey, this.sectionId)
                ),
              });
              const done = outcomes.map(
                (outcome, index): BatchOutcome =>
                  outcome.ok
                    ? { at: batch[index].at, documentId: outcome.documentId }
                    : { at: batch[index].at, error: outcome.error }
              );
              for (const outcome of done) {
                if ('documentId' in outcome)
                  await this.hooks.afterWrite?.({
                    file: inputs[outcome.at].name,
                    documentId: outcome.documentId,
                    action: 'created',
                  });
              }
              return done;
            })
        );
    } catch {
      created = [];
    }
    const freshAt = new Map(fresh.map((item) => [item.at, item]));
    for (const outcome of created) {
      const item = freshAt.get(outcome.at)!;
      const { name } = inputs[outcome.at];
      if ('error' in outcome) {
        this.summary.failed += 1;
        reports[outcome.at] = failed(name, writeError(outcome.error));
      } else {
        this.summary.imported += 1;
        reports[outcome.at] = {
          file: name,
          ok: true,
          action: 'created',
          documentId: outcome.documentId,
          title: item.story.title,
          warnings: item.warnings,
          createdOfficials: [],
        };
      }
    }
    for (const [at, input] of inputs.entries()) {
      if (!reports[at]) reports[at] = await this.importParsed(input, read[at]!);
    }
    return reports as ImportedDocument[];
  }

  /**
   * Starts parsing a batch for `importFiles`, handed to the parse worker all at once (one file at a time,
   * the worker waited for each hand-over and this thread for each answer). The command line parses the
   * next batch while this one is written; not when officials are created, which the next batch's parse
   * must know.
   */
  async parseFiles(inputs: ReadonlyArray<ImportInput>): ParsedFiles {
    const results = inputs.map((input) => ArchiveImporter.unreadable(input));
    const readable = inputs.filter((_, at) => results[at] === null);
    const parsed =
      readable.length === 0
        ? []
        : await parseInWorker(
            readable.map((input) => input.bytes!),
            this.officials
          );
    const inOrder = parsed.values();
    return results.map((result) => result ?? (inOrder.next().value as Parsed));
  }

  /** Whether a batch may be parsed before the one before it is written (`parseFiles`). */
  get parsesAhead(): boolean {
    return !this.options.createOfficials && !this.options.dryRun;
  }

  /**
   * How many batches the command line writes at once, each in its own transaction. On PostgreSQL two:
   * this thread builds one batch's statements while the database runs the other's (written one at a
   * time, each waited for the other). A story in both batches waits on its import key's lock for the
   * first to commit and is then found; a slug both want waits for the first's commit and is taken again.
   * SQLite has one writer.
   */
  get batchesAtOnce(): number {
    return this.parsesAhead && this.strapi.db.dialect.client === 'postgres' ? 2 : 1;
  }

  /** On PostgreSQL, two runs importing the same stories at once wait for each other instead of both creating them. */
  private async lockKeys(trx: Knex, importKeys: string[]): Promise<void> {
    if (this.strapi.db.dialect.client !== 'postgres') return;
    // In one order, so two runs locking overlapping batches cannot deadlock: unnest gives the sorted
    // array's elements in order. One statement for the batch (one a key was a round trip a story).
    await trx.raw('select pg_advisory_xact_lock(hashtext(key)) from unnest(?::text[]) as key', [
      [...importKeys].sort().map((key) => `pishkhan-import:${this.options.locale}:${key}`),
    ]);
  }

  /**
   * Imports one file: parse, then in one transaction create the unknown officials (when asked), find the
   * story by its import key and create, update or skip it. Any failure rolls the whole document back and
   * is reported; the importer stays usable for the next file.
   */
  async importFile(input: ImportInput): Promise<ImportedDocument> {
    const parsed = await this.parse(input);
    if (!parsed.ok) {
      this.summary.failed += 1;
      return failed(input.name, parsed.error);
    }
    return this.importParsed(input, parsed);
  }

  private async importParsed(
    input: ImportInput,
    parsed: Extract<Parsed, { ok: true }>
  ): Promise<ImportedDocument> {
    const importKey = importKeyOf(parsed.article);
    let created: Official[] = [];
    const write = () => {
      created = [];
      return this.strapi.db.transaction(async ({ trx }) => {
        if (this.strapi.db.dialect.client === 'postgres') {
          // Two runs importing the same story at once wait for each other instead of both creating it.
          await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [
            `pishkhan-import:${this.options.locale}:${importKey}`,
          ]);
        }
        let story = parsed.article;
        if (this.options.createOfficials)
          story = await this.createCandidates(input, story, created);
        const ids = new Map(this.officialIds);
        for (const official of created)
          if (!ids.has(official.fullName)) ids.set(official.fullName, official.documentId);
        const data = articleData(story, ids, importKey, this.sectionId);
        const existing = (await this.findExisting([story])).get(importKey) ?? null;
        const result = existing
          ? await this.updateExisting(existing, data)
          : await this.create(trx as unknown as Knex, data);
        await this.hooks.afterWrite?.({
          file: input.name,
          documentId: result.documentId,
          action: result.action,
        });
        return { ...result, story };
      });
    };
    try {
      const outcome = await this.retryingWhileUnreachable(input.name, write);
      // Known to the next documents only once committed.
      for (const official of created) this.remember(official);
      this.summary[outcome.action === 'created' ? 'imported' : outcome.action] += 1;
      return {
        file: input.name,
        ok: true,
        action: outcome.action,
        documentId: outcome.documentId,
        title: outcome.story.title,
        warnings: [
          ...parsed.warnings,
          ...created.map((official) => `Created official: ${official.fullName}`),
        ],
        createdOfficials: created.map((official) => official.fullName),
      };
    } catch (error) {
      this.summary.failed += 1;
      return failed(input.name, writeError(error));
    }
  }

  private async retryingWhileUnreachable<T>(file: string, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    for (let waitMs = RETRY_FIRST_WAIT_MS; ; waitMs = Math.min(waitMs * 2, RETRY_MAX_WAIT_MS)) {
      try {
        return await work();
      } catch (error) {
        if (!isTransientDatabaseError(error) || Date.now() - started + waitMs > RETRY_GIVE_UP_MS)
          throw error;
        this.hooks.onDatabaseUnavailable?.({ file, error, waitMs });
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
  }

  /** Unknown people of the story become officials (in the run's locale and status), and the story is read again to link their quotes. */
  private async createCandidates(
    input: ImportInput,
    story: ParsedStory,
    created: Official[]
  ): Promise<ParsedStory> {
    const candidates = story.officials.filter((official) => !official.matched);
    if (candidates.length === 0) return story;
    for (const candidate of candidates) {
      const document = await this.strapi.documents(OFFICIAL_UID).create({
        locale: this.options.locale,
        ...(this.options.publish ? { status: 'published' as const } : {}),
        data: {
          fullName: candidate.fullName,
          ...(candidate.role ? { role: candidate.role } : {}),
          ...(candidate.aliases ? { aliases: candidate.aliases } : {}),
        } as never,
      });
      created.push({
        documentId: document.documentId,
        fullName: candidate.fullName,
        aliases: candidate.aliases ?? [],
        ...(candidate.role ? { role: candidate.role } : {}),
      });
    }
    const reparsed = await this.parse(input, [...this.officials, ...created]);
    if (!reparsed.ok)
      throw new Error(
        `the story could not be read again after creating officials: ${reparsed.error.message}`
      );
    return reparsed.article;
  }

  /**
   * The articles holding these stories in the run's locale, by import key: the one with the key, else one
   * without a key whose own title, lead and publishedOn hash to it (the demo seed's article, anything typed
   * by hand) — found among the articles of the same dates (indexed), or of the same titles when undated.
   */
  private async findExisting(stories: ParsedStory[]): Promise<Map<string, Existing>> {
    const { locale } = this.options;
    const found = new Map<string, Existing>();
    if (stories.length === 0) return found;
    const keyed: Array<{ documentId: string; importKey: string }> = await this.strapi.db
      .query(ARTICLE_UID)
      .findMany({
        where: { importKey: { $in: stories.map(importKeyOf) }, locale, publishedAt: null },
        select: ['documentId', 'importKey'],
      });
    for (const row of keyed)
      found.set(row.importKey, { documentId: row.documentId, adopted: false });
    const rest = stories.filter((story) => !found.has(importKeyOf(story)));
    if (rest.length === 0) return found;
    const dates = rest.flatMap((story) => (story.publishedOn ? [story.publishedOn] : []));
    const titles = rest.flatMap((story) => (story.publishedOn ? [] : [story.title]));
    const unkeyed = (await this.strapi.db.query(ARTICLE_UID).findMany({
      where: {
        locale,
        publishedAt: null,
        importKey: { $null: true },
        $or: [
          ...(dates.length > 0 ? [{ publishedOn: { $in: dates } }] : []),
          ...(titles.length > 0 ? [{ publishedOn: { $null: true }, title: { $in: titles } }] : []),
        ],
      },
      select: ['documentId', 'title', 'lead', 'publishedOn'],
    })) as Array<{
      documentId: string;
      title: string | null;
      lead: string | null;
      publishedOn: unknown;
    }>;
    for (const row of unkeyed) {
      if (!row.title || !row.lead) continue;
      const key = importKeyOf({
        title: row.title,
        lead: row.lead,
        publishedOn: instant(row.publishedOn),
      });
      if (!found.has(key)) found.set(key, { documentId: row.documentId, adopted: true });
    }
    return found;
  }

  /** A new story's rows, written directly (src/importer/direct-create.ts); a refusal rolls its transaction back. */
  private async create(
    trx: Knex,
    data: ArticleData
  ): Promise<{ documentId: string; action: ImportAction }> {
    const [created] = await createArticlesDirectly(this.strapi, trx, {
      locale: this.options.locale,
      publish: this.options.publish,
      stories: [data],
    });
    if (!created.ok) throw created.error;
    return { documentId: created.documentId, action: 'created' };
  }

  private async stored(
    documentId: string,
    published: boolean
  ): Promise<Record<string, unknown> | null> {
    return this.strapi.db.query(ARTICLE_UID).findOne({
      where: {
        documentId,
        locale: this.options.locale,
        publishedAt: published ? { $notNull: true } : null,
      },
      select: STORED_FIELDS,
      populate: STORED_POPULATE,
    });
  }

  /**
   * The same story again: skipped when the draft (and, with publish, the published version) already
   * holds exactly what the file gives; otherwise the draft is updated (and published with publish).
   * Fields the archive does not have (slug, news code, cover, images, the section without --section)
   * are left as they are.
   */
  private async updateExisting(
    existing: Existing,
    data: ArticleData
  ): Promise<{ documentId: string; action: ImportAction }> {
    const { documentId } = existing;
    const { locale, publish } = this.options;
    const withSection = this.sectionId !== null;
    const wanted = comparable(data, withSection);
    const draft = await this.stored(documentId, false);
    const draftSame = draft !== null && comparable(draft, withSection) === wanted;
    let publishedSame = true;
    if (publish && isFuture(data.publishedOn, Date.now())) {
      // Its publish is a schedule (the save step article.scheduling): the same when one is already set for that time.
      const pending = await schedulesOf(this.strapi, [documentId], locale);
      publishedSame = pending.some(
        (row) => row.action === 'publish' && row.dueAt === momentOf(data.publishedOn)
      );
    } else if (publish) {
      const live = await this.stored(documentId, true);
      publishedSame = live !== null && comparable(live, withSection) === wanted;
    }
    if (existing.adopted) {
      // The key goes on every row of the document (draft and published) without touching anything else.
      await this.strapi.db
        .query(ARTICLE_UID)
        .updateMany({ where: { documentId, locale }, data: { importKey: data.importKey } });
    }
    if (draftSame && publishedSame) return { documentId, action: 'skipped' };
    if (!draftSame)
      await this.strapi.documents(ARTICLE_UID).update({ documentId, locale, data: data as never });
    if (publish) await this.strapi.documents(ARTICLE_UID).publish({ documentId, locale });
    return { documentId, action: 'updated' };
  }
}
