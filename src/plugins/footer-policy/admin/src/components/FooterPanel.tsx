import * as React from 'react';
import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import { Information, WarningCircle } from '@strapi/icons';
import { useFetchClient, useForm, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { t } from '../pluginId';
import { BlockNames, liveFooter } from './live-footer';

/** The story type and its fields as the app configured them (GET /footer-policy/fields). */
interface StoryFields {
  uid: string;
  section: string;
  body: string;
  reporterCode: string;
  blocks: BlockNames;
}

/** Asked once per page load: the configuration does not change while the admin runs. */
let storyFieldsRequest: Promise<StoryFields | null> | undefined;

const useStoryFields = (): StoryFields | null => {
  const { get } = useFetchClient();
  const [fields, setFields] = React.useState<StoryFields | null>(null);
  React.useEffect(() => {
    let mounted = true;
    storyFieldsRequest ??= get<StoryFields>('/footer-policy/fields')
      .then(({ data }) => data)
      .catch(() => {
        storyFieldsRequest = undefined;
        return null;
      });
    storyFieldsRequest.then((found) => {
      if (mounted) setFields(found);
    });
    return () => {
      mounted = false;
    };
  }, [get]);
  return fields;
};

type Message = { en: string; fa: string } | string;

interface FooterPreview {
  footer: string | null;
  footerLine: string | null;
  source: 'section' | 'ancestor' | 'default';
  removed: string[];
  midStory?: Message[];
}

interface PanelProps {
  model: string;
  documentId?: string;
  document?: { updatedAt?: string; locale?: string } | null;
  activeTab?: string;
}

type RelationChange = {
  connect?: Array<{ documentId?: string; apiData?: { documentId?: string } }>;
  disconnect?: unknown[];
};

/**
 * The section whose policy applies: one picked in the form (not saved yet) wins; a removed one means
 * none; otherwise the saved one, read from the content manager's relation route.
 */
const useSectionDocumentId = (
  fields: StoryFields,
  documentId: string | undefined,
  locale: string | undefined,
  savedAt: string | undefined
) => {
  const { get } = useFetchClient();
  const change = useForm(
    'FooterPanel',
    (state) => (state.values as Record<string, RelationChange | undefined>)[fields.section]
  );
  const [saved, setSaved] = React.useState<string | null | undefined>(undefined);

  React.useEffect(() => {
    if (!documentId) {
      setSaved(null);
      return undefined;
    }
    const controller = new AbortController();
    get<{ results?: Array<{ documentId: string }>; data?: { documentId: string } | null }>(
      `/content-manager/relations/${fields.uid}/${documentId}/${fields.section}`,
      { params: locale ? { locale } : {}, signal: controller.signal }
    )
      .then(({ data }) => {
        const first = data.results?.[0] ?? data.data ?? null;
        setSaved(first?.documentId ?? null);
      })
      .catch(() => {
        if (!controller.signal.aborted) setSaved(null);
      });
    return () => controller.abort();
  }, [fields, documentId, locale, savedAt, get]);

  const connected = change?.connect?.[change.connect.length - 1];
  if (connected)
    return {
      section: connected.apiData?.documentId ?? connected.documentId ?? null,
      unsaved: true,
    };
  if (change?.disconnect?.length) return { section: null, unsaved: true };
  return { section: saved, unsaved: false };
};

const FooterPanelContent = ({
  documentId,
  document,
  fields,
}: PanelProps & { fields: StoryFields }) => {
  const { formatMessage, locale: uiLocale } = useIntl();
  const { get } = useFetchClient();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale ?? document?.locale;
  const persian = uiLocale.startsWith('fa');
  const say = (message: Message) =>
    typeof message === 'string' ? message : persian ? message.fa : message.en;

  const body = useForm(
    'FooterPanel',
    (state) => (state.values as Record<string, unknown>)[fields.body]
  );
  const reporterCode = useForm(
    'FooterPanel',
    (state) => (state.values as Record<string, string | null | undefined>)[fields.reporterCode]
  );
  const live = React.useMemo(() => liveFooter(body, fields.blocks), [body, fields.blocks]);
  const { section, unsaved } = useSectionDocumentId(
    fields,
    documentId,
    locale,
    document?.updatedAt
  );

  const [state, setState] = React.useState<{
    status: 'loading' | 'done' | 'failed';
    preview?: FooterPreview;
    message?: string;
  }>({
    status: 'loading',
  });
  const code = (reporterCode ?? '').trim() || live.reporterCode || '';

  React.useEffect(() => {
    if (section === undefined) return undefined;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      const params: Record<string, string> = {};
      if (documentId) params.documentId = documentId;
      if (locale) params.locale = locale;
      if (section) params.section = section;
      if (code) params.reporterCode = code;
      get<FooterPreview>('/footer-policy/preview', { params, signal: controller.signal })
        .then(({ data }) => setState({ status: 'done', preview: data }))
        .catch((error: unknown) => {
          if (!controller.signal.aborted) {
            setState({
              status: 'failed',
              message: error instanceof Error ? error.message : String(error),
            });
          }
        });
    }, 300);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [documentId, locale, section, code, document?.updatedAt, get]);

  const preview = state.preview;
  const label = (key: string, fallback: string) =>
    formatMessage({ id: t(key), defaultMessage: fallback });
  const sourceKey = unsaved
    ? 'panel.source.unsaved-section'
    : `panel.source.${preview?.source ?? 'default'}`;
  const savedMidStory = preview?.midStory ?? [];

  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={3}
      width="100%"
      dir={persian ? 'rtl' : 'ltr'}
      data-testid="footer-panel"
    >
      {state.status === 'failed' && (
        <Typography variant="pi" textColor="danger600">
          {formatMessage(
            {
              id: t('panel.failed'),
              defaultMessage: 'The footer could not be previewed: {message}',
            },
            { message: state.message }
          )}
        </Typography>
      )}
      {!preview && state.status === 'loading' && (
        <Flex gap={2}>
          <Loader small />
          <Typography variant="pi">{label('panel.loading', 'Working out the footer…')}</Typography>
        </Flex>
      )}
      {preview && (
        <Box>
          <Typography variant="sigma" textColor="neutral600" tag="p">
            {label('panel.line', 'Printed under the story')}
          </Typography>
          {preview.footerLine ? (
            <Box
              marginTop={1}
              padding={2}
              hasRadius
              background="neutral100"
              borderColor="neutral200"
              data-testid="footer-line"
              data-source={preview.source}
            >
              <Typography dir="rtl" lang="fa" fontWeight="bold" textColor="neutral800">
                {preview.footerLine}
              </Typography>
            </Box>
          ) : (
            <Box marginTop={1} data-testid="footer-line" data-source={preview.source}>
              <Typography variant="pi" textColor="neutral600">
                {label('panel.no-footer', 'No footer: this section prints none.')}
              </Typography>
            </Box>
          )}
          <Box marginTop={1}>
            <Typography variant="pi" textColor="neutral600">
              {label(sourceKey, '')}
            </Typography>
          </Box>
        </Box>
      )}
      {live.removed.length > 0 && (
        <Notice
          tone="warning"
          testId="footer-typed"
          title={label('panel.typed.title', 'Footer typed at the end of the body')}
        >
          {live.removed.map((typed) => (
            <Typography key={typed} variant="pi" tag="p" fontWeight="bold" dir="rtl">
              «{typed}»
            </Typography>
          ))}
          <Typography variant="pi" tag="p">
            {label('panel.typed.body', 'It will be removed when you save.')}
          </Typography>
          {/* The core's notes beyond the removal itself: the footer typed twice, codes that disagree. */}
          {live.warnings
            .filter((warning) => warning.code !== 'footer-removed')
            .map((warning) => (
              <Typography key={say(warning)} variant="pi" tag="p">
                {say(warning)}
              </Typography>
            ))}
        </Notice>
      )}
      {live.midStory.length > 0 && (
        <Notice
          tone="danger"
          testId="footer-mid-story"
          title={label('panel.mid-story.title', 'Footer in the middle of the story')}
        >
          {live.midStory.map((marker) => (
            <Typography key={say(marker)} variant="pi" tag="p">
              {say(marker)}
            </Typography>
          ))}
          <Typography variant="pi" tag="p">
            {label('panel.mid-story.live', 'Publishing will be refused until it is removed.')}
          </Typography>
        </Notice>
      )}
      {live.removed.length === 0 && (preview?.removed.length ?? 0) > 0 && (
        <Notice
          tone="info"
          testId="footer-removed"
          title={label('panel.removed.title', 'Removed at the last save')}
        >
          {preview!.removed.map((typed) => (
            <Typography key={typed} variant="pi" tag="p" dir="rtl">
              «{typed}»
            </Typography>
          ))}
          <Typography variant="pi" tag="p">
            {label('panel.explain', 'Do not type «انتهای پیام» yourself.')}
          </Typography>
        </Notice>
      )}
      {live.midStory.length === 0 && savedMidStory.length > 0 && (
        <Notice
          tone="danger"
          testId="footer-mid-story-saved"
          title={label('panel.mid-story.title', 'Footer in the middle of the story')}
        >
          {savedMidStory.map((marker) => (
            <Typography key={say(marker)} variant="pi" tag="p">
              {say(marker)}
            </Typography>
          ))}
        </Notice>
      )}
    </Flex>
  );
};

