import * as React from 'react';
import { Flex, Status, Typography } from '@strapi/design-system';
import { Clock } from '@strapi/icons';
import { useFetchClient, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { t } from '../pluginId';

const ARTICLE = 'api::article.article';
/** As the panel: asked again this often, so it appears after «انتشار» and goes when the scheduler acts. */
const REFRESH_MS = 3000;

interface HeaderProps {
  model: string;
  documentId?: string;
  document?: { updatedAt?: string; publishedAt?: string | null; locale?: string } | null;
}

/**
 * A header status next to Strapi's badge (which can only say پیش‌نویس for a scheduled story):
 * «زمان‌بندی‌شده برای …» with the Jalali time, shown while a publish is pending. `_status` is the content
 * manager's own way for a header action to show a state rather than a button.
 */
export const ScheduledStatus = ({ model, documentId, document }: HeaderProps) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale ?? document?.locale;
  const [when, setWhen] = React.useState<string | null>(null);
  const [turn, setTurn] = React.useState(0);
  const active = model === ARTICLE && Boolean(documentId);

  React.useEffect(() => {
    if (!active) return undefined;
    const controller = new AbortController();
    get<{ scheduledAtJalali: { long: string } | null }>(`/scheduling/articles/${documentId}`, {
      params: locale ? { locale } : {},
      signal: controller.signal,
    })
      .then(({ data }) => setWhen(data.scheduledAtJalali?.long ?? null))
      .catch(() => undefined);
    const timer = window.setTimeout(() => setTurn((n) => n + 1), REFRESH_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [active, documentId, locale, document?.updatedAt, document?.publishedAt, turn, get]);

  if (!active || !when) return null;
  const label = formatMessage(
    { id: t('panel.scheduled'), defaultMessage: 'Scheduled for {when}' },
    { when }
  );
  return {
    label,
    _status: {
      message: (
        <Status variant="secondary" size="S" data-testid="schedule-badge">
          <Flex gap={1}>
            <Clock aria-hidden />
            <Typography tag="span" variant="omega" fontWeight="bold">
              {label}
            </Typography>
          </Flex>
        </Status>
      ),
    },
  };
};
ScheduledStatus.type = 'scheduled-status';
