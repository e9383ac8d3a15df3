const path = require('path');
module.exports = ({ env }) =>
  env('TRIAL_DB', 'sqlite') === 'postgres'
    ? {
        connection: {
          client: 'postgres',
          connection: {
            host: '127.0.0.1',
            port: 5432,
            user: 'postgres',
            database: env('TRIAL_PG_DB', 'cache_trial'),
          },
          pool: { min: 0, max: 10 },
        },
      }
    : {
        connection: {
          client: 'sqlite',
          connection: { filename: path.join(__dirname, '..', '.tmp/data.db') },
          useNullAsDefault: true,
        },
      };
