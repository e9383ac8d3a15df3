import fc from 'fast-check';
import {
  BodyBlock,
  findMidStoryMarkers,
  stripTrailingFooter,
} from '../../../src/plugins/footer-policy/core';
import { img, p } from './blocks';

/** Words that come close to the marker (انتهای, پیام, پیامک, در) without ever forming it. */
const WORDS = [
  'خبر',
  'انتهای',
  'پیام',
  'پیامک',
  'در',
  'مجلس',
  'دولت',
  'گفت',
  '۲۳',
  '1402',
  'IRNA',
  'می‌شود',
  '«نقل»',
];
const SENTENCE_ENDS = ['.', '!', '؟', '…', '.»'];

const word = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.stringOf(fc.constantFrom(...'ابپتسشمنویهکگ'), { minLength: 1, maxLength: 8 })
);
const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 12 }), fc.constantFrom(...SENTENCE_ENDS))
  .map(([words, end]) => words.join(' ') + end)
  .filter((text) => !/انتهای پیام(?!ک)/.test(text));
const paragraph = fc
  .tuple(fc.array(sentence, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', '\n'))
  .map(([sentences, glue]) => sentences.join(glue));
const story = fc.array(paragraph, { minLength: 1, maxLength: 5 }).map((texts) => texts.map(p));

/** A footer in one of the spellings found in agency copy. */
const footer = fc
  .record({
    first: fc.constantFrom('انتهای', 'انتهاي', 'انتهاى', 'انتها\u200Cی', 'انتهـای', 'انتهایِ'),
    gap: fc.constantFrom(' ', '\u200C', '\u00A0', '   ', ' \u200C'),
    second: fc.constantFrom('پیام', 'پيام', 'پیـام'),
    code: fc.constantFrom('', '/', '/ ۲۳', ' /23', '/٢٣', '/۱۰۴'),
    lead: fc.constantFrom('', '۲۰۲/ ', '202/'),
    wrap: fc.constantFrom(
      ['', ''],
      ['*', '*'],
      ['**', '**'],
      ['# ', ''],
      ['× ', ''],
      ['\u200F', '\u200F'],
      ['', '.']
    ),
  })
  .map(
    ({ first, gap, second, code, lead, wrap }) =>
      `${wrap[0]}${lead}${first}${gap}${second}${code}${wrap[1]}`
  );

type Placement = 'paragraph' | 'separated' | 'own line' | 'after sentence' | 'twice';

const place = (blocks: BodyBlock[], text: string, placement: Placement): BodyBlock[] => {
  const last = blocks[blocks.length - 1];
  const rest = blocks.slice(0, -1);
  switch (placement) {
    case 'paragraph':
      return [...blocks, p(text)];
    case 'separated':
      return [...blocks, p('---'), p(text), p('')];
    case 'own line':
      return [...rest, p(`${last.text}\n${text}\n`)];
    case 'after sentence':
      return [...rest, p(`${last.text} ${text}`)];
    case 'twice':
      return [...rest, p(`${last.text} ${text}`), img(), p(text)];
  }
};

const placement = fc.constantFrom<Placement>(
  'paragraph',
  'separated',
  'own line',
  'after sentence',
  'twice'
);

describe('stripTrailingFooter properties', () => {
  it('returns exactly the original story for any story plus a footer in any spelling and place', () => {
    fc.assert(
      fc.property(story, footer, placement, (blocks, text, where) => {
        const result = stripTrailingFooter(place(blocks, text, where));
        const expected = where === 'twice' ? [...blocks, img()] : blocks;
        expect(result.found).toBe(true);
        expect(result.blocks).toEqual(expected);
        expect(findMidStoryMarkers(result.blocks)).toEqual([]);
      })
    );
  });

  it('leaves any story without a footer untouched', () => {
    fc.assert(
      fc.property(story, (blocks) => {
        const result = stripTrailingFooter(blocks);
        expect(result.found).toBe(false);
        expect(result.blocks).toEqual(blocks);
      })
    );
  });

  it('never mutates its input', () => {
    fc.assert(
      fc.property(story, footer, placement, (blocks, text, where) => {
        const input = place(blocks, text, where);
        Object.freeze(input);
        input.forEach((block) => Object.freeze(block));
        const copy = JSON.parse(JSON.stringify(input));
        stripTrailingFooter(input);
        findMidStoryMarkers(input);
        expect(input).toEqual(copy);
      })
    );
  });

  it('finds a marker wherever a footer is followed by another story', () => {
    fc.assert(
      fc.property(story, footer, story, (one, text, two) => {
        const markers = findMidStoryMarkers([...one, p(text), ...two]);
        expect(markers.map((m) => m.blockIndex)).toEqual([one.length]);
      })
    );
  });
});
