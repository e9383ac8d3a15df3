/** The shared parts of the document: the Jalali sibling, pagination, the error body and its statuses. */
const ref = (name) => ({ $ref: `#/components/schemas/${name}` });

const PAGED = {
  type: 'object',
  properties: {
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
    pageCount: { type: 'integer' },
    total: { type: 'integer' },
  },
  required: ['page', 'pageSize', 'pageCount', 'total'],
  additionalProperties: false,
};
const OFFSET = {
  type: 'object',
  properties: {
    start: { type: 'integer' },
    limit: { type: 'integer' },
    total: { type: 'integer' },
  },
  required: ['start', 'limit', 'total'],
  additionalProperties: false,
};
/** src/lib/list-cursor.ts: opaque, signed; null when the page is the last. */
const NEXT_CURSOR = {
  type: ['string', 'null'],
  description: 'The next page of the same list: `?cursor=<nextCursor>`; null on the last page.',
};

/** The names are the jalali-date plugin's own (its core's names.ts), so a spelling change shows here. */
const schemas = ({ weekdays, months }) => ({
  JalaliDateTime: {
    description:
      "A date-time in the Jalali calendar, Tehran time (`Asia/Tehran`, with Iran's historical daylight saving). " +
      'Numbers and `iso` in Latin digits; `date`, `time` and `long` in Persian digits, without bidi controls.',
    type: 'object',
    properties: {
      year: { type: 'integer' },
      month: { type: 'integer', minimum: 1, maximum: 12 },
      day: { type: 'integer', minimum: 1, maximum: 31 },
      hour: { type: 'integer', minimum: 0, maximum: 23 },
      minute: { type: 'integer', minimum: 0, maximum: 59 },
      weekday: { type: 'string', enum: weekdays },
      monthName: { type: 'string', enum: months },
      date: { type: 'string' },
      time: { type: 'string' },
      long: { type: 'string' },
      iso: {
        type: 'string',
        pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}$',
      },
    },
    required: [
      'year',
      'month',
      'day',
      'hour',
      'minute',
      'weekday',
      'monthName',
      'date',
      'time',
      'long',
      'iso',
    ],
    additionalProperties: false,
    examples: [
      {
        year: 1396,
        month: 8,
        day: 9,
        hour: 19,
        minute: 23,
        weekday: 'سه‌شنبه',
        monthName: 'آبان',
        date: '۱۳۹۶/۰۸/۰۹',
        time: '۱۹:۲۳',
        long: 'سه‌شنبه ۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳',
        iso: '1396-08-09T19:23:00+03:30',
      },
    ],
  },
  Pagination: {
    description:
      "Strapi's pagination: `page`/`pageSize` or `start`/`limit` as asked, with the total.",
    oneOf: [PAGED, OFFSET],
  },
  CursorPagination: {
    description:
      "The pagination of the article list and archive: Strapi's (`page`/`pageSize` or `start`/`limit`, with " +
      'the total) plus `nextCursor` when they are read newest first; or a cursor page (`?cursor=`): ' +
      '`pageSize` and `nextCursor`, no count.',
    oneOf: [
      { ...PAGED, properties: { ...PAGED.properties, nextCursor: NEXT_CURSOR } },
      { ...OFFSET, properties: { ...OFFSET.properties, nextCursor: NEXT_CURSOR } },
      {
        type: 'object',
        properties: { pageSize: { type: 'integer' }, nextCursor: NEXT_CURSOR },
        required: ['pageSize', 'nextCursor'],
        additionalProperties: false,
      },
    ],
  },
  LocaleFallback: {
    description:
      'Present when the locale asked for has no version and the Persian one is served (with `Content-Language`).',
    type: 'object',
    properties: { requested: { type: 'string' }, served: { type: 'string' } },
    required: ['requested', 'served'],
    additionalProperties: false,
    examples: [{ requested: 'en', served: 'fa' }],
  },
  Error: {
    description:
      'Every error of the API: English in `message`, Persian in `details.messageFa` where the API has words of its own.',
    type: 'object',
    properties: {
      data: { type: 'null' },
      error: {
        type: 'object',
        properties: {
          status: { type: 'integer' },
          name: { type: 'string' },
          message: { type: 'string' },
          details: {
            type: 'object',
            properties: {
              code: {
                type: 'string',
                description:
                  'What went wrong, for code: each operation lists the codes it answers per status, and no other.',
              },
              messageFa: { type: 'string' },
            },
          },
        },
        required: ['status', 'name', 'message'],
      },
    },
    required: ['data', 'error'],
  },
  SlugRedirect: {
    description:
      'An old slug: the answer is `301` with `Location: /api/<type>/slug/<current>?locale=<locale>` and this body.',
    type: 'object',
    properties: {
      redirect: {
        type: 'object',
        properties: { slug: { type: 'string' }, locale: { type: 'string' } },
        required: ['slug', 'locale'],
        additionalProperties: false,
      },
    },
    required: ['redirect'],
    additionalProperties: false,
    examples: [
      {
        redirect: {
          slug: 'پیش-بینی-یک-نماینده-مجلس-از-واگذاری-خدمات-سازمان-ها-به-دفاتر',
          locale: 'fa',
        },
      },
    ],
  },
});

