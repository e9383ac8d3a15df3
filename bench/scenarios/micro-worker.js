'use strict';
/**
 * Child process of the core micro-benchmarks (alone in its process, so nothing else allocates): our
 * Jalali formatting and parsing against a cached Intl.DateTimeFormat Persian formatter, our slug rule
 * against `slugify` (npm). Samples of ours and the baseline alternate; the result is the median ns per
 * operation. Usage: node micro-worker.js <job.json> → JSON on stdout.
 */
const fs = require('fs');
const path = require('path');
const { generateMain, SPAN } = require('../lib/dataset');
const { createRng } = require('../lib/rng');

const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const jalali = require(path.join(job.ourDist, 'src', 'jalali'));
const { persianSlug } = require(path.join(job.ourDist, 'src', 'plugins', 'persian-slug', 'core'));
const slugify = require('slugify');

const intl = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
  timeZone: 'Asia/Tehran',
  dateStyle: 'full',
  timeStyle: 'short',
});

// Inputs in turn, so no case is measured on one cached value.
const rng = createRng(job.seed);
const dates = Array.from(
  { length: 1024 },
  () => new Date(SPAN.start + Math.floor(rng.next() * (SPAN.end - SPAN.start)))
);
const jalaliTexts = dates.map((date) => jalali.formatJalaliLong(date));
const titles = generateMain({ seed: job.seed, articles: 1024, officials: 10 }).articles.map(
  (article) => article.title
);

let sink = 0;
const consume = (value) => {
  sink = (sink + (typeof value === 'string' ? value.length : 1)) | 0;
};

/** ns per call of fn(i) over a time slice. */
const sample = (fn, sliceMs) => {
  let calls = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(sliceMs * 1e6));
  let now = started;
  while (now < deadline) {
    for (let i = 0; i < 256; i += 1) consume(fn((calls + i) & 1023));
    calls += 256;
    now = process.hrtime.bigint();
  }
  return Number(now - started) / calls;
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

const compare = (ours, baseline) => {
  sample(ours, job.warmupMs);
  sample(baseline, job.warmupMs);
  const a = [];
  const b = [];
  for (let i = 0; i < job.samples; i += 1) {
    if (i % 2 === 0) {
      a.push(sample(ours, job.sliceMs));
      b.push(sample(baseline, job.sliceMs));
    } else {
      b.push(sample(baseline, job.sliceMs));
      a.push(sample(ours, job.sliceMs));
    }
  }
  return { oursNs: median(a), baselineNs: median(b), oursSamples: a, baselineSamples: b };
};

const cases = [
  {
    id: 'formatJalaliLong',
    title: 'formatJalaliLong(date) against intl.format(date)',
    baseline: 'Intl.DateTimeFormat(fa-IR-u-ca-persian).format',
    ...compare(
      (i) => jalali.formatJalaliLong(dates[i]),
      (i) => intl.format(dates[i])
    ),
  },
  {
    id: 'toJalaliFields',
    title: 'toJalaliFields(date) against intl.formatToParts(date)',
    baseline: 'Intl.DateTimeFormat(fa-IR-u-ca-persian).formatToParts',
    ...compare(
      (i) => jalali.toJalaliFields(dates[i]),
      (i) => intl.formatToParts(dates[i])
    ),
  },
  {
    id: 'parseJalali',
    title:
      'parseJalali(«سه‌شنبه ۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳»-style text) against intl.format(date) (Intl cannot parse: a reference cost)',
    baseline: 'Intl.DateTimeFormat(fa-IR-u-ca-persian).format (reference)',
    ...compare(
      (i) => jalali.parseJalali(jalaliTexts[i]),
      (i) => intl.format(dates[i])
    ),
  },
  {
    id: 'persianSlug',
    title: 'persianSlug(title) against slugify(title, { lower: true, strict: true })',
    baseline: 'slugify (npm)',
    ...compare(
      (i) => persianSlug(titles[i]),
      (i) => slugify(titles[i], { lower: true, strict: true })
    ),
  },
];

process.stdout.write(JSON.stringify({ cases, sink }));
