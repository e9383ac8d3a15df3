/**
 * What `POST /api/import` takes and answers (src/importer/report.ts, src/importer/options.ts), as JSON
 * Schema for docs/openapi.json. Declared beside the route (routes/import.ts).
 */
const nullableString = { type: ['string', 'null'] };
const strings = { type: 'array', items: { type: 'string' } };

const documentError = {
  type: 'object',
  properties: {
    code: {
      type: 'string',
      enum: [
        'EMPTY_FILE',
        'BINARY_FILE',
        'UNKNOWN_ENCODING',
        'TOO_LARGE',
        'NO_TITLE',
        'NO_LEAD',
        'BAD_DATE',
        'MERGED_STORIES',
        'INTERNAL_ERROR',
        'READ_ERROR',
        'INVALID_ARTICLE',
        'WRITE_ERROR',
      ],
    },
    message: { type: 'string' },
    messageFa: { type: 'string' },
    line: {
      type: ['integer', 'null'],
      description: '1-based line of the file, or null for the whole file',
    },
  },
  required: ['code', 'message', 'line'],
  additionalProperties: false,
};
const failed = {
  type: 'object',
  properties: { file: { type: 'string' }, ok: { const: false }, error: documentError },
  required: ['file', 'ok', 'error'],
  additionalProperties: false,
};

const reportedArticle = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    kicker: nullableString,
    lead: { type: 'string' },
    source: nullableString,
    sourceUrl: nullableString,
    author: nullableString,
    publishedOn: { type: ['string', 'null'], format: 'date-time' },
    body: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          type: { enum: ['subheading', 'paragraph', 'quote'] },
          text: { type: 'string' },
          official: { type: 'string' },
          role: { type: 'string' },
        },
        required: ['type', 'text'],
        additionalProperties: false,
      },
    },
    footer: nullableString,
    reporterCode: nullableString,
    officials: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          fullName: { type: 'string' },
          role: nullableString,
          matched: { type: 'boolean' },
          aliases: strings,
        },
        required: ['fullName', 'role', 'matched'],
        additionalProperties: false,
      },
    },
  },
  required: [
    'title',
    'kicker',
    'lead',
    'source',
    'sourceUrl',
    'author',
    'publishedOn',
    'body',
    'footer',
    'reporterCode',
    'officials',
  ],
  additionalProperties: false,
};

const dryRunDocument = {
  oneOf: [
    {
      type: 'object',
      properties: {
        file: { type: 'string' },
        ok: { const: true },
        article: reportedArticle,
        warnings: strings,
      },
      required: ['file', 'ok', 'article', 'warnings'],
      additionalProperties: false,
    },
    failed,
  ],
};
const importedDocument = {
  oneOf: [
    {
      type: 'object',
      properties: {
        file: { type: 'string' },
        ok: { const: true },
        action: { enum: ['created', 'updated', 'skipped'] },
        documentId: { type: 'string' },
        title: { type: 'string' },
        warnings: strings,
        createdOfficials: strings,
      },
      required: ['file', 'ok', 'action', 'documentId', 'title', 'warnings', 'createdOfficials'],
      additionalProperties: false,
    },
    failed,
  ],
};

export const importReport = {
  oneOf: [
    {
      title: 'Dry run',
      type: 'object',
      properties: { documents: { type: 'array', items: dryRunDocument } },
      required: ['documents'],
      additionalProperties: false,
    },
    {
      title: 'Import',
      type: 'object',
      properties: {
        documents: { type: 'array', items: importedDocument },
        summary: {
          type: 'object',
          properties: {
            imported: { type: 'integer' },
            updated: { type: 'integer' },
            skipped: { type: 'integer' },
            failed: { type: 'integer' },
          },
          required: ['imported', 'updated', 'skipped', 'failed'],
          additionalProperties: false,
        },
      },
      required: ['documents', 'summary'],
      additionalProperties: false,
    },
  ],
};

const options = {
  locale: { type: 'string', examples: ['fa'] },
  section: {
    type: 'string',
    description: 'Slug of the section every article is filed under',
    examples: ['دفاتر-پیشخوان'],
  },
  publish: { type: 'boolean', default: false },
  createOfficials: { type: 'boolean', default: false },
  dryRun: { type: 'boolean', default: false },
};

export const importRequest = {
  required: true,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          files: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              properties: {
                name: { type: 'string', minLength: 1, maxLength: 500 },
                content: { type: 'string' },
                contentBase64: { type: 'string', contentEncoding: 'base64' },
              },
              required: ['name'],
              additionalProperties: false,
            },
          },
          ...options,
        },
        required: ['files'],
        additionalProperties: false,
      },
      example: {
        files: [
          {
            name: '0001.txt',
            content:
              '# گشایش دفتر پیشخوان تازه\n\nدفتر پیشخوان تازه‌ای در شهر گشایش یافت.\n\nانتهای پیام',
          },
        ],
        section: 'دفاتر-پیشخوان',
        publish: true,
        dryRun: true,
      },
    },
    'multipart/form-data': {
      schema: {
        type: 'object',
        properties: {
          files: {
            type: 'array',
            items: { type: 'string', contentMediaType: 'application/octet-stream' },
          },
          ...options,
        },
        required: ['files'],
      },
    },
  },
};
