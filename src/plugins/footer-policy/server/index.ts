import { register } from './register';
import { bootstrap } from './bootstrap';
import config from './config';
import controllers from './controllers/preview';
import routes from './routes';

export default { register, bootstrap, config, controllers, routes };
