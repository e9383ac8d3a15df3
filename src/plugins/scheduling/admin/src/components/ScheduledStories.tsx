import * as React from 'react';
import { MenuItem, SimpleMenu } from '@strapi/design-system';
import { Clock } from '@strapi/icons';
import { useFetchClient, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router-dom';
import { t } from '../pluginId';

const ARTICLE = 'api::article.article';

interface Scheduled {
  documentId: string;
  title: string | null;
  scheduledAt: string;
  scheduledAtJalali: { date: string; time: string; long: string };
}

/**
 * In the articles list's actions: «زمان‌بندی‌شده‌ها (n)», a menu of the stories scheduled in this locale with
 * their Jalali time (each opens the story) and an entry that filters the list to them.
 */
export const ScheduledStories = () => {
  const { slug } = useParams<{ slug: string }>();
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const navigate = useNavigate();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale ?? 'fa';
  const [stories, setStories] = React.useState<Scheduled[]>([]);
  const say = (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: t(key), defaultMessage: key }, values);

  React.useEffect(() => {
    if (slug !== ARTICLE) return undefined;
    const controller = new AbortController();
    get<Scheduled[]>('/scheduling/articles', { params: { locale }, signal: controller.signal })
      .then(({ data }) => setStories(data))
      .catch(() => undefined);
    return () => controller.abort();
  }, [slug, locale, get]);

  if (slug !== ARTICLE || stories.length === 0) return null;
  const filterToThem = () => {
    const params = new URLSearchParams({ page: '1', 'plugins[i18n][locale]': locale });
    stories.forEach((story, index) =>
      params.set(`filters[$and][0][documentId][$in][${index}]`, story.documentId)
    );
    navigate({ search: `?${params.toString()}` });
  };

  return (
    <SimpleMenu
      label={say('list.button', { count: stories.length })}
      variant="tertiary"
      startIcon={<Clock />}
      data-testid="scheduled-stories"
    >
      {stories.map((story) => (
        <MenuItem
          key={story.documentId}
          onSelect={() => navigate(`${story.documentId}?plugins[i18n][locale]=${locale}`)}
          data-testid="scheduled-story"
        >
          {`${story.title ?? story.documentId} — ${story.scheduledAtJalali.date} ${story.scheduledAtJalali.time}`}
        </MenuItem>
      ))}
      <MenuItem onSelect={filterToThem} data-testid="scheduled-filter">
        {say('list.filter')}
      </MenuItem>
    </SimpleMenu>
  );
};
