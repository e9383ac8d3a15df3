import { toLatinDigits } from '../../persian';
import { SPEECH_VERB } from './speech-verbs';
import {
  GAP,
  LETTER_CLASS,
  analysisText,
  foldedText,
  isLetter,
  squeezedKey,
  wordKey,
} from './text';

/** An official the newsroom already knows (the officials collection). */
export interface KnownOfficial {
  fullName: string;
  /** Other names the newsroom writes them by, e.g. the surname alone. */
  aliases?: ReadonlyArray<string>;
  role?: string;
}

/** A person the story quotes or names: a known official (matched) or a candidate found by pattern. */
export interface OfficialReport {
  fullName: string;
  role: string | null;
  matched: boolean;
  /** For a candidate: shorter names the story calls them by later («حسینی» after «مریم حسینی»). */
  aliases?: string[];
}

/** A unit of story text in reading order: title, lead, then the body blocks. */
export interface TextUnit {
  kind: 'title' | 'lead' | 'subheading' | 'paragraph';
  text: string;
}

export interface QuoteAttribution {
  official: string;
  role?: string;
}

export interface OfficialsAnalysis {
  /** For each unit index that is a quote: who is quoted. */
  quotes: Map<number, QuoteAttribution>;
  officials: OfficialReport[];
}

const L = LETTER_CLASS;

/**
 * How much of each unit is searched for people. News paragraphs are far shorter; the bound keeps the
 * analysis linear in the size of the file whatever the file holds.
 */
export const MAX_ANALYSED_CHARS = 4000;

/** A clause longer than this cannot be a name with its role; the backwards walk stops there. */
const MAX_CLAUSE_CHARS = 300;

/** A speech verb and its colon: what opens a quotation. */
const SPEECH_COLON = new RegExp(`(?<![${L}\\u200C])${SPEECH_VERB} ?[:：]`);

/**
 * What follows a person's name when news introduces them: «NAME در گفت و گو با», «NAME اظهار کرد»
 * (any speech verb), «NAME با اشاره به / با بیان اینکه / با تاکید بر».
 */
const INTRODUCTION = new RegExp(
  `(?<![${L}\\u200C])(?:در${GAP}(?:گفت${GAP}و${GAP}گو|گفتگو)${GAP}با|${SPEECH_VERB}(?![${L}])` +
    `|با${GAP}(?:بیان|اشاره|تاکید|اعلام)${GAP}(?:اینکه|این${GAP}که|به|بر)(?![${L}]))`,
  'g'
);

const keys = (words: string): Set<string> => new Set(words.split(' ').map(wordKey));

/** First words of a role phrase (office titles). */
const ROLE_HEADS = keys(
  'نماینده وزیر رئیس رییس معاون سخنگوی سخنگو مدیرکل مدیرعامل مدیر مشاور دبیر دبیرکل عضو استاندار فرماندار ' +
    'شهردار بخشدار دادستان فرمانده سفیر نایب جانشین قائممقام رئیسکل سرپرست نخستوزیر رهبر سرکنسول کاردار ' +
    'سرمربی خطیب'
);

/** Where a role phrase stops: prepositions, verbs, pronouns, time words. */
const ROLE_STOPS = keys(
  'با از به برای که را گفت افزود اظهار تاکید عنوان بیان خاطرنشان ادامه تصریح اعلام ضمن طی هم همچنین نیز ' +
    'امروز دیروز روز شب صبح این آن وی او ایشان است بود شد می نمی تا اگر اما ولی پس پیش درباره خطاب در ' +
    'خبر داد کرد کرده شده دارد داشت نمود گفته کند کنند هستند باشد گفتند حضور نوشت نوشته یادآور متذکر'
);

/** «در» continues a role before these: «نماینده مردم تهران در مجلس شورای اسلامی». */
const ROLE_IN = keys('مجلس شورای');

const ANAPHORA = keys('این همین آن همان');

/** Words dropped before a name: conjunctions and honorifics. */
const LEADING = keys('و اما ولی سپس همچنین ضمنا');
const HONORIFICS = keys(
  'آقای خانم دکتر مهندس سردار سرتیپ سرلشکر سرهنگ سرگرد سروان ستوان دریادار استاد حجتالاسلام حجتالاسلاموالمسلمین آیتالله'
);
const NAME_PREFIXES = keys('سید سیده میر');

/** Occupations that head a description in apposition («کارگردان فیلم …، NAME، …»), not an office. */
const DESCRIPTION_HEAD_WORDS =
  'کارگردان بازیگر فعال نویسنده شاعر خواننده آهنگساز بازیکن مربی ورزشکار وکیل پزشک هنرمند تهیهکننده عکاس ' +
  'فیلمساز اقتصاددان جامعهشناس روانشناس حقوقدان کارآفرین استاد پژوهشگر کارشناس';
