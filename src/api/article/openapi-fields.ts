import { articleScheduleFields } from '../../scheduling/openapi';

/**
 * Keys some callers see on an article beyond its content type's attributes, for the OpenAPI document
 * (`npm run contract` reads every src/api/<api>/openapi-fields): write-access callers get the schedule.
 */
export default { 'api::article.article': articleScheduleFields };
