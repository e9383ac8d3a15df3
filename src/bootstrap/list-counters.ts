import type { Core } from '@strapi/strapi';
import type { ListCountKey } from '../lib/list-count-key';

type Knex = Core.Strapi['db']['connection'];

export const LIST_COUNTS_TABLE = 'list_counts';
const TRACK_FUNCTION = 'list_counts_track';
/** Past this many rows of one key a read folds them into one (PostgreSQL; see below). */
const FOLD_AFTER = 64;

/**
 * Every paged list counts its rows, and a count, even one that reads an index alone, grows with the rows
 * counted: 160 ms for the public list and 397 ms for the admin's at a million stories on PostgreSQL. So the
 * lists' counts are kept: the rows of each listed content type by locale and state (draft or published),
 * kept by triggers on the content type's table inside the writing transaction, so that every write path
 * counts (the Document Service, the importer's batch inserts, the bench's bulk load, raw SQL), and a count
 * read in a transaction sees that transaction's own writes.
 *
 * Lock contention: a single row per key would be updated by every save of a locale until that save
 * commits, and Strapi inserts the row early in its save (components, relations, the save pipeline and
 * the search index follow), so concurrent saves in one locale, and an import batch beside the editors,
 * would wait on each other for their whole transactions. On PostgreSQL the triggers therefore only
 * insert rows of deltas, which never wait on each other, and a count sums its key's rows (by index).
 * A read that finds more than FOLD_AFTER rows folds them into one in a single statement (DELETE …
 * RETURNING into an INSERT): it locks only the rows it deletes, committed ones that no trigger touches
 * again, so a save never waits on it, and rows a save has not committed yet are left for the next fold.
 * Inserts are counted per statement (transition tables: one delta row for a batch
 * of 2,000), a change of state or locale by UPDATE per row (a WHEN clause: Strapi's ordinary updates of a
 * row's fields run no trigger at all). SQLite has one writer at a time, so there is nothing to contend
 * for: row triggers add to one row per key (an upsert).
 *
 * Made at start, idempotent: when a table's triggers are missing (a database made before them, or a
 * SQLite table that Strapi's schema sync rebuilt, which drops its triggers) they are made, and that
 * table's counts recounted from its rows, with its writes held back meanwhile.
 */
const LOCALE = "coalesce(locale, '')";
const trackBody = `
BEGIN
  IF TG_LEVEL = 'ROW' THEN
    INSERT INTO ${LIST_COUNTS_TABLE} (content_type, locale, published, delta) VALUES
      (TG_ARGV[0], coalesce(OLD.locale, ''), OLD.published_at IS NOT NULL, -1),
      (TG_ARGV[0], coalesce(NEW.locale, ''), NEW.published_at IS NOT NULL, 1);
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO ${LIST_COUNTS_TABLE} (content_type, locale, published, delta)
      SELECT TG_ARGV[0], ${LOCALE}, published_at IS NOT NULL, count(*) FROM new_rows GROUP BY 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO ${LIST_COUNTS_TABLE} (content_type, locale, published, delta)
      SELECT TG_ARGV[0], ${LOCALE}, published_at IS NOT NULL, -count(*) FROM old_rows GROUP BY 2, 3;
  ELSE
    DELETE FROM ${LIST_COUNTS_TABLE} WHERE content_type = TG_ARGV[0];
  END IF;
  RETURN NULL;
END
`;

/** A row's key changed: `distinct` is how the engine spells a comparison that takes NULL for a value. */
const keyChanged = (distinct: string) =>
  `OLD.locale ${distinct} NEW.locale OR (OLD.published_at IS NULL) <> (NEW.published_at IS NULL)`;

/** Content-type uids go into trigger text as literals; they are Strapi's `api::name.name`. */
const literal = (uid: string): string => {
  if (!/^[a-z0-9:._-]+$/i.test(uid)) throw new Error(`list counts: unexpected uid ${uid}`);
  return `'${uid}'`;
};

const triggerNames = (table: string) => ({
  insert: `${table}_list_count_insert`.slice(0, 63),
  delete: `${table}_list_count_delete`.slice(0, 63),
  update: `${table}_list_count_update`.slice(0, 63),
  truncate: `${table}_list_count_truncate`.slice(0, 63),
});

