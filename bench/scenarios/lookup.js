'use strict';
/** Scenario 3: our slug and news-code lookups against a findOne by documentId, all on our app, same populate. */
const { httpCases } = require('./common');
const { POPULATE } = require('./rest');

const run = async (ctx, { engine, servers, main }) => {
  const sample = main.ours.sample;
  const byId = sample.map((row) => ({
    path: `/api/articles/${row.documentId}?locale=fa&${POPULATE}`,
  }));
  const bySlug = sample.map((row) => ({
    path: `/api/articles/slug/${encodeURIComponent(row.slug)}?locale=fa&${POPULATE}`,
  }));
  const byCode = sample.map((row) => ({
    path: `/api/articles/code/${row.newsCode}?locale=fa&${POPULATE}`,
  }));
  const server = servers.ours;
  const cases = await httpCases(ctx, {
    title: `lookups by slug and news code against findOne by documentId (${sample.length} articles in turn)`,
    targets: [
      { key: 'bySlug', server, requests: bySlug },
      { key: 'byNewsCode', server, requests: byCode },
      { key: 'byDocumentId', server, requests: byId },
    ],
    baselineKey: 'byDocumentId',
    check: (key, response) => {
      if (!response.json.data || response.json.data.documentId !== sample[0].documentId) {
        throw new Error(
          `lookup: ${key} answered ${response.status} ${response.text.slice(0, 300)}`
        );
      }
    },
    cases: [
      {
        id: 'slug',
        title: 'GET /api/articles/slug/:slug against GET /api/articles/:documentId',
        key: 'bySlug',
      },
      {
        id: 'newsCode',
        title: 'GET /api/articles/code/:newsCode against GET /api/articles/:documentId',
        key: 'byNewsCode',
      },
    ],
  });
  return {
    id: 'lookup',
    engine,
    title: 'Lookups by slug and news code against findOne by documentId (our app)',
    target: 'none set; the cost of the lookup over a findOne is reported',
    cases,
  };
};

module.exports = { run };
