/**
 * Synthetic county at scale for benchmarks: `npm run bench:data -- --members 1000000 --orgs 20000`.
 * Writes into the database the app would open (DATABASE_URL, else the embedded SQLite file in
 * GONGHUI_DATA_DIR — same settings as server/config.ts), migrated first, with the app's
 * encryption key, so `npm start` on the same settings serves it.
 *
 * The tree: county → streets → joint and single unions → enterprises → teams, plus enterprises
 * with no union yet. Members carry valid-checksum fictional ID numbers, encrypted and hashed as the
 * app does (platform/pii.ts), member numbers from the app's `member_no` sequence, org_closure rows
 * for every org. Also: join applications (some overdue), cadre and member accounts with real
 * argon2 passwords, and activities with registrations.
 *
 * Rows go in through bulk statements, not the services: multi-row INSERTs of up to ~32,000
 * parameters in transactions of ~100,000 rows on SQLite; INSERT … SELECT FROM unnest(arrays) on
 * PostgreSQL. `generateCounty` is the library entry point (bench/run.ts, the smoke test).
 */
import { CompiledQuery } from 'kysely';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../server/config.ts';
import { nextSequence, openDatabase, type Db, type Engine, type Tx } from '../server/db/database.ts';
import { migrateToLatest } from '../server/migrations.ts';
import { createPii, resolveMasterKey, type Pii } from '../server/platform/pii.ts';
import { hashPassword } from '../server/platform/passwords.ts';
import { makeIdNumber, makeUscc } from '../server/platform/identity.ts';
import { formatMemberNo, genderOf } from '../server/modules/members/rules.ts';
import { phoneTailHash } from '../server/modules/members/phones.ts';
import { shanghaiDate } from '../server/platform/dates.ts';

/** The password of every generated account. */
export const BENCH_PASSWORD = 'Bench-County-2026';

export interface GenerateOptions {
  members: number;
  orgs: number;
  /** Member accounts (users linked to a member), for sign-up contention and the portal. */
  memberAccounts?: number;
  /** Progress lines; silent by default. */
  log?: (line: string) => void;
}

export interface Target {
  db: Db;
  engine: Engine;
  pii: Pii;
  clock: () => Date;
}

export interface GeneratedCounty {
  countyId: number;
  streetIds: number[];
  /** Logins, all with BENCH_PASSWORD. */
  countyCadre: string;
  streetCadre: string;
  /** The street the street cadre holds. */
  streetId: number;
  /** Member logins (first few of the member accounts), each linked to a member. */
  memberLogins: string[];
  /** user id → member id of every member account. */
  memberAccounts: { userId: number; memberId: number; username: string }[];
  rows: Record<string, number>;
  seconds: number;
}

// ---------- bulk insert, one path per engine ----------

type Column = [name: string, pgType: 'text' | 'int'];
type Row = (string | number | null)[];

const SQLITE_MAX_PARAMS = 32_000;
const PG_BATCH = 10_000;

/** Inserts rows (arrays in column order) in as few statements as each engine allows. */
async function bulkInsert(tx: Tx, engine: Engine, table: string, columns: Column[], rows: Row[]): Promise<void> {
  const names = columns.map((c) => c[0]).join(', ');
  if (engine === 'postgres') {
    const arrays = columns.map((c, i) => `$${i + 1}::${c[1]}[]`).join(', ');
    const text = `insert into ${table} (${names}) select * from unnest(${arrays})`;
    for (let start = 0; start < rows.length; start += PG_BATCH) {
      const batch = rows.slice(start, start + PG_BATCH);
      await tx.executeQuery(CompiledQuery.raw(text, columns.map((_, i) => batch.map((r) => r[i]))));
    }
    return;
  }
  const perStatement = Math.floor(SQLITE_MAX_PARAMS / columns.length);
  const tuple = `(${columns.map(() => '?').join(',')})`;
  let text = '';
  let textRows = 0;
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    if (batch.length !== textRows) {
      text = `insert into ${table} (${names}) values ${Array(batch.length).fill(tuple).join(',')}`;
      textRows = batch.length;
    }
    await tx.executeQuery(CompiledQuery.raw(text, batch.flat()));
  }
}

