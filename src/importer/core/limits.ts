/**
 * The largest archive file accepted, in bytes: 2 MiB. A long news story with markup is 5–50 KB, so
 * anything near the limit is not one story (a dump, a merged file, a binary); refusing it early keeps
 * a batch import's memory and regex work bounded.
 */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** Share of control bytes (other than tab, line breaks, form feed) above which a file is binary. */
export const MAX_CONTROL_SHARE = 0.01;
