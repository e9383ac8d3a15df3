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
      name: 'slug',
      pluginId: PLUGIN_ID,
      type: 'uid',
      intlLabel: { id: t('slug.label'), defaultMessage: messages.en['slug.label'] },
      intlDescription: {
        id: t('slug.description'),
        defaultMessage: messages.en['slug.description'],
      },
      components: {
        Input: async () =>
          import('./components/SlugInput').then((module) => ({ default: module.SlugInput })),
      },
    });
    app.customFields.register({
      name: 'news-code',
      pluginId: PLUGIN_ID,
      type: 'integer',
      intlLabel: { id: t('news-code.label'), defaultMessage: messages.en['news-code.label'] },
      intlDescription: {
        id: t('news-code.description'),
        defaultMessage: messages.en['news-code.description'],
      },
      components: {
        Input: async () =>
          import('./components/NewsCodeInput').then((module) => ({
            default: module.NewsCodeInput,
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
