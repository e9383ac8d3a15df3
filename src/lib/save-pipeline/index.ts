export * from './step';
export { orderSteps } from './order';
export { savePipeline } from './run';
export { mergePopulate } from './needs';
export { pluginSaveSteps } from './plugin-steps';