const TONES = {
  warning: { background: 'warning100', border: 'warning200', text: 'warning700' },
  danger: { background: 'danger100', border: 'danger200', text: 'danger700' },
  info: { background: 'primary100', border: 'primary200', text: 'primary700' },
} as const;

const Notice = ({
  tone,
  title,
  testId,
  children,
}: {
  tone: keyof typeof TONES;
  title: string;
  testId: string;
  children: React.ReactNode;
}) => {
  const colors = TONES[tone];
  return (
    <Box
      padding={3}
      hasRadius
      background={colors.background}
      borderColor={colors.border}
      data-testid={testId}
      role={tone === 'info' ? 'status' : 'alert'}
    >
      <Flex gap={2} alignItems="flex-start">
        <Box paddingTop={1} color={colors.text}>
          {tone === 'info' ? <Information aria-hidden /> : <WarningCircle aria-hidden />}
        </Box>
        <Flex direction="column" alignItems="stretch" gap={1}>
          <Typography variant="omega" fontWeight="bold" textColor={colors.text}>
            {title}
          </Typography>
          {children}
        </Flex>
      </Flex>
    </Box>
  );
};

/** The edit-view side panel of the configured story type. Rendered by the content manager inside the edit form. */
export const FooterPanel = (props: PanelProps) => {
  const { formatMessage } = useIntl();
  const fields = useStoryFields();
  if (!fields || props.model !== fields.uid) return null;
  return {
    title: formatMessage({ id: t('panel.title'), defaultMessage: 'How the story ends' }),
    content: <FooterPanelContent {...props} fields={fields} />,
  };
};
FooterPanel.type = 'footer-policy';
