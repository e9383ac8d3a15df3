export const PLUGIN_ID = 'scheduling';

/** A translation key of this plugin, as the admin stores it: `scheduling.<key>`. */
export const t = (key: string): string => `${PLUGIN_ID}.${key}`;
