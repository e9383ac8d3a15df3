const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::post.post');
