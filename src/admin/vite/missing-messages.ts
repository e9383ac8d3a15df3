import { moduleEdit } from './module-edit';

/**
 * react-intl reports a message missing from both the interface language's table and English (what a
 * development build logs as "Missing message … using default message" by the hundred) only to the
 * console, and only in development. The production admin keeps their ids, silently, in
 * `window.__pishkhanMissingMessages`, so the browser tests can hold the daily screens to none.
 */
export const recordedMissingMessages = () =>
  moduleEdit({
    name: 'recorded-missing-messages',
    modules: /\/@strapi\/admin\/dist\/admin\/admin\/src\/components\/LanguageProvider\.mjs$/,
    edit: (code) =>
      code.replace(
        'textComponent: "span",',
        `textComponent: "span",
        onError: (error)=>{
            if (error.code !== 'MISSING_TRANSLATION') return;
            const ids = window.__pishkhanMissingMessages ??= [];
            const id = error.descriptor?.id;
            if (id && !ids.includes(id)) ids.push(id);
        },`
      ),
    cannot: 'the language provider changed; cannot record the messages it is missing',
  });
