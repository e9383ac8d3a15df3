import type { Plugin, UserConfig } from 'vite';
import { filterChipFormatValue } from './vite/filter-chip-value';
import { translatedHardCodedLabels } from './vite/hard-coded-labels';
import { recordedMissingMessages } from './vite/missing-messages';
import { isModule } from './vite/module-edit';
import { translatedDefaultLocaleSuffix } from './vite/locale-list-default';
import { translatedNotificationsRegion } from './vite/notifications-region-label';
import { profileShowsInterfaceLanguage } from './vite/profile-language';
import { publishSavesNewStoryFirst } from './vite/publish-saves-first';
import { translatedRoleNames } from './vite/role-names';
import { aiQueriesOnlyWhenAvailable } from './vite/unavailable-ai';

/**
 * Build-time fixes to Strapi's admin for a Persian, right-to-left interface. Each one edits a single
 * module of a dependency while the admin is bundled and fails the build loudly if that module changed
 * shape, rather than silently shipping an admin without the fix.
 */

/**
 * 1. Strapi 5 drops any admin locale missing from its built-in language-name table (strapi/strapi#23694),
 * and that table has no Persian: `config.locales: ['fa']` in app.tsx is ignored. Adding `fa: 'فارسی'` to
 * the table keeps it, offers Persian in the language pickers and loads `config.translations.fa`.
 */
const persianLanguageName = (): Plugin => ({
  name: 'pishkhan:persian-language-name',
  enforce: 'pre',
  transform(code, id) {
    if (
      !isModule(
        id,
        /\/@strapi\/admin\/dist\/admin\/admin\/src\/translations\/languageNativeNames\.m?js$/
      )
    )
      return null;
    if (code.includes("fa: 'فارسی'")) return null;
    const patched = code.replace(
      /(const|var|let)\s+languageNativeNames\s*=\s*\{/,
      "$& fa: 'فارسی',"
    );
    if (patched === code)
      this.error(`${id}: the admin's language table changed; cannot add Persian`);
    return { code: patched, map: null };
  },
});

/**
 * 2. Radix primitives (tabs, menus, selects, accordions…) take their direction from a DirectionProvider
 * that Strapi never renders, so they fall back to 'ltr' and write `dir="ltr"` into the page: the edit
 * view's tabs, for one, laid the whole form out left to right. With this patch the fallback is the
 * page's own direction, which app.tsx sets from the interface language.
 */
const radixFollowsPageDirection = (): Plugin => ({
  name: 'pishkhan:radix-page-direction',
  enforce: 'pre',
  transform(code, id) {
    if (!isModule(id, /\/@radix-ui\/react-direction\/dist\/index\.m?js$/)) return null;
    const patched = code.replace(
      /return\s+localDir\s*\|\|\s*globalDir\s*\|\|\s*(['"])ltr\1\s*;?/,
      "return localDir || globalDir || (typeof document !== 'undefined' && document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr');"
    );
    if (patched === code)
      this.error(
        `${id}: @radix-ui/react-direction changed; cannot make it follow the page direction`
      );
    return { code: patched, map: null };
  },
});

/**
 * 3. Arrows and chevrons that mean "back", "previous", "next" or "open" must point the other way in a
 * right-to-left page. Strapi's icons carry no name in the DOM, so the directional ones are wrapped to
 * carry `data-rtl-mirror`; rtl/styles.css mirrors them with `:dir(rtl)`, which respects any
 * left-to-right island inside the page.
 */
const MIRRORED_ICONS = [
  'ArrowLeft',
  'ArrowRight',
  'ArrowLineLeft',
  'ArrowLineRight',
  'ChevronLeft',
  'ChevronRight',
];

const mirroredDirectionalIcons = (): Plugin => ({
  name: 'pishkhan:mirrored-directional-icons',
  enforce: 'pre',
  transform(code, id) {
    if (!isModule(id, /\/@strapi\/icons\/dist\/index\.mjs$/)) return null;
    let patched = code;
    const wrappers: string[] = [];
    for (const icon of MIRRORED_ICONS) {
      const exported = new RegExp(`([A-Za-z0-9_$]+) as ${icon}\\b`);
      const match = exported.exec(patched);
      if (!match)
        this.error(`${id}: icon ${icon} not found; cannot mirror it for right-to-left pages`);
      const wrapper = `__pishkhanMirrored${icon}`;
      patched = patched.replace(exported, `${wrapper} as ${icon}`);
      wrappers.push(
        `const ${wrapper} = __pishkhanForwardRef((props, ref) => __pishkhanCreateElement(${match![1]}, { 'data-rtl-mirror': '', ...props, ref }));`
      );
    }
    patched = `import { forwardRef as __pishkhanForwardRef, createElement as __pishkhanCreateElement } from 'react';\n${patched}\n${wrappers.join('\n')}\n`;
    return { code: patched, map: null };
  },
});

// No import from 'vite' at run time: Strapi would load this file through Vite's deprecated CJS entry.
export default (config: UserConfig): UserConfig => ({
  ...config,
  plugins: [
    ...(config.plugins ?? []),
    persianLanguageName(),
    radixFollowsPageDirection(),
    mirroredDirectionalIcons(),
    ...aiQueriesOnlyWhenAvailable(),
    translatedDefaultLocaleSuffix(),
    translatedNotificationsRegion(),
    translatedRoleNames(),
    ...translatedHardCodedLabels(),
    filterChipFormatValue(),
    publishSavesNewStoryFirst(),
    profileShowsInterfaceLanguage(),
    recordedMissingMessages(),
  ],
});
