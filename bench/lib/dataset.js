'use strict';
/**
 * The benchmark data set: desks, officials and published articles shaped like the seed story (title,
 * روتیتر, lead, a body of paragraphs, «×» sub-headings and quotes of an official, byline, reporter code,
 * «به گزارش …» source, a Jalali publication date). Generated from a seed, never stored: the same seed gives
 * the same data on every machine.
 */
const { createRng } = require('./rng');

// Words of the newsroom's vocabulary (mostly from the seed story), for titles, leads and paragraphs.
const WORDS = (
  'نماینده مجلس شورای اسلامی دفاتر پیشخوان خدمات دولت سازمان ها واگذاری مصوبه قانونی تمکین درآمد مشکلات ' +
  'توسعه دولت الکترونیک چابک سازی اولویت مردم شهرها مناطق دوردست تقویت مباحث بررسی نمایندگان تلاش حمایت ' +
  'سریع اهداف راستای دسترسی نزدیک محل زندگی کار اختیارات کافی مسوولیت ارائه ضوابط امور ایجاد توجه ' +
  'بخش خصوصی تصمیمات ویژه رضایت اهمیت موضوع وزارت ارتباطات فناوری اطلاعات اقتصاد بازار بودجه طرح لایحه ' +
  'کمیسیون جلسه گزارش برنامه سال آینده افزایش کاهش هزینه سرمایه گذاری شبکه ملی اینترنت پهنای باند ' +
  'استان تهران اصفهان شیراز تبریز مشهد کرمان یزد همدان رشت ساری اهواز قزوین زنجان اراک سمنان ' +
  'آموزش بهداشت درمان حمل نقل مسکن اشتغال جوانان کشاورزی آب برق گاز نفت صادرات واردات گمرک مالیات'
).split(' ');

const VERBS = [
  'اظهار کرد',
  'تاکید کرد',
  'عنوان کرد',
  'گفت',
  'خاطرنشان کرد',
  'یادآور شد',
  'افزود',
  'بیان کرد',
];
const CONNECTORS = [
  'با بیان اینکه',
  'با اشاره به اینکه',
  'با تاکید بر اینکه',
  'در ادامه',
  'همچنین',
  'به گفته وی',
];

const FIRST_NAMES = [
  'اصغر',
  'محمد',
  'علی',
  'حسین',
  'رضا',
  'مهدی',
  'زهرا',
  'فاطمه',
  'مریم',
  'سعید',
  'حمید',
  'مجید',
  'نرگس',
  'لیلا',
  'کاظم',
  'جواد',
  'پروین',
  'سارا',
  'امیر',
  'بهروز',
  'شهلا',
  'منصور',
  'فرهاد',
  'ژاله',
  'یوسف',
];
const LAST_NAMES = [
  'سلیمی',
  'احمدی',
  'محمدی',
  'حسینی',
  'کریمی',
  'رضایی',
  'موسوی',
  'جعفری',
  'قاسمی',
  'صادقی',
  'رحیمی',
  'نوری',
  'باقری',
  'شریف زاده',
  'طاهری',
  'اکبری',
  'یزدانی',
  'زمانی',
  'فرهادی',
  'کاظمی',
  'نجفی',
  'ملکی',
];
const ROLES = [
  'نماینده مجلس شورای اسلامی',
  'وزیر ارتباطات و فناوری اطلاعات',
  'معاون وزیر',
  'استاندار',
  'رئیس کمیسیون',
  'مدیرکل',
  'سخنگوی دولت',
  'رئیس سازمان',
  'عضو هیئت مدیره',
  'کارشناس اقتصادی',
];
const ORGANIZATIONS = [
  'مجلس شورای اسلامی',
  'وزارت ارتباطات',
  'سازمان برنامه و بودجه',
  'استانداری',
  'شورای شهر',
];

const SECTIONS = [
  ['politics', 'سیاسی', null],
  ['parliament', 'مجلس', 'politics'],
  ['government', 'دولت', 'politics'],
  ['economy', 'اقتصادی', null],
  ['markets', 'بازار', 'economy'],
  ['energy', 'انرژی', 'economy'],
  ['ict', 'ارتباطات و فناوری اطلاعات', null],
  ['counters', 'دفاتر پیشخوان', 'ict'],
  ['society', 'اجتماعی', null],
  ['provinces', 'استان ها', null],
  ['culture', 'فرهنگی', null],
  ['sport', 'ورزشی', null],
];