const DESCRIPTION_HEADS = keys(DESCRIPTION_HEAD_WORDS);

/** Words that are never part of a person's name in these patterns. */
const STOP_WORDS = keys(
  // pronouns, determiners, function words
  'وی او ایشان این آن همین همان یک ما من شما آنها خود که را با از به در برای تا و یا هم نیز همچنین اما ولی ' +
    'سپس امروز دیروز روز شب صبح عصر هفته ماه سال گذشته آینده اخیر جاری دیگر نخست اول دوم سوم یکی برخی ' +
    'بسیاری همه هر چند چه اینکه آنکه بنده باید است بود شد می نمی داد کرد گفت گفته افزود اظهار تاکید عنوان ' +
    'بیان خاطرنشان تصریح اعلام ادامه اشاره ' +
    // newsrooms and institutions
    'خبرنگار خبرنگاران خبرگزاری پایگاه خبری روزنامه گزارش گروه مجلس دولت وزارت وزارتخانه سازمان اداره کل ' +
    'استان استانداری شهرستان شهر شهرداری کشور ایران تهران اسلامی جمهوری جمهور انقلاب شورای شورا کمیسیون ' +
    'فراکسیون مرکز مرکزی بانک قوه قضاییه مجریه مقننه ملی عالی امنیت ستاد پلیس سپاه ارتش دانشگاه انجمن ' +
    'اتحادیه اتاق بازرگانی صنایع صنعت معدن تجارت شرکت هیئت هیات مدیره عامل روابط عمومی حوزه دفتر دفاتر ' +
    'پیشخوان خدمات امور خارجه داخله اقتصاد اقتصادی دارایی نیرو نفت ارتباطات فناوری اطلاعات بهداشت درمان ' +
    'آموزش پرورش علوم تحقیقات دادگستری دفاع راه شهرسازی کار رفاه تعاون اجتماعی جهاد کشاورزی ورزش جوانان ' +
    // (not «فرهنگی»: a surname as often as an adjective)
    'فرهنگ ارشاد میراث گردشگری رسانه رسانهها ' +
    // groups of people
    'مردم نمایندگان کارشناسان کارشناس مسئولان مسئول مسوولان مسوول مدیران فعالان اعضای مقامات مقام منابع ' +
    'منبع رسمی آگاه پژوهشگر پژوهشگران تحلیلگر تحلیلگران دانشجو دانشجویان کاربران متخصصان پزشکان ' +
    'معاونت ریاست دبیرخانه پزشکی ' +
    // organisations and bodies that announce, as agencies name them
    'باشگاه تیم فدراسیون کمیته صندوق گمرک بورس حزب جبهه بنیاد نهاد کانون موسسه پژوهشگاه سفارت دادگاه دادسرا ' +
    'بیمارستان کاخ پارلمان کنگره شبکه صداوسیما تلویزیون رادیو نشریه مجله ' +
    // places
    'خیابان میدان بزرگراه کوچه محله منطقه روستا روستای بندر فرودگاه ورزشگاه دریاچه رودخانه خلیج دریای کوه جزیره ' +
    'شمالی جنوبی شرقی غربی سعودی متحده عربی ' +
    // people named through someone else, and groups
    'خانواده همسر پدر مادر برادر خواهر فرزند همکاران همتای پیکر نامه عکس شماری تعدادی جمعی اهالی ساکنان مسافران ' +
    'شاهدان کشاورزان کارگران ' +
    // what heads a description in apposition
    DESCRIPTION_HEAD_WORDS
);

/** Verbs that close a clause of their own; never inside the adjunct between a speaker and «گفت». */
const FINITE_VERBS = keys('شد شدند است بود بودند کرد کردند یافت رسید');

/**
 * Words that open what stands between a speaker's name and the speech verb: time, place, occasion and
 * manner («NAME روز دوشنبه در نشست خبری … اظهار کرد», «NAME که در مراسم … سخن می‌گفت، افزود»).
 */
const ADJUNCT_OPENERS = keys(
  'در درباره به با برای از ضمن طی پس پیش هنگام حین روز امروز دیروز امشب دیشب صبح ظهر عصر شب شامگاه بامداد ' +
    'بعدازظهر پیشازظهر هفته ماه سال اخیرا پیشتر همچنین نیز هم که خطاب سپس ضمنا شنبه یکشنبه دوشنبه سهشنبه ' +
    'چهارشنبه پنجشنبه جمعه'
);

interface Word {
  start: number;
  end: number;
  key: string;
  /** The part before a ZWNJ («رئیس» of «رئیس‌جمهور»). */
  head: string;
}

