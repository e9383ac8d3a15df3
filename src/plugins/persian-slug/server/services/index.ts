import registry from './registry';
import newsCodes from './news-codes';

export default { registry, 'news-codes': newsCodes };
