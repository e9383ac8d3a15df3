import registry from './registry';
import newsCodes from './news-codes';
import maintenance from './maintenance';
import newDocuments from './new-documents';
import saveSteps from '../save-steps';

export default {
  registry,
  'news-codes': newsCodes,
  maintenance,
  'new-documents': newDocuments,
  'save-steps': saveSteps,
};
