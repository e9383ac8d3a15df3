import { moduleEdit } from './module-edit';

/**
 * An editor who never chose an interface language has no `preferedLanguage`, and the profile's select
 * then showed its placeholder and its empty option together («انتخابانتخاب کنید»). It now shows the
 * language the interface is in (Persian by default, rtl/direction.ts), which saving the profile stores.
 */
export const profileShowsInterfaceLanguage = () =>
  moduleEdit({
    name: 'profile-shows-interface-language',
    modules: /\/@strapi\/admin\/dist\/admin\/admin\/src\/pages\/ProfilePage\.mjs$/,
    edit: (code) => {
      const intl = /(const ProfilePage = \(\)=>\{[^]*?)const \{ formatMessage \} = useIntl\(\);/;
      const initial = /(const initialData = \{[^}]*?)preferedLanguage,/;
      if (!intl.test(code) || !initial.test(code)) return code;
      return code
        .replace(
          intl,
          '$1const { formatMessage, locale: __pishkhanInterfaceLanguage } = useIntl();'
        )
        .replace(initial, '$1preferedLanguage: preferedLanguage ?? __pishkhanInterfaceLanguage,');
    },
    cannot: 'the profile page changed; cannot show the interface language in its language select',
  });
