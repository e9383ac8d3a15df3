import {
  tieredPage,
  TierReader,
} from '../../../src/plugins/persian-text/server/search-engines/tiered-page';
import type { Tier } from '../../../src/plugins/persian-text/server/search-engines/types';

/** Tiers of the given sizes over rows named by tier and position; records what the pager asked for. */
const reader = (sizes: [number, number, number]) => {
  const calls: string[] = [];
  const rows = sizes.map((size, tier) => Array.from({ length: size }, (_, i) => `${tier}.${i}`));
  const tiered: TierReader<string> = {
    page: async (tier: Tier, limit, offset) => {
      calls.push(`page ${tier} ${limit} ${offset}`);
      return rows[tier].slice(offset, offset + limit);
    },
    count: async (tier: Tier) => {
      calls.push(`count ${tier}`);
      return rows[tier].length;
    },
  };
  return { tiered, calls, flat: rows.flatMap((tier, t) => tier.map((row) => ({ row, tier: t }))) };
};

describe('tieredPage: one page of tier 0, then 1, then 2', () => {
  const shapes: Array<[number, number, number]> = [
    [0, 0, 0],
    [5, 0, 0],
    [0, 0, 7],
    [3, 4, 5],
    [10, 0, 10],
    [1, 1, 1],
    [25, 3, 0],
  ];
  it.each(shapes)(
    'tiers of %i, %i and %i rows: every page equals the slice of the whole order',
    async (...sizes) => {
      const { tiered, flat } = reader(sizes as [number, number, number]);
      for (const limit of [1, 3, 10]) {
        for (let offset = 0; offset <= flat.length + 2; offset += 1) {
          expect(await tieredPage(tiered, limit, offset)).toEqual(
            flat.slice(offset, offset + limit)
          );
        }
      }
    }
  );

  it('a first page filled by tier 0 reads that page only, and counts nothing', async () => {
    const { tiered, calls } = reader([20000, 5000, 1000]);
    await tieredPage(tiered, 10, 0);
    expect(calls).toEqual(['page 0 10 0']);
  });

  it.each(shapes)(
    'with the total known (%i, %i, %i): the same pages, and the last tier is never counted',
    async (...sizes) => {
      const { tiered, flat, calls } = reader(sizes as [number, number, number]);
      for (let offset = 0; offset <= flat.length + 2; offset += 1) {
        expect(await tieredPage(tiered, 3, offset, { total: flat.length })).toEqual(
          flat.slice(offset, offset + 3)
        );
      }
      expect(calls.filter((call) => call === 'count 2')).toEqual([]);
    }
  );

  it('an empty last tier is not read; a known one is read with its size', async () => {
    const empty = reader([2, 1, 0]);
    await tieredPage(empty.tiered, 10, 0, { total: 3 });
    expect(empty.calls).toEqual(['page 0 10 0', 'page 1 8 0']);
    const sized = reader([2, 1, 4]);
    const sizes: Array<number | undefined> = [];
    const page = sized.tiered.page;
    sized.tiered.page = (tier, limit, offset, size) => {
      sizes.push(size);
      return page(tier, limit, offset, size);
    };
    await tieredPage(sized.tiered, 10, 0, { total: 7 });
    expect(sizes).toEqual([undefined, undefined, 4]);
  });

  it('uses tier 0 rows already read instead of reading them again', async () => {
    const { tiered, calls } = reader([20, 0, 0]);
    expect(await tieredPage(tiered, 2, 0, { tier0: ['x', 'y'] })).toEqual([
      { row: 'x', tier: 0 },
      { row: 'y', tier: 0 },
    ]);
    expect(calls).toEqual([]);
  });

  it('counts a tier only when the page starts beyond its end', async () => {
    const { tiered, calls } = reader([4, 6, 100]);
    expect((await tieredPage(tiered, 5, 12)).map((hit) => hit.row)).toEqual([
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '2.6',
    ]);
    expect(calls).toEqual(['page 0 5 12', 'count 0', 'page 1 5 8', 'count 1', 'page 2 5 2']);
  });
});
