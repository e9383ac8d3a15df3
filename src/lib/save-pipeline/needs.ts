import type { RowNeeds } from './step';

type Populate = Record<string, unknown>;

const isObject = (value: unknown): value is Populate =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Two populate values for one attribute as one: `true` is the least, selects and nested populates add up. */
const mergeValue = (a: unknown, b: unknown): unknown => {
  if (a === undefined || a === true) return b ?? a;
  if (b === undefined || b === true) return a;
  if (!isObject(a) || !isObject(b)) return b;
  const merged: Populate = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (key === 'select' && Array.isArray(merged.select) && Array.isArray(value))
      merged.select = [...new Set([...merged.select, ...value])];
    else if ((key === 'populate' || key === 'on') && isObject(merged[key]) && isObject(value))
      merged[key] = mergePopulate(merged[key] as Populate, value);
    else merged[key] = key in merged ? mergeValue(merged[key], value) : value;
  }
  return merged;
};

export const mergePopulate = (a: Populate, b: Populate): Populate => {
  const merged: Populate = { ...a };
  for (const [key, value] of Object.entries(b)) merged[key] = mergeValue(merged[key], value);
  return merged;
};

/** The one read after a write: every field and relation the after-write steps asked for. */
export const mergeNeeds = (
  needs: ReadonlyArray<RowNeeds>
): { select: string[]; populate: Populate } => ({
  select: [
    ...new Set([
      'id',
      'documentId',
      'locale',
      'publishedAt',
      ...needs.flatMap((need) => need.fields ?? []),
    ]),
  ],
  populate: needs.reduce<Populate>(
    (merged, need) => mergePopulate(merged, need.populate ?? {}),
    {}
  ),
});
