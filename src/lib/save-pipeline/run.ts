import type { Core } from '@strapi/strapi';
import { mergeNeeds } from './needs';
import {
  AroundStep,
  InlineStep,
  SAVE_ACTIONS,
  SaveAction,
  SaveContext,
  SaveParams,
  SaveStep,
  StoredRow,
} from './step';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];

const isSave = (action: string): action is SaveAction =>
  (SAVE_ACTIONS as ReadonlyArray<string>).includes(action);
const applies = (step: SaveStep, uid: string, action: SaveAction) =>
  (!step.actions || step.actions.includes(action)) && step.serves(uid);

/** The row of Strapi's answer, given what the steps stored; a populated relation they changed is read again. */
const updateAnswer = async (
  context: SaveContext,
  patches: Map<number, Record<string, unknown>>,
  stamps: Map<number, unknown>
) => {
  const answer = context.result as
    | (Record<string, unknown> & {
        id?: number;
        documentId?: string;
        locale?: string;
        publishedAt?: unknown;
      })
    | null;
  if (!answer || answer.id === undefined || !patches.has(answer.id)) return;
  const attributes = (context.strapi.getModel(context.uid as never) as { attributes: unknown })
    .attributes as Record<string, { type: string }>;
  const relations: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(patches.get(answer.id)!)) {
    if (attributes[field]?.type !== 'relation') answer[field] = value;
    else if (field in answer) relations[field] = true;
  }
  answer.updatedAt = stamps.get(answer.id) ?? answer.updatedAt;
  if (!Object.keys(relations).length) return;
  const again = (await context.strapi.documents(context.uid as never).findOne({
    documentId: answer.documentId!,
    locale: answer.locale,
    status: answer.publishedAt ? 'published' : 'draft',
    fields: ['id'],
    populate: relations,
  } as never)) as Record<string, unknown> | null;
  if (again) for (const field of Object.keys(relations)) answer[field] = again[field];
};

const relationsOf = (strapi: Core.Strapi, uid: string): Set<string> => {
  const attributes = (
    strapi.getModel(uid as never) as { attributes: Record<string, { type: string }> }
  ).attributes;
  return new Set(Object.keys(attributes).filter((name) => attributes[name].type === 'relation'));
};

/**
 * One row's values from every after step, stamped as any update is: one UPDATE statement (the query
 * engine's `updateMany` converts values to the columns' types and reads nothing), and a changed relation
 * (e.g. `quotedOfficials`) through the query engine's `updateRelations`, which writes only the join rows:
 * its `update` would also read the row before and after it (two of eleven statements a row). Returns
 * the new `updatedAt` in the form the query engine reads a datetime back (ISO).
 */
const writeRow = async (
  strapi: Core.Strapi,
  uid: string,
  id: number,
  values: Record<string, unknown>
): Promise<unknown> => {
  const updatedAt = new Date();
  const relations = relationsOf(strapi, uid);
  const columns: Record<string, unknown> = {};
  const links: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values))
    (relations.has(field) ? links : columns)[field] = value;
  const query = strapi.db.query(uid);
  await query.updateMany({ where: { id }, data: { ...columns, updatedAt } });
  if (Object.keys(links).length) await query.updateRelations(id, links);
  return updatedAt.toISOString();
};

/**
 * The save pipeline as one Document Service middleware. For a write to a content type some step serves:
 * the around steps wrap the rest in their order; in one transaction (joined when one is open) the before
 * steps run on the data, Strapi writes, the document's rows are read once with what the after steps need,
 * the after steps run and record their values, and each changed row is written once. Create and update
 * answers then carry the stored values.
 */
export const savePipeline = (strapi: Core.Strapi, steps: ReadonlyArray<SaveStep>): Middleware => {
  const defaultLocale = (): Promise<string> =>
    strapi.plugin('i18n').service('locales').getDefaultLocale();

  return async (middlewareContext, next) => {
    const { uid, action } = middlewareContext;
    if (!isSave(action)) return next();
    const serving = steps.filter((step) => applies(step, uid, action));
    if (!serving.length) return next();
    const params = middlewareContext.params as SaveParams;
    const locale = params.locale && params.locale !== '*' ? params.locale : await defaultLocale();
    const patches = new Map<number, Record<string, unknown>>();
    const context: SaveContext = {
      strapi,
      uid,
      action,
      params,
      locale,
      carried: new Map(),
      rows: [],
      patch(row, values) {
        Object.assign(row, values);
        patches.set(row.id, { ...patches.get(row.id), ...values });
      },
    };
    const inline = serving.filter((step): step is InlineStep => step.phase !== 'around');
    const before = inline.filter((step) => step.phase === 'before');
    const after = inline.filter((step) => step.phase === 'after');

    const save = !inline.length
      ? () => next()
      : () =>
          strapi.db.transaction(async () => {
            for (const step of before) await step.run(context);
            const result = await next();
            if (!after.length) return result;
            context.result = result;
            context.documentId =
              params.documentId ?? (result as { documentId?: string } | null)?.documentId;
            if (!context.documentId) return result;
            const needs = after.flatMap((step) => (step.reads ? [step.reads(uid)] : []));
            if (needs.length) {
              const { select, populate } = mergeNeeds(needs);
              context.rows = await strapi.db
                .query(uid)
                .findMany({ where: { documentId: context.documentId }, select, populate });
            }
            for (const step of after) await step.run(context);
            const stamps = new Map<number, unknown>();
            for (const [id, values] of patches)
              stamps.set(id, await writeRow(strapi, uid, id, values));
            if (action === 'create' || action === 'update')
              await updateAnswer(context, patches, stamps);
            return result;
          });

    const around = serving.filter((step): step is AroundStep => step.phase === 'around');
    const wrapped = around.reduceRight<() => Promise<unknown>>(
      (inner, step) => () => step.run(context, inner),
      save
    );
    return wrapped() as ReturnType<typeof next>;
  };
};

export type { StoredRow };
