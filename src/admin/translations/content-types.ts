/**
 * The newsroom's content types, their fields and the article body's components, named and described for
 * editors. Names and field labels use the content manager's own keys (the type's display name, then
 * `content-manager.content-types.<uid>.<field>` and `content-manager.components.<uid>.<field>`), which
 * its list and edit views look up in 5.54; descriptions and field hints use our `pishkhan.` keys, shown
 * by app.tsx's hooks.
 */
type Fields = Record<string, { fa: string; en: string; hintFa?: string; hintEn?: string }>;

interface TypeText {
  uid: string;
  displayName: string;
  fa: string;
  descriptionFa: string;
  descriptionEn: string;
  fields: Fields;
}

const SYSTEM_FIELDS: Fields = {
  id: { fa: 'شناسه', en: 'id' },
  documentId: { fa: 'شناسهٔ سند', en: 'documentId' },
  createdAt: { fa: 'ساخته‌شده', en: 'createdAt' },
  updatedAt: { fa: 'آخرین تغییر', en: 'updatedAt' },
  publishedAt: { fa: 'زمان انتشار در سامانه', en: 'publishedAt' },
  createdBy: { fa: 'سازنده', en: 'createdBy' },
  updatedBy: { fa: 'آخرین ویرایشگر', en: 'updatedBy' },
  locale: { fa: 'زبان', en: 'locale' },
};

export const CONTENT_TYPES: TypeText[] = [
  {
    uid: 'api::article.article',
    displayName: 'Article',
    fa: 'خبر',
    descriptionFa:
      'خبر: تیتر، لید، متن ساختاریافته، سرویس، مقام‌های نقل‌شده، نویسنده و زمان انتشار خورشیدی.',
    descriptionEn:
      'A news story: title, lead, structured body, section, quoted officials, byline and Jalali publication date.',
    fields: {
      title: {
        fa: 'تیتر',
        en: 'Title',
        hintFa: 'تیتر خبر؛ نامک از آن ساخته می‌شود.',
        hintEn: 'The headline; the slug is made from it.',
      },
      slug: {
        fa: 'نامک',
        en: 'Slug',
        hintFa:
          'بخش خوانای نشانی خبر. خالی بگذارید تا از تیتر ساخته شود؛ پس از انتشار ثابت می‌ماند.',
        hintEn:
          'The readable part of the story’s address. Leave empty to make it from the title; it stays fixed once published.',
      },
      newsCode: {
        fa: 'کد خبر',
        en: 'News code',
        hintFa: 'شمارهٔ نشانی کوتاه خبر؛ خودکار داده می‌شود.',
        hintEn: 'The number in the short address; given automatically.',
      },
      kicker: {
        fa: 'روتیتر',
        en: 'Kicker',
        hintFa: 'سطر کوتاه بالای تیتر.',
        hintEn: 'The short line above the headline.',
      },
      lead: {
        fa: 'لید',
        en: 'Lead',
        hintFa: 'چکیدهٔ خبر در یک یا دو جمله.',
        hintEn: 'The story in one or two sentences.',
      },
      body: {
        fa: 'متن خبر',
        en: 'Body',
        hintFa:
          'بندها، میان‌تیترها، نقل‌قول‌ها و تصویرها. «انتهای پیام» را ننویسید؛ خودکار افزوده می‌شود.',
        hintEn:
          'Paragraphs, subheadings, quotes and images. Do not type the footer; it is added automatically.',
      },
      section: {
        fa: 'سرویس',
        en: 'Section',
        hintFa: 'سرویسی که خبر در آن منتشر می‌شود.',
        hintEn: 'The desk the story is published under.',
      },
      quotedOfficials: {
        fa: 'مقام‌های نقل‌شده',
        en: 'Quoted officials',
        hintFa: 'مقام‌هایی که در خبر از آن‌ها نقل‌قول شده است.',
        hintEn: 'The officials quoted in the story.',
      },
      author: { fa: 'نویسنده', en: 'Author' },
      reporterCode: {
        fa: 'کد خبرنگار',
        en: 'Reporter code',
        hintFa: 'پس از «انتهای پیام» می‌آید، مانند «انتهای پیام/ ۲۳».',
        hintEn: 'Printed after the footer, as in «انتهای پیام/ ۲۳».',
      },
      source: { fa: 'منبع', en: 'Source' },
      sourceUrl: { fa: 'نشانی منبع', en: 'Source URL' },
      publishedOn: {
        fa: 'زمان انتشار',
        en: 'Published on',
        hintFa: 'تاریخ و ساعت خورشیدی به وقت تهران؛ بنویسید یا از تقویم برگزینید.',
        hintEn: 'Jalali date and time in Tehran time; type it or pick it in the calendar.',
      },
      cover: { fa: 'تصویر اصلی', en: 'Cover image' },
      footer: { fa: 'انتهای پیام', en: 'Footer' },
      footerLine: { fa: 'سطر انتهای پیام', en: 'Footer line' },
    },
  },
  {
    uid: 'api::section.section',
    displayName: 'Section',
    fa: 'سرویس',
    descriptionFa:
      'سرویس (میز) تحریریه، که می‌تواند زیرمجموعهٔ سرویسی دیگر باشد و انتهای پیام خبرهایش را تعیین می‌کند.',
    descriptionEn:
      'A desk of the newsroom, optionally under a parent desk; it decides the footer of its stories.',
    fields: {
      name: { fa: 'نام سرویس', en: 'Name' },
      slug: {
        fa: 'نامک',
        en: 'Slug',
        hintFa: 'خالی بگذارید تا از نام ساخته شود.',
        hintEn: 'Leave empty to make it from the name.',
      },
      description: { fa: 'توضیح', en: 'Description' },
      parent: { fa: 'سرویس بالادست', en: 'Parent section' },
      children: { fa: 'زیرسرویس‌ها', en: 'Subsections' },
      articles: { fa: 'خبرها', en: 'Articles' },
      footerMode: {
        fa: 'انتهای پیام',
        en: 'Footer',
        hintFa: 'پیروی از سرویس بالادست، متن استاندارد، متن ویژهٔ این سرویس یا بدون انتهای پیام.',
        hintEn:
          'Follow the parent section, the standard text, this section’s own text, or no footer.',
      },
      footerText: {
        fa: 'متن ویژهٔ انتهای پیام',
        en: 'Custom footer text',
        hintFa: 'تنها برای حالت «متن ویژه».',
        hintEn: 'Only for the “custom” mode.',
      },
    },
  },
  {
    uid: 'api::official.official',
    displayName: 'Official',
    fa: 'مقام',
    descriptionFa: 'کسی که در خبرها از او نقل‌قول می‌شود، با املاهای گوناگون نامش و سمتش.',
    descriptionEn: 'A person quoted in stories, with the spellings of their name and their role.',
    fields: {
      fullName: { fa: 'نام کامل', en: 'Full name' },
      slug: {
        fa: 'نامک',
        en: 'Slug',
        hintFa: 'خالی بگذارید تا از نام ساخته شود.',
        hintEn: 'Leave empty to make it from the name.',
      },
      aliases: {
        fa: 'نام‌های دیگر',
        en: 'Aliases',
        hintFa: 'املاهای دیگر نام، به صورت فهرست JSON.',
        hintEn: 'Other spellings of the name, as a JSON list.',
      },
      role: { fa: 'سمت', en: 'Role' },
      organization: { fa: 'سازمان', en: 'Organization' },
      photo: { fa: 'عکس', en: 'Photo' },
      bio: { fa: 'زندگی‌نامه', en: 'Biography' },
      articles: { fa: 'خبرها', en: 'Articles' },
    },
  },
];

