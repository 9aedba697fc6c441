/** A venue of `orgId` (the permission matrix's and fuzz suite's sample). */
export const venueBody = (orgId: number) => ({ orgId, name: '矩阵活动室', kind: 'activity_room', capacity: 30 });
