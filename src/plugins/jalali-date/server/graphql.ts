import type { Core } from '@strapi/strapi';
import { archiveRange } from './archive';
import { jalaliOf } from './converted';
import { jalaliDateTimeInput, ScalarParsing } from './graphql-date-time';
import { SYSTEM_JALALI_FIELDS } from './fields';

type Nexus = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * `JalaliDateTime` on every Jalali field and on publishedAt/updatedAt (`publishedOnJalali { long date }`),
 * `<plural>Archive(year, month, day, locale, pagination)` for content types with a Jalali field, and
 * Jalali dates in DateTime inputs (filters and writes).
 */
export const registerJalaliGraphql = (
  strapi: Core.Strapi,
  attributes: Map<string, string[]>
): void => {
  if (!strapi.plugin('graphql')) return;
  const { naming } = strapi.plugin('graphql').service('utils');
  const { scalars } = strapi.plugin('graphql').service('internals') as {
    scalars: { DateTime: ScalarParsing };
  };

  strapi
    .plugin('graphql')
    .service('extension')
    .use(({ nexus }: { nexus: Nexus }) => {
      const types: unknown[] = [
        nexus.objectType({
          name: 'JalaliDateTime',
          description: 'An instant in the Jalali calendar and Tehran time (Asia/Tehran)',
          definition(t: Nexus) {
            for (const name of ['year', 'month', 'day', 'hour', 'minute']) t.nonNull.int(name);
            t.nonNull.string('weekday', { description: 'Persian weekday name, e.g. سه‌شنبه' });
            t.nonNull.string('monthName', { description: 'Persian month name, e.g. آبان' });
            t.nonNull.string('date', { description: 'yyyy/mm/dd in Persian digits' });
            t.nonNull.string('time', { description: 'HH:mm in Persian digits' });
            t.nonNull.string('long', { description: 'e.g. سه‌شنبه ۹ آبان ۱۳۹۶ ساعت ۱۹:۲۳' });
            t.nonNull.string('iso', {
              description: 'Jalali ISO-like form with the Tehran offset, Latin digits',
            });
          },
        }),
      ];
      const resolversConfig: Record<string, unknown> = {};

      const schemas = Object.entries({ ...strapi.contentTypes, ...strapi.components }) as Array<
        [string, { attributes: object; modelType?: string }]
      >;
      for (const [uid, schema] of schemas) {
        const own = attributes.get(uid) ?? [];
        const fields = uid.startsWith('api::') ? [...own, ...SYSTEM_JALALI_FIELDS] : own;
        if (!fields.length) continue;
        const typeName: string =
          schema.modelType === 'component'
            ? naming.getComponentName(schema)
            : naming.getTypeName(schema);
        types.push(
          nexus.extendType({
            type: typeName,
            definition(t: Nexus) {
              for (const field of fields) {
                t.field(`${field}Jalali`, {
                  type: 'JalaliDateTime',
                  resolve: (parent: Record<string, unknown>) => jalaliOf(parent[field]),
                });
              }
            },
          })
        );
        for (const field of fields) resolversConfig[`${typeName}.${field}Jalali`] = { auth: false };
      }

      for (const [uid, names] of attributes) {
        if (!uid.startsWith('api::')) continue;
        const contentType = strapi.contentType(uid as never);
        const typeName: string = naming.getTypeName(contentType);
        const queryName = `${contentType.info.pluralName}Archive`;
        const field = names[0];
        types.push(
          nexus.extendType({
            type: 'Query',
            definition(t: Nexus) {
              t.nonNull.list.field(queryName, {
                type: typeName,
                description: `Published entries of a Jalali year, month or day (Tehran time), newest first, by ${field}`,
                args: {
                  year: nexus.nonNull(nexus.intArg()),
                  month: nexus.intArg(),
                  day: nexus.intArg(),
                  locale: nexus.arg({ type: 'I18NLocaleCode' }),
                  pagination: nexus.arg({ type: 'PaginationArg' }),
                },
                // A year, month or day out of range is a 400 before the operation runs (src/graphql/query-cost.ts).
                extensions: { checkArguments: archiveRange },
                async resolve(
                  _parent: unknown,
                  args: {
                    year: number;
                    month?: number;
                    day?: number;
                    locale?: string;
                    pagination?: {
                      page?: number;
                      pageSize?: number;
                      start?: number;
                      limit?: number;
                    };
                  }
                ) {
                  const { start, end } = archiveRange(args);
                  const pageSize = Math.min(
                    args.pagination?.pageSize ?? args.pagination?.limit ?? 25,
                    100
                  );
                  const offset =
                    args.pagination?.start ?? ((args.pagination?.page ?? 1) - 1) * pageSize;
                  return strapi.documents(uid as never).findMany({
                    locale: args.locale,
                    status: 'published',
                    filters: { [field]: { $gte: start.toISOString(), $lt: end.toISOString() } },
                    sort: { [field]: 'desc' },
                    start: Math.max(offset, 0),
                    limit: pageSize,
                  } as never);
                },
              });
            },
          })
        );
        resolversConfig[`Query.${queryName}`] = { auth: { scope: [`${uid}.find`] } };
      }
      return {
        types,
        resolversConfig,
        resolvers: { DateTime: jalaliDateTimeInput(scalars.DateTime) },
      };
    });
};
