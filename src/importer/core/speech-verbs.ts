import { GAP } from './text';

/**
 * Speech verbs as Persian newsrooms write them, as a pattern over folded text (تأکید folds to تاکید,
 * ي/ك to ی/ک). GAP (spaces or ZWNJ, or none) stands between the parts of every compound, so «خاطرنشان
 * کرد», «خاطر نشان کرد» and «خاطر‌نشان ساخت» are one verb. Each takes the plural and the perfect
 * («گفتند», «تاکید کرده است»). Nouns that take an object before the verb («به … اشاره کرد», «از … تشکر
 * کرد») are left out: the words before them are not the speaker.
 */
const COMPOUND_NOUNS = [
  'اظهار',
  'تاکید',
  'عنوان',
  'بیان',
  `خاطر${GAP}نشان`,
  'تصریح',
  'اعلام',
  'اضافه',
  'اذعان',
  'تشریح',
  `یاد${GAP}آوری`,
  'سخنرانی',
  'ابراز',
  'گلایه',
].join('|');

/** «ابراز امیدواری کرد», «اظهار نگرانی کرد»: the feeling stands between the noun and the light verb. */
const FEELINGS = 'امیدواری|نگرانی|تاسف|خرسندی|خوشحالی|تعجب';

const PERFECT = `(?:ه${GAP}(?:است|اند|بود))?`;

const FORMS = [
  `(?:${COMPOUND_NOUNS})(?:${GAP}(?:${FEELINGS}))?${GAP}(?:کرد|داشت|نمود|ساخت)${PERFECT}`,
  `(?:ادامه|توضیح|هشدار|خبر|پاسخ|شرح|اطمینان|وعده)${GAP}داد${PERFECT}`,
  `(?:یاد${GAP}آور|متذکر|مدعی)${GAP}(?:شد|گردید)`,
  `(?:گفت|نوشت)${PERFECT}`,
  'افزود',
  `می${GAP}(?:گوی|افزای|نویس)(?=د|ند)`,
];

/** One speech verb, singular or plural («می‌گوید», «می‌گویند»). */
export const SPEECH_VERB = `(?:${FORMS.map((form) => `(?:${form})`).join('|')})(?:ند|د)?`;
