import { register } from './register';
import { bootstrap } from './bootstrap';
import { destroy } from './destroy';
import config from './config';
import services from './services';
import cache from './middleware';

export default { register, bootstrap, destroy, config, services, middlewares: { cache } };
