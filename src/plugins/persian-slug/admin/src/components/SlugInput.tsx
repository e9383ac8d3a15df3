import * as React from 'react';
import { Box, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { ArrowClockwise, CheckCircle, WarningCircle } from '@strapi/icons';
import {
  unstable_useContentManagerContext as useContentManagerContext,
  unstable_useDocument as useDocument,
  useFetchClient,
  useField,
  useForm,
  useQueryParams,
} from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { t } from '../pluginId';
import { fetchPreview, PreviewQuery, usePreview } from './usePreview';

const NEWS_CODE_FIELD = 'plugin::persian-slug.news-code';

interface SlugAttribute {
  customField?: string;
  targetField?: string;
  regex?: string;
}

export interface SlugInputProps {
  name: string;
  label: string;
  hint?: React.ReactNode;
  labelAction?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  attribute: SlugAttribute;
}

type Values = Record<string, unknown>;

const getIn = (values: object | undefined, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Values)[key] : undefined),
      values
    );

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** `/news/<code>/<slug>` for stories with a news code, `/<pluralName>/<slug>` for everything else. */
export const publicPath = (slug: string, pluralName: string, newsCode: unknown): string => {
  if (newsCode === null) return `/${pluralName}/${slug}`;
  const code =
    typeof newsCode === 'number' || (typeof newsCode === 'string' && newsCode !== '')
      ? String(newsCode)
      : '…';
  return `/news/${code}/${slug}`;
};

/**
 * The slug input: as the editor types the title it shows the slug saving would give and the public
 * address; a typed slug is checked (normalised form, free or taken in this locale); the button puts
 * the slug made from the title into the field. Left empty, the server makes the slug on save.
 */
