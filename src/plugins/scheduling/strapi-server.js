// Strapi loads only JavaScript server entries: this one points at the server compiled by the app's tsc.
module.exports = require('../../../dist/src/plugins/scheduling/server').default;