export const COMPONENTS: Array<{ uid: string; fa: string; en: string; fields: Fields }> = [
  {
    uid: 'article.paragraph',
    fa: 'بند',
    en: 'Paragraph',
    fields: { text: { fa: 'متن', en: 'Text', hintFa: 'مارک‌داون', hintEn: 'Markdown' } },
  },
  {
    uid: 'article.subheading',
    fa: 'میان‌تیتر',
    en: 'Subheading',
    fields: { text: { fa: 'میان‌تیتر', en: 'Text' } },
  },
  {
    uid: 'article.quote',
    fa: 'نقل‌قول',
    en: 'Quote',
    fields: {
      text: { fa: 'متن نقل‌قول', en: 'Text' },
      official: { fa: 'مقام', en: 'Official' },
      role: { fa: 'سمت در زمان نقل‌قول', en: 'Role when quoted' },
    },
  },
  {
    uid: 'article.image',
    fa: 'تصویر',
    en: 'Image',
    fields: { image: { fa: 'تصویر', en: 'Image' }, caption: { fa: 'زیرنویس', en: 'Caption' } },
  },
];

/** Enumeration values are looked up by their raw value. */
const ENUM_VALUES: Record<string, { fa: string; en: string }> = {
  inherit: { fa: 'پیروی از سرویس بالادست', en: 'Inherit from the parent section' },
  standard: { fa: 'متن استاندارد', en: 'Standard text' },
  custom: { fa: 'متن ویژه', en: 'Custom text' },
  none: { fa: 'بدون انتهای پیام', en: 'No footer' },
};

export const hintKey = (uid: string, field: string): string => `pishkhan.hint.${uid}.${field}`;
export const descriptionKey = (uid: string): string => `pishkhan.description.${uid}`;

const build = (language: 'fa' | 'en'): Record<string, string> => {
  const messages: Record<string, string> = {};
  for (const type of CONTENT_TYPES) {
    if (language === 'fa') {
      messages[type.displayName] = type.fa;
      messages[`content-manager.content-types.${type.uid}`] = type.fa;
    }
    messages[descriptionKey(type.uid)] =
      language === 'fa' ? type.descriptionFa : type.descriptionEn;
    for (const [field, text] of Object.entries({ ...SYSTEM_FIELDS, ...type.fields })) {
      messages[`content-manager.content-types.${type.uid}.${field}`] = text[language];
      const hint = language === 'fa' ? text.hintFa : text.hintEn;
      if (hint) messages[hintKey(type.uid, field)] = hint;
    }
  }
  for (const component of COMPONENTS) {
    messages[component.uid] = component[language];
    for (const [field, text] of Object.entries(component.fields)) {
      messages[`content-manager.components.${component.uid}.${field}`] = text[language];
      const hint = language === 'fa' ? text.hintFa : text.hintEn;
      if (hint) messages[hintKey(component.uid, field)] = hint;
    }
  }
  for (const [value, text] of Object.entries(ENUM_VALUES)) messages[value] = text[language];
  // The dynamic zone's component picker groups components by category, looked up by its name.
  messages.article = language === 'fa' ? 'اجزای خبر' : 'Article blocks';
  if (language === 'fa') messages.User = 'کاربر';
  return messages;
};

export const contentTypesFa = build('fa');
export const contentTypesEn = build('en');

/** Display name → uid, for the content manager hooks, which receive layouts without the uid. */
export const UID_BY_DISPLAY_NAME: Record<string, string> = Object.fromEntries(
  CONTENT_TYPES.map((type) => [type.displayName, type.uid])
);
