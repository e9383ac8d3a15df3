/** Every string this plugin shows, in Persian and English; registered with the `footer-policy.` prefix. */
export const messages = {
  en: {
    'plugin.name': 'Footer policy',
    'panel.title': 'How the story ends',
    'panel.line': 'Printed under the story',
    'panel.no-footer': 'No footer: this section prints none.',
    'panel.source.section': 'From this section’s setting.',
    'panel.source.ancestor': 'From a parent section’s setting.',
    'panel.source.default': 'The newsroom’s standard footer.',
    'panel.source.unsaved-section': 'With the section you picked (not saved yet).',
    'panel.loading': 'Working out the footer…',
    'panel.failed': 'The footer could not be previewed: {message}',
    'panel.typed.title': 'Footer typed at the end of the body',
    'panel.typed.body':
      'It will be removed when you save; the footer is added from the section’s setting.',
    'panel.removed.title': 'Removed at the last save',
    'panel.mid-story.title': 'Footer in the middle of the story',
    'panel.mid-story.live': 'Publishing will be refused until it is removed.',
    'panel.explain':
      'Do not type «انتهای پیام» yourself: it is added under every story according to its section.',
  },
  fa: {
    'plugin.name': 'سیاست انتهای پیام',
    'panel.title': 'پایان خبر',
    'panel.line': 'زیر خبر چاپ می‌شود',
    'panel.no-footer': 'بدون پایان‌بندی: این سرویس انتهای پیام چاپ نمی‌کند.',
    'panel.source.section': 'بر پایهٔ تنظیم همین سرویس.',
    'panel.source.ancestor': 'بر پایهٔ تنظیم سرویس بالادست.',
    'panel.source.default': 'انتهای پیام استاندارد تحریریه.',
    'panel.source.unsaved-section': 'با سرویسی که برگزیده‌اید (هنوز ذخیره نشده).',
    'panel.loading': 'در حال محاسبهٔ انتهای پیام…',
    'panel.failed': 'پیش‌نمایش انتهای پیام ممکن نشد: {message}',
    'panel.typed.title': 'انتهای پیام در پایان متن تایپ شده است',
    'panel.typed.body':
      'هنگام ذخیره از متن برداشته می‌شود؛ انتهای پیام بر پایهٔ تنظیم سرویس خودکار افزوده می‌شود.',
    'panel.removed.title': 'در آخرین ذخیره برداشته شد',
    'panel.mid-story.title': 'انتهای پیام در میانهٔ خبر',
    'panel.mid-story.live': 'تا برداشته نشود، انتشار پذیرفته نمی‌شود.',
    'panel.explain': '«انتهای پیام» را خودتان ننویسید: زیر هر خبر بر پایهٔ سرویس آن افزوده می‌شود.',
  },
} as const;
