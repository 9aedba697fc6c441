import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { accountsRoutes } from './routes.ts';
import { SIGNUP_CODE_JOB, textSignupCode } from './signup.ts';

const permissions = {
  'user.read': ['cadre', 'viewer'],
  'user.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Login, sessions, users and role grants; sign-up codes go out by text message as a job. */
export const accountsModule = defineModule({ name: 'accounts', routes: accountsRoutes, texts, permissions, jobs: { [SIGNUP_CODE_JOB]: textSignupCode } });
