/**
 * patches/@strapi+database+5.54.0.patch: the relations orderer built its lookup tables by spreading the
 * accumulator once per relation (a dynamic zone of 5,000 components copied a growing object 5,000 times),
 * the entity manager deduplicated links with `uniqWith(isEqual)` over every pair, and connecting each new
 * component first searched the whole list for it (to disconnect it). Patched to fill in place, to compare
 * only links of the same id and to search only for ids the list has held; these tests pin the behaviour the patch must keep
 * (the reliability suite's linear-save test is the one that fails without it).
 */
const {
  relationsOrderer,
  sortConnectArray,
} = require('@strapi/database/dist/entity-manager/relations-orderer.js');

it('connects relations in the order given, at the end', () => {
  const ids = Array.from({ length: 2000 }, (_, i) => `${i + 1}:article.paragraph`);
  const ordered = relationsOrderer([], 'id', 'order', true)
    .connect(ids.map((id) => ({ id })))
    .get();
  expect(ordered.map((relation: { id: string }) => relation.id)).toEqual(ids);
});

it('of two relations with one id and different components, keeps the first (as unpatched Strapi does)', () => {
  const connect = [
    { id: 1, __component: 'article.paragraph', position: { end: true } },
    { id: 1, __component: 'article.quote', position: { end: true } },
  ];
  expect(sortConnectArray(connect, [], true)).toEqual([connect[0]]);
});

it('refuses the same relation connected twice', () => {
  expect(() => sortConnectArray([{ id: 1 }, { id: 1 }], [], true)).toThrow(
    'The relation with id 1 is already connected'
  );
});

it('orders relations placed before and after others, as before the patch', () => {
  const connect = [
    { id: 5, position: { before: 1 } },
    { id: 1, position: { before: 2 } },
    { id: 2, position: { end: true } },
  ];
  expect(
    sortConnectArray(connect, [], true).map((relation: { id: number }) => relation.id)
  ).toEqual([2, 1, 5]);
  const initial = [
    { id: 10, order: 1 },
    { id: 11, order: 2 },
  ];
  const map = relationsOrderer(initial, 'id', 'order', true)
    .connect([{ id: 12, position: { before: 11 } }])
    .getOrderMap();
  expect(map[12]).toBeGreaterThan(1);
  expect(map[12]).toBeLessThan(2);
});

it('connecting a relation already in the list moves it (the patch skips the search only for ids never seen)', () => {
  const initial = [
    { id: 10, order: 1 },
    { id: 11, order: 2 },
  ];
  const ordered = relationsOrderer(initial, 'id', 'order', true)
    .connect([{ id: 10, position: { end: true } }])
    .get();
  expect(ordered.map((relation: { id: number }) => relation.id)).toEqual([11, 10]);
  const twice = relationsOrderer([], 'id', 'order', true)
    .connect([{ id: 1 }, { id: 2 }])
    .connect([{ id: 1, position: { end: true } }])
    .get();
  expect(twice.map((relation: { id: number }) => relation.id)).toEqual([2, 1]);
});
