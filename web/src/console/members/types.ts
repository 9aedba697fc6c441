import type { paths } from '../../api/schema';

/** Named shapes of the members API (server/modules/members/schema.ts), from the generated types. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Items<T> = T extends { items: (infer I)[] } ? I : never;

export type JoinApplication = Items<Json<paths['/api/join-applications']['get']['responses'][200]>>;
export type ApplicationStatus = JoinApplication['status'];
export type MemberItem = Items<Json<paths['/api/members']['get']['responses'][200]>>;
export type MemberStatus = MemberItem['status'];
export type MemberDetail = Json<paths['/api/members/{id}']['get']['responses'][200]>;
export type MemberChange = NonNullable<paths['/api/members/{id}']['patch']['requestBody']>['content']['application/json'];
export type Transfer = Items<Json<paths['/api/transfers']['get']['responses'][200]>>;
export type TransferStatus = Transfer['status'];
export type OrgStats = Json<paths['/api/orgs/{id}/stats']['get']['responses'][200]>;
export type DirectoryUnion = Items<Json<paths['/api/directory/unions']['get']['responses'][200]>>;

/** The register's standard fields as a form holds them (undefined or null: not recorded). */
export type RegisterFields = Pick<MemberDetail, 'ethnicity' | 'education' | 'politicalStatus' | 'migrantWorker' | 'newFormGroup'>;
