import { listCountKeyOf } from '../../../src/lib/list-count-key';

/** Which counts the maintained counters answer: a locale and a state, nothing else. */
it('reads the locale and state of the where clauses Strapi builds for a list', () => {
  expect(listCountKeyOf({ where: { publishedAt: { $notNull: true }, locale: 'fa' } })).toEqual({
    locale: 'fa',
    published: true,
  });
  expect(listCountKeyOf({ where: { publishedAt: { $null: true }, locale: 'fa' } })).toEqual({
    locale: 'fa',
    published: false,
  });
  expect(listCountKeyOf({ where: { publishedAt: null, locale: { $eq: 'en' } } })).toEqual({
    locale: 'en',
    published: false,
  });
  // The Document Service's lookup with the query layer's status filter (called by the caller).
  expect(
    listCountKeyOf({
      where: { publishedAt: { $notNull: true }, locale: 'fa', $and: [{}] },
      filters: { publishedAt: { $null: false } },
      _q: '',
    })
  ).toEqual({ locale: 'fa', published: true });
  // The admin's list: its permissions add the locales the editor may read.
  expect(
    listCountKeyOf({
      where: {
        publishedAt: { $null: true },
        locale: 'fa',
        $or: [{ $and: [{ locale: { $in: ['en', 'fa'] } }] }],
      },
      filters: { publishedAt: { $null: true } },
    })
  ).toEqual({ locale: 'fa', published: false });
});

it('leaves every other count to the database', () => {
  const list = { publishedAt: { $notNull: true }, locale: 'fa' };
  for (const params of [
    {},
    { where: { locale: 'fa' } },
    { where: { publishedAt: { $notNull: true } } },
    { where: { ...list, title: { $contains: 'خبر' } } },
    { where: { ...list, $and: [{ publishedOn: { $gte: '2020-01-01' } }] } },
    { where: { ...list, $or: [{ title: 'الف' }] } },
    { where: { ...list, $and: [{ publishedAt: { $null: true } }] } },
    { where: { ...list, $and: [{ locale: 'en' }] } },
    { where: { ...list, $and: {} } },
    { where: { publishedAt: { $null: 'false' }, locale: 'fa' } },
    { where: { publishedAt: { $notNull: true, $lt: '2020-01-01' }, locale: 'fa' } },
    { where: { publishedAt: { $notNull: true }, locale: { $in: ['fa', 'en'] } } },
    { where: list, _q: 'خبر' },
    { where: list, filters: () => ({}) },
    { where: list, filters: { title: 'الف' } },
    { where: list, filters: { publishedAt: { $null: true } } },
    { where: [list] },
    { where: { ...list, $or: [{ locale: { $in: ['en'] } }] } },
    { where: { ...list, $or: [{ locale: 'fa' }, { title: 'الف' }] } },
    { where: { ...list, locale: { $in: ['fa'] } } },
  ])
    expect(listCountKeyOf(params)).toBeNull();
});
