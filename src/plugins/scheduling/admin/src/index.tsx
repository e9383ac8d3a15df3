import { ScheduledStories } from './components/ScheduledStories';
import { SchedulePanel } from './components/SchedulePanel';
import { ScheduledStatus } from './components/ScheduledStatus';
import { withScheduleNotice } from './components/schedulingPublish';
import { PLUGIN_ID, t } from './pluginId';
import { messages } from './translations';

type Locale = keyof typeof messages;
type Action = Parameters<typeof withScheduleNotice>[0];

interface AdminApp {
  registerPlugin(plugin: { id: string; name: string }): void;
  getPlugin(id: string):
    | {
        apis: {
          addEditViewSidePanel(panels: unknown[]): void;
          addDocumentAction(change: (actions: Action[]) => Action[]): void;
          addDocumentHeaderAction(actions: unknown[]): void;
        };
        injectComponent(
          view: string,
          zone: string,
          component: { name: string; Component: () => unknown }
        ): void;
      }
    | undefined;
}

const prefixed = (locale: Locale): Record<string, string> =>
  Object.fromEntries(Object.entries(messages[locale]).map(([key, value]) => [t(key), value]));

export default {
  register(app: AdminApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: AdminApp) {
    const contentManager = app.getPlugin('content-manager');
    contentManager?.apis.addEditViewSidePanel([SchedulePanel]);
    contentManager?.apis.addDocumentHeaderAction([ScheduledStatus]);
    contentManager?.apis.addDocumentAction((actions) =>
      actions.map((action) => (action.type === 'publish' ? withScheduleNotice(action) : action))
    );
    contentManager?.injectComponent('listView', 'actions', {
      name: 'scheduled-stories',
      Component: ScheduledStories,
    });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({
      locale,
      data: locale in messages ? prefixed(locale as Locale) : {},
    }));
  },
};
