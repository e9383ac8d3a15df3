import registry from './registry';
import newsCodes from './news-codes';
import maintenance from './maintenance';
import newDocuments from './new-documents';

export default { registry, 'news-codes': newsCodes, maintenance, 'new-documents': newDocuments };
