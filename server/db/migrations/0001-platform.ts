import type { Kysely, Migration } from 'kysely';
import { withId } from './helpers.ts';

export const platform: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('orgs'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('level', 'text')
      .addColumn('basis', 'text')
      .addColumn('parent_id', 'integer', (c) => c.references('orgs.id'))
      .addColumn('region', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('closed_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('orgs_parent_idx').on('orgs').column('parent_id').execute();

    // Closure table: one row per (ancestor, descendant) pair, including each org with itself at
    // depth 0, so "the whole subtree of X" is one indexed lookup on ancestor_id.
    await db.schema
      .createTable('org_closure')
      .addColumn('ancestor_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('descendant_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('depth', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('org_closure_pk', ['ancestor_id', 'descendant_id'])
      .execute();
    await db.schema.createIndex('org_closure_descendant_idx').on('org_closure').columns(['descendant_id', 'depth']).execute();

    await withId(db, db.schema.createTable('enterprises'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('uscc', 'text', (c) => c.notNull().unique())
      .addColumn('industry', 'text')
      .addColumn('founded_on', 'text')
      .addColumn('new_economy', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('enterprises_org_idx').on('enterprises').column('org_id').execute();

    await withId(db, db.schema.createTable('teams'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('teams_enterprise_idx').on('teams').column('enterprise_id').execute();

    await withId(db, db.schema.createTable('users'))
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('phone_enc', 'text')
      .addColumn('phone_hash', 'text', (c) => c.unique())
      .addColumn('home_org_id', 'integer', (c) => c.references('orgs.id'))
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed_since', 'text')
      .addColumn('locked_until', 'text')
      .addColumn('last_login_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('users_home_org_idx').on('users').column('home_org_id').execute();

    await withId(db, db.schema.createTable('role_grants'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('org_id', 'integer', (c) => c.references('orgs.id'))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('role_grants_unique', ['user_id', 'role', 'org_id'])
      .execute();
    await db.schema.createIndex('role_grants_org_idx').on('role_grants').column('org_id').execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('ip', 'text')
      .execute();
    await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

    await withId(db, db.schema.createTable('audit_log'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text')
      .addColumn('org_id', 'integer')
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .addColumn('ip', 'text')
      .execute();
    await db.schema.createIndex('audit_log_org_at_idx').on('audit_log').columns(['org_id', 'at']).execute();
    await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();
  },
};
