import { promises as fs } from 'fs';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import {
  ArchiveImporter,
  IMPORT_SETUP_ERROR_CODES,
  ImportInput,
  ImportSetupError,
} from '../../../importer/importer';
import { apiLimits } from '../../../importer/limits';
import { importOptionsSchema } from '../../../importer/options';
import type { DryRunDocument, ImportedDocument, ImportSummary } from '../../../importer/report';

/** What `POST /api/import` is refused with, per status (the documents' own errors are in its answer). */
export const IMPORT_REQUEST_ERROR_CODES = {
  400: ['BAD_REQUEST', 'TOO_MANY_FILES', ...IMPORT_SETUP_ERROR_CODES],
  413: ['REQUEST_TOO_LARGE'],
} as const;

export interface ImportRequestError {
  status: 400 | 413;
  code:
    | (typeof IMPORT_REQUEST_ERROR_CODES)[400][number]
    | (typeof IMPORT_REQUEST_ERROR_CODES)[413][number];
  message: string;
  details?: Record<string, unknown>;
}

export type ImportResponse =
  | { documents: DryRunDocument[] }
  | { documents: ImportedDocument[]; summary: ImportSummary };

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

const jsonFile = z
  .object({
    name: z.string().trim().min(1).max(500),
    content: z.string().optional(),
    contentBase64: z.string().regex(BASE64, 'not base64').optional(),
  })
  .strict()
  .refine((file) => (file.content === undefined) !== (file.contentBase64 === undefined), {
    message: 'give either "content" (text) or "contentBase64"',
  });

const jsonBody = z
  .object({ ...importOptionsSchema.shape, files: z.array(jsonFile).min(1, 'no files') })
  .strict();

/** A file of a multipart upload as koa-body (formidable) leaves it. */
interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

const issues = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');

const badRequest = (
  code: (typeof IMPORT_REQUEST_ERROR_CODES)[400][number],
  message: string,
  details?: Record<string, unknown>
): { error: ImportRequestError } => ({
  error: { status: 400, code, message, details },
});

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * A request to inputs and options: JSON `{ files: [{ name, content | contentBase64 }], section, locale,
   * publish, createOfficials, dryRun }`, or multipart with the files in the field `files` and the
   * options as fields. Limits: apiLimits() files and total bytes per request, 2 MiB per file (a larger
   * file is that document's TOO_LARGE error).
   */
  async readRequest(
    body: unknown,
    files: Record<string, unknown> | undefined
  ): Promise<
    | { inputs: ImportInput[]; options: z.infer<typeof importOptionsSchema> }
    | { error: ImportRequestError }
  > {
    const limits = apiLimits();
    // formidable lists parts as they finish, not in the order sent: documents are taken in name order.
    const uploads = (
      files?.files === undefined
        ? []
        : ([] as UploadedFile[]).concat(files.files as UploadedFile | UploadedFile[])
    )
      .map((file, index) => ({
        name: file.originalFilename || `file-${index + 1}`,
        filepath: file.filepath,
        size: file.size,
      }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (uploads.length > 0) {
      if (uploads.length > limits.maxFiles) {
        return badRequest(
          'TOO_MANY_FILES',
          `At most ${limits.maxFiles} files per request; got ${uploads.length}`,
          { maxFiles: limits.maxFiles }
        );
      }
      const total = uploads.reduce((sum, file) => sum + file.size, 0);
      if (total > limits.maxTotalBytes) {
        return {
          error: {
            status: 413,
            code: 'REQUEST_TOO_LARGE',
            message: `At most ${limits.maxTotalBytes} bytes of files per request; got ${total}`,
            details: { maxTotalBytes: limits.maxTotalBytes },
          },
        };
      }
      const options = importOptionsSchema.safeParse(body && typeof body === 'object' ? body : {});
      if (!options.success) return badRequest('BAD_OPTIONS', issues(options.error));
      const inputs = await Promise.all(
        uploads.map(async ({ name, ...file }): Promise<ImportInput> => {
          if (file.size > limits.maxFileBytes) return { name, size: file.size };
          try {
            return { name, bytes: await fs.readFile(file.filepath) };
          } catch (error) {
            return { name, readError: (error as Error).message };
          }
        })
      );
      return { inputs, options: options.data };
    }

    const parsed = jsonBody.safeParse(body ?? {});
    if (!parsed.success) return badRequest('BAD_REQUEST', issues(parsed.error));
    const { files: list, ...options } = parsed.data;
    if (list.length > limits.maxFiles) {
      return badRequest(
        'TOO_MANY_FILES',
        `At most ${limits.maxFiles} files per request; got ${list.length}`,
        { maxFiles: limits.maxFiles }
      );
    }
    const inputs = list.map((file): ImportInput => {
      const bytes =
        file.content !== undefined
          ? Buffer.from(file.content, 'utf8')
          : Buffer.from(file.contentBase64 ?? '', 'base64');
      return bytes.length > limits.maxFileBytes
        ? { name: file.name, size: bytes.length }
        : { name: file.name, bytes };
    });
    const total = inputs.reduce((sum, input) => sum + (input.bytes?.length ?? input.size ?? 0), 0);
    if (total > limits.maxTotalBytes) {
      return {
        error: {
          status: 413,
          code: 'REQUEST_TOO_LARGE',
          message: `At most ${limits.maxTotalBytes} bytes of files per request; got ${total}`,
          details: { maxTotalBytes: limits.maxTotalBytes },
        },
      };
    }
    return { inputs, options };
  },

  /** Runs the importer over the request's files: a dry run's JSON, or each document's outcome and the summary. */
  async handle(
    body: unknown,
    files: Record<string, unknown> | undefined
  ): Promise<{ response: ImportResponse } | { error: ImportRequestError }> {
    const request = await this.readRequest(body, files);
    if ('error' in request) return request;
    let importer: ArchiveImporter;
    try {
      importer = await ArchiveImporter.open(strapi, request.options);
    } catch (error) {
      if (error instanceof ImportSetupError) return badRequest(error.code, error.message);
      throw error;
    }
    if (importer.options.dryRun) {
      return {
        response: {
          documents: await Promise.all(request.inputs.map((input) => importer.dryRun(input))),
        },
      };
    }
    const documents: ImportedDocument[] = await importer.importFiles(request.inputs);
    return { response: { documents, summary: importer.summary } };
  },
});
