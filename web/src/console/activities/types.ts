import type { paths } from '../../api/schema';

/** Named shapes of the activities and contests API (server/modules/activities, contests), from the generated types. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Items<T> = T extends { items: (infer I)[] } ? I : never;
type Body<T> = T extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type Activity = Items<Json<paths['/api/activities']['get']['responses'][200]>>;
export type ActivityKind = Activity['kind'];
export type CreateActivityBody = Body<paths['/api/activities']['post']>;
export type UpdateActivityBody = Body<paths['/api/activities/{id}']['patch']>;
export type Registration = Items<Json<paths['/api/activities/{id}/registrations']['get']['responses'][200]>>;
export type RegistrationStatus = Registration['status'];
export type CheckInAnswer = Json<paths['/api/activities/{id}/check-ins']['post']['responses'][200]>;
export type ActivityStats = Json<paths['/api/orgs/{id}/activity-stats']['get']['responses'][200]>;

export type Contest = Items<Json<paths['/api/contests']['get']['responses'][200]>>;
export type EntryKind = Contest['entryKind'];
export type CreateContestBody = Body<paths['/api/contests']['post']>;
export type ContestEntry = Items<Json<paths['/api/contests/{id}/entries']['get']['responses'][200]>>;
export type EntryStatus = ContestEntry['status'];
export type ContestResult = Items<Json<paths['/api/contests/{id}/results']['get']['responses'][200]>>;

export const activityKinds: readonly ActivityKind[] = ['training', 'performance', 'youth_social', 'sports', 'volunteering', 'lecture', 'culture', 'other'];
export const entryKinds: readonly EntryKind[] = ['photo', 'text', 'video'];
