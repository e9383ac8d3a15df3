import * as React from 'react';
import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { toJalaliFields } from '../../jalali';

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

const JalaliCell = ({ value }: { value: unknown }) => {
  const { locale } = useIntl();
  if (typeof value !== 'string' || value === '')
    return <Typography textColor="neutral800">-</Typography>;
  try {
    const fields = toJalaliFields(value);
    const latin = `${fields.year}/${String(fields.month).padStart(2, '0')}/${String(fields.day).padStart(2, '0')} ${fields.iso.slice(11, 16)}`;
    return (
      <Typography
        textColor="neutral800"
        title={fields.long}
        data-testid="jalali-cell"
        dir="rtl"
        style={{ whiteSpace: 'nowrap' }}
      >
        {locale.startsWith('fa') ? `${fields.date} ${fields.time}` : latin}
      </Typography>
    );
  } catch {
    return <Typography textColor="neutral800">-</Typography>;
  }
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
        cellFormatter: (row) => <JalaliCell value={row.publishedOn} />,
      },
      ...rest,
    ],
  };
};
