import type { Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refused } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { today } from '../../platform/dates.ts';
import { points } from './rules.ts';
import { managedCampaigns, publicCampaigns, publicCandidates, readableCandidates } from './policy.ts';
import { readableCampaign } from './campaigns.ts';
import { candidatesWithTeams } from './candidates.ts';

/**
 * Publicity (公示) and objections (异议): the public notice of the candidates proposed for naming,
 * open to anyone while it runs; objections anyone logged in lodges against a proposed candidate;
 * the campaign's managers resolving them (an upheld one takes the candidate off the list).
 */

/** The public notice: public fields of the proposed candidates, only while in publicity. */
export async function publicity(deps: Deps, campaignId: number) {
  const c = await deps.db
    .selectFrom('pioneer_campaigns as camp')
    .innerJoin('orgs', 'orgs.id', 'camp.org_id')
    .select(['camp.id', 'camp.name', 'camp.year', 'camp.level', 'camp.publicity_start', 'camp.publicity_end', 'orgs.name as org_name'])
    .where('camp.id', '=', campaignId)
    .where(publicCampaigns())
    .executeTakeFirst();
  if (!c) throw notFound('pioneer_campaign');
  const rows = await candidatesWithTeams(deps.db)
    .select(['cand.id', 'teams.name as team_name', 'enterprises.name as enterprise_name', 'orgs.name as union_name', 'cand.type', 'cand.score'])
    .where('cand.campaign_id', '=', campaignId)
    .where('cand.status', '=', 'nominated')
    .orderBy('cand.type')
    .orderBy('cand.rank')
    .execute();
  return {
    campaignId: c.id,
    name: c.name,
    year: c.year,
    level: c.level,
    orgName: c.org_name,
    publicityStart: c.publicity_start!,
    publicityEnd: c.publicity_end!,
    nominees: rows.map((r) => ({ candidateId: r.id, teamName: r.team_name, enterpriseName: r.enterprise_name, unionName: r.union_name, type: r.type, score: points(r.score)! })),
  };
}

/** Anyone logged in may object to a proposed candidate during publicity. */
export async function lodgeObjection(deps: Deps, caller: Caller, candidateId: number, reason: string) {
  const day = today(deps);
  return deps.db.transaction().execute(async (tx) => {
    const r = await tx
      .selectFrom('pioneer_candidates as cand')
      .innerJoin('pioneer_campaigns as camp', 'camp.id', 'cand.campaign_id')
      .select(['cand.id', 'cand.status', 'cand.campaign_id', 'camp.status as campaign_status', 'camp.publicity_end', 'camp.org_id'])
      .where('cand.id', '=', candidateId)
      .where(publicCandidates())
      .executeTakeFirst();
    if (!r) throw notFound('pioneer_candidate');
    if (r.campaign_status !== 'publicity' || r.status !== 'nominated' || day > r.publicity_end!) throw refused('pioneer_objection_closed');
    const { id } = await tx
      .insertInto('pioneer_objections')
      .values({ campaign_id: r.campaign_id, candidate_id: candidateId, lodged_by: caller.user!.id, reason, status: 'open', resolution: null, resolved_by: null, resolved_at: null, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'objection.lodge', entity: 'objection', entityId: id, orgId: r.org_id, after: { candidateId, reason } });
    return { id, status: 'open' as const };
  });
}

function objections(tx: Tx) {
  return tx
    .selectFrom('pioneer_objections as o')
    .innerJoin('pioneer_candidates as cand', 'cand.id', 'o.candidate_id')
    .innerJoin('pioneer_campaigns as camp', 'camp.id', 'o.campaign_id')
    .innerJoin('teams', 'teams.id', 'cand.team_id')
    .select(['o.id', 'o.campaign_id', 'o.candidate_id', 'teams.name as team_name', 'o.reason', 'o.status', 'o.resolution', 'o.created_at', 'o.resolved_at']);
}

type ObjectionRow = Awaited<ReturnType<ReturnType<typeof objections>['executeTakeFirstOrThrow']>>;
const objectionView = (o: ObjectionRow) => ({
  id: o.id,
  campaignId: o.campaign_id,
  candidateId: o.candidate_id,
  teamName: o.team_name,
  reason: o.reason,
  status: o.status,
  resolution: o.resolution,
  createdAt: o.created_at,
  resolvedAt: o.resolved_at,
});

/** A campaign's objections against the candidates the caller sees. */
export async function listObjections(deps: Deps, caller: Caller, campaignId: number) {
  await readableCampaign(deps.db, caller, campaignId);
  const rows = await objections(deps.db).where('o.campaign_id', '=', campaignId).where(readableCandidates(caller)).orderBy('o.id').execute();
  return { items: rows.map(objectionView), total: rows.length };
}

/** A cadre over the campaign resolves an objection: upheld takes the candidate off the list. */
export async function resolveObjection(deps: Deps, caller: Caller, objectionId: number, outcome: 'upheld' | 'dismissed', resolution: string) {
  return deps.db.transaction().execute(async (tx) => {
    const o = await tx
      .selectFrom('pioneer_objections as o')
      .innerJoin('pioneer_campaigns as camp', 'camp.id', 'o.campaign_id')
      .select(['o.id', 'o.status', 'o.candidate_id', 'camp.org_id'])
      .where('o.id', '=', objectionId)
      .where(managedCampaigns(caller))
      .executeTakeFirst();
    if (!o) throw notFound('objection');
    if (o.status !== 'open') throw conflict('pioneer_objection_resolved');
    const now = caller.actor.now;
    await tx.updateTable('pioneer_objections').set({ status: outcome, resolution, resolved_by: caller.user!.id, resolved_at: now }).where('id', '=', objectionId).execute();
    if (outcome === 'upheld') {
      await tx.updateTable('pioneer_candidates').set({ status: 'not_named', updated_at: now }).where('id', '=', o.candidate_id).where('status', '=', 'nominated').execute();
    }
    await audit(tx, caller.actor, { action: `objection.${outcome === 'upheld' ? 'uphold' : 'dismiss'}`, entity: 'objection', entityId: objectionId, orgId: o.org_id, before: { status: 'open' }, after: { status: outcome, resolution } });
    return objectionView(await objections(tx).where('o.id', '=', objectionId).executeTakeFirstOrThrow());
  });
}
