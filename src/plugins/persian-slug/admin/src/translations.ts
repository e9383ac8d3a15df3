/**
 * Every string this plugin shows, in Persian and English. Keys are prefixed with the plugin id when
 * registered (`persian-slug.slug.preview`); the admin falls back to English for a missing Persian key.
 */
export const messages = {
  en: {
    'plugin.name': 'Persian slugs',
    'slug.label': 'Slug',
    'slug.description': 'A readable Persian slug, unique per locale, made from the title.',
    'slug.placeholder': 'Left empty, it is made from the title on save',
    'slug.suggested': 'Suggested slug: {slug}',
    'slug.will-save-as': 'Will be saved as: {slug}',
    'slug.current': 'Current published slug: {slug}',
    'slug.free': 'Available',
    'slug.taken': 'Already used in this language',
    'slug.checking': 'Checking…',
    'slug.regenerate': 'Make the slug from the title',
    'slug.empty-hint': 'Empty: the slug is made from the title when you save.',
    'slug.url': 'Public address',
    'slug.no-title': 'Type a title to see the slug.',
    'slug.request-failed': 'The slug could not be checked: {message}',
    'news-code.label': 'News code',
    'news-code.description':
      'The number in the story’s short address, given once when the story is first saved.',
    'news-code.pending': 'Given when the story is first saved',
    'news-code.read-only': 'Read only',
  },
  fa: {
    'plugin.name': 'نامک فارسی',
    'slug.label': 'نامک',
    'slug.description': 'نامک خوانای فارسی، یکتا در هر زبان، ساخته‌شده از عنوان.',
    'slug.placeholder': 'اگر خالی بماند، هنگام ذخیره از عنوان ساخته می‌شود',
    'slug.suggested': 'نامک پیشنهادی: {slug}',
    'slug.will-save-as': 'به این صورت ذخیره می‌شود: {slug}',
    'slug.current': 'نامک منتشرشدهٔ فعلی: {slug}',
    'slug.free': 'آزاد است',
    'slug.taken': 'در این زبان پیش‌تر به کار رفته است',
    'slug.checking': 'در حال بررسی…',
    'slug.regenerate': 'ساختن نامک از عنوان',
    'slug.empty-hint': 'خالی است: هنگام ذخیره، نامک از عنوان ساخته می‌شود.',
    'slug.url': 'نشانی عمومی',
    'slug.no-title': 'برای دیدن نامک، عنوان را بنویسید.',
    'slug.request-failed': 'بررسی نامک ممکن نشد: {message}',
    'news-code.label': 'کد خبر',
    'news-code.description': 'شمارهٔ نشانی کوتاه خبر که یک بار، هنگام نخستین ذخیره، داده می‌شود.',
    'news-code.pending': 'هنگام نخستین ذخیره داده می‌شود',
    'news-code.read-only': 'فقط خواندنی',
  },
} as const;

export type MessageKey = keyof (typeof messages)['en'];