/** A text unit prepared once for every search. */
interface Prepared {
  analysis: string;
  /** Folded, with short parenthesised asides blanked. */
  folded: string;
  squeezed: string;
  /** squeezed[i] came from folded[origin[i]]. */
  origin: number[];
  words: Word[];
}

const WORD = new RegExp(`[${L}\\u200C]+`, 'g');

const ZWNJ = '\u200C';

// The common word has no ZWNJ and is taken as matched; only the rest pay for trimming and splitting
// (the tokenizer was a fifth of an import's parse).
const tokenize = (folded: string, offset: number): Word[] => {
  const words: Word[] = [];
  for (const match of folded.matchAll(WORD)) {
    const text = match[0];
    const at = offset + (match.index ?? 0);
    if (!text.includes(ZWNJ)) {
      words.push({ start: at, end: at + text.length, key: text, head: text });
      continue;
    }
    let from = 0;
    let to = text.length;
    while (from < to && text[from] === ZWNJ) from += 1;
    while (to > from && text[to - 1] === ZWNJ) to -= 1;
    if (from === to) continue;
    const raw = text.slice(from, to);
    const joiner = raw.indexOf(ZWNJ);
    words.push({
      start: at + from,
      end: at + to,
      key: joiner === -1 ? raw : raw.replace(/\u200C/g, ''),
      head: joiner === -1 ? raw : raw.slice(0, joiner),
    });
  }
  return words;
};

const prepare = (text: string): Prepared => {
  const analysis = analysisText(
    text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text
  );
  const folded = foldedText(analysis);
  const latin = toLatinDigits(folded);
  const squeezedChars: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < latin.length; i += 1) {
    if (latin[i] !== ' ' && latin[i] !== '\u200C') {
      squeezedChars.push(latin[i]);
      origin.push(i);
    }
  }
  // Short asides in parentheses («امروز (سه‌شنبه)», «(ره)») and titles in guillemets («در برنامه «سلام
  // تهران» گفت») are blanked for the clause reading, after known names were given their chance in `squeezed`.
  const clauses = folded.replace(/\([^()]{0,40}\)|«[^«»]{0,60}»/g, (aside) =>
    ' '.repeat(aside.length)
  );
  return {
    analysis,
    folded: clauses,
    squeezed: squeezedChars.join(''),
    origin,
    words: tokenize(clauses, 0),
  };
};

/** Whether the text between two words is only spaces (no punctuation sets them apart). */
const adjacent = (prepared: Prepared, left: Word, right: Word): boolean =>
  /^[ \u200C]*$/.test(prepared.folded.slice(left.end, right.start));

const isRoleHead = (word: Word): boolean => ROLE_HEADS.has(word.key) || ROLE_HEADS.has(word.head);

// ---------------------------------------------------------------------------------------------------
// Known officials

interface IndexedOfficial {
  official: KnownOfficial;
  /** Squeezed keys of the full name and aliases, longest first. */
  keys: string[];
}

interface Mention {
  official: IndexedOfficial;
  start: number;
  end: number;
}

const indexOfficials = (officials: ReadonlyArray<KnownOfficial>): IndexedOfficial[] =>
  officials
    .filter(
      (official) => typeof official?.fullName === 'string' && squeezedKey(official.fullName) !== ''
    )
    .map((official) => ({
      official,
      keys: Array.from(
        new Set(
          [official.fullName, ...(Array.isArray(official.aliases) ? official.aliases : [])]
            .filter((name): name is string => typeof name === 'string')
            .map(squeezedKey)
            .filter((key) => key.length >= 2)
        )
      ).sort((a, b) => b.length - a.length),
    }));

/** A name starts and ends on word boundaries; a ZWNJ glued to letters («سلیمی‌نژاد») continues the word. */
const boundaryBefore = (folded: string, at: number): boolean =>
  !isLetter(folded[at - 1]) && !(folded[at - 1] === '\u200C' && isLetter(folded[at - 2]));

const boundaryAfter = (folded: string, at: number): boolean =>
  !isLetter(folded[at]) && !(folded[at] === '\u200C' && isLetter(folded[at + 1]));

/**
 * Mentions of known officials by full name or alias. Names are compared with letters folded and with
 * spaces and ZWNJ ignored (so «اصغر سلیمی», «اصغر‌سلیمی» and «اصغرسلیمی» are the same name), on word
 * boundaries. Where mentions overlap the longest wins.
 */
