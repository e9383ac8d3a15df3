import * as React from 'react';
import { useFetchClient, useQueryParams } from '@strapi/strapi/admin';

export interface ScheduledRow {
  documentId: string;
  scheduledAt: string;
  scheduledAtJalali: { long: string };
}

/** How long one answer serves the list's cells: every row of a page asks, one request answers them. */
const FRESH_MS = 3000;

const asked = new Map<string, { at: number; rows: Promise<Map<string, ScheduledRow>> }>();

/**
 * The stories of the list's locale that wait for their publishing time (the scheduling plugin's
 * `/scheduling/articles`), by documentId: the list's cells mark them, since Strapi's status column can
 * only say پیش‌نویس for them.
 */
export const useScheduledRows = (): Map<string, ScheduledRow> | null => {
  const { get } = useFetchClient();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale ?? 'fa';
  const [rows, setRows] = React.useState<Map<string, ScheduledRow> | null>(null);

  React.useEffect(() => {
    let current = asked.get(locale);
    if (!current || Date.now() - current.at > FRESH_MS) {
      current = {
        at: Date.now(),
        rows: get<ScheduledRow[]>('/scheduling/articles', { params: { locale } })
          .then(({ data }) => new Map(data.map((row) => [row.documentId, row])))
          .catch(() => new Map()),
      };
      asked.set(locale, current);
    }
    let live = true;
    current.rows.then((found) => live && setRows(found));
    return () => {
      live = false;
    };
  }, [locale, get]);

  return rows;
};
