/**
 * What a news frontend sends for its three kinds of page, with their cost under docs/api.md's rule
 * ("GraphQL limits"): the default budget must admit each with room to spare.
 */
export const SEED_SLUG = 'پیش-بینی-یک-نماینده-مجلس-از-واگذاری-خدمات-سازمان-ها-به-دفاتر';
export const SEED_SECTION = 'دفاتر-پیشخوان';

export const pageQueries: Array<{ name: string; query: string; variables?: Record<string, unknown>; cost: number }> = [
  {
    name: 'front page: lead stories, the latest, and every desk with its newest four',
    query: `query FrontPage {
      top: articles(locale: "fa", sort: "publishedOn:desc", pagination: { pageSize: 10 }) {
        documentId title kicker lead slug newsCode
        publishedOnJalali { long date }
        cover { url alternativeText width height }
        section { name slug }
      }
      latest: articles(locale: "fa", sort: "publishedOn:desc", pagination: { page: 2, pageSize: 20 }) {
        title slug newsCode publishedOnJalali { time } section { name slug }
      }
      sections(locale: "fa", pagination: { pageSize: 30 }) {
        name slug
        articles(sort: "publishedOn:desc", pagination: { pageSize: 4 }) { title slug newsCode cover { url } }
      }
    }`,
    cost: 10 * 18 + 20 * 9 + 30 * (1 + 2 + 4 * 6),
  },
  {
    name: 'section page: the desk, its parent and sub-desks, a page of its stories',
    query: `query SectionPage($slug: String!) {
      sectionBySlug(slug: $slug, locale: "fa") {
        slug redirected
        section { name slug description parent { name slug } children { name slug } }
      }
      articles(locale: "fa", filters: { section: { slug: { eq: $slug } } }, sort: "publishedOn:desc", pagination: { page: 1, pageSize: 20 }) {
        title kicker lead slug newsCode publishedOnJalali { long } cover { url alternativeText }
      }
    }`,
    variables: { slug: SEED_SECTION },
    cost: 1 + 2 + (1 + 3 + (1 + 2) + 25 * 3) + 20 * (1 + 5 + 2 + 3),
  },
  {
    name: 'story page: the whole story, its officials, and more from the desk',
    query: `query StoryPage($slug: String!) {
      articleBySlug(slug: $slug, locale: "fa") {
        slug redirected
        article {
          documentId title kicker lead author source sourceUrl newsCode footerLine
          publishedOnJalali { long iso }
          updatedAtJalali { long }
          cover { url alternativeText width height caption }
          section { name slug parent { name slug } }
          quotedOfficials { fullName slug role photo { url } }
          body {
            __typename
            ... on ComponentArticleParagraph { text }
            ... on ComponentArticleSubheading { text }
            ... on ComponentArticleQuote { text role official { fullName slug photo { url } } }
            ... on ComponentArticleImage { caption image { url alternativeText width height } }
          }
        }
      }
      more: articles(locale: "fa", sort: "publishedOn:desc", pagination: { pageSize: 6 }) {
        title slug newsCode publishedOnJalali { date } cover { url }
      }
    }`,
    variables: { slug: SEED_SLUG },
    cost: 3 + (1 + 9 + 3 + 2 + 6 + 6 + 25 * 6 + 9) + 6 * 8,
  },
];