const findMentions = (prepared: Prepared, index: ReadonlyArray<IndexedOfficial>): Mention[] => {
  const found: Mention[] = [];
  for (const entry of index) {
    for (const key of entry.keys) {
      let at = prepared.squeezed.indexOf(key);
      while (at !== -1) {
        const start = prepared.origin[at];
        const end = prepared.origin[at + key.length - 1] + 1;
        if (boundaryBefore(prepared.folded, start) && boundaryAfter(prepared.folded, end)) {
          found.push({ official: entry, start, end });
        }
        at = prepared.squeezed.indexOf(key, at + 1);
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Mention[] = [];
  for (const mention of found) {
    const last = kept[kept.length - 1];
    if (last && mention.start < last.end) continue;
    kept.push(mention);
  }
  return kept;
};

const PREPOSITIONS = keys('با از به برای درباره همراه کنار');

/**
 * The official a paragraph quotes: the first speech verb with a colon opens the quotation, and an
 * official named earlier in that sentence is the speaker. When several are named, the first one not
 * governed by a preposition («در دیدار با X») speaks. Pronouns and role phrases name no one.
 */
const quotedMention = (prepared: Prepared, mentions: ReadonlyArray<Mention>): Mention | null => {
  const colon = SPEECH_COLON.exec(prepared.folded);
  if (colon === null) return null;
  const before = prepared.folded.slice(0, colon.index);
  let sentenceStart = 0;
  for (const match of before.matchAll(/[.!?؟](?=\s)/g)) sentenceStart = (match.index ?? 0) + 1;
  const inSentence = mentions.filter(
    (mention) => mention.start >= sentenceStart && mention.end <= colon.index
  );
  if (inSentence.length === 0) return null;
  const governed = (mention: Mention): boolean => {
    const { folded } = prepared;
    let end = mention.start;
    while (end > 0 && folded[end - 1] === ' ') end -= 1;
    let start = end;
    while (start > 0 && (isLetter(folded[start - 1]) || folded[start - 1] === '\u200C')) start -= 1;
    return end > start && PREPOSITIONS.has(wordKey(folded.slice(start, end)));
  };
  return inSentence.find((mention) => !governed(mention)) ?? inSentence[0];
};

// ---------------------------------------------------------------------------------------------------
// Candidates: people introduced in the usual news patterns

interface Span {
  start: number;
  end: number;
}

interface Candidate {
  unit: number;
  name: Span;
  /** The role written with the name (inline or in apposition), or null. */
  role: string | null;
  /** The clauses read to find the name and role: role phrases inside are taken. */
  consumed: Span[];
}

/** A name read after an office title also reads as that whole office phrase (`asRole`). */
type Reading =
  | { kind: 'name'; name: Span; role: string | null; asRole?: string }
  | { kind: 'role'; role: string }
  | null;

const textOf = (prepared: Prepared, words: ReadonlyArray<Word>): string =>
  words.length === 0 ? '' : prepared.analysis.slice(words[0].start, words[words.length - 1].end);

const PERSIAN_WORD = /^[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5\u06FA-\u06FF\u200C]{2,}$/;

/** 2–4 Persian words (1 for a surname naming someone already introduced), none a stop word or an office title. */
const isName = (prepared: Prepared, words: ReadonlyArray<Word>, minWords = 2): boolean =>
  words.length >= minWords &&
  words.length <= 4 &&
  words.every(
    (word) =>
      PERSIAN_WORD.test(prepared.folded.slice(word.start, word.end)) &&
      !STOP_WORDS.has(word.key) &&
      !isRoleHead(word)
  );

/**
 * Index of the last word of the office phrase opened by words[i]: the words after the title up to a
 * preposition, verb, pronoun or punctuation, at most 10 words («در» continues before مجلس/شورای).
 */
const roleExtent = (prepared: Prepared, words: ReadonlyArray<Word>, i: number): number => {
  let last = i;
  for (
    let k = i + 1;
    k < words.length && k - i < 10 && adjacent(prepared, words[k - 1], words[k]);
    k += 1
  ) {
    const key = words[k].key;
    if (
      key === 'در' ? !(k + 1 < words.length && ROLE_IN.has(words[k + 1].key)) : ROLE_STOPS.has(key)
    )
      break;
    last = k;
  }
  return last;
};

/** Index after any honorifics at `from` («دکتر»، «حجت الاسلام و المسلمین»). */
const skipHonorifics = (words: ReadonlyArray<Word>, from: number): number => {
  let at = from;
  for (;;) {
    let step = 0;
    for (let size = 4; size >= 1 && step === 0; size -= 1) {
      if (
        at + size <= words.length &&
        HONORIFICS.has(
          words
            .slice(at, at + size)
            .map((word) => word.key)
            .join('')
        )
      ) {
        step = size;
      }
    }
    if (step === 0) return at;
    at += step;
  }
};

const trimTrailingAnd = (words: Word[]): Word[] => {
  const result = words.slice();
  while (
    result.length > 0 &&
    (result[result.length - 1].key === 'و' || HONORIFICS.has(result[result.length - 1].key))
  ) {
    result.pop();
  }
  return result;
};

/**
 * Reads the words of a clause. «اصغر سلیمی» is a name; «نماینده مجلس اصغر سلیمی» is a role and a name
 * (the last two words, three after سید/میر); «نماینده مجلس» alone is a role; anything else (a pronoun,
 * «این نماینده مجلس», a longer clause) is nothing. One word is a name only as a surname (`minWords`).
 */
const readWords = (prepared: Prepared, words: ReadonlyArray<Word>, minWords: number): Reading => {
  let at = 0;
  while (at < words.length && LEADING.has(words[at].key)) at += 1;
  at = skipHonorifics(words, at);
  const rest = words.slice(at);
  if (rest.length === 0) return null;
  if (isRoleHead(rest[0])) {
    // The office phrase must run up to the name: «رئیس سازمان خبر داد و حسین محمدی» is no «ROLE NAME».
    const extent = roleExtent(prepared, rest, 0);
    const size = rest.length >= 4 && NAME_PREFIXES.has(rest[rest.length - 3].key) ? 3 : 2;
    if (extent < rest.length - size - 1) return null;
    if (rest.length > size && isName(prepared, rest.slice(-size))) {
      const name = rest.slice(-size);
      return {
        kind: 'name',
        name: { start: name[0].start, end: name[size - 1].end },
        role: textOf(prepared, trimTrailingAnd(rest.slice(0, -size))),
        asRole: textOf(prepared, trimTrailingAnd(rest)),
      };
    }
    const role = trimTrailingAnd(rest);
    return extent >= role.length - 1 ? { kind: 'role', role: textOf(prepared, role) } : null;
  }
  if (isName(prepared, rest, minWords))
    return {
      kind: 'name',
      name: { start: rest[0].start, end: rest[rest.length - 1].end },
      role: null,
    };
  // «پژمان جمشیدی بازیگر سینما و تلویزیون»: a name, then a description without commas (not a role).
  const described = rest.findIndex((word) => DESCRIPTION_HEADS.has(word.key));
  if (
    described >= 2 &&
    described <= 4 &&
    isName(prepared, rest.slice(0, described)) &&
    !rest.some((word) => FINITE_VERBS.has(word.key))
  ) {
    return {
      kind: 'name',
      name: { start: rest[0].start, end: rest[described - 1].end },
      role: null,
    };
  }
  // «علی رضایی و حسن کریمی»: the second subject; `findCandidates` goes back from «و» for the first.
  const and = rest.map((word) => word.key).lastIndexOf('و');
  if (and >= 2 && isName(prepared, rest.slice(0, and)) && isName(prepared, rest.slice(and + 1))) {
    return {
      kind: 'name',
      name: { start: rest[and + 1].start, end: rest[rest.length - 1].end },
      role: null,
    };
  }
  // «مسعود جهانگیری مدیرکل دفتر بازرسی وزارت کار»: a name, then an office phrase to the end.
  const title = rest.findIndex(isRoleHead);
  if (
    title >= 2 &&
    title <= 4 &&
    isName(prepared, rest.slice(0, title)) &&
    roleExtent(prepared, rest, title) === rest.length - 1
  ) {
    return {
      kind: 'name',
      name: { start: rest[0].start, end: rest[title - 1].end },
      role: textOf(prepared, trimTrailingAnd(rest.slice(title))),
    };
  }
  return null;
};

/**
 * Reads one clause (a run of words between punctuation) that ends where an introduction begins: the
 * whole clause, else its words up to an adjunct opener («NAME روز دوشنبه در …», «ROLE NAME در جمع …»),
 * the first split that reads as a name winning. A clause that starts with an opener is an adjunct.
 */
const readClause = (prepared: Prepared, span: Span): Reading | 'adjunct' => {
  const words = tokenize(prepared.folded.slice(span.start, span.end), span.start);
  if (words.length > 0 && ADJUNCT_OPENERS.has(words[0].key))
    return words.some((word) => FINITE_VERBS.has(word.key)) ? null : 'adjunct';
  const whole = readWords(prepared, words, 1);
  // A role read to the end of the clause holds its openers: «خطیب نماز جمعه تهران».
  if (whole !== null) return whole;
  let role: Reading = null;
  for (let k = 1; k < words.length; k += 1) {
    if (!ADJUNCT_OPENERS.has(words[k].key)) continue;
    // A finite verb after the split ends the name's clause: «حکم … تایید شد و وکیل او گفت».
    if (words.slice(k).some((word) => FINITE_VERBS.has(word.key))) break;
    const reading = readWords(prepared, words.slice(0, k), 1);
    if (reading?.kind === 'name') return reading;
    role ??= reading;
  }
  return role;
};

/** The clause that ends at `end`: back over letters, digits, ZWNJ and spaces to the previous punctuation. */
const clauseBefore = (
  folded: string,
  end: number
): (Span & { boundary: string | undefined }) | null => {
  let stop = end;
  while (stop > 0 && folded[stop - 1] === ' ') stop -= 1;
  let start = stop;
  while (
    start > 0 &&
    (isLetter(folded[start - 1]) || /[ \u200C0-9\u06F0-\u06F9]/.test(folded[start - 1]))
  ) {
    start -= 1;
    if (stop - start > MAX_CLAUSE_CHARS) return null;
  }
  return { start, end: stop, boundary: folded[start - 1] };
};

const isComma = (char: string | undefined): boolean => char === '،' || char === ',';

const SOURCE_OPENER = new RegExp(`^به${GAP}گزارش(?![${L}])`);

/**
 * What stands before a name read in apposition (one or more commas before the introduction): the start
 * of a sentence, «به گزارش …،», a description («کارگردان فیلم …،») or an office phrase («وزیر نیرو، رضا
 * اردکانیان، …») — whose role it is. Anything else («در دیدار با همتای خود، NAME، …») makes the name
 * someone else's apposition.
 */
const appositionOpening = (
  prepared: Prepared,
  clause: Span & { boundary: string | undefined }
): { role: string | null } | null => {
  if (!isComma(clause.boundary)) return { role: null };
  const before = clauseBefore(prepared.folded, clause.start - 1);
  if (before === null) return null;
  if (SOURCE_OPENER.test(prepared.folded.slice(before.start, before.end).trimStart()))
    return { role: null };
  const words = tokenize(prepared.folded.slice(before.start, before.end), before.start);
  if (words.length > 0 && DESCRIPTION_HEADS.has(words[0].key)) return { role: null };
  // A fronted adjunct that governs no person («در این نشست، NAME، …», «به گفته خبرگزاری فارس، NAME، …»;
  // not «در دیدار با همتای خود، NAME»).
  if (
    !isComma(before.boundary) &&
    readClause(prepared, before) === 'adjunct' &&
    !words.slice(1).some((word) => PREPOSITIONS.has(word.key))
  ) {
    return { role: null };
  }
  const reading = words.length === 0 ? null : readWords(prepared, words, 2);
  if (reading?.kind === 'role') return { role: reading.role };
  return reading?.kind === 'name' && reading.asRole !== undefined ? { role: reading.asRole } : null;
};

/**
 * A person introduced before `at`: the clause right before it is a name (with or without a role, maybe
 * followed by an adjunct), or the name stands up to five commas earlier with roles, descriptions and
 * adjuncts after it («علی مطهری، نماینده مردم تهران، روز یکشنبه در نشست خبری گفت»).
 */
const candidateBefore = (prepared: Prepared, unit: number, at: number): Candidate | null => {
  let role: string | null = null;
  /** Where unread clauses after a role end, when they end like a list («…، ری، شمیرانات و پردیس»). */
  let listEnd: number | null = null;
  let unread = 0;
  const consumed: Span[] = [];
  let end = at;
  for (let hop = 0; hop < 6; hop += 1) {
    const clause = clauseAfterVerb(prepared, clauseBefore(prepared.folded, end));
    if (clause === null) return null;
    consumed.push(clause);
    const reading = clause.start === clause.end ? null : readClause(prepared, clause);
    // (One word further back is a list item or a description, «…، ری، شمیرانات، …», not a surname.)
    const oneWord =
      reading !== null &&
      reading !== 'adjunct' &&
      reading.kind === 'name' &&
      !prepared.folded.slice(reading.name.start, reading.name.end).includes(' ');
    if (hop > 0 && role === null && clause.start !== clause.end && (reading === null || oneWord)) {
      const words = tokenize(prepared.folded.slice(clause.start, clause.end), clause.start);
      if (unread === 0 && words.some((word) => word.key === 'و')) listEnd = clause.end;
      unread = words.length <= 6 ? unread + 1 : Number.POSITIVE_INFINITY;
    }
    if (reading === null || reading === 'adjunct') {
      // Right before the introduction only an adjunct or nothing; further back also a description in
      // apposition («نرگس یزدانی، کارشناس ارشد حوزه انرژی، در این باره گفت»).
      if (reading === null && hop === 0 && clause.start !== clause.end) return null;
    } else if (reading.kind === 'role') {
      // A role written as a list is cut by its commas: the items after it belong to it.
      role ??=
        listEnd !== null && unread <= 4
          ? reading.role + prepared.analysis.slice(clause.end, listEnd)
          : reading.role;
    } else if (hop === 0 || !oneWord) {
      const opening = hop === 0 ? { role: null } : appositionOpening(prepared, clause);
      if (opening !== null)
        return { unit, name: reading.name, role: reading.role ?? role ?? opening.role, consumed };
      // Not a name in apposition but an office phrase («علی اکبر رحیمی، دبیرکل خانه کارگر، …») or a
      // description that reads like one («مینا اکبری، فعال حقوق کودکان، …»): the name is further back.
      if (reading.asRole !== undefined) role ??= reading.asRole;
    }
    if (!isComma(clause.boundary)) return null;
    end = clause.start - 1;
  }
  return null;
};

/**
 * The clause's words after a finite verb and «و»: «… موافقت کرد و محسن هاشمی، رئیس شورا، گفت» names
 * the speaker in a sentence of its own. Such a clause starts the name's sentence (no comma before).
 */
const clauseAfterVerb = <T extends Span & { boundary: string | undefined }>(
  prepared: Prepared,
  clause: T | null
): T | null => {
  if (clause === null) return null;
  const words = tokenize(prepared.folded.slice(clause.start, clause.end), clause.start);
  for (let i = words.length - 2; i >= 1; i -= 1) {
    if (words[i].key === 'و' && FINITE_VERBS.has(words[i - 1].key))
      return { ...clause, start: words[i + 1].start, boundary: 'و' };
  }
  return clause;
};

/** The word that ends right before `at` (spaces between), if any. */
const wordBefore = (prepared: Prepared, at: number): Word | undefined => {
  const before = prepared.words.filter((word) => word.end <= at).pop();
  return before && /^ *$/.test(prepared.folded.slice(before.end, at)) ? before : undefined;
};

const findCandidates = (prepared: Prepared, unit: number): Candidate[] => {
  const found: Candidate[] = [];
  for (const match of prepared.folded.matchAll(INTRODUCTION)) {
    let candidate = candidateBefore(prepared, unit, match.index ?? 0);
    // A plural verb after «… و NAME»: the subjects joined by «و» all speak («NAME1، ROLE1، و NAME2 … گفتند»).
    for (let more = 0; candidate && more < 4; more += 1) {
      found.push(candidate);
      const and = wordBefore(prepared, candidate.name.start);
      candidate =
        and?.key === 'و' && /ند$/.test(match[0])
          ? candidateBefore(prepared, unit, and.start)
          : null;
    }
  }
  return found;
};

interface RolePhrase extends Span {
  text: string;
  /** «این نماینده مجلس»: refers back to someone already named. */
  anaphoric: boolean;
}

/**
 * Office phrases: an office title and the words after it up to a preposition, verb, pronoun or
 * punctuation (at most 10 words; «در» continues before مجلس/شورای).
 */
const findRolePhrases = (prepared: Prepared): RolePhrase[] => {
  const phrases: RolePhrase[] = [];
  const { words } = prepared;
  for (let i = 0; i < words.length; i += 1) {
    if (!isRoleHead(words[i])) continue;
    const last = roleExtent(prepared, words, i);
    const phraseWords = trimTrailingAnd(words.slice(i, last + 1));
    const previous = words[i - 1];
    phrases.push({
      start: words[i].start,
      end: words[last].end,
      text: textOf(prepared, phraseWords),
      anaphoric:
        previous !== undefined &&
        adjacent(prepared, previous, words[i]) &&
        ANAPHORA.has(previous.key),
    });
    i = last;
  }
  return phrases;
};

// ---------------------------------------------------------------------------------------------------

/**
 * Finds who the story quotes and names.
 *
 * Quotes: a paragraph is a quote when, in the sentence that ends at its first speech verb with a colon
 * («اظهار کرد:», «تاکید کرد:», «گفت:» ...), it names a known official by full name or alias.
 *
 * Candidates: people introduced as «NAME در گفت و گو با», «NAME <speech verb>» or «NAME با اشاره به»,
 * where NAME is 2–4 words without stop words, optionally after an office title («وزیر نیرو رضا
 * اردکانیان») or with one in apposition, and optionally followed by an adjunct of time, place or
 * occasion («NAME روز دوشنبه در نشست خبری …»). A later name that ends an earlier candidate's («حسینی»
 * after «مریم حسینی») is that candidate, reported as an alias. A candidate without a role written
 * with the name takes the nearest earlier office phrase that introduces someone anonymously («یک
 * نماینده مجلس شورای اسلامی ...»): first in its own paragraph, then in the lead. Phrases already
 * attached to a name and anaphoric ones («این نماینده مجلس») are skipped. Candidates whose name is a
 * known official's are reported as that official (matched).
 */
export const analyseOfficials = (
  units: ReadonlyArray<TextUnit>,
  officials: ReadonlyArray<KnownOfficial>
): OfficialsAnalysis => {
  const index = indexOfficials(officials);
  const entryNumber = new Map(
    index.map((entry, number): [IndexedOfficial, number] => [entry, number])
  );
  const byKey = new Map<string, IndexedOfficial>();
  for (const entry of index)
    for (const key of entry.keys) if (!byKey.has(key)) byKey.set(key, entry);
  const prepared = units.map((unit) => prepare(unit.text));
  const mentions = prepared.map((unit) => findMentions(unit, index));
  const perUnit = prepared.map((unit, unitIndex) =>
    units[unitIndex].kind === 'lead' || units[unitIndex].kind === 'paragraph'
      ? findCandidates(unit, unitIndex)
      : []
  );
  const candidates = perUnit.flat();
  const leadIndex = units.findIndex((unit) => unit.kind === 'lead');
  /** Office phrases that can introduce someone: not anaphoric, not read as part of a candidate's clauses. */
  const freeRoles = prepared.map((unit, unitIndex) => {
    const taken = new Uint8Array(unit.folded.length + 1);
    for (const candidate of perUnit[unitIndex]) {
      for (const span of candidate.consumed) taken.fill(1, span.start, span.end);
    }
    return findRolePhrases(unit).filter((phrase) => !phrase.anaphoric && taken[phrase.start] === 0);
  });

  const anonymousRoleBefore = (unit: number, at: number): string | null => {
    const own = freeRoles[unit].filter((phrase) => phrase.end <= at).pop();
    if (own) return own.text;
    if (leadIndex === -1 || leadIndex >= unit) return null;
    const fromLead = freeRoles[leadIndex][freeRoles[leadIndex].length - 1];
    return fromLead ? fromLead.text : null;
  };

  type Entry = OfficialReport & { order: [number, number]; key: string; tails?: Set<string> };
  const entries = new Map<string, Entry>();
  const note = (key: string, report: OfficialReport, order: [number, number]) => {
    const existing = entries.get(key);
    if (!existing) {
      entries.set(key, { ...report, order, key });
    } else if (existing.role === null && report.role !== null) {
      existing.role = report.role;
    }
  };

  const detectedRoles = new Map<KnownOfficial, string>();
  for (const candidate of candidates) {
    const role = candidate.role ?? anonymousRoleBefore(candidate.unit, candidate.name.start);
    const known = mentions[candidate.unit].find(
      (mention) => mention.start < candidate.name.end && mention.end > candidate.name.start
    );
    const order: [number, number] = [candidate.unit, candidate.name.start];
    if (known) {
      if (role !== null && !detectedRoles.has(known.official.official))
        detectedRoles.set(known.official.official, role);
      continue;
    }
    const fullName = prepared[candidate.unit].analysis.slice(
      candidate.name.start,
      candidate.name.end
    );
    const key = squeezedKey(fullName);
    const byName = byKey.get(key);
    if (byName) {
      if (role !== null && !detectedRoles.has(byName.official))
        detectedRoles.set(byName.official, role);
      continue;
    }
    // «حسینی تاکید کرد» after «مریم حسینی …»: the person already introduced, called by their surname.
    const introduced = Array.from(entries.values()).find((entry) => entry.tails?.has(key));
    if (introduced) {
      if (!introduced.aliases!.includes(fullName)) introduced.aliases!.push(fullName);
      continue;
    }
    const words = fullName.split(' ');
    if (words.length < 2) continue;
    note(`candidate:${key}`, { fullName, role, matched: false, aliases: [] }, order);
    const entry = entries.get(`candidate:${key}`)!;
    entry.tails = new Set(
      words.slice(1).map((_word, i) => squeezedKey(words.slice(i + 1).join(' ')))
    );
  }

  mentions.forEach((unitMentions, unitIndex) => {
    for (const mention of unitMentions) {
      const { official } = mention.official;
      note(
        `known:${entryNumber.get(mention.official)}`,
        {
          fullName: official.fullName,
          role: official.role ?? detectedRoles.get(official) ?? null,
          matched: true,
        },
        [unitIndex, mention.start]
      );
    }
  });

  const quotes = new Map<number, QuoteAttribution>();
  prepared.forEach((unit, unitIndex) => {
    if (units[unitIndex].kind !== 'paragraph') return;
    const speaker = quotedMention(unit, mentions[unitIndex]);
    if (!speaker) return;
    const { official } = speaker.official;
    const role = official.role ?? detectedRoles.get(official);
    quotes.set(
      unitIndex,
      role === undefined ? { official: official.fullName } : { official: official.fullName, role }
    );
  });

  const ordered = Array.from(entries.values()).sort(
    (a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]
  );
  return {
    quotes,
    officials: ordered.map(({ fullName, role, matched, aliases }) =>
      aliases?.length ? { fullName, role, matched, aliases } : { fullName, role, matched }
    ),
  };
};
