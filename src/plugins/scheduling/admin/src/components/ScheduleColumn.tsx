import * as React from 'react';
import { Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { t } from '../pluginId';

interface Scheduled {
  documentId: string;
  scheduledAtJalali: { date: string; time: string; long: string };
}
interface Header {
  name: string;
  label: unknown;
  attribute?: { type: string };
  searchable?: boolean;
  sortable?: boolean;
  cellFormatter?: (row: Record<string, unknown>) => React.ReactNode;
}
interface ListHookArgs {
  displayedHeaders: Header[];
  layout: { settings?: { displayName?: string } };
}

/** One request per locale for all the rows of a list page (kept briefly, so a list reloaded later asks again). */
const KEEP_MS = 2000;
const asked = new Map<string, { at: number; times: Promise<Map<string, Scheduled['scheduledAtJalali']>> }>();

const ScheduleCell = ({ documentId, locale }: { documentId: string; locale: string }) => {
  const { get } = useFetchClient();
  const [when, setWhen] = React.useState<Scheduled['scheduledAtJalali'] | null>(null);
  React.useEffect(() => {
    let entry = asked.get(locale);
    if (!entry || Date.now() - entry.at > KEEP_MS) {
      entry = {
        at: Date.now(),
        times: get<Scheduled[]>('/scheduling/articles', { params: { locale } }).then(({ data }) => new Map(data.map((one) => [one.documentId, one.scheduledAtJalali]))),
      };
      asked.set(locale, entry);
    }
    let live = true;
    entry.times.then((times) => { if (live) setWhen(times.get(documentId) ?? null); }).catch(() => undefined);
    return () => { live = false; };
  }, [documentId, locale, get]);
  if (!when) return <Typography textColor="neutral800">-</Typography>;
  return (
    <Typography textColor="secondary700" title={when.long} data-testid="schedule-cell" dir="rtl" style={{ whiteSpace: 'nowrap' }}>
      {`${when.date} ${when.time}`}
    </Typography>
  );
};

/** The articles list's «زمان‌بندی» column: the Jalali time of a pending publish, «-» otherwise. */
export const scheduleColumn = (args: ListHookArgs): ListHookArgs => {
  if (args.layout?.settings?.displayName !== 'Article') return args;
  const column: Header = {
    name: 'scheduledAt',
    label: { id: t('list.column'), defaultMessage: 'Scheduled' },
    attribute: { type: 'string' },
    searchable: false,
    sortable: false,
    cellFormatter: (row) => <ScheduleCell documentId={String(row.documentId)} locale={String(row.locale ?? 'fa')} />,
  };
  return { ...args, displayedHeaders: [...args.displayedHeaders, column] };
};
