import saveSteps from './save-steps';
import articles from './articles-service';
import { bootstrap } from './bootstrap';
import config from './config';
import controllers from './controllers/preview';
import routes from './routes';

export default {
  bootstrap,
  config,
  controllers,
  routes,
  services: { 'save-steps': saveSteps, articles },
};
