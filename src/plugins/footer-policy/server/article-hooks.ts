import type { Core } from '@strapi/strapi';
import {
  describeMarkerPosition,
  findMidStoryMarkers,
  stripTrailingFooter,
  BodyBlock,
} from '../core';
import { Component, toBlocks, toComponents } from './body-blocks';
import type { FooterPolicyConfig } from './config';
import { footerValidationError } from './errors';

type Params = {
  documentId?: string;
  locale?: string;
  status?: string;
  data?: Record<string, unknown>;
};

/** A footer typed in the middle of a story: two stories pasted together, refused on publish. */
export const MID_STORY_FOOTER_CODE = 'FOOTER_IN_MIDDLE';

const refuseMidStoryMarkers = (blocks: ReadonlyArray<BodyBlock>, field: string) => {
  const [marker] = findMidStoryMarkers(blocks);
  if (marker)
    throw footerValidationError(MID_STORY_FOOTER_CODE, describeMarkerPosition(marker), [
      field,
      marker.blockIndex,
    ]);
};

/**
 * A body without the footer typed at its end: the reporter code found there, and the private
 * `footerNotes` (what was removed, any footer left in the middle). Publishing with a footer in the
 * middle is refused. For every writer of article rows: the save pipeline and the importer's batch path.
 */
export const stripTypedFooter = (
  config: FooterPolicyConfig,
  body: ReadonlyArray<Component>,
  publishing: boolean
) => {
  const stripped = stripTrailingFooter(toBlocks(body, config.blocks));
  if (publishing) refuseMidStoryMarkers(stripped.blocks, config.articles.body);
  return {
    body: toComponents(stripped.blocks, config.blocks),
    reporterCode: stripped.reporterCode,
    footerNotes: {
      removed: stripped.removed,
      midStory: findMidStoryMarkers(stripped.blocks).map(describeMarkerPosition),
    },
  };
};

/**
 * Before a write: typed footers at the end of the body are removed (a reporter code found there fills an
 * empty reporter code), what was removed and any footer left in the middle are kept in the private
 * notes for the admin, and publishing with a footer in the middle is refused. The stored footer and
 * footer line are the pipeline's to compute after the write, never the client's.
 */
export const prepareArticleWrite = async (
  strapi: Core.Strapi,
  config: FooterPolicyConfig,
  action: string,
  params: Params
): Promise<void> => {
  const { uid, body, reporterCode, footer, footerLine, footerNotes } = config.articles;
  if (action === 'create' || action === 'update') {
    const data = { ...(params.data ?? {}) };
    delete data[footer];
    delete data[footerLine];
    if (Array.isArray(data[body])) {
      const stripped = stripTypedFooter(
        config,
        data[body] as Component[],
        params.status === 'published'
      );
      data[body] = stripped.body;
      if (stripped.reporterCode && !data[reporterCode]) {
        const stored = params.documentId
          ? await strapi.db.query(uid).findOne({
              where: { documentId: params.documentId, locale: params.locale, publishedAt: null },
              select: [reporterCode],
            })
          : null;
        if (!stored?.[reporterCode]) data[reporterCode] = stripped.reporterCode;
      }
      data[footerNotes] = stripped.footerNotes;
    }
    params.data = data;
  } else if (action === 'publish' && params.documentId) {
    const drafts = await strapi.db.query(uid).findMany({
      where: {
        documentId: params.documentId,
        publishedAt: null,
        ...(params.locale && params.locale !== '*' ? { locale: params.locale } : {}),
      },
      select: ['id'],
      populate: { [body]: true },
    });
    for (const draft of drafts)
      refuseMidStoryMarkers(toBlocks((draft[body] ?? []) as Component[], config.blocks), body);
  }
};
