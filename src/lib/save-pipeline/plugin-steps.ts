import type { Core } from '@strapi/strapi';
import type { SaveStep, SaveStepsService } from './step';

/** The steps every enabled plugin offers through its `save-steps` service. */
export const pluginSaveSteps = (strapi: Core.Strapi): SaveStep[] =>
  Object.keys(strapi.plugins).flatMap(
    (name) =>
      (strapi.plugin(name).service('save-steps') as SaveStepsService | undefined)?.steps() ?? []
  );
