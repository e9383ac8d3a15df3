import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { forRead, inTransaction as runInTransaction, Knex } from '../transaction';
import { firstFreeCandidate } from '../../core';
import { registeredCandidates } from '../registered-candidates';
import { SLUG_TABLE } from '../tables';
import { slugTakenError } from '../errors';
import { contentColumns } from '../content-columns';
import { slugSpecs } from '../specs';

interface Owner {
  documentId?: string;
  /** Marks a slug reserved for a create whose documentId does not exist yet. */
  reservation?: string;
}

/** A registered slug: its document, the slug of the document's published version there (if any), and whether it was ever published. */
export interface SlugHit {
  documentId: string;
  live: string | null;
  wasPublished: boolean;
}

export interface Claim {
  slug: string;
  reservation?: string;
}

/**
 * The slugs of every document, current and past, one row per (content type, locale, slug). Runs inside
 * the caller's transaction when there is one, so an import or a failed create rolls its slugs back too.
 * Inserts use ON CONFLICT DO NOTHING, which never aborts a PostgreSQL transaction, and then read back who
 * owns the row: that read, not a prior check, decides whether the slug was won.
 */
const registry = ({ strapi }: { strapi: Core.Strapi }) => {
  const inTransaction = <T>(work: (trx: Knex) => Promise<T>) => runInTransaction(strapi, work);
  const read = <T>(work: (db: Knex) => Promise<T>) => forRead(strapi, work);

  const owns = (
    row: { document_id: string | null; reservation: string | null } | undefined,
    owner: Owner
  ) =>
    !!row &&
    ((owner.documentId !== undefined && row.document_id === owner.documentId) ||
      (owner.reservation !== undefined && row.reservation === owner.reservation));

  const tryInsert = (uid: string, locale: string, slug: string, owner: Owner) =>
    inTransaction(async (trx) => {
      await trx(SLUG_TABLE)
        .insert({
          content_type: uid,
          locale,
          slug,
          document_id: owner.documentId ?? null,
          reservation: owner.reservation ?? null,
          is_current: false,
        })
        .onConflict(['content_type', 'locale', 'slug'])
        .ignore();
      const row = await trx(SLUG_TABLE).where({ content_type: uid, locale, slug }).first();
      return owns(row, owner);
    });

  const columnsOf = (uid: string) => {
    const spec = slugSpecs().get(uid);
    if (!spec) throw new Error(`${uid} has no persian-slug field`);
    return contentColumns(strapi, uid, spec.field);
  };

  const ownerFor = (documentId?: string): Owner =>
    documentId ? { documentId } : { reservation: randomUUID() };

  return {
    /** The first free of base, base-2, base-3, … for this document (or a pending create). */
    async reserve(uid: string, locale: string, base: string, documentId?: string): Promise<Claim> {
      const owner = ownerFor(documentId);
      const taken = await inTransaction((trx) =>
        registeredCandidates(
          trx,
          uid,
          locale,
          new Map([[base, 1]]),
          (row) => !!documentId && row.documentId === documentId
        )
      );
      const mine = (candidate: string) =>
        !!documentId && taken.get(candidate)?.documentId === documentId;
      const slug = await firstFreeCandidate(base, async (candidate) =>
        taken.has(candidate) ? mine(candidate) : tryInsert(uid, locale, candidate, owner)
      );
      return mine(slug) ? { slug } : { slug, reservation: owner.reservation };
    },

    /** An exact slug an editor chose: theirs if free or already this document's, an error otherwise. */
    async claim(
      uid: string,
      locale: string,
      slug: string,
      field: string,
      documentId?: string
    ): Promise<Claim> {
      const owner = ownerFor(documentId);
      if (await tryInsert(uid, locale, slug, owner))
        return { slug, reservation: owner.reservation };
      throw slugTakenError(slug, field);
    },

    /** Gives a create's reserved slug to the document it created. */
    attach: (reservation: string, documentId: string) =>
      inTransaction((trx) =>
        trx(SLUG_TABLE)
          .where({ reservation })
          .update({ document_id: documentId, reservation: null })
      ),

    /** Makes `slug` the current one of a document whose rows the caller writes (the importer's direct path). */
    makeCurrent: (
      uid: string,
      locale: string,
      documentId: string,
      slug: string,
      published: boolean
    ) =>
      inTransaction(async (trx) => {
        const rows = () =>
          trx(SLUG_TABLE).where({ content_type: uid, locale, document_id: documentId });
        await rows().whereNot({ slug }).update({ is_current: false });
        await rows()
          .where({ slug })
          .update(published ? { is_current: true, was_published: true } : { is_current: true });
      }),

    async current(uid: string, locale: string, documentId: string): Promise<string | null> {
      const row = await read((db) =>
        db(SLUG_TABLE)
          .select('slug')
          .where({ content_type: uid, locale, document_id: documentId, is_current: true })
          .first()
      );
      return row?.slug ?? null;
    },

    /** One statement: the registry row and, joined, the slug the published version in that locale has now. */
    async lookup(uid: string, locale: string, slug: string): Promise<SlugHit | null> {
      const c = columnsOf(uid);
      const row = await read((db) =>
        db({ s: SLUG_TABLE })
          .leftJoin({ t: c.table }, (join) => {
            join
              .on('t.' + c.documentId, 's.document_id')
              .andOn('t.' + c.locale, 's.locale')
              .andOnNotNull('t.' + c.publishedAt);
          })
          .select('s.document_id', 's.was_published', { live: 't.' + c.slug })
          .where({ 's.content_type': uid, 's.locale': locale, 's.slug': slug })
          .whereNotNull('s.document_id')
          .first()
      );
      return row
        ? {
            documentId: row.document_id,
            live: row.live ?? null,
            wasPublished: Boolean(row.was_published),
          }
        : null;
    },

    /**
     * After a write (of any kind, and at start for everything): the registry follows the stored rows. The
     * slug of the draft is the current one; a slug a published version has is marked published for good,
     * so after a published change it redirects, while a slug only ever on a draft stays unknown to readers.
     * Only rows whose flags change are written.
     */
    followRows: (uid: string, documentId?: string) =>
      inTransaction(async (trx) => {
        const c = columnsOf(uid);
        const versionWithSlug = (published: boolean) =>
          `SELECT 1 FROM ?? t WHERE t.?? = ${SLUG_TABLE}.document_id AND t.?? = ${SLUG_TABLE}.locale AND t.?? = ${SLUG_TABLE}.slug AND t.?? IS ${published ? 'NOT ' : ''}NULL`;
        const ids = [c.table, c.documentId, c.locale, c.slug, c.publishedAt];
        const scope = `content_type = ?${documentId ? ' AND document_id = ?' : ''}`;
        const scopeIds = documentId ? [uid, documentId] : [uid];
        await trx.raw(
          `UPDATE ${SLUG_TABLE} SET is_current = NOT is_current
           WHERE ${scope} AND document_id IS NOT NULL AND is_current <> EXISTS (${versionWithSlug(false)})`,
          [...scopeIds, ...ids]
        );
        await trx.raw(
          `UPDATE ${SLUG_TABLE} SET was_published = ? WHERE ${scope} AND was_published = ? AND EXISTS (${versionWithSlug(true)})`,
          [true, ...scopeIds, false, ...ids]
        );
      }),

    /** A deleted document's slugs become free again. */
    forget: (uid: string, documentId: string, locale?: string) =>
      inTransaction((trx) => {
        const query = trx(SLUG_TABLE).where({ content_type: uid, document_id: documentId });
        return (locale && locale !== '*' ? query.andWhere({ locale }) : query).delete();
      }),
  };
};

export default registry;
export type RegistryService = ReturnType<typeof registry>;
