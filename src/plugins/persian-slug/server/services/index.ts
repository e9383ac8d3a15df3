import registry from './registry';
import newsCodes from './news-codes';
import maintenance from './maintenance';

export default { registry, 'news-codes': newsCodes, maintenance };