/** The error statuses; the `details.code`s are each operation's own (src/lib/error-codes.ts). */
const ERRORS = {
  400: {
    description:
      'Bad request: a parameter, filter, date, slug or body the API refuses, named in `message` and `details`.',
    example: {
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: 'pagination[page] must be a whole number from 1 to 2147483647',
        details: {
          parameter: 'pagination[page]',
          min: 1,
          max: 2147483647,
          messageFa: 'pagination[page] باید عددی صحیح از ۱ تا ۲۱۴۷۴۸۳۶۴۷ باشد.',
        },
      },
    },
  },
  401: {
    description: 'Unauthorized: an `Authorization` header with a token the API does not know.',
    example: {
      data: null,
      error: {
        status: 401,
        name: 'UnauthorizedError',
        message: 'Missing or invalid credentials',
        details: {},
      },
    },
  },
  403: {
    description: 'Forbidden: a write without a token, or a token without the permission.',
    example: {
      data: null,
      error: { status: 403, name: 'ForbiddenError', message: 'Forbidden', details: {} },
    },
  },
  404: {
    description: 'Not found: no published entry with this id, slug or news code.',
    example: {
      data: null,
      error: {
        status: 404,
        name: 'NotFoundError',
        message: 'No published entry has this slug',
        details: {},
      },
    },
  },
  413: {
    description:
      'Payload too large: a JSON body over `JSON_BODY_LIMIT`, or an import over its limits.',
    example: {
      data: null,
      error: {
        status: 413,
        name: 'PayloadTooLargeError',
        message: 'request entity too large',
        details: {},
      },
    },
  },
  415: {
    description: 'Unsupported media type: a JSON body in a charset the API cannot decode.',
  },
  429: {
    description: 'Too many requests.',
  },
  500: { description: 'Internal server error.' },
};

/** The error body with `details.code` one of `codes`, or absent when there are none. */
const errorBody = (codes) => ({
  allOf: [ref('Error')],
  properties: {
    error: {
      properties: {
        details: { properties: { code: codes.length ? { type: 'string', enum: codes } : false } },
      },
    },
  },
});

/** An operation's answer for `status` when it has codes of its own, inline with their enum. */
const errorResponse = (status, codes) => ({
  description: `${ERRORS[status].description} \`details.code\`: ${codes.map((code) => `\`${code}\``).join(', ')}.`,
  content: { 'application/json': { schema: errorBody(codes) } },
});

/** The shared answers of the statuses an operation has no codes for: then the body carries none. */
const errorResponses = () =>
  Object.fromEntries(
    Object.entries(ERRORS).map(([status, { description, example }]) => [
      `Error${status}`,
      {
        description,
        content: {
          'application/json': { schema: errorBody([]), ...(example ? { example } : {}) },
        },
      },
    ])
  );

/** Which error statuses an operation answers: every one, and 413/415 for the methods that take a body. */
const errorStatuses = (method) =>
  Object.keys(ERRORS).filter((status) => !['413', '415'].includes(status) || method !== 'get');

module.exports = { schemas, errorResponse, errorResponses, errorStatuses, ref };