/** The UTC span the articles are spread over: Tehran 1390/01/01 00:00 to 1404/01/01 00:00 (+03:30 both). */
const SPAN = { start: Date.parse('2011-03-20T20:30:00Z'), end: Date.parse('2025-03-20T20:30:00Z') };

/** The archive scenario's month, Aban 1396 in Tehran (the seed's month), as a UTC range (checked against the core). */
const ARCHIVE_MONTH = {
  year: 1396,
  month: 8,
  start: Date.parse('2017-10-22T20:30:00Z'),
  end: Date.parse('2017-11-21T20:30:00Z'),
};

const words = (rng, min, max) => {
  const count = rng.int(min, max);
  const out = [];
  for (let i = 0; i < count; i += 1) out.push(rng.pick(WORDS));
  return out.join(' ');
};

const sentence = (rng, speaker) => {
  const opening = speaker
    ? `${speaker} ${rng.pick(CONNECTORS)} ${words(rng, 5, 10)} ${rng.pick(VERBS)}: `
    : '';
  return `${opening}${words(rng, 10, 24)}.`;
};

const paragraph = (rng, speaker) => {
  const count = rng.int(2, 4);
  const out = [];
  for (let i = 0; i < count; i += 1) out.push(sentence(rng, i === 0 ? speaker : null));
  return out.join(' ');
};

const personName = (rng) => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;

/** A date spread uniformly over SPAN, outside `avoid` (a {start, end} UTC range) when given; whole minutes. */
const spreadDate = (rng, avoid) => {
  for (;;) {
    const at = SPAN.start + Math.floor(rng.next() * (SPAN.end - SPAN.start));
    const minute = at - (at % 60000);
    if (!avoid || minute < avoid.start || minute >= avoid.end)
      return new Date(minute).toISOString();
  }
};

const dateIn = (rng, range) => {
  const at = range.start + Math.floor(rng.next() * (range.end - range.start));
  return new Date(at - (at % 60000)).toISOString();
};

const uniqueTitle = (rng, seen) => {
  for (;;) {
    const title = words(rng, 7, 13);
    if (!seen.has(title)) {
      seen.add(title);
      return title;
    }
  }
};

/** The seed story's body: a lead paragraph, then 1–3 parts of a «×» sub-heading, a paragraph and a quote of an official. */
const storyBody = (rng, speaker, quoted) => {
  const body = [
    { type: 'paragraph', text: `به گزارش پایگاه خبری پیشخوان، ${paragraph(rng, speaker)}` },
  ];
  const parts = rng.int(1, 3);
  for (let p = 0; p < parts; p += 1) {
    body.push({ type: 'subheading', text: words(rng, 4, 8) });
    body.push({ type: 'paragraph', text: paragraph(rng, null) });
    const official = quoted[p];
    if (official) {
      body.push({
        type: 'quote',
        text: paragraph(rng, null),
        officialKey: official.key,
        role: official.role,
      });
    }
  }
  return body;
};

/**
 * The main data set (REST, GraphQL, lookups): `articles` articles over 14 Jalali years, 12 desks (some
 * nested), `officials` officials. Articles reference desks and officials by key.
 */
