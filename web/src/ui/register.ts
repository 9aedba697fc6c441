import type { paths } from '../api/schema';

/**
 * The fixed code lists of the member register's standard fields, in the order forms offer them
 * (server/modules/members/rules.ts holds them with their standards; their names are in
 * i18n/common.ts). Each list is typed by the API, so a code the server does not know fails the build.
 */
type Register = NonNullable<paths['/api/join-applications']['post']['requestBody']>['content']['application/json'];
export type Ethnicity = NonNullable<Register['ethnicity']>;
export type Education = NonNullable<Register['education']>;
export type PoliticalStatus = NonNullable<Register['politicalStatus']>;
export type NewFormGroup = NonNullable<Register['newFormGroup']>;

/** 01 汉族 … 56 基诺族 (GB/T 3304), then 97 其他. */
export const ethnicities = [...Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')), '97'] as Ethnicity[];
export const educations: Education[] = ['postgraduate', 'bachelor', 'junior_college', 'secondary_vocational', 'high_school', 'junior_high_or_below'];
export const politicalStatuses: PoliticalStatus[] = ['cpc_member', 'cpc_probationary', 'cyl_member', 'democratic_party', 'non_party', 'masses'];
/** 否 first, then the eight groups of new-form workers. */
export const newFormGroups: NewFormGroup[] = ['none', 'truck_driver', 'courier', 'food_delivery', 'ride_hailing', 'app_delivery', 'streamer', 'domestic_worker', 'online_marketer'];
