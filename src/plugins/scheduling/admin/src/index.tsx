import { SchedulePanel } from './components/SchedulePanel';
import { PLUGIN_ID, t } from './pluginId';
import { messages } from './translations';

type Locale = keyof typeof messages;

interface AdminApp {
  registerPlugin(plugin: { id: string; name: string }): void;
  getPlugin(id: string): { apis: { addEditViewSidePanel(panels: unknown[]): void } } | undefined;
}

const prefixed = (locale: Locale): Record<string, string> =>
  Object.fromEntries(Object.entries(messages[locale]).map(([key, value]) => [t(key), value]));

export default {
  register(app: AdminApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: AdminApp) {
    app.getPlugin('content-manager')?.apis.addEditViewSidePanel([SchedulePanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({ locale, data: locale in messages ? prefixed(locale as Locale) : {} }));
  },
};
