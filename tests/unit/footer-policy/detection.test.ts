import { readFileSync } from 'fs';
import {
  BodyBlock,
  findMidStoryMarkers,
  stripTrailingFooter,
} from '../../../src/plugins/footer-policy/core';
import { SEED_PATH } from '../../fixtures/paths';
import { h, img, LRM, markdownToBlocks, NBSP, p, q, RLM, STORY, ZWNJ } from './blocks';

interface DetectionCase {
  name: string;
  input: BodyBlock[];
  expected: BodyBlock[];
  code: string | null;
  /** How many typed footers are removed; 1 unless said. */
  count?: number;
}

const [first, last] = STORY;
const lastText = last.text as string;

/** The story followed by one more paragraph holding `footer`. */
const after = (name: string, footer: string, code: string | null = null): DetectionCase => ({
  name,
  input: [first, last, p(footer)],
  expected: [first, last],
  code,
});

/** The story whose last paragraph ends with `tail` appended. */
const inLast = (
  name: string,
  tail: string,
  code: string | null = null,
  count = 1
): DetectionCase => ({
  name,
  input: [first, p(lastText + tail)],
  expected: [first, p(lastText)],
  code,
  count,
});

const CASES: DetectionCase[] = [
  after('plain separate paragraph', 'انتهای پیام'),
  after('Arabic yeh in both words', 'انتهاي پيام'),
  after('alef maksura', 'انتهاى پیام'),
  after('ZWNJ between the words', `انتهای${ZWNJ}پیام`),
  after('no-break space between the words', `انتهای${NBSP}پیام`),
  after('several spaces between the words', 'انتهای    پیام'),
  after('ZWNJ inside انتها‌ی', `انتها${ZWNJ}ی پیام`),
  after('ezafe kasra on انتهای', 'انتهایِ پیام'),
  after('tatweel inside the words', 'انتهـــای پیـــام'),
  after('bidi marks around it', `${RLM}انتهای پیام${RLM}${LRM}`),
  after('Arabic yeh, ZWNJ and Arabic-Indic code', `انتهاي${ZWNJ}پيام/٤٥`, '45'),
  after('code in Persian digits after slash-space', 'انتهای پیام/ ۲۳', '23'),
  after('code in Latin digits after space-slash', 'انتهای پیام /23', '23'),
  after('code in Arabic-Indic digits', 'انتهای پیام/٢٣', '23'),
  after('spaced slash and long code', 'انتهای پیام / ۲۰۱۱', '2011'),
  after('trailing slash without a code', 'انتهای پیام/'),
  after('leading code', '۲۰۲/ انتهای پیام', '202'),
  after('leading code with an ellipsis', '۲۰۲/ ... انتهای پیام', '202'),
  after('leading Latin code without a space', '202/انتهای پیام', '202'),
  after('italic', '*انتهای پیام*'),
  after('bold', '**انتهای پیام**'),
  after('bold with code', '**انتهای پیام/ ۱۲**', '12'),
  after('heading mark', '# انتهای پیام'),
  after('multiplication-sign bullet', '× انتهای پیام'),
  after('blockquote mark', '> انتهای پیام'),
  after('dashes around', '— انتهای پیام —'),
  after('closing full stop', 'انتهای پیام.'),
  after('guillemets', '«انتهای پیام»'),
  after('trailing blank lines', 'انتهای پیام\n\n\n'),
  after('CRLF line ends', 'انتهای پیام\r\n\r\n'),
  {
    name: 'as a subheading',
    input: [first, last, h('انتهای پیام')],
    expected: [first, last],
    code: null,
  },
  {
    name: 'as a quote',
    input: [first, last, q('انتهای پیام/ ۷')],
    expected: [first, last],
    code: '7',
  },
  {
    name: '--- paragraph then the footer paragraph',
    input: [first, last, p('---'), p('انتهای پیام')],
    expected: [first, last],
    code: null,
  },
  {
    name: '*** paragraph then a bold coded footer',
    input: [first, last, p('***'), p('**انتهای پیام/ ۲۳**')],
    expected: [first, last],
    code: '23',
  },
  {
    name: 'separator after the footer',
    input: [first, last, p('انتهای پیام'), p('---')],
    expected: [first, last],
    code: null,
  },
  {
    name: 'empty paragraphs around the footer',
    input: [first, last, p(''), p('انتهای پیام'), p('  '), { kind: 'paragraph' }],
    expected: [first, last],
    code: null,
  },
  {
    name: 'image after the footer is kept in place',
    input: [first, last, p('انتهای پیام'), img()],
    expected: [first, last, img()],
    code: null,
  },
  {
    name: 'image between separator and footer is kept',
    input: [first, last, p('---'), img(), p('انتهای پیام')],
    expected: [first, last, img()],
    code: null,
  },
  inLast('after the last sentence', ' انتهای پیام'),
  {
    name: 'after a sentence ending with a spaced full stop, as the seed types it',
    input: [p('که موضوع کم بودن درآمد است حل می شود . انتهای پیام')],
    expected: [p('که موضوع کم بودن درآمد است حل می شود .')],
    code: null,
  },
  inLast('after the last sentence, with code', ' انتهای پیام/ ۱۲', '12'),
  inLast('after the last sentence, with a leading code', ' ۲۰۲/ انتهای پیام', '202'),
  inLast('after the last sentence, bold', ' **انتهای پیام**'),
  inLast('after the last sentence, with bidi marks and NBSP', `${RLM}${NBSP}انتهای پیام${RLM}`),
  inLast('on its own line in the last paragraph', '\nانتهای پیام'),
  inLast('on its own line after a markdown hard break', '  \nانتهای پیام/ ۲۳', '23'),
  inLast('after a separator inside the last paragraph', '\n\n---\n\nانتهای پیام'),
  inLast('own line, then trailing blank lines', '\nانتهای پیام\n\n'),
  inLast('twice on one line after the sentence', ' انتهای پیام انتهای پیام', null, 2),
  inLast('twice, the second with a full stop and code', ' انتهای پیام. انتهای پیام/۲', '2', 2),
  {
    name: 'after a question',
    input: [p('آیا این مشکل حل می شود؟ انتهای پیام')],
    expected: [p('آیا این مشکل حل می شود؟')],
    code: null,
  },
  {
    name: 'after a closing quotation',
    input: [p('او گفت: «این کار را انجام می‌دهیم.» انتهای پیام')],
    expected: [p('او گفت: «این کار را انجام می‌دهیم.»')],
    code: null,
  },
  {
    name: 'after a sentence that itself ends with the words',
    input: [p('او این را گفت در انتهای پیام. انتهای پیام/ ۵')],
    expected: [p('او این را گفت در انتهای پیام.')],
    code: '5',
  },
  {
    name: 'duplicated in two paragraphs',
    input: [first, last, p('انتهای پیام'), p('انتهای پیام/ ۲۳')],
    expected: [first, last],
    code: '23',
    count: 2,
  },
  {
    name: 'duplicated: in the last sentence and again as a paragraph',
    input: [first, p(`${lastText} انتهای پیام`), p('---'), p('انتهای پیام')],
    expected: [first, last],
    code: null,
    count: 2,
  },
  {
    name: 'duplicated with different codes keeps the last',
    input: [first, last, p('انتهای پیام/ ۱۱'), p('انتهای پیام/ ۲۳')],
    expected: [first, last],
    code: '23',
    count: 2,
  },
  {
    name: 'a body that is only a footer',
    input: [p('انتهای پیام')],
    expected: [],
    code: null,
  },
  // A line is taken for story without canonicalizing it when its last «پ» does not start «پیام»: these
  // footers spell the word with what canonicalize removes or folds.
  after('with tatweel inside «پیام»', 'انتهای پـــیام'),
  after('with Arabic yeh and a kasra inside «پیام»', 'انتهاي پِيام/ ۷', '7'),
  after('with a bidi mark inside «پیام»', `انتهای پ${RLM}یام`),
  after(
    'with more marks inside «پیام» than the quick look reads',
    `انتهای پ${'\u0650'.repeat(70)}یام`
  ),
];

