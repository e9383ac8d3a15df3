import { parseStory } from '../../../src/importer/core';
import type { KnownOfficial } from '../../../src/importer/core';
import { miniStory } from './helpers';

const SALIMI: KnownOfficial = {
  fullName: 'اصغر سلیمی',
  aliases: ['سلیمی'],
  role: 'نماینده مجلس شورای اسلامی',
};
const LARIJANI: KnownOfficial = {
  fullName: 'علی لاریجانی',
  aliases: ['لاریجانی'],
  role: 'رئیس مجلس شورای اسلامی',
};
const AZARI: KnownOfficial = {
  fullName: 'محمدجواد آذری جهرمی',
  aliases: ['آذری جهرمی'],
  role: 'وزیر ارتباطات و فناوری اطلاعات',
};

const parse = (paragraphs: string[], officials: KnownOfficial[] = [], lead?: string) =>
  parseStory(miniStory(paragraphs, lead), { officials });

const typesOf = (paragraphs: string[], officials: KnownOfficial[]) =>
  parse(paragraphs, officials).body.map((block) => block.type);

describe('the quote rule', () => {
  it('quotes a paragraph naming a known official before a speech-verb colon, by full name or alias', () => {
    const story = parse(
      ['اصغر سلیمی اظهار کرد: دفاتر باید تقویت شوند.', 'سلیمی افزود: این کار ضروری است.'],
      [SALIMI]
    );
    expect(story.body).toStrictEqual([
      {
        type: 'quote',
        text: 'اصغر سلیمی اظهار کرد: دفاتر باید تقویت شوند.',
        official: 'اصغر سلیمی',
        role: 'نماینده مجلس شورای اسلامی',
      },
      {
        type: 'quote',
        text: 'سلیمی افزود: این کار ضروری است.',
        official: 'اصغر سلیمی',
        role: 'نماینده مجلس شورای اسلامی',
      },
    ]);
  });

  it.each([
    'سلیمی گفت: متن.',
    'سلیمی تأکید کرد: متن.',
    'سلیمی تاكيد كرد: متن.',
    'سلیمی خاطر نشان کرد: متن.',
    'سلیمی خاطر‌نشان کرد : متن.',
    'سلیمی ادامه داد: متن.',
    'سلیمی بیان کرد: متن.',
    'سلیمی عنوان کرد: متن.',
    'سلیمی اظهار داشت: متن.',
    'سلیمي با اشاره به اهمیت موضوع افزود: متن.',
  ])('speech verb variants: %s', (paragraph) => {
    expect(typesOf([paragraph], [SALIMI])).toEqual(['quote']);
  });

  it.each([
    ['a pronoun', 'وی تاکید کرد: متن.'],
    ['a role phrase', 'این نماینده مجلس اظهار کرد: متن.'],
    ['no colon after the verb', 'سلیمی گفت که دفاتر باید تقویت شوند.'],
    ['the name only after the colon', 'وی گفت: سلیمی درست می گوید.'],
    ['the name in an earlier sentence', 'سلیمی دیروز به تهران رفت. وی گفت: متن.'],
    ['a longer surname glued by ZWNJ', 'سلیمی‌نژاد گفت: متن.'],
    ['a longer surname glued', 'اسلیمی گفت: متن.'],
    ['no speech verb', 'سلیمی: متن.'],
  ])('is not a quote: %s', (_name, paragraph) => {
    expect(typesOf([paragraph], [SALIMI])).toEqual(['paragraph']);
  });

  it('names the speaker, not the person met', () => {
    const story = parse(
      ['در دیدار با اصغر سلیمی، علی لاریجانی گفت: متن.', 'لاریجانی در دیدار با سلیمی گفت: متن.'],
      [SALIMI, LARIJANI]
    );
    expect(story.body.map((block) => block.official)).toEqual(['علی لاریجانی', 'علی لاریجانی']);
  });

  it('matches names across ZWNJ, space and joined spellings and Arabic letters', () => {
    for (const name of ['آذری‌جهرمی', 'آذریجهرمی', 'محمد جواد آذری جهرمي', 'محمدجواد آذری‌جهرمی']) {
      expect(parse([`${name} تاکید کرد: متن.`], [AZARI]).body[0]).toMatchObject({
        type: 'quote',
        official: 'محمدجواد آذری جهرمی',
      });
    }
  });

  it('omits the role of an official without one when the story gives none', () => {
    const story = parse(['حسن روحانی گفت: متن.'], [{ fullName: 'حسن روحانی' }]);
    expect(story.body).toStrictEqual([
      { type: 'quote', text: 'حسن روحانی گفت: متن.', official: 'حسن روحانی' },
    ]);
    expect(story.officials).toStrictEqual([{ fullName: 'حسن روحانی', role: null, matched: true }]);
  });

  it('ignores malformed officials', () => {
    const officials = [
      { fullName: '' },
      { fullName: ' ' },
      { fullName: 'اصغر سلیمی', aliases: ['', 'س'] },
    ] as KnownOfficial[];
    expect(parse(['اصغر سلیمی گفت: متن.'], officials).body[0].type).toBe('quote');
  });
});

