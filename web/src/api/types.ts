import type { paths } from './schema';

/** Named shapes of the API's answers and bodies, taken from the generated OpenAPI types. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Items<T> = T extends { items: (infer I)[] } ? I : never;

export type Me = Json<paths['/api/me']['get']['responses'][200]>;
/** A grant of the logged-in user, with the permissions it gives. */
export type SessionGrant = Me['grants'][number];
/** A grant as lists of accounts show it. */
export type Grant = Omit<SessionGrant, 'permissions'>;
export type Role = Grant['role'];
export type LoginAnswer = Json<paths['/api/auth/login']['post']['responses'][200]>;

export type Org = Items<Json<paths['/api/orgs']['get']['responses'][200]>>;
export type OrgDetail = Json<paths['/api/orgs/{id}']['get']['responses'][200]>;
export type OrgKind = Org['kind'];
export type FederationLevel = NonNullable<Org['level']>;
export type JointBasis = NonNullable<Org['basis']>;
export type CreateOrgBody = NonNullable<paths['/api/orgs']['post']['requestBody']>['content']['application/json'];

export type Enterprise = Items<Json<paths['/api/enterprises']['get']['responses'][200]>>;
export type Team = Items<Json<paths['/api/teams']['get']['responses'][200]>>;
export type TeamKind = Team['kind'];

export type User = Items<Json<paths['/api/users']['get']['responses'][200]>>;
export type AuditEntry = Items<Json<paths['/api/audit-log']['get']['responses'][200]>>;