const postgresTriggers = (table: string, uid: string): Record<string, string> => {
  const names = triggerNames(table);
  const run = `EXECUTE FUNCTION ${TRACK_FUNCTION}(${literal(uid)})`;
  return {
    [names.insert]: `CREATE TRIGGER "${names.insert}" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT ${run}`,
    [names.delete]: `CREATE TRIGGER "${names.delete}" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT ${run}`,
    [names.update]: `CREATE TRIGGER "${names.update}" AFTER UPDATE OF locale, published_at ON "${table}" FOR EACH ROW WHEN (${keyChanged('IS DISTINCT FROM')}) ${run}`,
    [names.truncate]: `CREATE TRIGGER "${names.truncate}" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT ${run}`,
  };
};

const sqliteTriggers = (table: string, uid: string): Record<string, string> => {
  const names = triggerNames(table);
  const add = (row: 'NEW' | 'OLD', delta: 1 | -1) =>
    `INSERT INTO ${LIST_COUNTS_TABLE} (content_type, locale, published, delta) VALUES (${literal(uid)}, coalesce(${row}.locale, ''), ${row}.published_at IS NOT NULL, ${delta}) ON CONFLICT (content_type, locale, published) DO UPDATE SET delta = delta + ${delta};`;
  return {
    [names.insert]: `CREATE TRIGGER "${names.insert}" AFTER INSERT ON "${table}" BEGIN ${add('NEW', 1)} END`,
    [names.delete]: `CREATE TRIGGER "${names.delete}" AFTER DELETE ON "${table}" BEGIN ${add('OLD', -1)} END`,
    [names.update]: `CREATE TRIGGER "${names.update}" AFTER UPDATE OF locale, published_at ON "${table}" WHEN ${keyChanged('IS NOT')} BEGIN ${add('OLD', -1)} ${add('NEW', 1)} END`,
  };
};

const isPostgres = (strapi: Core.Strapi) => strapi.db.config.connection.client === 'postgres';

const rowsOf = <T>(strapi: Core.Strapi, result: unknown): T[] =>
  (isPostgres(strapi) ? (result as { rows: T[] }).rows : result) as T[];

const ensureTable = async (strapi: Core.Strapi, trx: Knex) => {
  await trx.raw(
    `CREATE TABLE IF NOT EXISTS ${LIST_COUNTS_TABLE} (
      content_type varchar(255) NOT NULL, locale varchar(255) NOT NULL,
      published boolean NOT NULL, delta bigint NOT NULL)`
  );
  // One row per key on SQLite (the triggers' upsert), any number of delta rows on PostgreSQL.
  await trx.raw(
    `CREATE ${isPostgres(strapi) ? '' : 'UNIQUE '}INDEX IF NOT EXISTS ${LIST_COUNTS_TABLE}_key_idx ON ${LIST_COUNTS_TABLE} (content_type, locale, published)`
  );
  if (!isPostgres(strapi)) return;
  const [current] = rowsOf<{ body: string }>(
    strapi,
    await trx.raw('SELECT prosrc AS body FROM pg_proc WHERE proname = ?', [TRACK_FUNCTION])
  );
  if (current?.body !== trackBody)
    await trx.raw(
      `CREATE OR REPLACE FUNCTION ${TRACK_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $body$${trackBody}$body$`
    );
};

/** The triggers of `table` as they stand: name → definition (SQLite) or name alone (PostgreSQL). */
const triggersOn = async (strapi: Core.Strapi, trx: Knex, table: string) => {
  const rows = isPostgres(strapi)
    ? rowsOf<{ name: string; sql: string | null }>(
        strapi,
        await trx.raw(
          'SELECT tgname AS name, NULL AS sql FROM pg_trigger WHERE tgrelid = ?::regclass AND NOT tgisinternal',
          [table]
        )
      )
    : rowsOf<{ name: string; sql: string | null }>(
        strapi,
        await trx.raw(
          "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
          [table]
        )
      );
  return new Map(rows.map((row) => [row.name, row.sql]));
};

/** Whether every trigger is there (on SQLite, as written now: a changed trigger is made again). */
const hasTriggers = (
  strapi: Core.Strapi,
  present: Map<string, string | null>,
  wanted: Record<string, string>
) =>
  Object.entries(wanted).every(
    ([name, sql]) => present.has(name) && (isPostgres(strapi) || present.get(name) === sql)
  );

