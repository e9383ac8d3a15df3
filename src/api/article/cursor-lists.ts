/**
 * The article lists that page by keyset cursor (src/lib/list-cursor.ts), by their route handlers: the list
 * itself and the Jalali archive, which calls the list's find with its range (both read newest first).
 */
export const CURSOR_HANDLERS = ['api::article.article.find', 'api::article.archive.find'];
