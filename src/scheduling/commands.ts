import type { Core } from '@strapi/strapi';
import { readScheduleInput } from './core';
import { removeSchedules, schedulesOf, setSchedule } from './table';

const UID = 'api::article.article';

/**
 * Schedule or move a story's publish (and expiry). A publish time is written to the draft's `publishedOn`
 * and then published as an editor would: the scheduling step turns that publish into the schedule, so the
 * API and the admin schedule by one path. Throws ScheduleInputError on bad input.
 */
export const scheduleStory = async (
  strapi: Core.Strapi,
  documentId: string,
  locale: string,
  body: unknown
): Promise<void> => {
  const pending = (await schedulesOf(strapi, [documentId], locale)).find(
    (row) => row.action === 'publish'
  );
  const input = readScheduleInput(body, Date.now(), pending?.dueAt ?? null);
  await strapi.db.transaction(async () => {
    if (input.publishAt !== undefined) {
      await strapi.documents(UID).update({
        documentId,
        locale,
        data: { publishedOn: new Date(input.publishAt).toISOString() },
      } as never);
      await strapi.documents(UID).publish({ documentId, locale });
    }
    if (input.unpublishAt === null)
      await removeSchedules(strapi, documentId, { locale, action: 'unpublish' });
    else if (input.unpublishAt !== undefined) {
      await setSchedule(strapi, {
        documentId,
        locale,
        action: 'unpublish',
        dueAt: input.unpublishAt,
      });
    }
  });
};

/** Cancel: the story stays as it is (a draft, or its live version), and nothing happens at the times. */
export const cancelSchedule = (
  strapi: Core.Strapi,
  documentId: string,
  locale: string
): Promise<number> => removeSchedules(strapi, documentId, { locale });

/** Whether the document has a version in this locale (a draft always exists under draft & publish). */
export const storyExists = async (
  strapi: Core.Strapi,
  documentId: string,
  locale: string
): Promise<boolean> => (await strapi.db.query(UID).count({ where: { documentId, locale } })) > 0;
