import { schemaRef, type RouteContract } from '../lib/openapi-route';

/** A time and its Jalali sibling, null when nothing is scheduled. */
const time = (description: string) => ({
  type: ['string', 'null'],
  format: 'date-time',
  description,
});
const jalali = (description: string) => ({
  anyOf: [schemaRef('JalaliDateTime'), { type: 'null' }],
  description,
});

/** The keys `addScheduleFields` puts on articles, for callers with write access only (never the public). */
export const articleScheduleFields = {
  scheduledAt: time('When this draft goes live (write access only; null when not scheduled).'),
  scheduledAtJalali: jalali('scheduledAt in the Jalali calendar, Tehran time (write access only).'),
  unpublishAt: time(
    'When the live version is withdrawn (write access only; null when no expiry is set).'
  ),
  unpublishAtJalali: jalali('unpublishAt in the Jalali calendar, Tehran time (write access only).'),
};

const scheduleAnswer = {
  type: 'object',
  properties: {
    data: {
      type: 'object',
      properties: {
        documentId: { type: 'string', minLength: 1 },
        locale: { type: 'string' },
        ...articleScheduleFields,
        live: {
          type: 'boolean',
          description:
            'Whether a version is public now (it stays until the scheduled one replaces it).',
        },
      },
      required: [
        'documentId',
        'locale',
        'scheduledAt',
        'scheduledAtJalali',
        'unpublishAt',
        'unpublishAtJalali',
        'live',
      ],
      additionalProperties: false,
    },
  },
  required: ['data'],
  additionalProperties: false,
};

const example = {
  data: {
    documentId: 'k2v0s7o1x9m3q8r4t6y5z2a1',
    locale: 'fa',
    scheduledAt: '2027-03-20T08:00:00.000Z',
    scheduledAtJalali: null,
    unpublishAt: null,
    unpublishAtJalali: null,
    live: false,
  },
};

const params = { documentId: { type: 'string', description: "The article's documentId" } };
const localeQuery = {
  name: 'locale',
  in: 'query',
  required: false,
  schema: { type: 'string', examples: ['fa', 'en'] },
};

export const scheduleRoutes = {
  get: {
    summary: "A story's schedule (write access)",
    params,
    query: [localeQuery],
    responses: {
      200: {
        description: 'The schedule, with nulls when none is set',
        schema: scheduleAnswer,
        example,
      },
    },
  },
  put: {
    summary: 'Schedule a story, or move its schedule (write access)',
    description:
      '`publishAt` (ISO 8601 or a Jalali date-time, Tehran time) must be in the future; `unpublishAt` optional.',
    params,
    query: [localeQuery],
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              data: {
                type: 'object',
                properties: {
                  publishAt: {
                    type: 'string',
                    description: 'ISO 8601 with an offset, or a Jalali date-time in Tehran time',
                  },
                  unpublishAt: {
                    type: ['string', 'null'],
                    description: 'The expiry; null removes it',
                  },
                },
              },
            },
            required: ['data'],
          },
          example: { data: { publishAt: '۱۴۰۵/۱۲/۲۹ ۱۱:۳۰', unpublishAt: '2027-03-27T08:00:00Z' } },
        },
      },
    },
    responses: { 200: { description: 'The schedule as stored', schema: scheduleAnswer, example } },
  },
  delete: {
    summary: "Cancel a story's schedule (write access)",
    params,
    query: [localeQuery],
    responses: {
      200: { description: 'The schedule after cancelling (all null)', schema: scheduleAnswer },
    },
  },
} satisfies Record<string, RouteContract>;
