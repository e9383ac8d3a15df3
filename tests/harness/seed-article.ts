/** The structured seed story as the demo content creates it (src/demo/demo-content.json). */
import demo from '../../src/demo/demo-content.json';

export const seedArticle = demo.articles[0].fa;
export const SEED_TITLE = 'پیش بینی یک نماینده مجلس از واگذاری خدمات سازمان ها به دفاتر';
export const SEED_PUBLISHED_ON = '2017-10-31T15:53:00.000Z';
export const SEED_OFFICIAL = 'اصغر سلیمی';
export const SEED_ROLE = 'نماینده مجلس شورای اسلامی';

/** The REST populate that a story page needs: section, officials and the body with quote officials. */
export const STORY_POPULATE =
  'populate[section]=true&populate[quotedOfficials]=true' +
  '&populate[body][on][article.paragraph]=true&populate[body][on][article.subheading]=true' +
  '&populate[body][on][article.quote][populate][official]=true&populate[body][on][article.image][populate]=image';