/** Big transactions: one per `chunk` rows, so neither engine holds a million rows' undo at once. */
async function insertChunked(db: Db, engine: Engine, table: string, columns: Column[], rows: Row[], chunk = 100_000) {
  for (let start = 0; start < rows.length; start += chunk) {
    await db.transaction().execute((tx) => bulkInsert(tx, engine, table, columns, rows.slice(start, start + chunk)));
  }
}

async function nextId(db: Db, table: 'orgs' | 'enterprises' | 'teams' | 'users' | 'members' | 'seat_pools' | 'activities'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.max<number>('id').as('max')).executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** Rows were inserted with explicit ids: move PostgreSQL's identity sequences past them. */
async function syncIdentities(db: Db, engine: Engine, tables: string[]) {
  if (engine !== 'postgres') return;
  for (const t of tables) {
    await db.executeQuery(CompiledQuery.raw(`select setval(pg_get_serial_sequence('${t}', 'id'), coalesce((select max(id) from ${t}), 0) + 1, false)`));
  }
}

// ---------- the shape of the county ----------

interface OrgNode {
  id: number;
  name: string;
  kind: 'federation' | 'joint_union' | 'grassroots_union';
  level: 'county' | 'street' | null;
  parent: OrgNode | null;
}

const STREET_NAMES = ['魏塘', '罗星', '惠民', '西塘', '姚庄', '大云', '天凝', '干窑', '陶庄', '东城', '南湖', '北港', '新城', '滨江', '湖畔', '云溪', '青山', '长安', '丰收', '和平'];
const INDUSTRIES = ['五金制造', '电子商务', '物流配送', '食品加工', '软件开发', '清洁服务', '纺织服装', '机械制造', '文化旅游', '物业管理'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
/** Characters of given names: one or two of them, so ~1.4 million distinct names, about as varied as real ones. */
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂建华晓东海燕志丽文博思远雨欣子涵浩宇梓轩一诺欣怡佳琪俊杰嘉怡宇航晨曦雅婷国庆春梅红兵玉兰德胜凤霞金龙淑珍永福家豪天佑少华振宇立新卫东晓光美玲秋菊长江爱民建军小燕丹丹亚楠鹏飞';

/** The i-th member's name: a surname and one or two given characters, spread so no name is common. */
function memberName(i: number): string {
  const first = GIVEN[(i * 31) % GIVEN.length];
  const second = i % 3 === 0 ? '' : GIVEN[(i * 17 + Math.floor(i / GIVEN.length)) % GIVEN.length];
  return `${SURNAMES[(i * 7) % SURNAMES.length]}${first}${second}`;
}
const REGION = '330421';

/** Streets ~1 per 1,000 orgs (2 to 30); under each, one joint union per ten single unions. */
function buildTree(total: number, firstId: number): OrgNode[] {
  let id = firstId;
  const county: OrgNode = { id: id++, name: '基准县总工会', kind: 'federation', level: 'county', parent: null };
  const nodes = [county];
  const streets = Math.max(2, Math.min(30, Math.round(total / 1000)));
  const unions = Math.max(streets, total - 1 - streets);
  for (let s = 0; s < streets; s++) {
    const street: OrgNode = { id: id++, name: `${STREET_NAMES[s % STREET_NAMES.length]}${s >= STREET_NAMES.length ? s : ''}街道总工会`, kind: 'federation', level: 'street', parent: county };
    nodes.push(street);
    const count = Math.floor(unions / streets) + (s < unions % streets ? 1 : 0);
    for (let u = 0; u < count; u++) {
      const joint = u % 11 === 10;
      nodes.push({ id: id++, name: joint ? `${street.name.slice(0, 2)}第${u}联合工会` : `基准企业${id}工会`, kind: joint ? 'joint_union' : 'grassroots_union', level: null, parent: street });
    }
  }
  return nodes;
}

function ancestorsOf(node: OrgNode): OrgNode[] {
  const chain: OrgNode[] = [];
  for (let n: OrgNode | null = node; n; n = n.parent) chain.push(n);
  return chain;
}

/** Members per holding org: uneven (1× to 9× a base share), summing exactly to `total`. */
function memberCounts(holders: OrgNode[], total: number): number[] {
  const weights = holders.map((h, i) => (h.kind === 'joint_union' ? 12 : 1 + ((i * 7919) % 9)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / sum) * total));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % counts.length, left--) counts[i]++;
  return counts;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const DAY = 86400_000;
