import type { StrapiApp } from '@strapi/strapi/admin';
import { ContentTypeDescription } from './content-manager/ContentTypeDescription';
import { translatedFieldHints } from './content-manager/field-hints';
import { articleListColumns } from './content-manager/list-columns';
import { jalaliListFilters } from './content-manager/list-filters';
import { followContentDirection } from './rtl/content-direction';
import {
  followInterfaceDirection,
  makePersianTheDefault,
  quietDeveloperTour,
} from './rtl/direction';
import { addStylesheets } from './rtl/stylesheet';
import { knownKeys, translations } from './translations';

/*
 * Pishkhan's admin: Persian (فارسی) as the default interface language, right-to-left when the interface
 * is Persian, right-to-left inputs for Persian entries in any interface language, Vazirmatn for Persian
 * text, Persian names for the content types and their fields, and a Jalali, sortable publication date
 * with the section in the articles list. The `fa` language name itself is added at build time by
 * vite.config.ts (Strapi's table of language names has no Persian).
 */

// Before the admin's first render reads the stored interface language.
addStylesheets();
makePersianTheDefault();
quietDeveloperTour();
followInterfaceDirection();

type CustomBootstrapApp = Pick<StrapiApp, 'getPlugin' | 'registerHook'>;

export default {
  config: {
    locales: ['fa'],
    translations,
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(app: CustomBootstrapApp) {
    followContentDirection();
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', articleListColumns);
    app.registerHook('Admin/CM/pages/ListView/inject-in-filters', jalaliListFilters);
    app.registerHook(
      'Admin/CM/pages/EditView/mutate-edit-view-layout',
      translatedFieldHints(knownKeys)
    );
    const contentManager = app.getPlugin('content-manager') as unknown as {
      injectComponent(
        view: string,
        zone: string,
        component: { name: string; Component: () => JSX.Element | null }
      ): void;
    };
    contentManager.injectComponent('listView', 'actions', {
      name: 'pishkhan-content-type-description',
      Component: ContentTypeDescription,
    });
  },
};
