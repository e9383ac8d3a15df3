import { moduleEdit } from './module-edit';

/** The module already imports useIntl, and the provider sits inside Strapi's LanguageProvider. */
const USES_INTL = /import \{ useIntl \} from 'react-intl'/;

/**
 * Strapi renders sonner's `<Toaster>` without `containerAriaLabel`, so the notifications region is
 * announced as "Notifications alt+T" (sonner's English default and its shortcut) in any language. It is
 * given a message, `pishkhan.notifications.region`, translated in translations/fa/admin.ts; the
 * shortcut stays.
 */
export const translatedNotificationsRegion = () =>
  moduleEdit({
    name: 'translated-notifications-region',
    modules: /\/@strapi\/admin\/dist\/admin\/admin\/src\/features\/Notifications\.mjs$/,
    edit: (code) =>
      USES_INTL.test(code)
        ? code.replace(
            /jsx\(Toaster, \{\s*position: "top-center"\s*\}\)/,
            `jsx(Toaster, { position: "top-center", containerAriaLabel: useIntl().formatMessage({ id: 'pishkhan.notifications.region', defaultMessage: 'Notifications' }) })`
          )
        : code,
    cannot: 'the notifications provider changed; cannot translate its region label',
  });