const BIRTH_DAYS = 40 * 365;

/** About 2% have left and 6% are retained (retired), the rest are members. */
const memberStatus = (i: number) => (i % 43 === 7 ? 'left' : i % 17 === 3 ? 'retained' : 'member');

/** The i-th member's fictional identity: unique ID number and phone for up to ~14 million members. */
function identity(i: number) {
  const birth = new Date(Date.UTC(1966, 0, 1) + ((i * 7919) % BIRTH_DAYS) * DAY).toISOString().slice(0, 10);
  const region = String(Number(REGION) + Math.floor(i / (BIRTH_DAYS * 1000)));
  const idNumber = makeIdNumber(region, birth, Math.floor(i / BIRTH_DAYS));
  return { birth, idNumber, phone: `13${pad(i, 9)}` };
}

// ---------- generation ----------

export async function generateCounty(target: Target, opts: GenerateOptions): Promise<GeneratedCounty> {
  const { db, engine, pii } = target;
  const log = opts.log ?? (() => {});
  const started = performance.now();
  const now = target.clock();
  const nowIso = now.toISOString();
  const today = shanghaiDate(now);
  const rows: Record<string, number> = {};
  const timed = async (table: string, columns: Column[], data: Row[]) => {
    const t = performance.now();
    await insertChunked(db, engine, table, columns, data);
    const s = (performance.now() - t) / 1000;
    rows[table] = (rows[table] ?? 0) + data.length;
    log(`  ${table.padEnd(22)} ${String(data.length).padStart(9)} rows  ${s.toFixed(1).padStart(6)} s  ${Math.round(data.length / Math.max(s, 1e-3)).toLocaleString().padStart(9)} rows/s`);
  };

  // Orgs and their closure.
  const tree = buildTree(opts.orgs, await nextId(db, 'orgs'));
  const county = tree[0];
  const streets = tree.filter((o) => o.level === 'street');
  await timed('orgs', [['id', 'int'], ['name', 'text'], ['kind', 'text'], ['level', 'text'], ['basis', 'text'], ['parent_id', 'int'], ['region', 'text'], ['status', 'text'], ['created_at', 'text'], ['updated_at', 'text']],
    tree.map((o) => [o.id, o.name, o.kind, o.level, o.kind === 'joint_union' ? 'building' : null, o.parent?.id ?? null, o.level ? o.name.slice(0, -3) : null, 'active', nowIso, nowIso]));
  await timed('org_closure', [['ancestor_id', 'int'], ['descendant_id', 'int'], ['depth', 'int']],
    tree.flatMap((o) => ancestorsOf(o).map((a, depth) => [a.id, o.id, depth])));

  // Enterprises: one per single union, four per joint union, one in twenty with no union yet.
  const enterprises: { id: number; orgId: number }[] = [];
  const enterpriseRows: Row[] = [];
  let enterpriseId = await nextId(db, 'enterprises');
  const addEnterprise = (orgId: number, unionless: boolean) => {
    const id = enterpriseId++;
    enterprises.push({ id, orgId });
    const founded = `${1995 + (id % 30)}-${pad(1 + (id % 12))}-${pad(1 + (id % 28))}`;
    enterpriseRows.push([id, `基准${INDUSTRIES[id % INDUSTRIES.length]}有限公司${id}`, makeUscc(REGION, id), INDUSTRIES[id % INDUSTRIES.length], founded, unionless || id % 5 === 0 ? 1 : 0, orgId, 'active', nowIso, nowIso]);
  };
  const holders = tree.filter((o) => o.kind !== 'federation');
  holders.forEach((h, i) => {
    for (let k = 0; k < (h.kind === 'joint_union' ? 4 : 1); k++) addEnterprise(h.id, false);
    if (i % 20 === 0) addEnterprise(h.parent!.id, true);
  });
  await timed('enterprises', [['id', 'int'], ['name', 'text'], ['uscc', 'text'], ['industry', 'text'], ['founded_on', 'text'], ['new_economy', 'int'], ['org_id', 'int'], ['status', 'text'], ['created_at', 'text'], ['updated_at', 'text']], enterpriseRows);
  const teamKinds = ['workshop', 'office', 'crew', 'project'];
  await timed('teams', [['enterprise_id', 'int'], ['name', 'text'], ['kind', 'text'], ['status', 'text'], ['created_at', 'text'], ['updated_at', 'text']],
    enterprises.flatMap((e) => [0, 1].map((k) => [e.id, k === 0 ? '生产车间' : '综合办公室', teamKinds[(e.id + k) % 4], 'active', nowIso, nowIso])));

  // Accounts: one hash per password, as the app stores it; many accounts may share it.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  let userId = await nextId(db, 'users');
  const street = streets[0];
  const cadres = [
    { id: userId++, username: 'bench_county', name: '县总干部', org: county.id },
    { id: userId++, username: 'bench_street', name: '街道干部', org: street.id },
  ];
  const applicantId = userId++;
  const accountCount = Math.min(opts.memberAccounts ?? 1000, opts.members);

  // Members, clustered by org as imports leave them; some of each org's first members get
  // accounts. Planned first (plain numbers), then encrypted and written 100,000 at a time so a
  // million rows never sit in memory at once.
  const counts = memberCounts(holders, opts.members);
  const perHolder = Math.ceil(accountCount / holders.length);
  const firstMember = await nextId(db, 'members');
  const enterprisesOf = new Map<number, number[]>();
  for (const e of enterprises) enterprisesOf.set(e.orgId, [...(enterprisesOf.get(e.orgId) ?? []), e.id]);
  const memberAccounts: (GeneratedCounty['memberAccounts'][number] & { orgId: number })[] = [];
  const plan = { org: new Int32Array(opts.members), enterprise: new Int32Array(opts.members), user: new Int32Array(opts.members) };
  let i = 0;
  holders.forEach((h, hi) => {
    const own = enterprisesOf.get(h.id) ?? [];
    for (let k = 0; k < counts[hi]; k++, i++) {
      plan.org[i] = h.id;
      plan.enterprise[i] = own.length ? own[k % own.length] : 0;
      if (memberAccounts.length < accountCount && memberStatus(i) === 'member' && k < perHolder) {
        plan.user[i] = userId++;
        memberAccounts.push({ userId: plan.user[i], memberId: firstMember + i, username: `bench_m${memberAccounts.length + 1}`, orgId: h.id });
      }
    }
  });
  const userRows: Row[] = [
    ...cadres.map((c) => [c.id, c.username, c.name, passwordHash, c.org]),
    [applicantId, 'bench_applicant', '申请人', passwordHash, null],
    ...memberAccounts.map((m) => [m.userId, m.username, `职工${m.username.slice(7)}`, passwordHash, m.orgId]),
  ];
  await timed('users', [['id', 'int'], ['username', 'text'], ['display_name', 'text'], ['password_hash', 'text'], ['home_org_id', 'int'], ['disabled', 'int'], ['failed_logins', 'int'], ['created_at', 'text'], ['updated_at', 'text']],
    userRows.map((r) => [...r, 0, 0, nowIso, nowIso]));
  await timed('role_grants', [['user_id', 'int'], ['role', 'text'], ['org_id', 'int'], ['created_at', 'text']], cadres.map((c) => [c.id, 'cadre', c.org, nowIso]));

  const firstNo = await db.transaction().execute((tx) => nextSequence(tx, 'member_no', opts.members));
  const memberColumns: Column[] = [
    ['id', 'int'], ['name', 'text'], ['id_number_enc', 'text'], ['id_number_hash', 'text'], ['phone_enc', 'text'], ['phone_hash', 'text'], ['phone_tail_hash', 'text'], ['birth_date', 'text'], ['gender', 'text'],
    ['org_id', 'int'], ['enterprise_id', 'int'], ['employer_name', 'text'], ['status', 'text'], ['retained_reason', 'text'],
    ['member_no', 'text'], ['joined_on', 'text'], ['left_on', 'text'], ['user_id', 'int'], ['source', 'text'], ['created_at', 'text'], ['updated_at', 'text'],
  ];
  const memberRow = (i: number): Row => {
    const { birth, idNumber, phone } = identity(i);
    // Joined evenly over the last ten years: a tenth of the roll in the last 12 months.
    const daysAgo = (i * 7907) % 3650;
    const joined = new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
    const status = memberStatus(i);
    const enterprise = plan.enterprise[i] || null;
    return [
      firstMember + i, memberName(i),
      pii.encrypt(idNumber), pii.hash(idNumber), pii.encrypt(phone), pii.hash(phone), phoneTailHash(pii, phone), birth, genderOf(idNumber),
      plan.org[i], enterprise, enterprise ? null : '个体经营', status, status === 'retained' ? 'retired' : null,
      formatMemberNo(joined.slice(0, 4), firstNo + i), joined, status === 'left' ? today : null, plan.user[i] || null, 'import', nowIso, nowIso,
    ];
  };
  const t0 = performance.now();
  for (let start = 0; start < opts.members; start += 100_000) {
    const end = Math.min(opts.members, start + 100_000);
    const batch: Row[] = [];
    for (let j = start; j < end; j++) batch.push(memberRow(j));
    await db.transaction().execute((tx) => bulkInsert(tx, engine, 'members', memberColumns, batch));
    const s = (performance.now() - t0) / 1000;
    log(`  members ${end.toLocaleString().padStart(20)}  ${s.toFixed(1).padStart(6)} s  ${Math.round(end / s).toLocaleString().padStart(9)} rows/s (encrypt + hash + insert)`);
  }
  rows.members = opts.members;

  // Skill-level records: one member in five holds a certificate, 5 % of them at level 3 or above
  // (安胜科技's 43 of 812), the rest at levels 4 and 5; one in fifty voided.
  const skillRows: Row[] = [];
  for (let j = 0; j < opts.members; j += 5) {
    const r = (j * 7919) % 1000;
    const level = r < 2 ? 1 : r < 10 ? 2 : r < 53 ? 3 : r < 400 ? 4 : 5;
    skillRows.push([firstMember + j, '钳工', level, `B${String(j).padStart(10, '0')}`, '2024-06-30', '基准企业', 'enterprise', 'import', j % 250 === 0 ? 'voided' : 'valid', nowIso]);
  }
  await timed('skill_levels', [['member_id', 'int'], ['occupation', 'text'], ['level', 'int'], ['certificate_no', 'text'], ['issued_on', 'text'], ['issuer', 'text'], ['issuer_kind', 'text'], ['source', 'text'], ['status', 'text'], ['created_at', 'text']], skillRows);

  // Join applications: one per 200 members (at least 10), a third of them overdue.
  const appCount = Math.max(10, Math.floor(opts.members / 200));
  const appRows: Row[] = [];
  for (let a = 0; a < appCount; a++) {
    const { idNumber, phone } = identity(opts.members + a);
    const org = holders[(a * 31) % holders.length];
    const created = new Date(now.getTime() - (a % 3 === 0 ? 40 : a % 5) * DAY).toISOString();
    appRows.push([applicantId, `申请人${a}`, pii.encrypt(idNumber), pii.hash(idNumber), pii.encrypt(phone), pii.hash(phone), org.id, null, '基准企业', created, 'pending', pii.hash(idNumber), created]);
  }
  await timed('join_applications', [['user_id', 'int'], ['name', 'text'], ['id_number_enc', 'text'], ['id_number_hash', 'text'], ['phone_enc', 'text'], ['phone_hash', 'text'], ['org_id', 'int'], ['enterprise_id', 'int'], ['employer_name', 'text'], ['consent_at', 'text'], ['status', 'text'], ['open_key', 'text'], ['created_at', 'text']], appRows);

  // Activities: three per street and three county-wide, a week or more ahead, each with a seat
  // pool; every member account registers for the three county-wide ones and its street's first.
  const activityOrgs = [county, county, county, ...streets.flatMap((s) => [s, s, s])];
  let poolId = await nextId(db, 'seat_pools');
  let activityId = await nextId(db, 'activities');
  const at = (days: number) => new Date(Math.floor(now.getTime() / DAY) * DAY + days * DAY + 6 * 3600_000).toISOString();
  const activityRows: Row[] = [];
  const poolRows: Row[] = [];
  const firstActivity: Map<number, number> = new Map();
  activityOrgs.forEach((org, n) => {
    const id = activityId++;
    if (!firstActivity.has(org.id)) firstActivity.set(org.id, id);
    poolRows.push([poolId, 100_000, 0]);
    activityRows.push([id, org.id, org === county && n === 0 ? 1 : 0, `${org.name}职工活动${n + 1}`, 'sports', '职工活动中心', at(7 + (n % 20)), at(7 + (n % 20) + 1 / 12), poolId++, 1, 'published', cadres[0].id, nowIso, nowIso]);
  });
  const countyActivities = activityRows.slice(0, 3).map((r) => r[0] as number);
  const streetOf = new Map<number, number>();
  for (const o of holders) streetOf.set(o.id, o.parent!.id);
  const regRows: Row[] = [];
  const taken = new Map<number, number>();
  for (const m of memberAccounts) {
    for (const a of [...countyActivities, firstActivity.get(streetOf.get(m.orgId)!)!]) {
      regRows.push([a, m.userId, m.memberId, 'confirmed', `B${a}U${m.userId}`, `${a}:${m.userId}`, nowIso]);
      taken.set(a, (taken.get(a) ?? 0) + 1);
    }
  }
  const firstAct = activityRows[0][0] as number;
  for (const [a, n] of taken) poolRows[a - firstAct][2] = n;
  await timed('seat_pools', [['id', 'int'], ['capacity', 'int'], ['taken', 'int']], poolRows);
  await timed('activities', [['id', 'int'], ['org_id', 'int'], ['open_to_all', 'int'], ['title', 'text'], ['kind', 'text'], ['place', 'text'], ['starts_at', 'text'], ['ends_at', 'text'], ['seat_pool_id', 'int'], ['members_only', 'int'], ['status', 'text'], ['created_by', 'int'], ['created_at', 'text'], ['updated_at', 'text']], activityRows);
  await timed('activity_registrations', [['activity_id', 'int'], ['user_id', 'int'], ['member_id', 'int'], ['status', 'text'], ['code', 'text'], ['open_key', 'text'], ['created_at', 'text']], regRows);

  await syncIdentities(db, engine, ['orgs', 'enterprises', 'teams', 'users', 'role_grants', 'members', 'join_applications', 'seat_pools', 'activities', 'activity_registrations']);
  return {
    countyId: county.id,
    streetIds: streets.map((s) => s.id),
    countyCadre: 'bench_county',
    streetCadre: 'bench_street',
    streetId: street.id,
    memberLogins: memberAccounts.slice(0, 3).map((m) => m.username),
    memberAccounts: memberAccounts.map(({ orgId: _, ...m }) => m),
    rows,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * The county a previous `bench:data` run left in `db` (its accounts are found by name), or null
 * when it holds none: so a bench at 10 million members can measure a database generated once.
 */
export async function describeCounty(db: Db): Promise<Omit<GeneratedCounty, 'rows' | 'seconds'> | null> {
  const grant = async (username: string) =>
    db.selectFrom('users').innerJoin('role_grants', 'role_grants.user_id', 'users.id').select('role_grants.org_id').where('users.username', '=', username).executeTakeFirst();
  const [county, street] = await Promise.all([grant('bench_county'), grant('bench_street')]);
  if (!county || !street) return null;
  const streets = await db.selectFrom('orgs').select('id').where('parent_id', '=', county.org_id!).where('level', '=', 'street').orderBy('id').execute();
  const accounts = await db
    .selectFrom('users')
    .innerJoin('members', 'members.user_id', 'users.id')
    .select(['users.id as userId', 'members.id as memberId', 'users.username'])
    .where('users.username', 'like', 'bench_m%')
    .orderBy('users.id')
    .execute();
  return {
    countyId: county.org_id!,
    streetIds: streets.map((s) => s.id),
    countyCadre: 'bench_county',
    streetCadre: 'bench_street',
    streetId: street.org_id!,
    memberLogins: accounts.slice(0, 3).map((m) => m.username),
    memberAccounts: accounts,
  };
}

// ---------- command line ----------

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

/** Opens the database the app would open, migrates it and generates the county into it. */
export async function generateInto(env: NodeJS.ProcessEnv, opts: GenerateOptions): Promise<GeneratedCounty> {
  const config = loadConfig(env);
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const pii = createPii(resolveMasterKey(config.encryptionKey, config.dataDir));
    const fast = database.engine === 'sqlite';
    // A bench load, not a live database: durability can wait until the end.
    if (fast) await database.db.executeQuery(CompiledQuery.raw('pragma synchronous = OFF'));
    if (fast) await database.db.executeQuery(CompiledQuery.raw('pragma cache_size = -262144'));
    const result = await generateCounty({ db: database.db, engine: database.engine, pii, clock: () => new Date() }, opts);
    // Statistics for the planners, and on PostgreSQL the visibility map index-only scans need:
    // a live database gets both from autovacuum, a freshly loaded one not yet.
    if (fast) await database.db.executeQuery(CompiledQuery.raw('pragma wal_checkpoint(TRUNCATE)'));
    await database.db.executeQuery(CompiledQuery.raw(fast ? 'analyze' : 'vacuum analyze'));
    return result;
  } finally {
    await database.close();
  }
}

async function main() {
  const members = arg('members', 100_000);
  const orgs = arg('orgs', 2_000);
  const accounts = arg('accounts', 1_000);
  const config = loadConfig();
  console.log(`bench:data → ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}: ${members.toLocaleString()} members, ${orgs.toLocaleString()} orgs`);
  const r = await generateInto(process.env, { members, orgs, memberAccounts: accounts, log: console.log });
  const total = Object.values(r.rows).reduce((a, b) => a + b, 0);
  console.log(`done: ${total.toLocaleString()} rows in ${r.seconds.toFixed(1)} s (${Math.round(total / r.seconds).toLocaleString()} rows/s; members ${Math.round(members / r.seconds).toLocaleString()}/s overall)`);
  console.log(`logins (password ${BENCH_PASSWORD}): ${r.countyCadre} (county), ${r.streetCadre} (street ${r.streetId}), ${r.memberLogins.join(', ')} (members)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
