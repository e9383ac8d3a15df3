import {
  HORIZONTAL_SPACE,
  stripBidiControls,
  stripInvisibleJoiners,
  toLatinDigits,
  unifyKeyboardLetters,
} from '../../persian';
import { JALALI_MONTH_NAMES } from '../../jalali';
import { fieldText } from './text';

/** Markdown emphasis, quote and list marks around a metadata line: `*نوشته شده توسط ...*`, `> ...`. */
const unwrapLine = (text: string): string =>
  text
    .replace(/^[ >*_~\u200C-]+/, '')
    .replace(/[ *_~\u200C]+$/, '')
    .trim();

const G = '[ \\u200C]*';

/**
 * A byline: «نوشته شده توسط NAME», «به قلم NAME», or a label with a colon («نویسنده: NAME»,
 * «خبرنگار: NAME», «گزارشگر: NAME», «گزارش: NAME», «تهیه و تنظیم: NAME»).
 */
const BYLINE = new RegExp(
  `^(?:نوشته${G}شده${G}(?:توسط|به${G}قلم)${G}:?|به${G}قلم${G}:?|(?:نویسنده|خبرنگار|گزارشگر|گزارش|تهیه${G}و${G}تنظیم|تهیه${G}کننده)${G}[:：])`
);

/** A person's name as bylines hold it: 1–5 words of letters, ZWNJ, dots or hyphens, at most 60 characters. */
const NAME = /^[\p{L}\p{M}\u200C.'’-]+(?: [\p{L}\p{M}\u200C.'’-]+){0,4}$/u;

/** The author named by a byline line, or null when the line is not a byline. */
export const bylineAuthor = (line: string): string | null => {
  if (line.length > 160) return null;
  const text = unifyKeyboardLetters(unwrapLine(line));
  const match = BYLINE.exec(text);
  if (!match) return null;
  const name = fieldText(text.slice(match[0].length))
    .replace(/^[:：\s]+/, '')
    .replace(/[\s.،,:؛;\-–—]+$/, '');
  if (name.length === 0 || name.length > 60 || !NAME.test(name) || !/\p{L}/u.test(name))
    return null;
  return name;
};

const WEEKDAY_WORDS = [
  'شنبه',
  'یکشنبه',
  'دوشنبه',
  'سهشنبه',
  'چهارشنبه',
  'پنجشنبه',
  'جمعه',
  'یک',
  'دو',
  'سه',
  'چهار',
  'پنج',
];
const MONTH_WORDS = [...JALALI_MONTH_NAMES, 'امرداد', 'ابان', 'اذر'];
const LABEL_WORDS = ['تاریخ', 'انتشار', 'خبر', 'ساعت', 'ماه', 'روز'];
const DATE_WORDS = new Set([...WEEKDAY_WORDS, ...MONTH_WORDS, ...LABEL_WORDS]);
const MONTHS = new Set<string>(MONTH_WORDS);

const NUMERIC_DATE = /(?:^|[^\d])\d{4}[/.-]\d{1,2}[/.-]\d{1,2}(?:$|[^\d])/;
const NUMBER_TOKEN = /^\d+(?:[/.:]\d+)*$/;

/** Latin digits, Persian letters, no bidi controls, joiners or emphasis, single spaces. */
const dateForm = (line: string): string =>
  toLatinDigits(unifyKeyboardLetters(stripInvisibleJoiners(stripBidiControls(unwrapLine(line)))))
    .replace(HORIZONTAL_SPACE, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * When the whole line is a date (and maybe a weekday, a time, a label such as «تاریخ انتشار:»), the
 * text to hand to the Jalali parser; otherwise null. A line counts when every word is a weekday,
 * month name, label or number, and it holds year/month/day or day, month name and a 4-digit year.
 * The parser decides whether the date exists: a line that looks like a date but is impossible is an
 * error, not story text.
 */
export const dateLineText = (line: string): string | null => {
  if (line.length > 160) return null;
  const text = dateForm(line);
  if (text.length === 0 || text.length > 100) return null;
  const tokens = text
    .replace(/\u200C/g, '')
    .split(/[ ،,|\-–—]+/)
    .map((token) => token.replace(/[:：]+$/, ''))
    .filter((token) => token !== '');
  if (
    tokens.length === 0 ||
    !tokens.every((token) => DATE_WORDS.has(token) || NUMBER_TOKEN.test(token))
  )
    return null;
  const numericDate = NUMERIC_DATE.test(text);
  const namedDate =
    tokens.some((token) => MONTHS.has(token)) &&
    tokens.some((token) => /^\d{4}$/.test(token)) &&
    tokens.some((token) => /^\d{1,2}$/.test(token));
  if (!numericDate && !namedDate) return null;

  let date = text
    .replace(/^تاریخ(?: ?(?:انتشار|خبر))? ?[:：]? ?/, '')
    .replace(/ ?\| ?/g, ' ')
    .replace(/(\d{4})\.(\d{1,2})\.(\d{1,2})/, '$1/$2/$3')
    .trim();
  // Time first («۱۹:۲۳ - ۱۳۹۶/۰۸/۰۹»): the parser wants the date first.
  const timeFirst = /^(?:ساعت ?)?(\d{1,2}:\d{2}(?::\d{2})?) ?[-–—،,]? ?(.+)$/.exec(date);
  if (timeFirst) date = `${timeFirst[2]} ${timeFirst[1]}`;
  return date;
};

/** Final punctuation that ends a sentence or a clause: a line ending so is not a title. */
const FINAL_PUNCTUATION = /[.:;؛،,…]["'»”’)\]]*$/;

/**
 * Whether a one-line block can be a title (or kicker): at most 200 characters, holding letters, not
 * ending with a full stop, colon, semicolon, comma or ellipsis, and not a list item, quote or
 * decorated sub-heading. Question and exclamation marks are allowed: headlines ask.
 */
export const isTitleLike = (line: string): boolean => {
  if (line.length > 400) return false;
  const text = fieldText(line.replace(/^\*\*(.+)\*\*$/, '$1'));
  if (text.length === 0 || text.length > 200 || !/\p{L}/u.test(text)) return false;
  if (/^[×•>*+-]|^\d+[.)] /.test(text)) return false;
  if (/^(?:https?:\/\/|www\.)\S*$/i.test(text) || /^\[[^\]]*\]\([^)]*\)$/.test(text)) return false;
  return !FINAL_PUNCTUATION.test(text);
};

