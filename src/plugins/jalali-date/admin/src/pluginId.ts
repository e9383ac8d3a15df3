export const PLUGIN_ID = 'jalali-date';

/** A translation key of this plugin, as the admin stores it: `jalali-date.<key>`. */
export const t = (key: string): string => `${PLUGIN_ID}.${key}`;
