import { register } from './register';
import { bootstrap } from './bootstrap';
import controllers from './controllers';
import rest from './rest-middleware';

export default { register, bootstrap, controllers, middlewares: { rest } };
