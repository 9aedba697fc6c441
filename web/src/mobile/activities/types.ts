import type { paths } from '../../api/schema';

/** Named shapes of the activities and contests API the portal reads, from the generated OpenAPI types. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Items<T> = T extends { items: (infer I)[] } ? I : never;

export type AvailableActivity = Items<Json<paths['/api/activities/available']['get']['responses'][200]>>;
export type MyRegistration = Items<Json<paths['/api/registrations/mine']['get']['responses'][200]>>;
export type Contest = Items<Json<paths['/api/contests/available']['get']['responses'][200]>>;
export type GalleryItem = Items<Json<paths['/api/contests/{id}/gallery']['get']['responses'][200]>>;
export type ResultItem = Items<Json<paths['/api/contests/{id}/results']['get']['responses'][200]>>;
export type MyEntry = Items<Json<paths['/api/contests/{id}/entries/mine']['get']['responses'][200]>>;
