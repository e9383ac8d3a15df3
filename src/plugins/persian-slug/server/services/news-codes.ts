import type { Core } from '@strapi/strapi';
import { forRead, inTransaction as runInTransaction, Knex } from '../transaction';
import { NEWS_CODE_TABLE } from '../tables';

/** Short numeric ids for `/news/<code>/<slug>` URLs: one per document, from an auto-increment, never reused. */
const newsCodes = ({ strapi }: { strapi: Core.Strapi }) => {
  const inTransaction = <T>(work: (trx: Knex) => Promise<T>) => runInTransaction(strapi, work);

  return {
    assign: (uid: string, documentId: string): Promise<number> =>
      inTransaction(async (trx) => {
        await trx(NEWS_CODE_TABLE)
          .insert({ content_type: uid, document_id: documentId })
          .onConflict(['content_type', 'document_id'])
          .ignore();
        const row = await trx(NEWS_CODE_TABLE).select('code').where({ content_type: uid, document_id: documentId }).first();
        return Number(row.code);
      }),

    async documentFor(uid: string, code: number): Promise<string | null> {
      const row = await forRead(strapi, (db) =>
        db(NEWS_CODE_TABLE).select('document_id').where({ content_type: uid, code }).first(),
      );
      return row?.document_id ?? null;
    },
  };
};

export default newsCodes;
export type NewsCodesService = ReturnType<typeof newsCodes>;
