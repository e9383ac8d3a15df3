/**
 * Persian for the i18n plugin's parts of the content manager: the locale picker, "available in",
 * localized-field marks, locale deletion and bulk locale publishing. Keys get the `i18n.` prefix.
 */
const i18n: Record<string, string> = {
  'plugin.name': 'چندزبانگی',
  'actions.delete.label': 'حذف نسخهٔ ({locale})',
  'actions.delete.dialog.title': 'تأیید',
  'actions.delete.dialog.body': 'آیا از حذف این زبان مطمئن هستید؟',
  'actions.delete.error': 'هنگام حذف نسخهٔ این زبان خطایی رخ داد.',
  'actions.select-locale': 'انتخاب زبان',
  // The edit view's locale picker is labelled with this key.
  'Settings.locales.modal.locales.label': 'زبان',
  'CMEditViewCopyLocale.copy-failure': 'پر کردن از زبان دیگر ممکن نشد',
  'CMEditViewCopyLocale.copy-success': 'از زبان دیگر پر شد',
  'CMEditViewCopyLocale.copy-text': 'پر کردن از زبانی دیگر',
  'CMEditViewCopyLocale.cancel-text': 'نه، انصراف',
  'CMEditViewCopyLocale.submit-text': 'بله، پر کن',
  'CMEditViewCopyLocale.dialog.title': 'تأیید',
  'CMEditViewCopyLocale.dialog.body': 'محتوای کنونی پاک و با محتوای این زبان پر می‌شود:',
  'CMEditViewCopyLocale.dialog.field.label': 'زبان',
  'CMEditViewCopyLocale.dialog.field.placeholder': 'یک زبان برگزینید…',
  'CMEditViewBulkLocale.publish-title': 'انتشار چند زبان',
  'CMEditViewBulkLocale.unpublish-title': 'لغو انتشار چند زبان',
  'CMEditViewBulkLocale.status': 'وضعیت',
  'CMEditViewBulkLocale.publication-status': 'وضعیت انتشار',
  'CMEditViewBulkLocale.draft-relation-warning':
    'برخی زبان‌ها به موارد پیش‌نویس پیوند دارند؛ انتشارشان ممکن است پیوندهای شکسته بسازد.',
  'CMEditViewBulkLocale.continue-confirmation': 'آیا می‌خواهید ادامه دهید؟',
  'CMEditViewLocalePicker.locale.create': 'ساختن نسخهٔ <bold>{locale}</bold>',
  'CMListView.popover.display-locales.label': 'نمایش زبان‌های ترجمه‌شده',
  'CMListView.locale.default': '{name} (پیش‌فرض)',
  'CMListView.popover.display-locales.more': '{locales} و {count, number} زبان دیگر',
  'Field.localized': 'این مقدار در هر زبان جداست',
  'Field.not-localized': 'این مقدار در همهٔ زبان‌ها یکی است',
  'components.Select.locales.not-available': 'محتوایی در دسترس نیست',
  'list-view.table.header.label': 'موجود در',
};

export const i18nFa: Record<string, string> = Object.fromEntries(
  Object.entries(i18n).map(([key, value]) => [`i18n.${key}`, value])
);
