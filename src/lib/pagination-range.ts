import { wholeNumberProblem, type NumberProblem } from '../persian';

export const MAX_PAGE_SIZE = 100;
/** Pages and offsets stop at GraphQL's Int, so REST and GraphQL accept the same numbers and offsets stay exact. */
export const MAX_INT = 2 ** 31 - 1;

/** The whole numbers Strapi's pagination parameters may take, in REST and GraphQL alike. */
export const PAGINATION_RANGES = {
  page: { min: 1, max: MAX_INT },
  pageSize: { min: 1, max: MAX_PAGE_SIZE },
  start: { min: 0, max: MAX_INT },
  limit: { min: 1, max: MAX_PAGE_SIZE },
} as const;

/** The first pagination parameter out of its range, named as the API spells it (`nameOf('page')`). */
export const paginationProblem = (
  pagination: unknown,
  nameOf: (key: string) => string
): NumberProblem | undefined => {
  if (typeof pagination !== 'object' || pagination === null) return undefined;
  for (const [key, { min, max }] of Object.entries(PAGINATION_RANGES)) {
    const value = (pagination as Record<string, unknown>)[key];
    const problem =
      value === undefined || value === null
        ? undefined
        : wholeNumberProblem(value, nameOf(key), min, max);
    if (problem) return problem;
  }
  return undefined;
};
