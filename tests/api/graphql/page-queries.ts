/**
 * What a news frontend sends for its three kinds of page, with their cost under docs/api.md's rule
 * ("GraphQL limits"): the default budget must admit each with room to spare.
 */
import { readFileSync } from 'fs';
import path from 'path';

/** A page query kept in tests/fixtures/graphql, where the bench reads it too. */
const pageQuery = (name: string): string =>
  readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'graphql', `${name}.graphql`), 'utf8');

export const SEED_SLUG = 'پیش-بینی-یک-نماینده-مجلس-از-واگذاری-خدمات-سازمان-ها-به-دفاتر';
export const SEED_SECTION = 'دفاتر-پیشخوان';

export const pageQueries: Array<{
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  cost: number;
}> = [
  {
    name: 'front page: lead stories, the latest, and every desk with its newest four',
    query: pageQuery('front-page'),
    cost: 10 * 18 + 20 * 9 + 30 * (1 + 2 + 4 * 6),
  },
  {
    name: 'section page: the desk, its parent and sub-desks, a page of its stories',
    query: pageQuery('section-page'),
    variables: { slug: SEED_SECTION },
    cost: 1 + 2 + (1 + 3 + (1 + 2) + 25 * 3) + 20 * (1 + 5 + 2 + 3),
  },
  {
    name: 'story page: the whole story, its officials, and more from the desk',
    query: pageQuery('story-page'),
    variables: { slug: SEED_SLUG },
    cost: 3 + (1 + 9 + 3 + 2 + 6 + 6 + 25 * 6 + 9) + 6 * 8,
  },
];