/**
 * The counters of these types, their triggers made and their counts taken from the rows where the
 * triggers were missing.
 */
export const ensureListCounters = async (
  strapi: Core.Strapi,
  uids: ReadonlyArray<string>
): Promise<void> => {
  const postgres = isPostgres(strapi);
  await strapi.db.connection.transaction(async (trx) => {
    // Instances starting together take turns: the table and function are made once, the recount once.
    if (postgres) await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [LIST_COUNTS_TABLE]);
    await ensureTable(strapi, trx);
    for (const uid of uids) {
      const table = strapi.db.metadata.get(uid).tableName;
      const wanted = postgres ? postgresTriggers(table, uid) : sqliteTriggers(table, uid);
      if (hasTriggers(strapi, await triggersOn(strapi, trx, table), wanted)) continue;
      // Writes wait until the recount is committed with the triggers, so none is counted twice or missed.
      if (postgres) await trx.raw('LOCK TABLE ?? IN SHARE ROW EXCLUSIVE MODE', [table]);
      for (const [name, sql] of Object.entries(wanted)) {
        await trx.raw(`DROP TRIGGER IF EXISTS "${name}"${postgres ? ` ON "${table}"` : ''}`);
        await trx.raw(sql);
      }
      await trx(LIST_COUNTS_TABLE).where({ content_type: uid }).delete();
      await trx.raw(
        `INSERT INTO ${LIST_COUNTS_TABLE} (content_type, locale, published, delta)
         SELECT ?, ${LOCALE}, published_at IS NOT NULL, count(*) FROM ?? GROUP BY ${LOCALE}, published_at IS NOT NULL`,
        [uid, table]
      );
      strapi.log.info(`List counts of ${uid}: triggers made, rows recounted.`);
    }
  });
};

/** In the caller's transaction when there is one (so that a write sees its own rows), else in one of its own. */
const inTransaction = <T>(strapi: Core.Strapi, work: (trx: Knex) => Promise<T>): Promise<T> =>
  strapi.db.transaction(({ trx }) => work(trx as unknown as Knex)) as unknown as Promise<T>;

/**
 * The count of one key, read in the caller's transaction when there is one, its delta rows folded into
 * one when they have piled up (PostgreSQL). One fold of a key at a time, whichever instance: the others
 * skip it (a try-lock held to the fold's commit), so two folds never wait for, nor deadlock on, each
 * other's rows.
 */
export const readListCount = async (
  strapi: Core.Strapi,
  uid: string,
  { locale, published }: ListCountKey
): Promise<number> => {
  const postgres = isPostgres(strapi);
  // SQLite stores booleans as 0 and 1, and better-sqlite3 binds no booleans.
  const key = [uid, locale, postgres ? published : Number(published)];
  const read = async (db: Knex) =>
    rowsOf<{ total: number | string | null; entries: number | string }>(
      strapi,
      await db.raw(
        `SELECT sum(delta) AS total, count(*) AS entries FROM ${LIST_COUNTS_TABLE} WHERE content_type = ? AND locale = ? AND published = ?`,
        key
      )
    )[0];
  const row = strapi.db.inTransaction()
    ? await inTransaction(strapi, read)
    : await read(strapi.db.connection);
  if (postgres && Number(row.entries) > FOLD_AFTER)
    await inTransaction(strapi, async (trx) => {
      const [{ locked }] = rowsOf<{ locked: boolean }>(
        strapi,
        await trx.raw('SELECT pg_try_advisory_xact_lock(hashtext(?)) AS locked', [key.join(' ')])
      );
      if (!locked) return;
      await trx.raw(
        `WITH gone AS (DELETE FROM ${LIST_COUNTS_TABLE} WHERE content_type = ? AND locale = ? AND published = ?
           RETURNING content_type, locale, published, delta)
         INSERT INTO ${LIST_COUNTS_TABLE} (content_type, locale, published, delta)
         SELECT content_type, locale, published, sum(delta) FROM gone GROUP BY 1, 2, 3`,
        key
      );
    });
  return Number(row.total ?? 0);
};
