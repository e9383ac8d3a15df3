export const PLUGIN_ID = 'persian-slug';

/** A translation key of this plugin, as the admin stores it: `persian-slug.<key>`. */
export const t = (key: string): string => `${PLUGIN_ID}.${key}`;
