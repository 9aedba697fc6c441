import type { paths } from '../../api/schema';

/** Named shapes of the members API the portal reads, from the generated OpenAPI types. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Items<T> = T extends { items: (infer I)[] } ? I : never;

export type MyMembership = Json<paths['/api/me/member']['get']['responses'][200]>;
export type MyApplication = Items<Json<paths['/api/join-applications/mine']['get']['responses'][200]>>;
export type DirectoryUnion = Items<Json<paths['/api/directory/unions']['get']['responses'][200]>>;
export type JoinApplicationBody = NonNullable<paths['/api/join-applications']['post']['requestBody']>['content']['application/json'];
export type CardToken = Json<paths['/api/members/me/card-token']['get']['responses'][200]>;
export type CardVerification = Json<paths['/api/member-cards/verify']['post']['responses'][200]>;
