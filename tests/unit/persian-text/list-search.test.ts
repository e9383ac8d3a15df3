import fc from 'fast-check';
import {
  containsPattern,
  listSearchFold,
  searchKey,
  storedValueFolds,
} from '../../../src/plugins/persian-text/core';

/** What the database does with the stored value: the nested replace() of admin-list-search.ts. */
const replacedInDatabase = (stored: string, folds: Array<[string, string]>) =>
  folds.reduce((text, [from, to]) => text.split(from).join(to), stored);

describe('the admin list search fold', () => {
  it.each([
    ['پیش‌بینی', 'پیشبینی'],
    ['پيش بيني', 'پیشبینی'],
    ['۱۴۰۳', '1403'],
    ['١٤٠٣', '1403'],
    ['مُحَمَّد كاظمي', 'محمدکاظمی'],
  ])('%s → %s', (query, folded) => expect(listSearchFold(query)).toBe(folded));

  it('agrees with the public search on what is one spelling', () => {
    for (const [a, b] of [
      ['پیش‌بینی', 'پیش بینی'],
      ['كاظمي', 'کاظمی'],
      ['۱۴۰۳', '1403'],
    ]) {
      expect(searchKey(a)).toBe(searchKey(b));
      expect(listSearchFold(a)).toBe(listSearchFold(b));
    }
  });

  it('replaces in a stored value only what the query needs, and finds exactly what folding both would', () => {
    const alphabet = [
      'پ',
      'ی',
      'ي',
      'ى',
      'ش',
      'ک',
      'ك',
      'ه',
      'ة',
      'ا',
      'أ',
      ' ',
      '\u200C',
      '۱',
      '1',
      '١',
      '۴',
      '4',
    ];
    const text = fc
      .array(fc.constantFrom(...alphabet), { maxLength: 12 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, text, (stored, query) => {
        const folded = listSearchFold(query);
        const found = replacedInDatabase(stored, storedValueFolds(folded)).includes(folded);
        expect(found).toBe(listSearchFold(stored).includes(folded));
      }),
      { numRuns: 2000 }
    );
    expect(storedValueFolds('پیش').map(([from]) => from)).toEqual([
      '\u200C',
      '\u200D',
      ' ',
      '\u00A0',
      'ي',
      'ى',
    ]);
  });

  it('searches for % and _ as themselves', () => {
    expect(containsPattern('50%_!')).toBe('%50!%!_!!%');
  });
});
