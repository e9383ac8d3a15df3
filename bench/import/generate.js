#!/usr/bin/env node
'use strict';
/**
 * A seeded, reproducible archive of stories of the seed's shape (../shared/seed/000_2c60c95b086a054e.txt):
 * lead, «به گزارش …» source line with a link, `## ×` sub-headings, quotes of known officials (full name,
 * then the surname alias), an occasional unknown person, the title after the body, «نوشته شده توسط …»,
 * a Jalali date line with its weekday in Persian digits, `---` and «انتهای پیام» (sometimes with a
 * reporter code). Nothing generated is committed: the files go to a temporary directory.
 *
 *   node bench/import/generate.js --count 10000 --seed 1396 --out /tmp/archive
 */
const fs = require('fs');
const path = require('path');
const jalaali = require('jalaali-js');

const { createRng } = require('../lib/rng');

const fa = (value) => String(value).replace(/\d/g, (digit) => '۰۱۲۳۴۵۶۷۸۹'[digit]);
const pad = (value) => String(value).padStart(2, '0');

const FIRST = [
  'اصغر',
  'محمد',
  'علی',
  'حسین',
  'رضا',
  'مهدی',
  'زهرا',
  'مریم',
  'فاطمه',
  'سعید',
  'حمید',
  'مجید',
  'ناصر',
  'کاظم',
  'نرگس',
];
const LAST = [
  'سلیمی',
  'کریمی',
  'رحیمی',
  'محمدی',
  'احمدی',
  'حسینی',
  'موسوی',
  'جعفری',
  'قاسمی',
  'نوروزی',
  'طاهری',
  'صادقی',
  'اکبری',
  'باقری',
  'یزدانی',
];
const ROLES = [
  'نماینده مجلس شورای اسلامی',
  'معاون وزیر ارتباطات و فناوری اطلاعات',
  'رئیس سازمان فناوری اطلاعات',
  'مدیرکل دفتر توسعه دولت الکترونیک',
  'دبیر کانون دفاتر پیشخوان',
];

/**
 * The officials the archive quotes, each also written by surname (their alias, unique among them); the
 * benchmark creates them. The demo content has «اصغر سلیمی» (alias «سلیمی») besides.
 */
const officials = () => {
  const rng = createRng(7);
  return LAST.filter((last) => last !== 'سلیمی').map((last) => ({
    fullName: `${rng.pick(FIRST)} ${last}`,
    aliases: [last],
    role: rng.pick(ROLES),
  }));
};

const TOPICS = [
  'دفاتر پیشخوان',
  'دولت الکترونیک',
  'خدمات الکترونیکی',
  'شبکه ملی اطلاعات',
  'پنجره واحد خدمات',
  'امضای دیجیتال',
];
const VERBS = ['اظهار کرد', 'تاکید کرد', 'عنوان کرد', 'گفت', 'افزود', 'خاطرنشان کرد'];
const SUBHEADINGS = [
  'حمایت نمایندگان مجلس از {t}',
  'ضرورت توجه دولت به توسعه {t}',
  'هنوز بسیاری از سازمان ها از مصوبه {t} تمکین نکرده اند',
  'برنامه سال آینده برای {t}',
  'نقش بخش خصوصی در {t}',
];
const SENTENCES = [
  'این دفاتر با هدف سبک تر شدن امور دولت ایجاد شد اما تا کنون به آن توجه کافی نشده است',
  'مردم باید بتوانند خدمات مورد نیاز خود را از نزدیک ترین دفتر در محل زندگی خود دریافت کنند',
  'واگذاری خدمات سازمان ها به این دفاتر درآمد آنها را افزایش می دهد',
  'دولت موظف شده که امور مربوط به مردم را به صورت الکترونیکی در اختیار آنها قرار دهد',
  'برای رسیدن به اهداف مورد نظر باید زیرساخت ها توسعه یابند',
  'در صورت پی گیری های لازم می توان امیدوار بود که این طرح تا دو سال آینده اجرا شود',
];
const WEEKDAYS = ['یکشنبه', 'دوشنبه', 'سه شنبه', 'چهارشنبه', 'پنج شنبه', 'جمعه', 'شنبه'];
const MONTHS = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
];
const AUTHORS = ['شریف زاده', 'مریم احمدی', 'علی رضایی', 'سارا کاظمی'];

