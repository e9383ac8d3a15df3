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
    ],
  },
};