/** A title or kicker line as stored: emphasis wrappers removed, one-line field text. */
export const titleText = (line: string): string => fieldText(line.replace(/^\*\*(.+)\*\*$/, '$1'));

/** `## text ##`: closing hashes after a space go (a loop, not a regex: linear on long runs of #). */
const stripClosingHashes = (text: string): string => {
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end -= 1;
  return end < text.length && (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t')
    ? text.slice(0, end)
    : text;
};

/**
 * The text of a sub-heading written as `## × text`, `## text`, `×text` or a short line all in bold
 * (`**text**` without final punctuation); null for anything else. Heading marks, the × decoration and
 * emphasis are stripped.
 */
export const subheadingText = (line: string, isHeading: boolean): string | null => {
  if (!isHeading && line.length > 400) return null;
  let text = line.trim();
  if (isHeading) {
    text = stripClosingHashes(text.replace(/^#{1,6}[ \t]+/, ''));
  } else if (/^×/.test(text)) {
    text = text.slice(1);
  } else if (
    /^\*\*[^*].*\*\*$/.test(text) &&
    text.length <= 150 &&
    !FINAL_PUNCTUATION.test(text.slice(2, -2))
  ) {
    text = text.slice(2, -2);
  } else {
    return null;
  }
  text = text.replace(/^[ \t]*[×•*\-–—][ \t]*/, '').replace(/^\*\*(.+)\*\*$/, '$1');
  const clean = fieldText(text);
  return clean === '' ? null : clean;
};

export interface SourceCredit {
  source: string;
  sourceUrl: string | null;
}

/** A link target as a URL: http(s) kept, a bare domain given http://; null when it is no URL. */
const asUrl = (target: string): string | null => {
  const candidate = /^https?:\/\//i.test(target)
    ? target
    : /^(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/?#]\S*)?$/.test(target)
      ? `http://${target}`
      : null;
  if (candidate === null) return null;
  try {
    return new URL(candidate).protocol.startsWith('http') ? candidate : null;
  } catch {
    return null;
  }
};

const SOURCE_WITH_LINK = new RegExp(
  `به${G}گزارش ([^()[\\]\\n،,:.!?؟]{2,150}?) ?\\( ?(?:\\[([^\\]\\n]{0,300})\\]\\( ?([^()\\s]{1,500}) ?\\)|([^()\\s]{1,500})) ?\\)`
);
const SOURCE_WITH_COMMA = new RegExp(
  `^(?:[^.!?؟]{0,80}? )?به${G}گزارش ([^()[\\]\\n،,:.!?؟]{2,100}?) ?[،,]`
);

/** Words that open «به گزارش ...» without naming a source: «به گزارش خبرنگار ما،». */
const NOT_A_SOURCE = /^(?:خبرنگار|گروه خبری|همکار)/;

/**
 * The credited source of a paragraph: «به گزارش SOURCE (LINK)» where LINK is a markdown link or a bare
 * URL (a parenthesis that is not a URL, such as «(ایرنا)», stays part of the name), or «به گزارش
 * SOURCE،» with no link. Null when the paragraph credits no source.
 */
export const sourceCredit = (paragraph: string): SourceCredit | null => {
  const text = unifyKeyboardLetters(paragraph.slice(0, 1200)).replace(HORIZONTAL_SPACE, ' ');
  const linked = SOURCE_WITH_LINK.exec(text);
  if (linked) {
    const name = fieldText(linked[1]);
    const target = linked[3] ?? linked[4];
    const url = asUrl(target);
    if (name !== '' && name.split(' ').length <= 15) {
      if (url !== null) return { source: name, sourceUrl: url };
      if (linked[4] !== undefined)
        return { source: `${name} (${fieldText(linked[4])})`, sourceUrl: null };
      return { source: name, sourceUrl: null };
    }
  }
  const plain = SOURCE_WITH_COMMA.exec(text);
  if (plain) {
    const name = fieldText(plain[1]);
    if (name !== '' && name.split(' ').length <= 10 && !NOT_A_SOURCE.test(name))
      return { source: name, sourceUrl: null };
  }
  return null;
};
