import { slugCandidate } from '../core';
import { SLUG_TABLE } from './tables';
import type { Knex } from './transaction';

/** Candidates asked for each base the first time; each further window is twice the last. */
const FIRST_WINDOW = 4;
const SLUGS_PER_STATEMENT = 500;

/** A registry row: who owns the slug (null while a create that reserved it is running). */
export interface RegisteredSlug {
  slug: string;
  documentId: string | null;
}

/**
 * The registry's rows among each base's candidates (base, base-2, base-3, …: `slugCandidate`), asked by
 * exact slug, so the unique index answers. A prefix match (`slug LIKE 'base-%'`) cannot use that index
 * under PostgreSQL's usual collations nor with SQLite's LIKE: it read every slug of the content type and
 * locale, and an import slowed as its archive grew. A window of candidates at a time, doubling, until each
 * base has `needed[base]` candidates that are free or `usable` (a document's own slug): a base used a
 * thousand times costs a handful of statements. Returns the rows found by slug; a candidate missing from it
 * is free (as of this read: writers still settle races through the unique index).
 */
export const registeredCandidates = async (
  trx: Knex,
  uid: string,
  locale: string,
  needed: ReadonlyMap<string, number>,
  usable: (row: RegisteredSlug) => boolean = () => false
): Promise<Map<string, RegisteredSlug>> => {
  const found = new Map<string, RegisteredSlug>();
  let pending = [...needed].filter(([, count]) => count > 0);
  for (let from = 1, size = FIRST_WINDOW; pending.length > 0; from += size, size *= 2) {
    const asked = pending.map(([base, count]) => {
      const candidates: string[] = [];
      for (let n = from; n < from + size; n += 1) {
        try {
          candidates.push(slugCandidate(base, n));
        } catch {
          // No room for the suffix: firstFreeCandidate reports it; nothing more to ask for this base.
          break;
        }
      }
      return { base, count, candidates };
    });
    const slugs = [...new Set(asked.flatMap(({ candidates }) => candidates))];
    for (let start = 0; start < slugs.length; start += SLUGS_PER_STATEMENT) {
      const rows: Array<{ slug: string; document_id: string | null }> = await trx(SLUG_TABLE)
        .select('slug', 'document_id')
        .where({ content_type: uid, locale })
        .whereIn('slug', slugs.slice(start, start + SLUGS_PER_STATEMENT));
      for (const row of rows) found.set(row.slug, { slug: row.slug, documentId: row.document_id });
    }
    pending = asked.flatMap(({ base, count, candidates }): Array<[string, number]> => {
      const free = candidates.filter((slug) => {
        const row = found.get(slug);
        return row === undefined || usable(row);
      }).length;
      return free >= count || candidates.length < size ? [] : [[base, count - free]];
    });
  }
  return found;
};
