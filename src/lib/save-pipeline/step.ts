import type { Core } from '@strapi/strapi';

/** The Document Service actions that change content; every other action (reads) passes by the pipeline. */
export const SAVE_ACTIONS = [
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
  'clone',
] as const;
/** The writes that change a document's own rows (a clone writes another document). */
export const ROW_WRITES: ReadonlyArray<SaveAction> = [
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
];
export type SaveAction = (typeof SAVE_ACTIONS)[number];

export type SaveParams = {
  documentId?: string;
  locale?: string;
  status?: string;
  data?: Record<string, unknown>;
  populate?: unknown;
};

/** A stored row of the saved document, as the after-write read gives it (the fields its steps asked for). */
export type StoredRow = {
  id: number;
  documentId: string;
  locale: string;
  publishedAt: unknown;
} & Record<string, unknown>;

/** What one save gives its steps. */
export interface SaveContext {
  readonly strapi: Core.Strapi;
  readonly uid: string;
  readonly action: SaveAction;
  /** The write's parameters; before the write, steps replace `params.data` with what is to be stored. */
  readonly params: SaveParams;
  /** The locale written (the default locale when none or `*` was given). */
  readonly locale: string;
  /** Values one step hands a later one in the same save, under names the owning plugin chooses. */
  readonly carried: Map<string, unknown>;
  /** After the write: the document written (also for a delete). */
  documentId?: string;
  /** After the write: Strapi's answer (a row for create and update). */
  result?: unknown;
  /** After the write: every stored row of the document (all locales, draft and published), read once. */
  rows: StoredRow[];
  /** After the write: values for a row, written with the others in one update per row when the steps are done. */
  patch(row: StoredRow, values: Record<string, unknown>): void;
}

/** Fields and relations of the stored rows an after-write step reads (merged into the one read). */
export interface RowNeeds {
  fields?: string[];
  populate?: Record<string, unknown>;
}

interface StepBase {
  /** `<plugin>.<step>`: the name the app's ordered list uses. */
  name: string;
  /** The content types the step serves. */
  serves(uid: string): boolean;
  /** The actions it acts on (all save actions when absent). */
  actions?: ReadonlyArray<SaveAction>;
  /** The `details.code`s of the 400s it refuses a save with: docs/openapi.json lists them for the writes it serves. */
  errorCodes?: ReadonlyArray<string>;
  /** What must be done before this step runs, as named by the `gives` of earlier steps. */
  needs?: string[];
  /** What this step has done once it ran, for later steps' `needs`. */
  gives?: string[];
}

/** Before the write (may change `params.data`, may refuse by throwing) or after it, in the document's transaction. */
export interface InlineStep extends StepBase {
  phase: 'before' | 'after';
  /** After-write steps: what of the stored rows they read. */
  reads?: (uid: string) => RowNeeds;
  run(context: SaveContext): Promise<void> | void;
}

/** Around the whole save, transaction included (e.g. cache invalidation once it committed or failed). */
export interface AroundStep extends StepBase {
  phase: 'around';
  run(context: SaveContext, save: () => Promise<unknown>): Promise<unknown>;
}

export type SaveStep = InlineStep | AroundStep;

/** What a plugin exposes as its `save-steps` service: the steps it owns, by name; the app orders them. */
export type SaveStepsService = { steps(): SaveStep[] };
