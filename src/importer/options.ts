import { z } from 'zod';

/** `true`/`false` as JSON booleans, or as the strings a multipart form sends ("true", "1", "on", ...). */
const flag = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off', ''].includes(text)) return false;
  return value;
}, z.boolean());

/** What an import run does, the same for the command line and `POST /api/import`. */
export const importOptionsSchema = z
  .object({
    /** Locale of the articles (and of the officials matched and created); the default locale when absent. */
    locale: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a locale code such as "fa"')
      .optional(),
    /** Slug of the section (desk) every imported article is filed under, in that locale. */
    section: z.string().trim().min(1).max(200).optional(),
    /** Publish the articles (and officials created); otherwise they are drafts. */
    publish: flag.default(false),
    /** Create unknown quoted people as officials, then link their quotes. */
    createOfficials: flag.default(false),
    /** Parse and report only; nothing is written. */
    dryRun: flag.default(false),
  })
  .strict();

export type ImportOptions = z.infer<typeof importOptionsSchema>;
export type ImportOptionsInput = z.input<typeof importOptionsSchema>;
