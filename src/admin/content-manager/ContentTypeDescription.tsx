import { Tooltip } from '@strapi/design-system';
import { Information } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { descriptionKey } from '../translations/content-types';

/** An ⓘ beside the list view's actions that describes the content type in the interface language. */
export const ContentTypeDescription = () => {
  const { formatMessage, messages } = useIntl();
  const { slug } = useParams<{ slug: string }>();
  if (!slug || !(descriptionKey(slug) in messages)) return null;
  const description = formatMessage({ id: descriptionKey(slug) });
  return (
    <Tooltip label={description}>
      <span
        data-testid="content-type-description"
        aria-label={description}
        role="note"
        style={{ display: 'inline-flex', padding: 8 }}
      >
        <Information aria-hidden />
      </span>
    </Tooltip>
  );
};
