export default {
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/preview',
        handler: 'preview.preview',
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'GET',
        path: '/fields',
        handler: 'preview.fields',
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  },
};
