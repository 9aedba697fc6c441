import { defineModule } from '../../platform/module.ts';
import { workbenchRoutes } from './routes.ts';

/** The cadre's workbench (工作台): the to-dos every module registers (`defineModule({ todos })`), counted over the caller's scope. */
export const workbenchModule = defineModule({ name: 'workbench', routes: workbenchRoutes });