describe('official candidates', () => {
  it.each([
    [
      'an office title before the name',
      'وزیر نیرو رضا اردکانیان در گفت و گو با ایسنا گفت: متن.',
      'رضا اردکانیان',
      'وزیر نیرو',
    ],
    [
      'a role in apposition',
      'علی مطهری، نماینده مردم تهران در مجلس شورای اسلامی، در گفت و گو با خبرنگار ما اظهار کرد: متن.',
      'علی مطهری',
      'نماینده مردم تهران در مجلس شورای اسلامی',
    ],
    [
      'a سید name',
      'معاون وزیر کشور سید محمد حسینی تاکید کرد: متن.',
      'سید محمد حسینی',
      'معاون وزیر کشور',
    ],
    [
      'an honorific',
      'به گزارش ایسنا، دکتر مریم احمدی با اشاره به اهمیت موضوع گفت: متن.',
      'مریم احمدی',
      null,
    ],
    [
      '«نوشت»',
      'سمیه رستمی، دبیر کانون نویسندگان جوان، در یادداشتی نوشت: متن.',
      'سمیه رستمی',
      'دبیر کانون نویسندگان جوان',
    ],
    [
      '«خاطر‌نشان ساخت»',
      'بابک شفیعی مدیرکل بنادر استان بوشهر خاطر‌نشان ساخت: متن.',
      'بابک شفیعی',
      'مدیرکل بنادر استان بوشهر',
    ],
    [
      '«ساخت» inside a role',
      'حمید صفری، معاون ساخت و توسعه راه‌آهن، خاطرنشان ساخت: متن.',
      'حمید صفری',
      'معاون ساخت و توسعه راه‌آهن',
    ],
    ['«یادآور شد» with a ZWNJ', 'کیوان نادری یاد‌آور شد: متن.', 'کیوان نادری', null],
    [
      'the perfect «تاکید کرده است»',
      'شیرین جلالی، سخنگوی کمیسیون بهداشت، تأکید کرده است: متن.',
      'شیرین جلالی',
      'سخنگوی کمیسیون بهداشت',
    ],
    ['«ابراز امیدواری کرد»', 'داوود فرجی ابراز امیدواری کرد: متن.', 'داوود فرجی', null],
    [
      'a name after «… کرد و»',
      'هیئت دولت لایحه را تصویب کرد و ناصر یزدی، سخنگوی دولت، گفت: متن.',
      'ناصر یزدی',
      'سخنگوی دولت',
    ],
    [
      'a description without commas',
      'ترانه صدری نویسنده کتاب‌های کودک در گفت‌وگو با ایبنا گفت: متن.',
      'ترانه صدری',
      null,
    ],
    [
      'a role written as a list',
      'رسول اکبری، نماینده مردم شیراز، زرقان و خرامه در مجلس، اعلام کرد: متن.',
      'رسول اکبری',
      'نماینده مردم شیراز، زرقان و خرامه در مجلس',
    ],
    [
      'a role holding a weekday',
      'سعید بهرامی، خطیب نماز جمعه قم، گفت: متن.',
      'سعید بهرامی',
      'خطیب نماز جمعه قم',
    ],
    [
      'a fronted adjunct before the name',
      'به گفته روابط عمومی وزارت نیرو، پرویز حیدری، معاون وزیر نیرو، گفته است: متن.',
      'پرویز حیدری',
      'معاون وزیر نیرو',
    ],
  ])('%s', (_name, paragraph, fullName, role) => {
    expect(parse([paragraph], [], 'لید خبر درباره دفاتر پیشخوان است.').officials).toStrictEqual([
      { fullName, role, matched: false },
    ]);
  });

  it.each([
    [
      'with commas and roles',
      'در این جلسه، مینا توکلی، رئیس انجمن قلب، و بهرام نیکو، عضو هیئت مدیره انجمن، سخنرانی کردند.',
      [
        ['مینا توکلی', 'رئیس انجمن قلب'],
        ['بهرام نیکو', 'عضو هیئت مدیره انجمن'],
      ],
    ],
    [
      'without commas',
      'پری سلامی و جواد کیانی روز شنبه در نشست خبری گفتند: متن.',
      [
        ['پری سلامی', null],
        ['جواد کیانی', null],
      ],
    ],
  ])('subjects joined by «و» before a plural verb, %s', (_name, paragraph, people) => {
    expect(parse([paragraph], [], 'لید خبر درباره دفاتر پیشخوان است.').officials).toStrictEqual(
      (people as [string, string | null][]).map(([fullName, role]) => ({
        fullName,
        role,
        matched: false,
      }))
    );
  });

  it.each([
    [
      'a singular verb after «و»',
      'در این جلسه مینا توکلی و بهرام نیکو حضور داشتند و رئیس انجمن گفت: متن.',
    ],
    [
      'a name met, before the apposition',
      'در دیدار با همتای خود، سامان وکیلی، درباره همکاری گفت: متن.',
    ],
    ['a newspaper that «wrote»', 'روزنامه اطلاعات در شماره امروز نوشت: متن.'],
  ])('no candidate: %s', (_name, paragraph) => {
    expect(parse([paragraph], [], 'لید خبر درباره دفاتر پیشخوان است.').officials).toStrictEqual([]);
  });

  it('takes the nearest anonymous role phrase before the name, in the paragraph then the lead', () => {
    const lead = 'یک مقام مسئول گفت: دفاتر پیشخوان توسعه می یابند.';
    const paragraph =
      'رئیس سازمان فناوری اطلاعات در این نشست حضور داشت. حسین محمدی در گفت و گو با ما افزود: متن.';
    expect(parse([paragraph], [], lead).officials).toStrictEqual([
      { fullName: 'حسین محمدی', role: 'رئیس سازمان فناوری اطلاعات', matched: false },
    ]);
    const withLeadRole = 'سخنگوی دولت با بیان اینکه دفاتر توسعه می یابند گفت: متن.';
    expect(
      parse(['حسین محمدی در گفت و گو با ما افزود: متن.'], [], withLeadRole).officials
    ).toStrictEqual([{ fullName: 'حسین محمدی', role: 'سخنگوی دولت', matched: false }]);
  });

  it('skips anaphoric role phrases («این نماینده مجلس») and roles attached to another person', () => {
    const story = parse(
      [
        'وزیر نیرو رضا اردکانیان گفت: متن.',
        'این نماینده مجلس اظهار کرد: متن.',
        'حسین محمدی در گفت و گو با ما افزود: متن.',
      ],
      [],
      'لید خبر درباره دفاتر پیشخوان است.'
    );
    expect(story.officials).toStrictEqual([
      { fullName: 'رضا اردکانیان', role: 'وزیر نیرو', matched: false },
      { fullName: 'حسین محمدی', role: null, matched: false },
    ]);
  });

  it.each([
    'وی در گفت و گو با خبرنگار ما گفت: متن.',
    'این نماینده مجلس در گفت و گو با ما گفت: متن.',
    'خبرنگار ما گزارش داد و مردم تهران اظهار کردند: متن.',
    'سخنگوی دولت در گفت و گو با خبرنگار ما گفت: متن.',
    'وزیر امور خارجه اظهار کرد: متن.',
    'سلیمی با تاکید بر اینکه دفاتر مهم هستند گفت: متن.',
    'کارشناسان اقتصادی تاکید کردند: متن.',
    'رئیس سازمان فناوری اطلاعات خبر داد و حسین محمدی گفت: متن.',
    'یک نماینده مجلس شورای اسلامی با بیان اینکه دفاتر مهم هستند گفت: متن.',
  ])('is conservative: no candidate in «%s»', (paragraph) => {
    expect(parse([paragraph], [], 'لید خبر درباره دفاتر پیشخوان است.').officials).toEqual([]);
  });

  it('reports a candidate that is a known official as matched, once, in story order', () => {
    const story = parse(
      [
        'وزیر نیرو رضا اردکانیان گفت: متن.',
        'اصغر سلیمی در گفت و گو با ما گفت: متن.',
        'سلیمی افزود: متن.',
      ],
      [SALIMI],
      'لید خبر درباره دفاتر پیشخوان است.'
    );
    expect(story.officials).toStrictEqual([
      { fullName: 'رضا اردکانیان', role: 'وزیر نیرو', matched: false },
      { fullName: 'اصغر سلیمی', role: 'نماینده مجلس شورای اسلامی', matched: true },
    ]);
    expect(story.warnings).toContain('Unknown official candidate: رضا اردکانیان (وزیر نیرو)');
  });
});

describe('honorifics before a name', () => {
  it.each(['حجت الاسلام و المسلمین', 'حجت‌الاسلام والمسلمین', 'آیت الله', 'دکتر'])(
    '%s',
    (honorific) => {
      const story = parse(
        [`${honorific} حسن محمدی در گفت و گو با ما گفت: متن.`],
        [],
        'لید خبر درباره دفاتر پیشخوان است.'
      );
      expect(story.officials).toStrictEqual([
        { fullName: 'حسن محمدی', role: null, matched: false },
      ]);
    }
  );
});
