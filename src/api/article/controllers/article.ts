import { factories } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import { withLocaleFallback } from '../../../lib/locale-fallback';
import {
  checkCursorQuery,
  decodeCursor,
  encodeCursor,
  isNewestFirst,
  runsAfter,
  type Position,
} from '../../../lib/list-cursor';
import { addScheduleFields } from '../../../scheduling/answer';
import { CURSOR_HANDLERS } from '../cursor-lists';

type Answer = { data?: unknown; meta?: { pagination?: Record<string, unknown> } } | undefined;
type Row = { id: number; publishedOn?: unknown };

const UID = 'api::article.article';
const DATE = 'publishedOn';

/** Whether the caller may update articles (a full-access token, or a custom one holding the action). */
const mayWrite = async (strapi: Core.Strapi, auth: unknown): Promise<boolean> => {
  if (!auth) return false;
  try {
    await strapi.get('auth').verify(auth, { scope: ['api::article.article.update'] });
    return true;
  } catch {
    return false;
  }
};

export default factories.createCoreController(UID, ({ strapi }) => {
  /** Schedules shown to writers (docs/api.md, "Scheduling"); answers to a token are never cached. */
  const withSchedules = async (
    ctx: { state: { auth?: unknown } },
    answer: Answer
  ): Promise<Answer> => {
    if (answer?.data && (await mayWrite(strapi, ctx.state.auth)))
      await addScheduleFields(strapi, answer.data);
    return answer;
  };

  const keys = () => strapi.config.get('server.app.keys') as string[];

  /** The page's last row as a position; its date read by id when `fields` left it out of the answer. */
  const positionOf = async (row: Row): Promise<Position> => {
    const date =
      DATE in row
        ? row.publishedOn
        : ((await strapi.db.query(UID).findOne({ select: ['id', DATE], where: { id: row.id } }))?.[
            DATE
          ] as unknown);
    return {
      date: date === null || date === undefined ? null : new Date(date as string).toISOString(),
      id: row.id,
    };
  };

  /** `nextCursor` on an offset page of the newest-first list: the rows after its last one, or null at the end. */
  const withNextCursor = async (answer: Answer): Promise<Answer> => {
    const pagination = answer?.meta?.pagination;
    const rows = answer?.data as Row[] | undefined;
    if (!pagination || !rows) return answer;
    const size = Number(pagination.pageSize ?? pagination.limit);
    const before =
      pagination.start !== undefined
        ? Number(pagination.start)
        : (Number(pagination.page) - 1) * size;
    const more =
      rows.length === size &&
      (pagination.total === undefined || before + rows.length < Number(pagination.total));
    pagination.nextCursor = more
      ? encodeCursor(keys(), await positionOf(rows[rows.length - 1]))
      : null;
    return answer;
  };

  return {
    async find(ctx) {
      if (!CURSOR_HANDLERS.includes(ctx.state.route?.handler))
        return withSchedules(ctx, (await super.find(ctx)) as Answer);
      if (ctx.query.cursor === undefined) {
        const answer = (await super.find(ctx)) as Answer;
        return withSchedules(
          ctx,
          isNewestFirst(ctx.query.sort, DATE) ? await withNextCursor(answer) : answer
        );
      }
      // A cursor page: the rows after the cursor's, newest first, read as a range of the list index
      // (src/lib/list-cursor.ts), and no count (what made deep pages and counts linear).
      checkCursorQuery(ctx.query, DATE);
      const position = decodeCursor(keys(), ctx.query.cursor);
      await this.validateQuery!(ctx);
      const {
        cursor: _cursor,
        pagination,
        sort: _sort,
        ...params
      } = (await this.sanitizeQuery!(ctx)) as Record<string, unknown>;
      const size = Number(
        (pagination as { pageSize?: unknown; limit?: unknown } | undefined)?.pageSize ??
          (pagination as { limit?: unknown } | undefined)?.limit ??
          strapi.config.get('api.rest.defaultLimit', 25)
      );
      const nullsFirst = strapi.db.config.connection.client === 'postgres';
      const rows: Row[] = [];
      for (const run of runsAfter(position, DATE, nullsFirst)) {
        if (rows.length > size) break;
        const filters = params.filters ? { $and: [params.filters, run] } : run;
        rows.push(
          ...((await strapi.documents(UID).findMany({
            status: 'published',
            ...params,
            filters,
            sort: `${DATE}:desc`,
            start: 0,
            limit: size + 1 - rows.length,
          } as never)) as unknown as Row[])
        );
      }
      const page = rows.slice(0, size);
      const nextCursor =
        rows.length > size ? encodeCursor(keys(), await positionOf(page[page.length - 1])) : null;
      const answer = this.transformResponse!(await this.sanitizeOutput!(page, ctx), {
        pagination: { pageSize: size, nextCursor },
      }) as Answer;
      return withSchedules(ctx, answer);
    },
    async findOne(ctx) {
      return withSchedules(
        ctx,
        (await withLocaleFallback(strapi, ctx, () => super.findOne(ctx))) as Answer
      );
    },
    async create(ctx) {
      return withSchedules(ctx, (await super.create(ctx)) as Answer);
    },
    async update(ctx) {
      return withSchedules(ctx, (await super.update(ctx)) as Answer);
    },
  };
});
