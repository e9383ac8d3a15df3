export default {
  'content-api': {
    type: 'content-api',
    routes: [
      // Served at /api/search: readers search the newsroom, not a plugin.
      { method: 'GET', path: '/search', handler: 'search.find', config: { prefix: '' } },
    ],
  },
};
