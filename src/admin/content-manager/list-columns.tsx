import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { Clock } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { toJalaliFields } from '../../jalali';
import { useScheduledRows } from './scheduled-rows';

/**
 * The articles list shows when each story is published (Jalali, Tehran time, sortable) and its section,
 * whatever columns the saved list configuration holds. Added through the content manager's
 * `inject-column-in-table` hook, which receives the list layout (not the model): articles are recognised
 * by their display name.
 */
const ARTICLE = 'api::article.article';

interface Header {
  name: string;
  label: unknown;
  attribute?: { type: string; [key: string]: unknown };
  searchable?: boolean;
  sortable?: boolean;
  mainField?: { name: string; type: string };
  cellFormatter?: (row: Record<string, unknown>) => React.ReactNode;
}

interface ListHookArgs {
  displayedHeaders: Header[];
  layout: { settings?: { displayName?: string }; metadatas?: Record<string, unknown> };
}

/** The Jalali date and time in Tehran time, in Persian digits in the Persian interface. */
const jalaliText = (value: unknown, locale: string) => {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const fields = toJalaliFields(value);
    const latin = `${fields.year}/${String(fields.month).padStart(2, '0')}/${String(fields.day).padStart(2, '0')} ${fields.iso.slice(11, 16)}`;
    return {
      text: locale.startsWith('fa') ? `${fields.date} ${fields.time}` : latin,
      long: fields.long,
    };
  } catch {
    return null;
  }
};

/**
 * When a story is published; for one waiting for its publishing time, a clock and the scheduled time,
 * with «زمان‌بندی‌شده برای …» as its tooltip (the row's status, Strapi's own column, can only say پیش‌نویس).
 */
const PublicationCell = ({ row }: { row: Record<string, unknown> }) => {
  const { locale, formatMessage } = useIntl();
  const scheduled = useScheduledRows()?.get(String(row.documentId));
  const shown = jalaliText(scheduled ? scheduled.scheduledAt : row.publishedOn, locale);
  if (!shown) return <Typography textColor="neutral800">-</Typography>;
  if (!scheduled)
    return (
      <Typography
        textColor="neutral800"
        title={shown.long}
        data-testid="jalali-cell"
        dir="rtl"
        style={{ whiteSpace: 'nowrap' }}
      >
        {shown.text}
      </Typography>
    );
  return (
    <Flex
      gap={1}
      title={formatMessage(
        { id: 'scheduling.panel.scheduled', defaultMessage: 'Scheduled for {when}' },
        { when: scheduled.scheduledAtJalali.long }
      )}
      data-testid="scheduled-cell"
      style={{ whiteSpace: 'nowrap' }}
    >
      <Clock aria-hidden fill="secondary600" />
      <Typography textColor="secondary600" dir="rtl">
        {shown.text}
      </Typography>
    </Flex>
  );
};

const SectionCell = ({ value }: { value: unknown }) => {
  const name = value && typeof value === 'object' ? (value as { name?: unknown }).name : undefined;
  return (
    <Typography textColor="neutral800" data-testid="section-cell">
      {typeof name === 'string' && name ? name : '-'}
    </Typography>
  );
};

/**
 * The title, cut with an ellipsis where the text ends in its own direction (a Persian title keeps its
 * first words in the English interface too), and narrow enough that the default columns fit a 1366 px
 * laptop screen; the whole title is its tooltip.
 */
const TitleCell = ({ value }: { value: unknown }) => {
  const title = typeof value === 'string' && value ? value : '-';
  return (
    <Typography
      textColor="neutral800"
      ellipsis
      dir="auto"
      title={title}
      data-testid="title-cell"
      style={{ display: 'block', maxWidth: '240px' }}
    >
      {title}
    </Typography>
  );
};

export const articleListColumns = (args: ListHookArgs): ListHookArgs => {
  if (
    args.layout?.settings?.displayName !== 'Article' ||
    !args.layout.metadatas ||
    !('publishedOn' in args.layout.metadatas)
  ) {
    return args;
  }
  const others = args.displayedHeaders.filter(
    (header) => header.name !== 'publishedOn' && header.name !== 'section'
  );
  // The title (or whatever leads the configured columns) first, then what editors scan a list for.
  const titleAt = others.findIndex((header) => header.name === 'title');
  const lead =
    titleAt === -1
      ? []
      : others.slice(0, titleAt + 1).map((header) =>
          header.name === 'title'
            ? {
                ...header,
                cellFormatter: (row: Record<string, unknown>) => <TitleCell value={row.title} />,
              }
            : header
        );
  const rest = titleAt === -1 ? others : others.slice(titleAt + 1);
  const label = (field: string) => ({
    id: `content-manager.content-types.${ARTICLE}.${field}`,
    defaultMessage: field,
  });
  return {
    ...args,
    displayedHeaders: [
      ...lead,
      {
        name: 'section',
        label: label('section'),
        attribute: { type: 'relation', relation: 'manyToOne', target: 'api::section.section' },
        searchable: false,
        sortable: false,
        cellFormatter: (row) => <SectionCell value={row.section} />,
      },
      {
        name: 'publishedOn',
        label: label('publishedOn'),
        attribute: { type: 'datetime' },
        searchable: false,
        sortable: true,
        cellFormatter: (row) => <PublicationCell row={row} />,
      },
      ...rest,
    ],
  };
};
