import type { paths } from '../../api/schema';

/** Named shapes of the Workers' Pioneer API (server/modules/pioneer/schema.ts), from the generated types. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Items<T> = T extends { items: (infer I)[] } ? I : never;
type Body<T> = T extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type Campaign = Json<paths['/api/pioneer/campaigns/{id}']['get']['responses'][200]>;
export type CampaignStatus = Campaign['status'];
export type CreateCampaignBody = Body<paths['/api/pioneer/campaigns']['post']>;
export type TransitionBody = Body<paths['/api/pioneer/campaigns/{id}/transitions']['post']>;
export type TransitionName = TransitionBody['transition'];
export type CandidateItem = Items<Json<paths['/api/pioneer/campaigns/{id}/candidates']['get']['responses'][200]>>;
export type CandidateStatus = CandidateItem['status'];
export type CandidateDetail = Json<paths['/api/pioneer/candidates/{id}']['get']['responses'][200]>;
export type Criterion = CandidateDetail['criteria'][number];
export type Evidence = CandidateDetail['evidence'][number];
export type Objection = Items<Json<paths['/api/pioneer/campaigns/{id}/objections']['get']['responses'][200]>>;
export type Publicity = Json<paths['/api/pioneer/publicity/{campaignId}']['get']['responses'][200]>;
export type Assignment = Items<Json<paths['/api/pioneer/my-assignments']['get']['responses'][200]>>;

export type TitleItem = Items<Json<paths['/api/pioneer/titles']['get']['responses'][200]>>;
export type TitleHistory = Json<paths['/api/pioneer/titles/{id}']['get']['responses'][200]>;
export type Certificate = Json<paths['/api/pioneer/titles/{id}/certificate']['get']['responses'][200]>;
export type PioneerStats = Json<paths['/api/orgs/{id}/pioneer-stats']['get']['responses'][200]>;
export type Dashboard = Json<paths['/api/pioneer/dashboard']['get']['responses'][200]>;

export type PioneerType = CandidateItem['type'];
export type Level = TitleItem['level'];
export type Award = NonNullable<CandidateItem['award']>;
export type Dimension = Criterion['dimension'];

/** In the order the source article lists them. */
export const pioneerTypes: readonly PioneerType[] = ['modern_management', 'tech_innovation', 'safe_production', 'quality_service', 'model_education'];
/** From the top down, as the dashboard and filters show them. */
export const levels: readonly Level[] = ['national', 'province', 'city', 'county'];
export const dimensions: readonly Dimension[] = ['infrastructure', 'organization', 'workforce', 'management', 'effectiveness'];
export const awards: readonly Award[] = ['innovation_award', 'finalist_award'];
/** What an evidence upload accepts (the server checks the content too): PDF, JPG, PNG, DOCX, XLSX up to 20 MB. */
export const EVIDENCE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