const sentence = (rng, topic) => `${rng.pick(SENTENCES)} و ${topic} در این میان نقش مهمی دارد`;

/** Story number `n` (0-based) of the archive seeded with `seed`. */
const story = (seed, n, pool) => {
  const rng = createRng(seed * 100003 + n);
  const topic = rng.pick(TOPICS);
  const speaker = rng.pick(pool);
  const surname = speaker.fullName.split(' ').pop();
  const verb = () => rng.pick(VERBS);
  const jy = rng.int(1390, 1402);
  const jm = rng.int(1, 12);
  const jd = rng.int(1, jalaali.jalaaliMonthLength(jy, jm));
  const { gy, gm, gd } = jalaali.toGregorian(jy, jm, jd);
  const weekday = WEEKDAYS[new Date(Date.UTC(gy, gm - 1, gd)).getUTCDay()];
  const date = `${weekday} ${fa(pad(jd))} ${MONTHS[jm - 1]} ${fa(jy)} ساعت ${fa(pad(rng.int(7, 22)))}:${fa(pad(rng.int(0, 59)))} -`;

  const blocks = [
    `یک ${speaker.role} با بیان اینکه ${sentence(rng, topic)} گفت: طرح شماره ${fa(n + 1)} برای ${topic} در حال اجراست و نتیجه آن به زودی اعلام می شود .`,
    `به گزارش پایگاه خبری پیشخوان دفاتر ارتباطات و فناوری اطلاعات ([IR.ICTB.WWW](http://IR.ICTB.WWW)) ${speaker.fullName} در گفت و گو با خبرنگار ما ${verb()}: ${sentence(rng, topic)}.`,
  ];
  const parts = rng.int(3, 4);
  for (let part = 0; part < parts; part += 1) {
    blocks.push(`## × ${rng.pick(SUBHEADINGS).replace('{t}', topic)}`);
    blocks.push(
      `${surname} با اشاره به اینکه ${sentence(rng, topic)}، ${verb()}: ${sentence(rng, topic)}.`
    );
    if (rng.next() < 0.5) blocks.push(`این مقام مسئول همچنین ${verb()}: ${sentence(rng, topic)}.`);
  }
  if (rng.next() < 0.2) {
    const stranger = `${rng.pick(FIRST)} ${rng.pick(LAST)}نیا`;
    blocks.push(
      `${stranger}، مشاور ${topic}، در گفت و گو با خبرنگار ما اظهار کرد: ${sentence(rng, topic)}.`
    );
  }
  blocks.push(`به گفته وی ، ${sentence(rng, topic)}.`);
  const title = `${rng.pick(['پیش بینی', 'تاکید', 'هشدار', 'گزارش'])} ${speaker.role.split(' ')[0]} درباره ${topic} در طرح ${fa(n + 1)}`;
  const footer = rng.next() < 0.3 ? `انتهای پیام/ ${fa(rng.int(10, 99))}` : 'انتهای پیام';
  return [
    '',
    '',
    '',
    '',
    ...blocks.flatMap((block) => [block, '']),
    title,
    '',
    `نوشته شده توسط ${rng.pick(AUTHORS)}  `,
    date,
    '',
    '---',
    '',
    footer,
  ].join('\n');
};

/** Writes `count` stories into `dir` (created); returns their paths in order. */
const generate = ({ count, seed, dir }) => {
  fs.mkdirSync(dir, { recursive: true });
  const pool = [{ fullName: 'اصغر سلیمی', role: 'نماینده مجلس شورای اسلامی' }, ...officials()];
  const files = [];
  for (let n = 0; n < count; n += 1) {
    const file = path.join(dir, `${String(n).padStart(6, '0')}.txt`);
    fs.writeFileSync(file, story(seed, n, pool));
    files.push(file);
  }
  return files;
};

module.exports = { generate, officials, story, createRng };

if (require.main === module) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at === -1 ? fallback : process.argv[at + 1];
  };
  const count = Number(arg('count', '10000'));
  const seed = Number(arg('seed', '1396'));
  const dir = path.resolve(
    arg('out', path.join(require('os').tmpdir(), `pishkhan-archive-${seed}-${count}`))
  );
  generate({ count, seed, dir });
  process.stdout.write(`${count} stories (seed ${seed}) in ${dir}\n`);
}
