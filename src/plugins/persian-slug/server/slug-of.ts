import { persianSlug, SlugError } from '../core';
import type { SlugFieldSpec } from './fields';
import { toValidationError } from './errors';

/** The slug of `text` by the field's rule; a title no slug can be made of is the editor's validation error. */
export const slugOf = (text: string, spec: SlugFieldSpec): string => {
  try {
    return persianSlug(text, { mode: spec.mode });
  } catch (error) {
    if (error instanceof SlugError) throw toValidationError(error, spec.field);
    throw error;
  }
};
