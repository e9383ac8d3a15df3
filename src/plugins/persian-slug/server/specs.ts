import type { SlugFieldSpec } from './fields';

let specs = new Map<string, SlugFieldSpec>();

/** The slugged content types, read once from the schemas at bootstrap. */
export const slugSpecs = (): Map<string, SlugFieldSpec> => specs;

export const setSlugSpecs = (found: Map<string, SlugFieldSpec>): void => {
  specs = found;
};
