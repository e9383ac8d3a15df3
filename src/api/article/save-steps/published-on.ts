import type { StoredRow } from '@pishkhan/save-pipeline';

type Row = StoredRow & { publishedOn?: unknown };

/**
 * `publishedOn` is the editorial date shown to readers; when an editor leaves it empty it becomes the
 * moment the article was first published, on both the draft and the published row of that locale so
 * they stay equal.
 */
export const publishedOnPatches = (
  rows: ReadonlyArray<Row>
): Array<[Row, { publishedOn: unknown }]> => {
  const firstPublished = new Map<string, unknown>();
  for (const row of rows)
    if (row.publishedAt != null && row.publishedOn == null)
      firstPublished.set(row.locale, row.publishedAt);
  return rows.flatMap(
    (row): Array<[Row, { publishedOn: unknown }]> =>
      row.publishedOn == null && firstPublished.has(row.locale)
        ? [[row, { publishedOn: firstPublished.get(row.locale) }]]
        : []
  );
};