describe('stripTrailingFooter: detection table', () => {
  it('has at least 30 variants', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = stripTrailingFooter(c.input);
    expect(result.blocks).toEqual(c.expected);
    expect(result.found).toBe(true);
    expect(result.reporterCode).toBe(c.code);
    expect(result.removed).toHaveLength(c.count ?? 1);
    expect(result.warnings.map((w) => w.code)).toContain('footer-removed');
  });
});

describe('stripTrailingFooter: lines that only look like footers', () => {
  it.each([
    ['a last word that starts with «پیام»', `${lastText} انتهای پیامک`],
    ['«پیام» before the line’s last «پ»', `${lastText} انتهای پیام از پارلمان`],
    ['tatweel only', 'ـــــ'],
  ])('%s is not a footer', (_name, text) => {
    const result = stripTrailingFooter([first, p(text)]);
    expect(result.found).toBe(false);
    expect(result.blocks).toEqual([first, p(text)]);
  });
});

describe('stripTrailingFooter: result shape', () => {
  it('keeps untouched blocks as the same objects and returns a new array', () => {
    const input = [first, last, img(), p('---'), p('انتهای پیام')];
    const result = stripTrailingFooter(input);
    expect(result.blocks).not.toBe(input);
    expect(result.blocks[0]).toBe(first);
    expect(result.blocks[1]).toBe(last);
    expect(result.blocks[2]).toBe(input[2]);
  });

  it('rewrites only the block that lost its tail, keeping its other fields', () => {
    const block = {
      kind: 'paragraph' as const,
      text: 'خبر تمام شد. انتهای پیام/ ۹',
      id: 7,
      __component: 'body.paragraph',
    };
    const result = stripTrailingFooter([block]);
    expect(result.blocks).toEqual([
      { kind: 'paragraph', text: 'خبر تمام شد.', id: 7, __component: 'body.paragraph' },
    ]);
    expect(result.reporterCode).toBe('9');
  });

  it('does not rewrite the last story block when the footer is in its own block', () => {
    const story = p('خبر تمام شد.\n\n');
    const result = stripTrailingFooter([story, p('انتهای پیام')]);
    expect(result.blocks[0]).toBe(story);
  });

  it('reports the removed footers as typed, in body order', () => {
    const result = stripTrailingFooter([
      first,
      p(`${lastText} **انتهاي پيام**`),
      p('۲۰۲/ انتهای پیام/ ۲۳'),
    ]);
    expect(result.removed).toEqual(['**انتهاي پيام**', '۲۰۲/ انتهای پیام/ ۲۳']);
    expect(result.reporterCode).toBe('23');
  });

  it('warns about duplicates and conflicting codes in both languages', () => {
    const result = stripTrailingFooter([first, p('انتهای پیام/ ۱۱'), p('انتهای پیام/ ۲۳')]);
    expect(result.warnings.map((w) => w.code)).toEqual([
      'footer-removed',
      'duplicate-footer',
      'conflicting-codes',
    ]);
    expect(result.warnings[1].fa).toContain('۲ بار');
    expect(result.warnings[2].fa).toContain('۲۳');
    expect(result.warnings[2].en).toContain('23');
  });

  it('returns no warnings and a copy when nothing is found', () => {
    const input = [first, last, p('---')];
    const result = stripTrailingFooter(input);
    expect(result).toEqual({
      blocks: input,
      found: false,
      removed: [],
      reporterCode: null,
      warnings: [],
    });
    expect(result.blocks).not.toBe(input);
  });

  it('handles an empty body', () => {
    expect(stripTrailingFooter([])).toEqual({
      blocks: [],
      found: false,
      removed: [],
      reporterCode: null,
      warnings: [],
    });
  });

  it('leaves a footer that story text follows (a mid-story marker) in place', () => {
    const result = stripTrailingFooter([p('متن اول.'), p('انتهای پیام'), p('متن دوم.')]);
    expect(result.found).toBe(false);
  });

  it('is idempotent', () => {
    const once = stripTrailingFooter([first, p(`${lastText} انتهای پیام`), p('انتهای پیام/ ۲')]);
    const twice = stripTrailingFooter(once.blocks);
    expect(twice.found).toBe(false);
    expect(twice.blocks).toEqual(once.blocks);
  });
});

