export const PLUGIN_ID = 'footer-policy';

/** A translation key of this plugin, as the admin stores it: `footer-policy.<key>`. */
export const t = (key: string): string => `${PLUGIN_ID}.${key}`;