const generateMain = ({ seed = 1396, articles = 1000, officials = 60 } = {}) => {
  const rng = createRng(seed);
  const sections = SECTIONS.map(([key, name, parent]) => ({
    key,
    parent,
    name,
    description: `اخبار ${name}، ${words(rng, 3, 6)}`,
    footerMode: key === 'sport' ? 'custom' : 'inherit',
    footerText: key === 'sport' ? 'پایان خبر' : null,
  }));

  const officialList = [];
  const names = new Set();
  while (officialList.length < officials) {
    const fullName = personName(rng);
    if (names.has(fullName)) continue;
    names.add(fullName);
    const last = fullName.split(' ').slice(1).join(' ');
    officialList.push({
      key: `official-${officialList.length + 1}`,
      fullName,
      aliases: [last],
      role: rng.pick(ROLES),
      organization: rng.pick(ORGANIZATIONS),
      bio: paragraph(rng, null),
    });
  }

  const titles = new Set();
  const articleList = [];
  for (let i = 0; i < articles; i += 1) {
    const quoted = rng.sample(officialList, rng.int(0, 2));
    const speaker = quoted[0] ? quoted[0].fullName : personName(rng);
    const body = storyBody(rng, speaker, quoted);
    articleList.push({
      key: `article-${i + 1}`,
      title: uniqueTitle(rng, titles),
      kicker: rng.next() < 0.5 ? words(rng, 3, 6) : null,
      lead: sentence(rng, speaker),
      body,
      sectionKey: rng.pick(sections).key,
      officialKeys: quoted.map((official) => official.key),
      author: personName(rng),
      reporterCode: String(rng.int(10, 300)),
      source: 'پایگاه خبری پیشخوان',
      sourceUrl: `https://pishkhan.example/news/${i + 1}`,
      publishedOn: spreadDate(rng, null),
    });
  }
  return { seed, sections, officials: officialList, articles: articleList };
};

/**
 * The archive data set, one article at a time (it is inserted in bulk): the first `inMonth` articles
 * fall in ARCHIVE_MONTH, all others outside it, so the month holds the same articles at every size and
 * only the rest of the archive grows. With `officials` (archiveOfficials()) each article also has the rest of
 * the seed story's shape (storyParts).
 */
const archiveArticles = function* ({ seed = 1396, from = 0, to, inMonth = 100, officials = null }) {
  for (let i = from; i < to; i += 1) {
    // One generator per article: article i is the same whatever range it is generated in.
    const rng = createRng(seed * 1000003 + i);
    const title = `${words(rng, 6, 11)} ${i + 1}`;
    yield {
      index: i,
      documentId: rng.id(),
      title,
      lead: sentence(rng, null),
      author: personName(rng),
      reporterCode: String(rng.int(10, 300)),
      source: 'پایگاه خبری پیشخوان',
      sectionIndex: rng.int(0, SECTIONS.length - 1),
      publishedOn: i < inMonth ? dateIn(rng, ARCHIVE_MONTH) : spreadDate(rng, ARCHIVE_MONTH),
      ...(officials ? storyParts(seed, i, officials) : {}),
    };
  }
};

/**
 * The rest of the seed story's shape for an archive article (the scale data set): a روتیتر, a body and quoted
 * officials, from a generator of their own so the fields above stay what they are at every shape.
 */
const storyParts = (seed, i, officials) => {
  const rng = createRng(seed * 7919 + i * 31 + 17);
  const quoted = rng.sample(officials, rng.int(0, 2));
  const speaker = quoted[0] ? quoted[0].fullName : personName(rng);
  return {
    kicker: rng.next() < 0.5 ? words(rng, 3, 6) : null,
    sourceUrl: `https://pishkhan.example/news/${i + 1}`,
    officialIndexes: quoted.map((official) => official.index),
    body: storyBody(rng, speaker, quoted),
  };
};

/** The officials an archive of the full shape quotes: `count` of them, the same for a seed. */
const archiveOfficials = ({ seed = 1396, count = 60 } = {}) => {
  const rng = createRng(seed * 104729 + 7);
  const out = [];
  const names = new Set();
  while (out.length < count) {
    const fullName = personName(rng);
    if (names.has(fullName)) continue;
    names.add(fullName);
    out.push({
      index: out.length,
      key: `official-${out.length + 1}`,
      documentId: `benchofficial${String(out.length).padStart(11, '0')}`,
      fullName,
      aliases: [fullName.split(' ').slice(1).join(' ')],
      role: rng.pick(ROLES),
      organization: rng.pick(ORGANIZATIONS),
      bio: paragraph(rng, null),
    });
  }
  return out;
};

module.exports = {
  generateMain,
  archiveArticles,
  archiveOfficials,
  SECTIONS,
  ARCHIVE_MONTH,
  SPAN,
};
