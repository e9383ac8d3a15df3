'use strict';
/** Scenario 2: the same list and findOne over GraphQL, ours against plain Strapi, with the same selection. */
const { httpCases } = require('./common');

const TOLERANCE = 0.05;
const FIELDS =
  'documentId title slug newsCode kicker lead author publishedOn section { name slug } quotedOfficials { fullName role }';
const LIST = `query Articles($page: Int) { articles(locale: "fa", pagination: { page: $page, pageSize: 25 }) { ${FIELDS} } }`;
const ONE = `query Article($documentId: ID!) { article(documentId: $documentId, locale: "fa") { ${FIELDS} } }`;

const post = (query, variables) => ({
  path: '/graphql',
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables }),
});

const run = async (ctx, { engine, servers, main }) => {
  const pages = Math.max(1, Math.min(4, Math.floor(main.ours.counts.articles / 25)));
  const listRequests = Array.from({ length: pages }, (_, index) => post(LIST, { page: index + 1 }));
  const variants = servers.variants || [];
  const ablations = (id, what) =>
    variants.map((server) => ({
      id: `${id}-${server.name}`,
      title: `the same ${what}, ${server.name} (ablation)`,
      key: server.name,
    }));
  const listTitle = `articles(locale: "fa", pageSize 25, pages 1–${pages}) with section and quotedOfficials`;
  const cases = [];
  cases.push(
    ...(await httpCases(ctx, {
      title: listTitle,
      targets: [
        { key: 'ours', server: servers.ours, requests: listRequests },
        { key: 'plain', server: servers.plain, requests: listRequests },
        ...variants.map((server) => ({ key: server.name, server, requests: listRequests })),
      ],
      baselineKey: 'plain',
      cases: [
        { id: 'list', title: listTitle, key: 'ours', tolerance: TOLERANCE },
        ...ablations('list', 'list'),
      ],
      check: (key, response) => {
        const items = response.json.data && response.json.data.articles;
        if (!Array.isArray(items) || items.length === 0 || !items[0].section)
          throw new Error(
            `graphql list: ${key} returned ${JSON.stringify(response.json).slice(0, 300)}`
          );
      },
    }))
  );
  const one = (sample) => sample.map((row) => post(ONE, { documentId: row.documentId }));
  const oneTitle = `article(documentId, locale: "fa") (${main.ours.sample.length} articles in turn, same selection)`;
  cases.push(
    ...(await httpCases(ctx, {
      title: oneTitle,
      targets: [
        { key: 'ours', server: servers.ours, requests: one(main.ours.sample) },
        { key: 'plain', server: servers.plain, requests: one(main.plain.sample) },
        // Variants read our database: our documentIds.
        ...variants.map((server) => ({
          key: server.name,
          server,
          requests: one(main.ours.sample),
        })),
      ],
      baselineKey: 'plain',
      cases: [
        { id: 'findOne', title: oneTitle, key: 'ours', tolerance: TOLERANCE },
        ...ablations('findOne', 'findOne'),
      ],
      check: (key, response) => {
        if (!response.json.data || !response.json.data.article)
          throw new Error(
            `graphql findOne: ${key} returned ${JSON.stringify(response.json).slice(0, 300)}`
          );
      },
    }))
  );
  return {
    id: 'graphql',
    engine,
    title: 'GraphQL: the same list and findOne',
    target: 'within 5% of plain Strapi',
    cases,
  };
};

module.exports = { run, LIST, ONE };
