import type { Kysely, Migration } from 'kysely';
import { withId } from './helpers.ts';
import { DEFAULT_STANDARDS } from '../../modules/pioneer/standards.ts';

/**
 * Workers' Pioneer (工人先锋号): versioned assessment standards, campaigns with their candidates,
 * self-assessment evidence, judges' marks, objections, titles and what keeps them honest
 * (recommendations upward, inspections, revocations, rewards), and incidents recorded against
 * enterprises. The five built-in standards are seeded as the platform-wide version 1 (org_id null).
 * `open_key` columns hold a value only while a row is open, so a unique index allows one open
 * recommendation per title on both engines.
 */
export const pioneer: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('pioneer_standards'))
      .addColumn('org_id', 'integer', (c) => c.references('orgs.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('weights', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_standards_org_type_idx').on('pioneer_standards').columns(['org_id', 'type', 'version']).execute();

    await withId(db, db.schema.createTable('pioneer_criteria'))
      .addColumn('standard_id', 'integer', (c) => c.notNull().references('pioneer_standards.id'))
      .addColumn('dimension', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('max_points', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_criteria_standard_idx').on('pioneer_criteria').columns(['standard_id', 'position']).execute();

    await withId(db, db.schema.createTable('pioneer_campaigns'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('registration_deadline', 'text', (c) => c.notNull())
      .addColumn('assessment_deadline', 'text', (c) => c.notNull())
      .addColumn('scoring_deadline', 'text', (c) => c.notNull())
      .addColumn('publicity_days', 'integer', (c) => c.notNull())
      .addColumn('publicity_start', 'text')
      .addColumn('publicity_end', 'text')
      .addColumn('quota', 'integer', (c) => c.notNull())
      .addColumn('scoring_method', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('named_on', 'text')
      .addColumn('document_no', 'text')
      .addColumn('cancel_reason', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_campaigns_org_idx').on('pioneer_campaigns').columns(['org_id', 'year']).execute();

    await db.schema
      .createTable('pioneer_campaign_standards')
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('pioneer_campaigns.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('standard_id', 'integer', (c) => c.notNull().references('pioneer_standards.id'))
      .addPrimaryKeyConstraint('pioneer_campaign_standards_pk', ['campaign_id', 'type'])
      .execute();

    await withId(db, db.schema.createTable('pioneer_candidates'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('pioneer_campaigns.id'))
      .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('worker_count', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('self_summary', 'text')
      .addColumn('self_scores', 'text')
      .addColumn('submitted_at', 'text')
      .addColumn('score', 'integer')
      .addColumn('rank', 'integer')
      .addColumn('award', 'text')
      .addColumn('registered_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('pioneer_candidates_team_unique', ['campaign_id', 'team_id'])
      .execute();
    await db.schema.createIndex('pioneer_candidates_org_idx').on('pioneer_candidates').columns(['org_id', 'campaign_id']).execute();

    await withId(db, db.schema.createTable('pioneer_evidence'))
      .addColumn('candidate_id', 'integer', (c) => c.notNull().references('pioneer_candidates.id'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('storage_key', 'text', (c) => c.notNull().unique())
      .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_evidence_candidate_idx').on('pioneer_evidence').column('candidate_id').execute();

    await withId(db, db.schema.createTable('pioneer_assignments'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('pioneer_campaigns.id'))
      .addColumn('candidate_id', 'integer', (c) => c.notNull().references('pioneer_candidates.id'))
      .addColumn('judge_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('assigned_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('pioneer_assignments_unique', ['candidate_id', 'judge_id'])
      .execute();
    await db.schema.createIndex('pioneer_assignments_judge_idx').on('pioneer_assignments').columns(['judge_id', 'campaign_id']).execute();

    await db.schema
      .createTable('pioneer_scores')
      .addColumn('assignment_id', 'integer', (c) => c.notNull().references('pioneer_assignments.id'))
      .addColumn('criterion_id', 'integer', (c) => c.notNull().references('pioneer_criteria.id'))
      .addColumn('points', 'integer', (c) => c.notNull())
      .addColumn('scored_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('pioneer_scores_pk', ['assignment_id', 'criterion_id'])
      .execute();

    await withId(db, db.schema.createTable('pioneer_objections'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('pioneer_campaigns.id'))
      .addColumn('candidate_id', 'integer', (c) => c.notNull().references('pioneer_candidates.id'))
      .addColumn('lodged_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('resolution', 'text')
      .addColumn('resolved_by', 'integer', (c) => c.references('users.id'))
      .addColumn('resolved_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_objections_campaign_idx').on('pioneer_objections').columns(['campaign_id', 'status']).execute();

    await withId(db, db.schema.createTable('pioneer_titles'))
      .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('named_on', 'text')
      .addColumn('document_no', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('campaign_id', 'integer', (c) => c.references('pioneer_campaigns.id'))
      .addColumn('candidate_id', 'integer', (c) => c.references('pioneer_candidates.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('revoked_on', 'text')
      .addColumn('revocation_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_titles_org_idx').on('pioneer_titles').columns(['org_id', 'status']).execute();
    await db.schema.createIndex('pioneer_titles_team_idx').on('pioneer_titles').column('team_id').execute();
    await db.schema.createIndex('pioneer_titles_enterprise_idx').on('pioneer_titles').columns(['enterprise_id', 'status']).execute();

    await withId(db, db.schema.createTable('pioneer_recommendations'))
      .addColumn('title_id', 'integer', (c) => c.notNull().references('pioneer_titles.id'))
      .addColumn('to_level', 'text', (c) => c.notNull())
      .addColumn('recommended_on', 'text', (c) => c.notNull())
      .addColumn('recommended_by', 'integer', (c) => c.references('users.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decided_on', 'text')
      .addColumn('document_no', 'text')
      .addColumn('result_title_id', 'integer', (c) => c.references('pioneer_titles.id'))
      .addColumn('open_key', 'integer', (c) => c.unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_recommendations_title_idx').on('pioneer_recommendations').column('title_id').execute();

    await withId(db, db.schema.createTable('pioneer_inspections'))
      .addColumn('title_id', 'integer', (c) => c.notNull().references('pioneer_titles.id'))
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('result', 'text')
      .addColumn('notes', 'text')
      .addColumn('inspected_on', 'text')
      .addColumn('inspected_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_inspections_title_idx').on('pioneer_inspections').column('title_id').execute();

    await withId(db, db.schema.createTable('enterprise_incidents'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('occurred_on', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('enterprise_incidents_enterprise_idx').on('enterprise_incidents').columns(['enterprise_id', 'occurred_on']).execute();

    await withId(db, db.schema.createTable('pioneer_revocations'))
      .addColumn('title_id', 'integer', (c) => c.notNull().references('pioneer_titles.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('incident_id', 'integer', (c) => c.references('enterprise_incidents.id'))
      .addColumn('proposed_on', 'text', (c) => c.notNull())
      .addColumn('decided_on', 'text')
      .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_revocations_title_idx').on('pioneer_revocations').columns(['title_id', 'status']).execute();

    await withId(db, db.schema.createTable('pioneer_rewards'))
      .addColumn('title_id', 'integer', (c) => c.notNull().references('pioneer_titles.id'))
      .addColumn('awarded_on', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('amount_fen', 'integer')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_rewards_title_idx').on('pioneer_rewards').column('title_id').execute();

    const now = new Date().toISOString();
    for (const s of DEFAULT_STANDARDS) {
      const { id } = await db
        .insertInto('pioneer_standards')
        .values({ org_id: null, type: s.type, version: 1, name: s.name, weights: JSON.stringify(s.weights), created_by: null, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('pioneer_criteria')
        .values(s.criteria.map((c, i) => ({ standard_id: id, dimension: c.dimension, position: i + 1, title: c.title, description: c.description, max_points: c.maxPoints })))
        .execute();
    }
  },
};
