/**
 * Totals that stop counting: a common word matches a fifth of a large archive, and an exact count of
 * 20,000 matches costs PostgreSQL a heap visit per match (GIN has no index-only count) — most of a
 * search's time — for a number no reader pages through. Matches are counted up to `upTo + 1` rows
 * (a statement with that LIMIT), as search engines do ("more than 1,000 results").
 */
export interface CappedTotal {
  total: number;
  totalExact: boolean;
}

/** `counted` is a count that stopped at `upTo + 1` rows. */
export const cappedTotal = (counted: number, upTo: number): CappedTotal =>
  counted > upTo ? { total: upTo, totalExact: false } : { total: counted, totalExact: true };

/** A lower bound is never below the matches the page itself shows (a reader paging past the count). */
export const answeredTotal = (capped: CappedTotal, offset: number, hits: number): CappedTotal =>
  capped.totalExact ? capped : { total: Math.max(capped.total, offset + hits), totalExact: false };
