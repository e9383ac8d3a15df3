import { JSON_BODY_ERROR_CODES } from '../middlewares/json-body';
import { JALALI_DATE_ERROR_CODES } from '@pishkhan/jalali-core';

/** The `details.code`s of a route's error answers, per status: docs/openapi.json lists them as strict enums. */
export type ErrorCodes = Partial<Record<400 | 404 | 413 | 415, ReadonlyArray<string>>>;

/**
 * What any request of the content API may be refused with, whatever its route: a JSON body (the
 * global::json-body middleware, on POST, PUT and PATCH) and a Jalali date in a REST filter (the
 * jalali-date REST middleware, on GET). A route's own codes are declared with it (`errorCodes` of its
 * RouteContract), a content type's writes take those of its save steps (src/save-pipeline.ts).
 */
export const requestErrorCodes = (method: string): ErrorCodes => {
  if (method === 'GET') return { 400: JALALI_DATE_ERROR_CODES };
  if (['POST', 'PUT', 'PATCH'].includes(method)) return JSON_BODY_ERROR_CODES;
  return {};
};