export const SlugInput = React.forwardRef<HTMLInputElement, SlugInputProps>(
  ({ name, label, hint, labelAction, required, disabled, placeholder, attribute }, ref) => {
    const { formatMessage } = useIntl();
    const { get } = useFetchClient();
    const field = useField<string>(name);
    const { model, id, contentType, collectionType } = useContentManagerContext();
    const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
    const locale = query.plugins?.i18n?.locale;
    const documentId = id && id !== 'create' ? String(id) : undefined;
    // Publishing changes which slug is live without changing what is typed: the moment of the last
    // publish is part of the preview's key, so the "current published slug" is asked again after it.
    const { meta } = useDocument(
      { model, collectionType, documentId, params: { locale } },
      { skip: !documentId }
    );
    const publishedAt =
      meta?.availableStatus?.find((version) => version.publishedAt)?.publishedAt ?? undefined;

    const prefix = name.includes('.') ? name.slice(0, name.lastIndexOf('.') + 1) : '';
    const attributes = (contentType?.attributes ?? {}) as Record<string, { customField?: string }>;
    const newsCodeField = Object.keys(attributes).find(
      (key) => attributes[key]?.customField === NEWS_CODE_FIELD
    );
    const title = text(
      useForm('SlugInput', (state) =>
        attribute.targetField ? getIn(state.values, prefix + attribute.targetField) : ''
      )
    );
    const newsCode = useForm('SlugInput', (state) =>
      newsCodeField ? getIn(state.values, prefix + newsCodeField) : null
    );
    const pluralName =
      (contentType?.info as { pluralName?: string } | undefined)?.pluralName ??
      model.split('.').pop() ??
      '';

    const typed = text(field.value).trim();
    const previewQuery: PreviewQuery | null =
      typed !== ''
        ? { uid: model, locale, documentId, publishedAt, slug: typed }
        : title.trim() !== ''
          ? { uid: model, locale, documentId, publishedAt, from: title }
          : null;
    const preview = usePreview(previewQuery);
    const [regenerating, setRegenerating] = React.useState(false);
    const [regenerateError, setRegenerateError] = React.useState<string | null>(null);

    const regenerate = async () => {
      if (!title.trim()) return;
      setRegenerating(true);
      setRegenerateError(null);
      try {
        const result = await fetchPreview(get, { uid: model, locale, documentId, from: title });
        if (result.slug) field.onChange(name, result.slug);
        else setRegenerateError(result.error?.messageFa ?? result.error?.message ?? null);
      } catch (error) {
        setRegenerateError(error instanceof Error ? error.message : String(error));
      } finally {
        setRegenerating(false);
      }
    };

    const result =
      preview.status === 'done'
        ? preview.result
        : preview.status === 'loading'
          ? preview.previous
          : undefined;
    const shownSlug = result?.slug ?? null;
    const problem =
      regenerateError ??
      (preview.status === 'failed'
        ? formatMessage(
            {
              id: t('slug.request-failed'),
              defaultMessage: 'The slug could not be checked: {message}',
            },
            { message: preview.message }
          )
        : result && !result.slug
          ? (result.error?.messageFa ?? result.error?.message ?? null)
          : null);

    return (
      <Field.Root name={name} id={name} error={field.error} hint={hint} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <TextInput
          ref={ref}
          dir="rtl"
          data-pishkhan-own-dir=""
          data-testid="slug-input"
          disabled={disabled}
          value={text(field.value)}
          placeholder={
            placeholder ||
            formatMessage({
              id: t('slug.placeholder'),
              defaultMessage: 'Left empty, it is made from the title on save',
            })
          }
          onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
            field.onChange(name, event.target.value)
          }
          endAction={
            <Field.Action
              label={formatMessage({
                id: t('slug.regenerate'),
                defaultMessage: 'Make the slug from the title',
              })}
              onClick={regenerate}
              disabled={disabled || regenerating || title.trim() === ''}
              data-testid="slug-regenerate"
            >
              <ArrowClockwise />
            </Field.Action>
          }
        />
        <Box data-testid="slug-preview" data-status={preview.status} paddingTop={1}>
          <Flex direction="column" alignItems="flex-start" gap={1}>
            {previewQuery === null && (
              <Typography variant="pi" textColor="neutral600">
                {formatMessage({
                  id: t('slug.no-title'),
                  defaultMessage: 'Type a title to see the slug.',
                })}
              </Typography>
            )}
            {preview.status === 'loading' && !result && (
              <Typography variant="pi" textColor="neutral600">
                {formatMessage({ id: t('slug.checking'), defaultMessage: 'Checking…' })}
              </Typography>
            )}
            {shownSlug && typed === '' && (
              <Typography
                variant="pi"
                textColor="neutral700"
                data-testid="slug-suggested"
                data-slug={shownSlug}
              >
                {formatMessage(
                  { id: t('slug.suggested'), defaultMessage: 'Suggested slug: {slug}' },
                  { slug: <bdi dir="rtl">{shownSlug}</bdi> }
                )}
                {' — '}
                {formatMessage({
                  id: t('slug.empty-hint'),
                  defaultMessage: 'Empty: the slug is made from the title when you save.',
                })}
              </Typography>
            )}
            {shownSlug && typed !== '' && shownSlug !== typed && (
              <Typography
                variant="pi"
                textColor="neutral700"
                data-testid="slug-normalised"
                data-slug={shownSlug}
              >
                {formatMessage(
                  { id: t('slug.will-save-as'), defaultMessage: 'Will be saved as: {slug}' },
                  { slug: <bdi dir="rtl">{shownSlug}</bdi> }
                )}
              </Typography>
            )}
            {shownSlug && typed !== '' && result?.free !== undefined && (
              <Flex gap={1} data-testid="slug-availability" data-free={String(result.free)}>
                {result.free ? (
                  <CheckCircle fill="success600" aria-hidden />
                ) : (
                  <WarningCircle fill="danger600" aria-hidden />
                )}
                <Typography variant="pi" textColor={result.free ? 'success600' : 'danger600'}>
                  {result.free
                    ? formatMessage({ id: t('slug.free'), defaultMessage: 'Available' })
                    : formatMessage({
                        id: t('slug.taken'),
                        defaultMessage: 'Already used in this language',
                      })}
                </Typography>
              </Flex>
            )}
            {result?.current && result.current !== shownSlug && (
              <Typography variant="pi" textColor="neutral600" data-testid="slug-current">
                {formatMessage(
                  { id: t('slug.current'), defaultMessage: 'Current published slug: {slug}' },
                  { slug: <bdi dir="rtl">{result.current}</bdi> }
                )}
              </Typography>
            )}
            {shownSlug && (
              <Typography variant="pi" textColor="neutral600">
                {formatMessage({ id: t('slug.url'), defaultMessage: 'Public address' })}
                {': '}
                <bdi dir="ltr" data-testid="slug-url">
                  {publicPath(
                    shownSlug,
                    pluralName,
                    newsCodeField ? (newsCode ?? undefined) : null
                  )}
                </bdi>
              </Typography>
            )}
            {problem && (
              <Flex gap={1} data-testid="slug-problem">
                <WarningCircle fill="danger600" aria-hidden />
                <Typography variant="pi" textColor="danger600">
                  {problem}
                </Typography>
              </Flex>
            )}
          </Flex>
        </Box>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  }
);

SlugInput.displayName = 'SlugInput';
