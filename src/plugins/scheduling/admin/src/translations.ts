/** Every string this plugin shows, in Persian and English; registered with the `scheduling.` prefix. */
export const messages = {
  en: {
    'panel.title': 'Scheduling',
    'notice.scheduled': 'Scheduled for {when}',
    'panel.scheduled': 'Scheduled for {when}',
    'panel.expires': 'Withdrawn at {when}',
    'panel.live-until': 'The live version stays public until then.',
    'panel.none': 'Not scheduled.',
    'panel.how':
      'To schedule, set the publication date in the future and publish: the story goes live by itself at that time. To move it, change the date and save.',
    'panel.cancel': 'Cancel the schedule',
    'panel.cancelled': 'The schedule was cancelled',
    'panel.failed': 'The schedule could not be read: {message}',
    'list.button': 'Scheduled ({count, number})',
    'list.filter': 'Show only these in the list',
  },
  fa: {
    'panel.title': 'زمان‌بندی',
    'notice.scheduled': 'زمان‌بندی شد برای {when}',
    'panel.scheduled': 'زمان‌بندی‌شده برای {when}',
    'panel.expires': 'پایان انتشار: {when}',
    'panel.live-until': 'نسخه‌ی منتشرشده تا آن زمان در دسترس خوانندگان می‌ماند.',
    'panel.none': 'زمان‌بندی نشده است.',
    'panel.how':
      'برای زمان‌بندی، زمان انتشار را در آینده بگذارید و «انتشار» را بزنید: خبر در آن زمان خودبه‌خود منتشر می‌شود. برای جابه‌جایی، زمان را عوض کنید و ذخیره کنید.',
    'panel.cancel': 'لغو زمان‌بندی',
    'panel.cancelled': 'زمان‌بندی لغو شد',
    'panel.failed': 'زمان‌بندی خوانده نشد: {message}',
    'list.button': 'زمان‌بندی‌شده‌ها ({count, number})',
    'list.filter': 'فقط همین‌ها در فهرست',
  },
} as const;