describe('stripTrailingFooter: pathological lines stay fast', () => {
  it.each([
    [
      'long runs of spaces and asterisks before a footer-like ending',
      `خبر${' '.repeat(20000)}${'*'.repeat(20000)}انتهای پیام x`,
    ],
    ['long runs of full stops and brackets', `خبر${'.'.repeat(30000)}${')'.repeat(30000)}x`],
    ['a footer repeated many times', `خبر. ${'انتهای پیام '.repeat(5000)}`],
  ])('%s', (_name, text) => {
    // CPU time, not the clock: backtracking spends CPU, a busy machine only stretches the wall time.
    const started = process.cpuUsage();
    stripTrailingFooter([p(text)]);
    findMidStoryMarkers([p(text), p('خبر دیگر.')]);
    const spent = process.cpuUsage(started);
    expect((spent.user + spent.system) / 1000).toBeLessThan(1000);
  });
});

describe('stripTrailingFooter: the seed article', () => {
  const seed = readFileSync(SEED_PATH, 'utf8');
  const blocks = markdownToBlocks(seed);

  it('ends with --- and انتهای پیام as separate paragraphs', () => {
    expect(blocks.slice(-2)).toEqual([p('---'), p('انتهای پیام')]);
  });

  it('loses exactly those two paragraphs', () => {
    const result = stripTrailingFooter(blocks);
    expect(result.found).toBe(true);
    expect(result.reporterCode).toBeNull();
    expect(result.removed).toEqual(['انتهای پیام']);
    expect(result.blocks).toEqual(blocks.slice(0, -2));
    result.blocks.forEach((block, index) => expect(block).toBe(blocks[index]));
  });

  it('has no mid-story marker', () => {
    expect(findMidStoryMarkers(blocks)).toEqual([]);
  });
});
