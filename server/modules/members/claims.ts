import type { z } from 'zod';
import { compiledOnce, type Db } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refused } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { ownMember } from './policy.ts';
import { memberColumns, memberItemView, membersQuery } from './roll.ts';
import type { accountMembership, claimBody } from './schema.ts';
import { transfersOf } from './transfers.ts';

/** A worker's own membership: linking their account to an imported record, and the e-card. */

/** A worker whose record a cadre imported links their account to it by name and ID number. */
export async function claimMembership(deps: Deps, caller: Caller, input: z.infer<typeof claimBody>) {
  const user = caller.user!;
  return deps.db.transaction().execute(async (tx) => {
    if (await tx.selectFrom('members').select('id').where(ownMember(user.id)).executeTakeFirst()) throw conflict('account_has_member');
    const member = await tx.selectFrom('members').select(['id', 'name', 'user_id', 'member_no', 'org_id', 'status']).where('id_number_hash', '=', deps.pii.hash(input.idNumber)).executeTakeFirst();
    if (!member || member.name !== input.name || member.status === 'left') throw refused('claim_no_match');
    if (member.user_id !== null) throw conflict('claim_taken');
    await tx.updateTable('members').set({ user_id: user.id, updated_at: caller.actor.now }).where('id', '=', member.id).execute();
    await audit(tx, caller.actor, { action: 'member.claim', entity: 'member', entityId: member.id, orgId: member.org_id, after: { userId: user.id } });
    return { memberId: member.id, memberNo: member.member_no };
  });
}

/** One's own membership and e-card, with its transfer history. */
export async function myMembership(deps: Deps, caller: Caller) {
  const row = await membersQuery(deps.db).select(memberColumns).where(ownMember(caller.user!.id)).executeTakeFirst();
  if (!row) throw notFound('member');
  const item = memberItemView(deps)(row);
  return {
    memberId: item.id,
    memberNo: item.memberNo,
    name: item.name,
    idNumber: item.idNumber,
    orgId: item.orgId,
    orgName: item.orgName,
    status: item.status,
    joinedOn: item.joinedOn,
    employerName: item.employerName,
    transfers: await transfersOf(deps.db, [item.id]),
  };
}

const membershipQuery = compiledOnce((db, userId: number) =>
  db
    .selectFrom('members')
    .innerJoin('orgs', 'orgs.id', 'members.org_id')
    .select(['members.id', 'members.member_no', 'members.org_id', 'orgs.name as org_name', 'members.birth_date', 'members.gender', 'members.status'])
    .where('members.user_id', '=', userId)
    .where('members.status', '!=', 'left')
    .limit(1),
);

export interface Membership {
  id: number;
  member_no: string;
  org_id: number;
  org_name: string;
  birth_date: string | null;
  gender: 'male' | 'female';
  status: 'member' | 'transferring' | 'retained';
}

/**
 * A worker's membership, if their account is linked to one that has not ended (member, retained or
 * transferring): its id, number, union and the birth date age limits check. Asked on every portal
 * page that depends on it (and by GET /api/me), so compiled once.
 */
export async function membershipOf(db: Db, userId: number): Promise<Membership | undefined> {
  return (await membershipQuery(db, userId))[0] as Membership | undefined;
}

/** The membership linked to an account as GET /api/me gives it, or null when there is none (or it has ended). */
export async function accountMembershipOf(db: Db, userId: number): Promise<z.infer<typeof accountMembership>> {
  const m = await membershipOf(db, userId);
  return m ? { id: m.id, memberNo: m.member_no, orgId: m.org_id, orgName: m.org_name, status: m.status } : null;
}
