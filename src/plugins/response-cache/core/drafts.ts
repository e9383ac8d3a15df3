/**
 * A last line of defence before storing: an answer holding any entry with `publishedAt: null` is a draft,
 * and is not stored, whatever let it through. (Public reads are forced to published versions by the app;
 * this only makes a future mistake there fail closed for the cache.)
 */
export const containsDraft = (value: unknown, depth = 0): boolean => {
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => containsDraft(item, depth + 1));
  const record = value as Record<string, unknown>;
  if ('publishedAt' in record && record.publishedAt === null) return true;
  for (const key in record) {
    if (containsDraft(record[key], depth + 1)) return true;
  }
  return false;
};
