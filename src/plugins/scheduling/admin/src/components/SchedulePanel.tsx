import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Clock } from '@strapi/icons';
import { useFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { t } from '../pluginId';

const ARTICLE = 'api::article.article';
/** The panel asks again this often, so it turns to «published» by itself when the scheduler acts. */
const REFRESH_MS = 3000;

interface Schedule {
  scheduledAt: string | null;
  scheduledAtJalali: { long: string } | null;
  unpublishAt: string | null;
  unpublishAtJalali: { long: string } | null;
  live: boolean;
}

interface PanelProps {
  model: string;
  documentId?: string;
  document?: { updatedAt?: string; publishedAt?: string | null; locale?: string } | null;
}

const SchedulePanelContent = ({ documentId, document }: PanelProps) => {
  const { formatMessage, locale: uiLocale } = useIntl();
  const { get, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale ?? document?.locale;
  const [schedule, setSchedule] = React.useState<Schedule | null>(null);
  const [failure, setFailure] = React.useState<string | null>(null);
  const [turn, setTurn] = React.useState(0);
  const say = (key: string, values?: Record<string, string>) =>
    formatMessage({ id: t(key), defaultMessage: key }, values);

  React.useEffect(() => {
    if (!documentId) return undefined;
    const controller = new AbortController();
    get<Schedule>(`/scheduling/articles/${documentId}`, {
      params: locale ? { locale } : {},
      signal: controller.signal,
    })
      .then(({ data }) => {
        setSchedule(data);
        setFailure(null);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          setFailure(error instanceof Error ? error.message : String(error));
      });
    const timer = window.setTimeout(() => setTurn((n) => n + 1), REFRESH_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [documentId, locale, document?.updatedAt, document?.publishedAt, turn, get]);

  const cancel = async () => {
    try {
      const { data } = await del<Schedule>(`/scheduling/articles/${documentId}`, {
        params: locale ? { locale } : {},
      });
      setSchedule(data);
      toggleNotification({ type: 'success', message: say('panel.cancelled') });
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message: say('panel.failed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      });
    }
  };

  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={2}
      width="100%"
      dir={uiLocale.startsWith('fa') ? 'rtl' : 'ltr'}
      data-testid="schedule-panel"
    >
      {failure && (
        <Typography variant="pi" textColor="danger600">
          {say('panel.failed', { message: failure })}
        </Typography>
      )}
      {schedule?.scheduledAtJalali ? (
        <Box padding={2} hasRadius background="secondary100" borderColor="secondary200">
          <Flex gap={2} alignItems="flex-start">
            <Clock aria-hidden />
            <Flex direction="column" alignItems="stretch" gap={1}>
              <Typography
                variant="omega"
                fontWeight="bold"
                textColor="secondary700"
                data-testid="schedule-status"
              >
                {say('panel.scheduled', { when: schedule.scheduledAtJalali.long })}
              </Typography>
              {schedule.live && <Typography variant="pi">{say('panel.live-until')}</Typography>}
            </Flex>
          </Flex>
        </Box>
      ) : (
        schedule && (
          <Typography variant="pi" data-testid="schedule-status">
            {say('panel.none')}
          </Typography>
        )
      )}
      {schedule?.unpublishAtJalali && (
        <Typography variant="pi" data-testid="schedule-expiry">
          {say('panel.expires', { when: schedule.unpublishAtJalali.long })}
        </Typography>
      )}
      {(schedule?.scheduledAt || schedule?.unpublishAt) && (
        <Button type="button" variant="danger-light" onClick={cancel} data-testid="cancel-schedule">
          {say('panel.cancel')}
        </Button>
      )}
      {!schedule?.scheduledAt && (
        <Typography variant="pi" textColor="neutral600">
          {say('panel.how')}
        </Typography>
      )}
    </Flex>
  );
};

/** The edit-view side panel; articles that have been saved once. */
export const SchedulePanel = (props: PanelProps) => {
  const { formatMessage } = useIntl();
  if (props.model !== ARTICLE || !props.documentId) return null;
  return {
    title: formatMessage({ id: t('panel.title'), defaultMessage: 'Scheduling' }),
    content: <SchedulePanelContent {...props} />,
  };
};
SchedulePanel.type = 'scheduling';
