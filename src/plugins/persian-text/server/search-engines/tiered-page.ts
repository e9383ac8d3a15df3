import type { Tier } from './types';

export interface TierReader<Row> {
  /**
   * Up to `limit` rows of one tier, newest first, after skipping `offset` of them. `size` is the tier's
   * number of rows when already known (the last tier's is the total less the others).
   */
  page(tier: Tier, limit: number, offset: number, size?: number): Promise<Row[]>;
  count(tier: Tier): Promise<number>;
}

export interface Known<Row> {
  /** Every tier's rows together (the full match's count). */
  total?: number;
  /** Tier 0's rows for this limit and offset, when read with the total in one statement. */
  tier0?: Row[];
}

const TIERS: Tier[] = [0, 1, 2];

/**
 * One page of the ranked order (tier 0, then 1, then 2; newest first within each) read tier by tier and
 * only as far as the page reaches: a first page of a common word reads ten rows, not every match. A tier
 * is counted only when the page starts beyond its end (a short page already tells where a tier ends).
 */
export const tieredPage = async <Row>(
  reader: TierReader<Row>,
  limit: number,
  offset: number,
  known: Known<Row> = {}
) => {
  const hits: Array<{ row: Row; tier: Tier }> = [];
  let skip = offset;
  let before = 0;
  for (const tier of TIERS) {
    if (hits.length >= limit) break;
    const size = tier === 2 && known.total !== undefined ? known.total - before : undefined;
    if (size === 0) break;
    const rows =
      tier === 0 && known.tier0
        ? known.tier0
        : await reader.page(tier, limit - hits.length, skip, size);
    for (const row of rows) hits.push({ row, tier });
    if (hits.length >= limit) break;
    const counted = rows.length > 0 ? skip + rows.length : (size ?? (await reader.count(tier)));
    before += counted;
    skip = Math.max(0, skip - counted);
  }
  return hits;
};
