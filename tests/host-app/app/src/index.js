const { orderSteps, pluginSaveSteps, savePipeline } = require('@pishkhan/save-pipeline');

/** The plugins' save steps, in the order this blog runs them (the save-pipeline package's README). */
const SAVE_ORDER = [
  'footer-policy.strip-footer',
  'footer-policy.section-policy',
  'persian-text.hygiene',
  'persian-slug.claim',
  'persian-slug.history',
  'persian-slug.news-code',
  'footer-policy.footer',
  'footer-policy.section-footers',
  'persian-text.search-index',
];

module.exports = {
  register({ strapi }) {
    strapi.documents.use(savePipeline(strapi, orderSteps(pluginSaveSteps(strapi), SAVE_ORDER)));
  },
  async bootstrap({ strapi }) {
    // Persian is the blog's default locale.
    const locales = strapi.plugin('i18n').service('locales');
    if (!(await locales.findByCode('fa')))
      await locales.create({ code: 'fa', name: 'Persian (fa)' });
    await locales.setDefaultLocale({ code: 'fa' });
  },
};
