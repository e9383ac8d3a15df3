import { winston, formats } from '@strapi/logger';

// LOG_LEVEL=warn keeps test and benchmark output readable; the default shows requests.
export default {
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
