import { persianSlug, SlugError } from '../../../src/plugins/persian-slug/core';
import { thrown } from './thrown';

const latin = (title: string): string => persianSlug(title, { mode: 'latin' });

describe('persianSlug, latin mode', () => {
  it.each([
    // [case, title, slug]
    ['a name', 'اصغر سلیمی', 'asghr-slimi'],
    ['و opening a word is v', 'وزیر', 'vzir'],
    ['و alone is v', 'علی و مریم', 'ali-v-mrim'],
    ['و inside a word is o', 'دولت', 'dolt'],
    ['ی opening a word is y', 'یک', 'yk'],
    ['ی inside a word is i', 'ایران', 'airan'],
    ['two-letter spellings', 'چای خیابان ژاله شهر غذا', 'chai-khiaban-zhalh-shhr-ghza'],
    [
      'letters sharing a sound',
      'ثابت صبح ذره ضرب ظهر طلا قلم عباس آب',
      'sabt-sbh-zrh-zrb-zhr-tla-ghlm-abas-ab',
    ],
    ['ئ is e, ء is dropped', 'مسئول جزء', 'mseol-jz'],
    ['a word of ء only disappears', 'ء ایران', 'airan'],
    ['ZWNJ starts a new word', 'می‌شود', 'mi-shod'],
    ['Arabic letters are unified first', 'كاظمي', 'kazmi'],
    ['digits', 'سال ۱۴۰۳', 'sal-1403'],
    ['mixed Latin', 'ICT و دولت الکترونیک', 'ict-v-dolt-alktronik'],
    ['Latin accents', 'Café Déjà', 'cafe-deja'],
    ['presentation forms', 'ﺳﻼﻡ ﷼', 'slam-rial'],
    [
      'seed title',
      'پیش بینی یک نماینده مجلس از واگذاری خدمات سازمان ها به دفاتر',
      'pish-bini-yk-nmaindh-mjls-az-vagzari-khdmat-sazman-ha-bh-dfatr',
    ],
  ])('%s', (_case, title, slug) => {
    expect(latin(title)).toBe(slug);
  });

  it('applies the length limit after spelling', () => {
    expect(latin('ش'.repeat(60))).toBe('sh'.repeat(50));
    const slug = latin(Array(30).fill('شهر').join(' ')); // shhr: 4 letters a word
    expect(slug).toBe(Array(20).fill('shhr').join('-'));
    expect(slug.length).toBe(99);
  });

  it.each(['ء', 'ءء ء', '🎉'])('%p leaves nothing: EMPTY_SLUG', (title) => {
    const error = thrown(() => latin(title));
    expect(error).toBeInstanceOf(SlugError);
    expect(error).toMatchObject({ code: 'EMPTY_SLUG' });
  });
});
