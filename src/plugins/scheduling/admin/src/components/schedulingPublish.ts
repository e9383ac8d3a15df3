import { useFetchClient, useForm, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import { t } from '../pluginId';

const ARTICLE = 'api::article.article';

interface ActionProps {
  model: string;
  documentId?: string;
  document?: { locale?: string } | null;
}
interface ActionDescription {
  onClick?: (event: unknown) => Promise<boolean | void> | boolean | void;
  dialog?: { onConfirm?: () => Promise<void> | void } & Record<string, unknown>;
  [key: string]: unknown;
}
type Action = ((props: ActionProps) => ActionDescription | null) & {
  type?: string;
  position?: unknown;
};

/**
 * Strapi's own «انتشار», told apart afterwards: a publish whose publishedOn is still to come is stored as a
 * schedule by the server (save step article.scheduling), and Strapi's «سند منتشر شد» would be untrue. The
 * notices that publish raised are dismissed and «زمان‌بندی شد برای …» (Jalali, Tehran time) is shown instead.
 * Strapi's action runs unchanged (validation, form reset, relation dialog); only its notice is replaced.
 */
export const withScheduleNotice = (Publish: Action): Action => {
  const SchedulingPublish: Action = (props) => {
    const description = Publish(props);
    const { formatMessage } = useIntl();
    const { get } = useFetchClient();
    const { toggleNotification } = useNotification();
    const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
    const getValues = useForm('SchedulingPublish', (state) => state.getValues);
    if (!description || props.model !== ARTICLE) return description;
    const locale = query.plugins?.i18n?.locale ?? props.document?.locale;

    const noticing =
      <T>(publish: () => Promise<T>) =>
      async (): Promise<T> => {
        const publishedOn = Date.parse(
          String((getValues() as { publishedOn?: unknown }).publishedOn ?? '')
        );
        const before = new Set(toast.getToasts().map((one) => one.id));
        const result = await publish();
        if (!props.documentId || !(publishedOn > Date.now())) return result;
        const { data } = await get<{
          scheduledAt: string | null;
          scheduledAtJalali: { long: string } | null;
        }>(`/scheduling/articles/${props.documentId}`, { params: locale ? { locale } : {} });
        if (!data.scheduledAtJalali) return result;
        for (const one of toast.getToasts()) if (!before.has(one.id)) toast.dismiss(one.id);
        toggleNotification({
          type: 'success',
          message: formatMessage(
            { id: t('notice.scheduled'), defaultMessage: 'Scheduled for {when}' },
            { when: data.scheduledAtJalali.long }
          ),
        });
        return result;
      };

    const { onClick, dialog } = description;
    return {
      ...description,
      onClick: onClick ? (event: unknown) => noticing(async () => onClick(event))() : undefined,
      dialog: dialog?.onConfirm
        ? { ...dialog, onConfirm: noticing(async () => dialog.onConfirm!()) }
        : dialog,
    };
  };
  SchedulingPublish.type = Publish.type;
  SchedulingPublish.position = Publish.position;
  return SchedulingPublish;
};
