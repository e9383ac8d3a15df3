import type { Core } from '@strapi/strapi';

/**
 * A new link takes the place after its target's last (its inverse order: an article's place in its
 * section's list, in an official's): every create, and the importer for each batch, asks the greatest
 * order among the target's links. Strapi indexes the target column and the order column apart, so that
 * read every link of the target, and a section of 100,000 articles made each asking read 100,000 rows.
 * An index on both makes a target's greatest order the end of one range. Strapi's schema sync drops
 * indexes it did not declare (and join tables declare none of ours), so these are made on every start
 * (`IF NOT EXISTS`: a no-op when they are there).
 */
type JoinTable = {
  name: string;
  inverseJoinColumn: { name: string };
  inverseOrderColumnName?: string;
  on?: unknown;
};

/** Our content types' join tables with an inverse order: [index name, table, target column, order column]. */
export const linkOrderIndexesOf = (
  strapi: Core.Strapi
): Array<[string, string, string, string]> => {
  const indexes = new Map<string, [string, string, string, string]>();
  for (const meta of strapi.db.metadata.values()) {
    if (!meta.uid.startsWith('api::')) continue;
    for (const attribute of Object.values(meta.attributes)) {
      // The owning side's join table: the other side (mappedBy) sees the same table the other way round.
      const { joinTable: join, mappedBy } = attribute as unknown as {
        joinTable?: JoinTable;
        mappedBy?: string;
      };
      if (!join?.inverseOrderColumnName || join.on || mappedBy) continue;
      const [target, order] = [join.inverseJoinColumn.name, join.inverseOrderColumnName];
      indexes.set(join.name, [
        `${join.name}_${target}_${order}_idx`.slice(0, 63),
        join.name,
        target,
        order,
      ]);
    }
  }
  return [...indexes.values()];
};

export const ensureLinkOrderIndexes = async (strapi: Core.Strapi): Promise<string[]> => {
  const made: string[] = [];
  for (const [name, table, target, order] of linkOrderIndexesOf(strapi)) {
    await strapi.db.connection.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??)', [
      name,
      table,
      target,
      order,
    ]);
    made.push(name);
  }
  return made;
};
