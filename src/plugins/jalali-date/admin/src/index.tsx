import { PLUGIN_ID, t } from './pluginId';
import { messages } from './translations';

type Locale = keyof typeof messages;

interface AdminApp {
  registerPlugin(plugin: { id: string; name: string }): void;
  customFields: { register(field: Record<string, unknown>): void };
}

const prefixed = (locale: Locale): Record<string, string> =>
  Object.fromEntries(Object.entries(messages[locale]).map(([key, value]) => [t(key), value]));

export default {
  register(app: AdminApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.customFields.register({
      name: 'datetime',
      pluginId: PLUGIN_ID,
      type: 'datetime',
      intlLabel: { id: t('datetime.label'), defaultMessage: messages.en['datetime.label'] },
      intlDescription: {
        id: t('datetime.description'),
        defaultMessage: messages.en['datetime.description'],
      },
      components: {
        Input: async () =>
          import('./components/JalaliDateTimeInput').then((module) => ({
            default: module.JalaliDateTimeInput,
          })),
      },
    });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({
      locale,
      data: locale in messages ? prefixed(locale as Locale) : {},
    }));
  },
};
