import { findMidStoryMarkers, stripTrailingFooter } from '../../../src/plugins/footer-policy/core';
import { h, p, q, STORY } from './blocks';

/** Text that uses the words without being a footer: each must leave the body exactly as it was. */
const MENTIONS: Array<[string, string]> = [
  ['the words inside a sentence', 'او گفت این انتهای پیام ما به دولت است.'],
  ['a sentence that starts with the words', 'انتهای پیام رئیس جمهور به مجلس را خواندید'],
  ['«در انتهای پیام» starting a clause', 'در انتهای پیام خود تاکید کرد که همکاری ادامه دارد.'],
  [
    'the words closing a line without a finished sentence before them',
    'این نکته را گفت در انتهای پیام',
  ],
  ['after a colon, not a sentence end', 'سخنگو گفت: انتهای پیام'],
  ['glued to the word before', 'او این را درانتهای پیام'],
  ['پیامک is another word', 'انتهای پیامک'],
  ['plural پیام‌ها', 'این انتهای پیام‌ها نیست.'],
  ['پیام‌رسان is another word', 'انتهای پیام‌رسان‌های داخلی نزدیک است'],
  ['words in the other order', 'پیام انتهایی رئیس جمهور'],
  ['quoted as a title inside a sentence', '«انتهای پیام» عنوان کتاب تازه اوست.'],
  ['a number that is not a slash code', 'فصل ۲۳ انتهای پیام'],
  ['after a sentence but followed by more words', 'خبر تمام شد. انتهای پیام را بخوانید'],
  ['with a slash but text after the code', 'انتهای پیام/ ۲۳ نفر در جلسه بودند.'],
];

describe('mentions are not footers', () => {
  it('has at least 10 cases', () => {
    expect(MENTIONS.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(MENTIONS)('%s', (_name, text) => {
    it.each([
      ['as the last paragraph', [...STORY, p(text)]],
      ['as the last line of the last paragraph', [STORY[0], p(`${STORY[1].text}\n${text}`)]],
      ['as a last subheading', [...STORY, h(text)]],
      ['as a last quote', [...STORY, q(text)]],
      ['followed by a separator', [...STORY, p(text), p('---')]],
    ])('%s', (_where, blocks) => {
      const input = JSON.parse(JSON.stringify(blocks));
      const result = stripTrailingFooter(blocks);
      expect(result.found).toBe(false);
      expect(result.blocks).toEqual(input);
      expect(result.removed).toEqual([]);
      expect(findMidStoryMarkers(blocks)).toEqual([]);
    });
  });
});
