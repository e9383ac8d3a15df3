const { winston, formats } = require('@strapi/logger');

module.exports = {
  transports: [
    new winston.transports.Console({
      level: process.env.LOG_LEVEL ?? 'http',
      format: winston.format.combine(
        formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' }),
        formats.levelFilter('')
      ),
    }),
  ],
};
