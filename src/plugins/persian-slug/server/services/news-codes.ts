import type { Core } from '@strapi/strapi';
import { forRead, inTransaction as runInTransaction, Knex } from '../transaction';
import { NEWS_CODE_TABLE } from '../tables';

/** Short numeric ids for `/news/<code>/<slug>` URLs: one per document, from an auto-increment, never reused. */
const newsCodes = ({ strapi }: { strapi: Core.Strapi }) => {
  const inTransaction = <T>(work: (trx: Knex) => Promise<T>) => runInTransaction(strapi, work);

  /** Each document's code, taken now if it has none: in the order given, a few hundred a statement. */
  const assignMany = (
    uid: string,
    documentIds: ReadonlyArray<string>
  ): Promise<Map<string, number>> =>
    inTransaction(async (trx) => {
      const codes = new Map<string, number>();
      for (let start = 0; start < documentIds.length; start += 200) {
        const chunk = documentIds.slice(start, start + 200);
        await trx(NEWS_CODE_TABLE)
          .insert(chunk.map((documentId) => ({ content_type: uid, document_id: documentId })))
          .onConflict(['content_type', 'document_id'])
          .ignore();
        const rows: Array<{ code: number; document_id: string }> = await trx(NEWS_CODE_TABLE)
          .select('code', 'document_id')
          .where({ content_type: uid })
          .whereIn('document_id', chunk);
        for (const row of rows) codes.set(row.document_id, Number(row.code));
      }
      return codes;
    });

  return {
    assignMany,
    assign: async (uid: string, documentId: string): Promise<number> =>
      (await assignMany(uid, [documentId])).get(documentId)!,

    async documentFor(uid: string, code: number): Promise<string | null> {
      const row = await forRead(strapi, (db) =>
        db(NEWS_CODE_TABLE).select('document_id').where({ content_type: uid, code }).first()
      );
      return row?.document_id ?? null;
    },
  };
};

export default newsCodes;
export type NewsCodesService = ReturnType<typeof newsCodes>;
