'use strict';
/** Scenario 1: REST article list (25 a page, section and officials populated) and findOne, ours against plain Strapi. */
const { httpCases } = require('./common');

const POPULATE = 'populate[section]=true&populate[quotedOfficials]=true';
const TOLERANCE = 0.05;

const listPaths = (pages) =>
  Array.from({ length: pages }, (_, index) => ({ path: `/api/articles?locale=fa&pagination[page]=${index + 1}&pagination[pageSize]=25&${POPULATE}` }));

const findOnePaths = (sample) => sample.map((row) => ({ path: `/api/articles/${row.documentId}?locale=fa&${POPULATE}` }));

const run = async (ctx, { engine, servers, main }) => {
  const pages = Math.max(1, Math.min(4, Math.floor(main.ours.counts.articles / 25)));
  const totals = {};
  const variants = servers.variants || [];
  const cases = [];
  cases.push(...(await httpCases(ctx, {
    title: `GET /api/articles (25 a page, pages 1–${pages}, section + quotedOfficials populated)`,
    targets: [
      { key: 'ours', server: servers.ours, requests: listPaths(pages) },
      { key: 'plain', server: servers.plain, requests: listPaths(pages) },
      ...variants.map((server) => ({ key: server.name, server, requests: listPaths(pages) })),
    ],
    baselineKey: 'plain',
    check: (key, response) => {
      const { data, meta } = response.json;
      if (!Array.isArray(data) || data.length !== Math.min(25, meta.pagination.total)) throw new Error(`rest list: ${key} returned ${data && data.length} items`);
      if (!data[0].section || !Array.isArray(data[0].quotedOfficials)) throw new Error(`rest list: ${key} did not populate`);
      totals[key] = meta.pagination.total;
      if (totals.ours !== undefined && totals.plain !== undefined && totals.ours !== totals.plain) {
        throw new Error(`rest list: ours has ${totals.ours} published articles, plain ${totals.plain}`);
      }
    },
    cases: [
      { id: 'list', title: `GET /api/articles (25 a page, pages 1–${pages}, section + quotedOfficials populated)`, key: 'ours', tolerance: TOLERANCE },
      ...variants.map((server) => ({ id: `list-${server.name}`, title: `the same list, ${server.name} (ablation)`, key: server.name })),
    ],
  })));
  cases.push(...(await httpCases(ctx, {
    title: `GET /api/articles/:documentId (${main.ours.sample.length} articles in turn, same populate)`,
    targets: [
      { key: 'ours', server: servers.ours, requests: findOnePaths(main.ours.sample) },
      { key: 'plain', server: servers.plain, requests: findOnePaths(main.plain.sample) },
      ...variants.map((server) => ({ key: server.name, server, requests: findOnePaths(main.ours.sample) })),
    ],
    baselineKey: 'plain',
    check: (key, response) => {
      if (!response.json.data || !response.json.data.documentId) throw new Error(`rest findOne: ${key} returned no document`);
    },
    cases: [
      { id: 'findOne', title: `GET /api/articles/:documentId (${main.ours.sample.length} articles in turn, same populate)`, key: 'ours', tolerance: TOLERANCE },
      ...variants.map((server) => ({ id: `findOne-${server.name}`, title: `the same findOne, ${server.name} (ablation)`, key: server.name })),
    ],
  })));
  return { id: 'rest', engine, title: 'REST: article list and findOne', target: 'within 5% of plain Strapi', cases };
};

module.exports = { run, POPULATE };
