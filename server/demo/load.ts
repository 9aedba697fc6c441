import type { Caller, Deps } from '../platform/context.ts';
import { idBirthDate, makeIdNumber, makeUscc } from '../platform/identity.ts';
import { nextSequence } from '../db/database.ts';
import { formatMemberNo, genderOf } from '../modules/members/rules.ts';
import { phoneColumns } from '../modules/members/phones.ts';
import { createApplication, escalateOverdue } from '../modules/members/applications.ts';
import * as activities from '../modules/activities/service.ts';
import * as contests from '../modules/contests/service.ts';
import * as orgs from '../modules/orgs/service.ts';
import * as ent from '../modules/orgs/enterprises.ts';
import * as accounts from '../modules/accounts/index.ts';
import { seedPioneerDemo } from '../modules/pioneer/demo.ts';
import { seedArticlesDemo } from '../modules/articles/demo.ts';
import { anshengRecords, seedSkillRecords, type DemoRecord } from '../modules/skills/demo.ts';
import { today } from '../platform/dates.ts';
import { seedCompetitionsDemo } from '../modules/competitions/demo.ts';
import { seedHonoursDemo } from '../modules/honours/demo.ts';
import { seedBargainingDemo } from '../modules/bargaining/demo.ts';
import { seedRatingsDemo } from '../modules/ratings/demo.ts';
import { seedRightsDemo } from '../modules/rights/demo.ts';
import { seedHardshipDemo } from '../modules/hardship/demo.ts';
import { seedRecuperationDemo } from '../modules/recuperation/demo.ts';
import { seedFundraisingDemo } from '../modules/fundraising/demo.ts';
import { seedBenefitsDemo } from '../modules/benefits/demo.ts';
import { seedVenuesDemo } from '../modules/venues/demo.ts';
import { seedTrainingDemo } from '../modules/training/demo.ts';
import { seedCobuildingDemo } from '../modules/cobuilding/demo.ts';
import { seedVolunteersDemo } from '../modules/volunteers/demo.ts';
import { seedWishesDemo } from '../modules/wishes/demo.ts';
import { seedSocialPicks, seedSocialSettings } from '../modules/socials/demo.ts';

/**
 * The demo county, modelled on the source newspaper page: 嘉善县总工会 with its streets and towns,
 * a building joint union, a small-town joint union with three branches, single unions, enterprises
 * (some without a union yet) and their teams, plus one account per kind of user. The page gives
 * no enterprise's headcount (职工人数) in 嘉善, only 云创青年小镇's whole area (1,100+ workers in 100+
 * units): the demo's headcounts are sized to its small sample roll, so the rates look like a
 * county's (most workers of a unionized enterprise are members), not like real firms' sizes.
 * Loaded through the services, so the audit log tells how it was built.
 */
export const DEMO_PASSWORD = 'Gonghui@2026';

type Team = [name: string, kind: 'workshop' | 'office' | 'crew' | 'project'];
interface DemoEnterprise {
  name: string;
  industry: string;
  foundedOn: string;
  /** 职工人数, where known */
  employees?: number;
  newEconomy?: boolean;
  teams?: Team[];
}
interface DemoOrg {
  name: string;
  kind: 'federation' | 'joint_union' | 'grassroots_union' | 'branch';
  level?: 'county' | 'street' | 'town';
  basis?: 'building' | 'area' | 'industry' | 'town';
  region?: string;
  enterprises?: DemoEnterprise[];
  children?: DemoOrg[];
}

const single = (enterprise: DemoEnterprise): DemoOrg => ({
  name: `${enterprise.name}工会`,
  kind: 'grassroots_union',
  enterprises: [enterprise],
});

const county: DemoOrg = {
  name: '嘉善县总工会',
  kind: 'federation',
  level: 'county',
  region: '浙江省嘉兴市嘉善县',
  children: [
    {
      name: '魏塘街道总工会',
      kind: 'federation',
      level: 'street',
      region: '嘉善县魏塘街道',
      enterprises: [
        { name: '嘉善云帆网络科技有限公司', industry: '信息技术', foundedOn: '2023-03-18', employees: 12, newEconomy: true },
        { name: '嘉善小桥文化传媒工作室', industry: '文化创意', foundedOn: '2026-06-01', newEconomy: true },
      ],
      children: [
        single({
          name: '浙江亿力清洁有限公司',
          industry: '清洁服务',
          foundedOn: '2006-04-12',
          employees: 21,
          teams: [['保洁服务一班', 'crew'], ['设备维修车间', 'workshop'], ['质量管理科', 'office']],
        }),
        single({
          name: '嘉善精工五金制品有限公司',
          industry: '五金制造',
          foundedOn: '2001-09-30',
          employees: 28,
          teams: [['冲压车间', 'workshop'], ['装配车间', 'workshop'], ['技术研发科', 'office']],
        }),
        {
          name: '坤和大厦楼宇联合工会',
          kind: 'joint_union',
          basis: 'building',
          region: '魏塘街道坤和大厦',
          enterprises: [
            { name: '嘉善坤和物业服务有限公司', industry: '物业管理', foundedOn: '2012-05-20', employees: 14, teams: [['客服中心', 'office'], ['安保班组', 'crew']] },
            { name: '浙江善通律师事务所', industry: '法律服务', foundedOn: '2015-11-02', employees: 13, newEconomy: true },
            { name: '嘉善数联电子商务有限公司', industry: '电子商务', foundedOn: '2019-08-08', employees: 14, newEconomy: true, teams: [['直播运营项目组', 'project']] },
          ],
        },
      ],
    },
    {
      name: '罗星街道总工会',
      kind: 'federation',
      level: 'street',
      region: '嘉善县罗星街道',
      enterprises: [{ name: '嘉善快达同城配送站', industry: '物流配送', foundedOn: '2024-02-26', employees: 9, newEconomy: true }],
      children: [
        single({
          name: '浙江顺虎铝业有限公司',
          industry: '有色金属加工',
          foundedOn: '2003-07-15',
          employees: 45,
          teams: [['熔铸车间', 'workshop'], ['挤压车间', 'workshop'], ['安全生产科', 'office']],
        }),
        {
          name: '云创青年小镇工会联合会',
          kind: 'joint_union',
          basis: 'town',
          region: '罗星街道云创青年小镇',
          children: [
            { name: '云创小镇第一分会', kind: 'branch', enterprises: [{ name: '嘉善云创孵化器管理有限公司', industry: '科技服务', foundedOn: '2017-10-10', employees: 45, newEconomy: true, teams: [['创业服务部', 'office']] }] },
            { name: '云创小镇第二分会', kind: 'branch', enterprises: [{ name: '嘉善智造软件有限公司', industry: '软件开发', foundedOn: '2018-03-01', employees: 52, newEconomy: true, teams: [['算法项目组', 'project']] }] },
            { name: '云创小镇第三分会', kind: 'branch', enterprises: [{ name: '嘉善青创设计有限公司', industry: '工业设计', foundedOn: '2020-06-18', employees: 30, newEconomy: true }] },
          ],
        },
      ],
    },
    {
      name: '惠民街道总工会',
      kind: 'federation',
      level: 'street',
      region: '嘉善县惠民街道',
      children: [single({ name: '嘉善惠民食品有限公司', industry: '食品加工', foundedOn: '2009-12-01', employees: 31, teams: [['包装车间', 'workshop'], ['品控科', 'office']] })],
    },
    { name: '西塘镇总工会', kind: 'federation', level: 'town', region: '嘉善县西塘镇', children: [single({ name: '西塘古镇旅游发展有限公司', industry: '文化旅游', foundedOn: '2002-01-08', employees: 39, teams: [['游客服务中心', 'office'], ['景区讲解班组', 'crew']] })] },
    { name: '姚庄镇总工会', kind: 'federation', level: 'town', region: '嘉善县姚庄镇', children: [single({ name: '嘉善姚庄精密机械有限公司', industry: '机械制造', foundedOn: '2011-04-22', employees: 22, teams: [['数控车间', 'workshop']] })] },
    { name: '大云镇总工会', kind: 'federation', level: 'town', region: '嘉善县大云镇' },
    { name: '天凝镇总工会', kind: 'federation', level: 'town', region: '嘉善县天凝镇' },
    { name: '干窑镇总工会', kind: 'federation', level: 'town', region: '嘉善县干窑镇' },
    { name: '陶庄镇总工会', kind: 'federation', level: 'town', region: '嘉善县陶庄镇' },
  ],
};

export async function loadDemo(deps: Deps): Promise<boolean> {
  const existing = await deps.db.selectFrom('orgs').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const admin = await deps.db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', 'admin').executeTakeFirstOrThrow();
  // the platform admin's own grant, so services that derive a write scope from grants see the admin
  const grants = (await deps.db.selectFrom('role_grants').select(['id', 'role', 'org_id']).where('user_id', '=', admin.id).where('role', '=', 'admin').execute()).map((g) => ({ id: g.id, role: g.role, orgId: g.org_id }));
  const caller: Caller = {
    user: { id: admin.id, username: admin.username, displayName: admin.display_name, grants, sessionId: '', csrfToken: '' },
    scope: { all: true, roots: [] },
    actor: { userId: admin.id, ip: null, now: deps.clock().toISOString() },
    lang: 'zh',
  };
  const ids = new Map<string, number>();
  let seq = 1;
  async function create(node: DemoOrg, parentId: number | null) {
    const org = await orgs.createOrg(deps, caller, {
      name: node.name,
      kind: node.kind,
      parentId,
      level: node.level ?? null,
      basis: node.basis ?? null,
      region: node.region ?? null,
    });
    ids.set(node.name, org.id);
    for (const e of node.enterprises ?? []) {
      const enterprise = await ent.createEnterprise(deps, caller, {
        name: e.name,
        uscc: makeUscc('330421', seq++),
        orgId: org.id,
        industry: e.industry,
        foundedOn: e.foundedOn,
        employees: e.employees ?? null,
        newEconomy: e.newEconomy ?? false,
      });
      for (const [name, kind] of e.teams ?? []) await ent.createTeam(deps, caller, { name, kind, enterpriseId: enterprise.id });
    }
    for (const child of node.children ?? []) await create(child, org.id);
  }
  await create(county, null);

  const people: [username: string, displayName: string, role: 'cadre' | 'viewer' | 'card_verifier' | 'member', org: string, phone?: string][] = [
    ['jiashan', '沈建华', 'cadre', '嘉善县总工会', '13800000010'],
    ['weitang', '韩玲玉', 'cadre', '魏塘街道总工会', '13800000011'],
    ['luoxing', '王夏露', 'cadre', '罗星街道总工会', '13800000012'],
    ['viewer', '钟迪良', 'viewer', '嘉善县总工会', '13800000013'],
    // A partner venue giving the county's members a discount checks their e-cards (会员卡核验员).
    ['venue', '西塘古镇游客服务中心', 'card_verifier', '嘉善县总工会'],
    ['worker', '李小芳', 'member', '浙江亿力清洁有限公司工会', '13800000001'],
  ];
  const userIds = new Map<string, number>();
  for (const [username, displayName, role, orgName, phone] of people) {
    const orgId = ids.get(orgName)!;
    const { id } = await accounts.createUser(deps, caller, { username, password: DEMO_PASSWORD, displayName, phone, orgId });
    await accounts.createGrant(deps, caller, { userId: id, role, orgId });
    userIds.set(username, id);
  }
  await seedMembers(deps, ids, userIds.get('worker')!);
  await seedApplications(deps, caller, ids);
  await seedPioneerDemo(deps, caller);
  await seedHonoursDemo(deps, caller, DEMO_PASSWORD);
  await seedRightsDemo(deps, caller, DEMO_PASSWORD);
  await seedHardshipDemo(deps, caller);
  await seedCommunity(deps, caller, ids, userIds.get('worker')!);
  await seedArticlesDemo(deps, caller);
  await seedSkills(deps, caller, ids, userIds.get('worker')!);
  await seedYongkang(deps, caller);
  await seedKaihua(deps, caller);
  // 永康's second 匠人新秀 contest, among 安胜科技's young workers (after seedYongkang).
  await seedCompetitionsDemo(deps, caller, DEMO_PASSWORD);
  await seedHangzhou(deps, caller);
  // 云创青年小镇工会联合会: "宁波市五星级活力基层工会联合会" (the seed), reviewed by 罗星街道总工会.
  await seedRatingsDemo(deps, caller, [
    { orgId: ids.get('云创青年小镇工会联合会')!, kind: 'star_rating', level: 'city', marks: [24, 19, 18, 19, 13], evidence: ['成立一年获"江北区党建带工建示范直管点"', '建起"职工之家"，覆盖 100 余家单位、职工 1100 余人'], namedDaysAgo: 60 },
    { orgId: ids.get('坤和大厦楼宇联合工会')!, kind: 'star_rating', level: 'county', marks: [20, 16, 15, 16, 11], evidence: ['楼宇会员实名制入会'] },
  ]);
  await seedFundraisingDemo(deps, caller);
  await seedBenefitsDemo(deps, caller);
  await seedCobuildingDemo(deps, caller, DEMO_PASSWORD);
  await seedVolunteersDemo(deps, caller);
  await seedWishesDemo(deps, caller, DEMO_PASSWORD);
  // 坤和楼宇's joint union under 天水街道总工会 (the seed: its 活动阵地 is shared with the street federation);
  // not the invented 坤和大厦楼宇联合工会 of 嘉善魏塘.
  const kunhe = await orgs.createOrg(deps, caller, { name: '坤和楼宇联合工会', kind: 'joint_union', parentId: ids.get('天水街道总工会') ?? (await deps.db.selectFrom('orgs').select('id').where('name', '=', '天水街道总工会').executeTakeFirstOrThrow()).id, level: null, basis: 'building', region: '天水街道武林商圈坤和中心' });
  await seedVenuesDemo(deps, caller, kunhe.id);
  await seedTrainingDemo(deps, caller);
  // As if the platform had been running: the overdue application is already on the desk of the
  // cadres above its union, and tomorrow's activities have sent their reminders.
  await escalateOverdue(deps);
  await activities.sendReminders(deps);
  return true;
}

const EDUCATIONS = ['bachelor', 'junior_college', 'high_school', 'secondary_vocational', 'junior_high_or_below', 'bachelor', 'postgraduate'] as const;
const POLITICAL = ['masses', 'masses', 'cyl_member', 'masses', 'cpc_member', 'masses', 'cyl_member', 'non_party'] as const;
const NEW_FORM = ['none', 'none', 'none', 'none', 'none', 'none', 'courier', 'none', 'none', 'none', 'food_delivery', 'none', 'online_marketer'] as const;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '晓东', '海燕', '志强', '丽华', '文博', '思远', '雨欣'];

/**
 * Members of every union in the demo county, joined over the last two years (a few retained or left),
 * with the register's standard fields: most Han, some She (畲族, Zhejiang's own), about one in three
 * a migrant worker, and a few couriers, riders and online marketers among the new-form workers.
 */
async function seedMembers(deps: Deps, orgIds: Map<string, number>, workerUserId: number) {
  const holders = await deps.db.selectFrom('orgs').select(['id', 'kind']).where('kind', 'in', ['grassroots_union', 'joint_union', 'branch']).orderBy('id').execute();
  const enterprises = await deps.db.selectFrom('enterprises').select(['id', 'org_id']).execute();
  const now = deps.clock();
  const rows: { org: number; enterprise: number | null }[] = [];
  holders.forEach((h, i) => {
    const own = enterprises.filter((e) => e.org_id === h.id);
    const count = h.kind === 'joint_union' ? 36 : 18 + ((i * 7) % 23);
    for (let k = 0; k < count; k++) rows.push({ org: h.id, enterprise: own.length ? own[k % own.length].id : null });
  });
  const workerOrg = orgIds.get('浙江亿力清洁有限公司工会')!;
  await deps.db.transaction().execute(async (tx) => {
    let seq = await nextSequence(tx, 'member_no', rows.length);
    const values = rows.map((r, i) => {
      const year = 1968 + ((i * 13) % 38);
      const birth = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
      const idNumber = makeIdNumber('330421', birth, i + 1);
      const phone = `138${String(10_000_000 + i * 7919).slice(-8)}`;
      const joined = new Date(now.getTime() - ((i * 37) % 730) * 86400_000).toISOString().slice(0, 10);
      const isWorker = i === 0;
      const status = isWorker ? 'member' : i % 41 === 0 ? 'left' : i % 17 === 0 ? 'retained' : 'member';
      return {
        name: isWorker ? '李小芳' : `${SURNAMES[(i * 7) % SURNAMES.length]}${GIVEN[(i * 11) % GIVEN.length]}`,
        id_number_enc: deps.pii.encrypt(idNumber),
        id_number_hash: deps.pii.hash(idNumber),
        ...phoneColumns(deps.pii, phone),
        birth_date: idBirthDate(idNumber)!,
        gender: genderOf(idNumber),
        org_id: isWorker ? workerOrg : r.org,
        enterprise_id: r.enterprise,
        employer_name: null,
        status: status as 'member' | 'left' | 'retained',
        retained_reason: status === 'retained' ? ('retired' as const) : null,
        member_no: formatMemberNo(joined.slice(0, 4), seq++),
        joined_on: joined,
        left_on: status === 'left' ? now.toISOString().slice(0, 10) : null,
        user_id: isWorker ? workerUserId : null,
        ethnicity: i % 19 === 5 ? ('22' as const) : ('01' as const),
        education: EDUCATIONS[(i * 5) % EDUCATIONS.length],
        political_status: POLITICAL[(i * 3) % POLITICAL.length],
        migrant_worker: i % 3 === 1 ? 1 : 0,
        new_form_group: NEW_FORM[i % NEW_FORM.length],
        source: 'demo' as const,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
    });
    for (let i = 0; i < values.length; i += 200) await tx.insertInto('members').values(values.slice(i, i + 200)).execute();
  });
}

/**
 * Skill levels in 嘉善: 李小芳's two certificates (from an evaluation organisation) and the first
 * self-evaluation at 嘉善精工五金, so the county's cadres see the page with figures.
 */
async function seedSkills(deps: Deps, admin: Caller, orgIds: Map<string, number>, workerUserId: number) {
  const worker = await deps.db.selectFrom('members').select('id').where('user_id', '=', workerUserId).executeTakeFirstOrThrow();
  const agency = '嘉兴市职业技能等级认定指导中心';
  const records: DemoRecord[] = [
    { memberId: worker.id, occupation: '保洁员', level: 4, certificateNo: 'S202433042100012', issuedOn: '2024-09-15', issuer: agency, issuerKind: 'agency' },
    { memberId: worker.id, occupation: '家政服务员', level: 5, certificateNo: 'S202333042100087', issuedOn: '2023-05-20', issuer: agency, issuerKind: 'agency' },
  ];
  const hardware = orgIds.get('嘉善精工五金制品有限公司工会')!;
  const staff = await deps.db.selectFrom('members').select('id').where('org_id', '=', hardware).where('status', '=', 'member').orderBy('id').limit(12).execute();
  const levels = [3, 4, 4, 5, 5, 4, 2, 5, 4, 3, 5, 5] as const;
  staff.forEach((m, i) =>
    records.push({ memberId: m.id, occupation: ['冲压工', '装配钳工', '模具工'][i % 3], level: levels[i], certificateNo: `Q2025JSWJ${String(i + 1).padStart(4, '0')}`, issuedOn: '2025-04-18', issuer: '嘉善精工五金制品有限公司', issuerKind: 'enterprise' }),
  );
  await seedSkillRecords(deps, admin, hardware, records);
}

const ANSHENG = '浙江安胜科技股份有限公司';

/**
 * 永康 (a county-level city of 金华), where the seed's skill-level self-evaluation happened: 永康市总工会
 * with 安胜科技's union, its 812 young workers who passed (members of the union, born 1990–2004)
 * and their certificates, 43 at 高级工 or above; and its cadre `yongkang`. Members are written in
 * batches with their ID numbers and phones encrypted, as seedMembers does.
 */
async function seedYongkang(deps: Deps, admin: Caller) {
  const federation = await orgs.createOrg(deps, admin, { name: '永康市总工会', kind: 'federation', parentId: null, level: 'county', basis: null, region: '浙江省金华市永康市' });
  const union = await orgs.createOrg(deps, admin, { name: `${ANSHENG}工会`, kind: 'grassroots_union', parentId: federation.id, level: null, basis: null, region: null });
  const enterprise = await ent.createEnterprise(deps, admin, { name: ANSHENG, uscc: makeUscc('330784', 1), orgId: union.id, industry: '金属制品制造', foundedOn: null, employees: null, newEconomy: false });
  for (const [name, kind] of [['金工车间', 'workshop'], ['装配车间', 'workshop'], ['质量管理部', 'office']] as const) await ent.createTeam(deps, admin, { name, kind, enterpriseId: enterprise.id });
  const { id } = await accounts.createUser(deps, admin, { username: 'yongkang', password: DEMO_PASSWORD, displayName: '应建国', phone: '13800000014', orgId: federation.id });
  await accounts.createGrant(deps, admin, { userId: id, role: 'cadre', orgId: federation.id });

  const now = deps.clock();
  const at = now.toISOString();
  const memberIds: number[] = [];
  await deps.db.transaction().execute(async (tx) => {
    let seq = await nextSequence(tx, 'member_no', 812);
    const values = Array.from({ length: 812 }, (_, i) => {
      const birth = `${1990 + (i % 15)}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-${String(1 + ((i * 11) % 28)).padStart(2, '0')}`;
      const idNumber = makeIdNumber('330784', birth, i + 1);
      const phone = `139${String(50_000_000 + i * 7919).slice(-8)}`;
      const joined = `${now.getUTCFullYear() - 3 + (i % 3)}-0${1 + (i % 9)}-15`;
      return {
        name: `${SURNAMES[(i * 13) % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
        id_number_enc: deps.pii.encrypt(idNumber),
        id_number_hash: deps.pii.hash(idNumber),
        ...phoneColumns(deps.pii, phone),
        birth_date: idBirthDate(idNumber)!,
        gender: genderOf(idNumber),
        org_id: union.id,
        enterprise_id: enterprise.id,
        employer_name: null,
        status: 'member' as const,
        retained_reason: null,
        member_no: formatMemberNo(joined.slice(0, 4), seq++),
        joined_on: joined,
        left_on: null,
        user_id: null,
        ethnicity: '01' as const,
        education: EDUCATIONS[(i * 3) % EDUCATIONS.length],
        political_status: POLITICAL[(i * 5) % POLITICAL.length],
        migrant_worker: i % 2,
        new_form_group: 'none' as const,
        source: 'demo' as const,
        created_at: at,
        updated_at: at,
      };
    });
    for (let i = 0; i < values.length; i += 200) {
      const rows = await tx.insertInto('members').values(values.slice(i, i + 200)).returning('id').execute();
      memberIds.push(...rows.map((r) => r.id));
    }
  });
  await seedSkillRecords(deps, admin, union.id, anshengRecords(memberIds, ANSHENG, today(deps)));
}

/**
 * Two places of the seed outside the demo county, each its own tree with its cadre:
 * - 杭州湾信息港基层工会联合会 under 杭州市萧山区总工会, its "e港之家" and the enterprises of the
 *   信息港小镇 industry-wide wage agreement (the seed names no enterprise: the four here are the
 *   demo's), 60 members at them and the portal worker `egang`; its cadre `xinxigang` (王夏露, whom
 *   the seed quotes for it). Its bargaining rounds come from `seedBargainingDemo`.
 * - 天水街道总工会 under 杭州市下城区总工会 ("城市之眼", 武林商圈), a provincial model Workers' Home
 *   (浙江省模范职工之家, the seed), with 武林商圈楼宇联合工会 rated on the way; its cadre `tianshui`
 *   (韩玲玉, 天水街道总工会副主席 in the seed).
 */
async function seedHangzhou(deps: Deps, admin: Caller) {
  const xiaoshan = await orgs.createOrg(deps, admin, { name: '杭州市萧山区总工会', kind: 'federation', parentId: null, level: 'county', basis: null, region: '浙江省杭州市萧山区' });
  const xxg = await orgs.createOrg(deps, admin, { name: '杭州湾信息港基层工会联合会', kind: 'joint_union', parentId: xiaoshan.id, level: null, basis: 'town', region: '萧山区杭州湾信息港小镇' });
  const firms = [
    ['杭州湾信息港小镇运营管理有限公司', '园区运营'],
    ['杭州云港软件有限公司', '软件开发'],
    ['杭州智链信息技术有限公司', '信息技术'],
    ['杭州数港电子商务有限公司', '电子商务'],
  ] as const;
  const enterpriseIds: number[] = [];
  for (const [i, [name, industry]] of firms.entries()) {
    const e = await ent.createEnterprise(deps, admin, { name, uscc: makeUscc('330109', 20 + i), orgId: xxg.id, industry, foundedOn: `${2016 + i}-03-01`, employees: 20, newEconomy: true });
    enterpriseIds.push(e.id);
  }
  const cadre = await accounts.createUser(deps, admin, { username: 'xinxigang', password: DEMO_PASSWORD, displayName: '王夏露', phone: '13800000021', orgId: xxg.id });
  await accounts.createGrant(deps, admin, { userId: cadre.id, role: 'cadre', orgId: xxg.id });
  const worker = await accounts.createUser(deps, admin, { username: 'egang', password: DEMO_PASSWORD, displayName: '陈思远', phone: '13800000022', orgId: xxg.id });
  await accounts.createGrant(deps, admin, { userId: worker.id, role: 'member', orgId: xxg.id });

  const now = deps.clock();
  const at = now.toISOString();
  const memberIds: number[] = [];
  await deps.db.transaction().execute(async (tx) => {
    let seq = await nextSequence(tx, 'member_no', 61);
    const values = Array.from({ length: 61 }, (_, i) => {
      const birth = `${1988 + (i % 12)}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-${String(1 + ((i * 3) % 28)).padStart(2, '0')}`;
      const idNumber = makeIdNumber('330109', birth, i + 1);
      const phone = `137${String(60_000_000 + i * 7919).slice(-8)}`;
      const joined = `${now.getUTCFullYear() - 2 + (i % 2)}-0${1 + (i % 9)}-10`;
      const isWorker = i === 60;
      return {
        name: isWorker ? '陈思远' : `${SURNAMES[(i * 17) % SURNAMES.length]}${GIVEN[(i * 7 + 3) % GIVEN.length]}`,
        id_number_enc: deps.pii.encrypt(idNumber),
        id_number_hash: deps.pii.hash(idNumber),
        ...phoneColumns(deps.pii, isWorker ? '13800000022' : phone),
        birth_date: idBirthDate(idNumber)!,
        gender: genderOf(idNumber),
        org_id: xxg.id,
        enterprise_id: enterpriseIds[i % enterpriseIds.length],
        employer_name: null,
        status: 'member' as const,
        retained_reason: null,
        member_no: formatMemberNo(joined.slice(0, 4), seq++),
        joined_on: joined,
        left_on: null,
        user_id: isWorker ? worker.id : null,
        ethnicity: '01' as const,
        education: EDUCATIONS[(i * 3) % EDUCATIONS.length],
        political_status: POLITICAL[(i * 5) % POLITICAL.length],
        migrant_worker: i % 3 === 0 ? 1 : 0,
        new_form_group: 'none' as const,
        source: 'demo' as const,
        created_at: at,
        updated_at: at,
      };
    });
    const rows = await tx.insertInto('members').values(values).returning('id').execute();
    memberIds.push(...rows.map((r) => r.id));
  });
  await seedBargainingDemo(deps, admin, { orgId: xxg.id, enterpriseIds, memberIds: memberIds.slice(0, 60) });

  const xiacheng = await orgs.createOrg(deps, admin, { name: '杭州市下城区总工会', kind: 'federation', parentId: null, level: 'county', basis: null, region: '浙江省杭州市下城区' });
  const tianshui = await orgs.createOrg(deps, admin, { name: '天水街道总工会', kind: 'federation', parentId: xiacheng.id, level: 'street', basis: null, region: '下城区天水街道（武林商圈）' });
  const wulin = await orgs.createOrg(deps, admin, { name: '武林商圈楼宇联合工会', kind: 'joint_union', parentId: tianshui.id, level: null, basis: 'building', region: '天水街道武林商圈' });
  const hanlingyu = await accounts.createUser(deps, admin, { username: 'tianshui', password: DEMO_PASSWORD, displayName: '韩玲玉', phone: '13800000023', orgId: tianshui.id });
  await accounts.createGrant(deps, admin, { userId: hanlingyu.id, role: 'cadre', orgId: tianshui.id });
  await seedRatingsDemo(deps, admin, [
    {
      orgId: tianshui.id,
      kind: 'workers_home_rating',
      level: 'province',
      marks: [24, 19, 19, 18, 14],
      evidence: ['所属单建工会 139 家，涵盖企业 699 家，实名会员 9984 人', '"杭工e家"APP 线上入会、维权、帮扶', '武林商圈工会改革试点'],
      namedDaysAgo: 120,
    },
    { orgId: wulin.id, kind: 'star_rating', level: 'county', marks: [22, 18, 17, 17, 13], evidence: ['楼宇工会"三维立体"组织网络'] },
  ]);
  await seedYouthSocial(deps, admin, xiacheng.id, tianshui.id, wulin.id, { id: hanlingyu.id, username: 'tianshui', displayName: '韩玲玉' });
}

/**
 * The seed's 天水街道总工会 with 武林街道总工会 大型青年交友联谊活动 (“密室逃脱”、桌游), held yesterday:
 * 武林街道总工会 next to 天水 with a building union, ten young members with accounts of both streets
 * signed up and checked in, some of them have picked, with one mutual pair. Two of them, `xunyuan1`
 * (周子豪) and `xunyuan2` (林晓雨), have not picked yet: the demo's 心动选择 for either to try.
 */
async function seedYouthSocial(deps: Deps, admin: Caller, xiachengId: number, tianshuiId: number, wulinUnionId: number, cadre: { id: number; username: string; displayName: string }) {
  const wulinStreet = await orgs.createOrg(deps, admin, { name: '武林街道总工会', kind: 'federation', parentId: xiachengId, level: 'street', basis: null, region: '下城区武林街道' });
  const wulinBuilding = await orgs.createOrg(deps, admin, { name: '武林街道浙江大厦楼宇联合工会', kind: 'joint_union', parentId: wulinStreet.id, level: null, basis: 'building', region: '武林街道浙江大厦' });
  const people: [username: string, name: string, birth: string, male: boolean, orgId: number][] = [
    ['xunyuan1', '周子豪', '1995-03-12', true, wulinUnionId],
    ['xunyuan2', '林晓雨', '1997-08-21', false, wulinBuilding.id],
    ['xunyuan3', '陈浩然', '1993-11-02', true, wulinBuilding.id],
    ['xunyuan4', '王思琪', '1996-05-30', false, wulinUnionId],
    ['xunyuan5', '刘宇航', '1994-01-18', true, wulinUnionId],
    ['xunyuan6', '张雨萱', '1998-09-09', false, wulinBuilding.id],
    ['xunyuan7', '杨俊杰', '1992-07-07', true, wulinBuilding.id],
    ['xunyuan8', '赵欣怡', '1995-12-24', false, wulinUnionId],
    ['xunyuan9', '黄嘉诚', '1997-04-04', true, wulinUnionId],
    ['xunyuan10', '吴梦瑶', '1999-02-14', false, wulinBuilding.id],
  ];
  const callers: Caller[] = [];
  const at = deps.clock().toISOString();
  const userIds: number[] = [];
  for (const [i, [username, name, , , orgId]] of people.entries()) {
    const user = await accounts.createUser(deps, admin, { username, password: DEMO_PASSWORD, displayName: name, phone: `1380000${String(3100 + i)}`, orgId });
    await accounts.createGrant(deps, admin, { userId: user.id, role: 'member', orgId });
    userIds.push(user.id);
  }
  await deps.db.transaction().execute(async (tx) => {
    let seq = await nextSequence(tx, 'member_no', people.length);
    for (const [i, [username, name, birth, male, orgId]] of people.entries()) {
      const user = { id: userIds[i] };
      const idNumber = makeIdNumber('330103', birth, 700 + i * 2 + (male ? 1 : 0));
      const phone = `1380000${String(3100 + i)}`;
      await tx
        .insertInto('members')
        .values({
          name,
          id_number_enc: deps.pii.encrypt(idNumber),
          id_number_hash: deps.pii.hash(idNumber),
          ...phoneColumns(deps.pii, phone),
          birth_date: idBirthDate(idNumber)!,
          gender: genderOf(idNumber),
          org_id: orgId,
          enterprise_id: null,
          employer_name: '武林商圈楼宇企业',
          status: 'member',
          retained_reason: null,
          member_no: formatMemberNo('2021', seq++),
          joined_on: '2021-05-01',
          left_on: null,
          user_id: user.id,
          ethnicity: '01',
          education: EDUCATIONS[i % EDUCATIONS.length],
          political_status: POLITICAL[i % POLITICAL.length],
          migrant_worker: i % 2,
          new_form_group: 'none',
          source: 'demo',
          created_at: at,
          updated_at: at,
        })
        .execute();
      callers.push({ ...admin, user: { id: user.id, username, displayName: name, grants: [], sessionId: '', csrfToken: '' }, scope: { all: false, roots: [] }, actor: { ...admin.actor, userId: user.id } });
    }
  });
  const hour = 3600_000;
  const now = deps.clock().getTime();
  const day = 24 * hour;
  // yesterday 14:00–18:00 Shanghai time: the picks stay open for another day or more
  const startsAt = Math.floor((now + 8 * hour) / day) * day - 8 * hour - day + 14 * hour;
  const cadreCaller: Caller = { ...admin, user: { ...admin.user!, id: cadre.id, username: cadre.username, displayName: cadre.displayName }, scope: { all: false, roots: [tianshuiId] }, actor: { ...admin.actor, userId: cadre.id } };
  const social = await activities.createActivity(deps, { ...cadreCaller, actor: { ...cadreCaller.actor, now: new Date(startsAt - 10 * day).toISOString() } }, {
    orgId: tianshuiId,
    title: '“缘来在武林”青年交友联谊会 · 密室逃脱 + 桌游',
    kind: 'youth_social',
    place: '武林商圈 · 杭州大厦 B 座六楼职工之家',
    description: '天水街道总工会联合武林街道总工会举办。不做“坐下来安静聊天”的相亲会：分组闯关大型“密室逃脱”，再来一轮桌游，在打打闹闹中认识彼此。活动结束后 48 小时内可在“青年交友”里进行心动选择，双向选择才互见联系方式。',
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 4 * hour).toISOString(),
    capacity: 120,
    signupClosesAt: null,
    cancelDeadline: null,
    membersOnly: false,
    openToAll: true,
  });
  await seedSocialSettings(deps, cadreCaller, social.id);
  const codes: { id: number; code: string }[] = [];
  for (const [i, c] of callers.entries()) {
    const r = await activities.signUp(deps, { ...c, actor: { ...c.actor, now: new Date(startsAt - (7 - (i % 5)) * day).toISOString() } }, social.id);
    codes.push(r);
  }
  for (const r of codes) await activities.checkIn(deps, { ...cadreCaller, actor: { ...cadreCaller.actor, now: new Date(startsAt + 10 * 60_000).toISOString() } }, social.id, r.code);
  const reg = codes.map((r) => r.id);
  // 陈浩然 and 王思琪 picked each other: the mutual pair; the other picks are one-sided
  await seedSocialPicks(
    deps,
    [
      { as: callers[2], contact: '微信 chenhr_1993', picks: [reg[3], reg[5]] },
      { as: callers[3], contact: '13800003103', picks: [reg[2]] },
      { as: callers[4], contact: '微信 liuyh94', picks: [reg[7], reg[3]] },
      { as: callers[9], contact: '微信 mengyao0214', picks: [reg[6], reg[8], reg[4]] },
    ],
    social.id,
  );
}

/**
 * 开化县总工会 (the seed's 开化疗休养融入长三角): two towns with a union each, a cadre (kaihua) and a
 * member with an account (kaihuaworker, 华埠电子), and the five partner federations of its
 * recuperation agreements as trees of their own; then its recuperation centre, products, batches
 * and quotas (recuperation/demo.ts).
 */
async function seedKaihua(deps: Deps, admin: Caller) {
  const federation = await orgs.createOrg(deps, admin, { name: '开化县总工会', kind: 'federation', parentId: null, level: 'county', basis: null, region: '浙江省衢州市开化县' });
  const unions: number[] = [];
  for (const [town, union, enterprise, industry] of [
    ['华埠镇总工会', '开化县华埠电子有限公司工会', '开化县华埠电子有限公司', '电子元件制造'],
    ['池淮镇总工会', '开化县池淮茶业有限公司工会', '开化县池淮茶业有限公司', '茶叶加工'],
  ] as const) {
    const t = await orgs.createOrg(deps, admin, { name: town, kind: 'federation', parentId: federation.id, level: 'town', basis: null, region: null });
    const u = await orgs.createOrg(deps, admin, { name: union, kind: 'grassroots_union', parentId: t.id, level: null, basis: null, region: null });
    await ent.createEnterprise(deps, admin, { name: enterprise, uscc: makeUscc('330824', unions.length + 1), orgId: u.id, industry, foundedOn: '2010-04-01', employees: 20, newEconomy: false });
    unions.push(u.id);
  }
  for (const [name, region] of [
    ['上海市徐汇区总工会', '上海市徐汇区'],
    ['杭州市上城区总工会', '浙江省杭州市上城区'],
    ['杭州市临安区总工会', '浙江省杭州市临安区'],
    ['建德市总工会', '浙江省杭州市建德市'],
    ['桐乡市总工会', '浙江省嘉兴市桐乡市'],
  ] as const) {
    await orgs.createOrg(deps, admin, { name, kind: 'federation', parentId: null, level: 'county', basis: null, region });
  }
  const cadre = await accounts.createUser(deps, admin, { username: 'kaihua', password: DEMO_PASSWORD, displayName: '程义军', phone: '13800000015', orgId: federation.id });
  await accounts.createGrant(deps, admin, { userId: cadre.id, role: 'cadre', orgId: federation.id });
  const worker = await accounts.createUser(deps, admin, { username: 'kaihuaworker', password: DEMO_PASSWORD, displayName: '徐燕芳', phone: '13800000016', orgId: unions[0] });
  await accounts.createGrant(deps, admin, { userId: worker.id, role: 'member', orgId: unions[0] });

  const at = deps.clock().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    let seq = await nextSequence(tx, 'member_no', 20);
    const values = Array.from({ length: 20 }, (_, i) => {
      const birth = `${1975 + i}-0${1 + (i % 9)}-1${i % 9}`;
      const idNumber = makeIdNumber('330824', birth, i + 1);
      const phone = `139${String(70_000_000 + i * 7919).slice(-8)}`;
      return {
        name: i === 0 ? '徐燕芳' : `${SURNAMES[(i * 17) % SURNAMES.length]}${GIVEN[(i * 5) % GIVEN.length]}`,
        id_number_enc: deps.pii.encrypt(idNumber),
        id_number_hash: deps.pii.hash(idNumber),
        ...phoneColumns(deps.pii, phone),
        birth_date: idBirthDate(idNumber)!,
        gender: genderOf(idNumber),
        org_id: unions[i % 2],
        enterprise_id: null,
        employer_name: null,
        status: 'member' as const,
        retained_reason: null,
        member_no: formatMemberNo('2018', seq++),
        joined_on: '2018-05-01',
        left_on: null,
        user_id: i === 0 ? worker.id : null,
        ethnicity: '01' as const,
        education: EDUCATIONS[i % EDUCATIONS.length],
        political_status: POLITICAL[i % POLITICAL.length],
        migrant_worker: 0,
        new_form_group: 'none' as const,
        source: 'demo' as const,
        created_at: at,
        updated_at: at,
      };
    });
    await tx.insertInto('members').values(values).execute();
  });
  await seedRecuperationDemo(deps, admin);
}

/** Join applications waiting for the street cadres: one of them overdue. */
async function seedApplications(deps: Deps, admin: Caller, orgIds: Map<string, number>) {
  const applicants: [username: string, name: string, birth: string, org: string, employer: string, daysAgo: number][] = [
    ['applicant1', '周晓梅', '1996-04-18', '浙江亿力清洁有限公司工会', '浙江亿力清洁有限公司', 1],
    ['applicant2', '陈志远', '1999-09-09', '坤和大厦楼宇联合工会', '嘉善数联电子商务有限公司', 3],
    ['applicant3', '吴佳怡', '2001-01-20', '浙江亿力清洁有限公司工会', '浙江亿力清洁有限公司', 30],
  ];
  let n = 900;
  for (const [username, name, birth, org, employer, daysAgo] of applicants) {
    const { id } = await accounts.createUser(deps, admin, { username, password: DEMO_PASSWORD, displayName: name });
    const at = new Date(deps.clock().getTime() - daysAgo * 86400_000).toISOString();
    const caller: Caller = {
      user: { id, username, displayName: name, grants: [], sessionId: '', csrfToken: '' },
      scope: { all: false, roots: [] },
      actor: { userId: id, ip: null, now: at },
      lang: 'zh',
    };
    await createApplication(deps, caller, {
      name,
      idNumber: makeIdNumber('330421', birth, n++),
      phone: `137${String(20_000_000 + n).slice(-8)}`,
      orgId: orgIds.get(org)!,
      enterpriseId: null,
      employerName: employer,
      consent: true,
    });
  }
}

/**
 * A month of the county's community work: a performance tour sent to the towns, a fire-safety lesson,
 * a youth social with a waiting list in the making, and the monthly 随手拍 photo contest.
 */
async function seedCommunity(deps: Deps, admin: Caller, orgIds: Map<string, number>, workerUserId: number) {
  const day = 86400_000;
  const at = (days: number, hour: number) => new Date(Math.floor(deps.clock().getTime() / day) * day + days * day + (hour - 8) * 3600_000).toISOString();
  const plans: [org: string, title: string, kind: 'performance' | 'training' | 'youth_social' | 'sports', place: string, inDays: number, capacity: number, openToAll: boolean][] = [
    ['嘉善县总工会', '送文化下乡 · 越剧专场（西塘站）', 'performance', '西塘镇文化礼堂', 3, 200, true],
    ['嘉善县总工会', '送文化下乡 · 越剧专场（姚庄站）', 'performance', '姚庄镇文化礼堂', 10, 200, true],
    ['魏塘街道总工会', '消防安全进企业 · 灭火器实操培训', 'training', '坤和大厦一楼大厅', 5, 40, false],
    ['罗星街道总工会', '云创小镇青年交友联谊会', 'youth_social', '云创青年小镇职工文化活动中心', 7, 30, false],
    ['魏塘街道总工会', '职工趣味运动会', 'sports', '魏塘街道体育场', 14, 120, false],
  ];
  for (const [org, title, kind, place, inDays, capacity, openToAll] of plans) {
    await activities.createActivity(deps, admin, {
      orgId: orgIds.get(org)!,
      title,
      kind,
      place,
      description: `${title}，欢迎广大职工报名参加。`,
      startsAt: at(inDays, 14),
      endsAt: at(inDays, 16),
      capacity,
      signupClosesAt: at(inDays - 1, 18),
      cancelDeadline: at(inDays - 1, 12),
      membersOnly: !openToAll,
      openToAll,
    });
  }
  // A talk starting within a day, which the demo worker (李小芳) signed up for: her home page shows
  // the sign-up with its check-in code, and the reminder sent at load is her first notice.
  const hour = 3600_000;
  const soon = Math.ceil((deps.clock().getTime() + 20 * hour) / hour) * hour;
  const talk = await activities.createActivity(deps, admin, {
    orgId: orgIds.get('嘉善县总工会')!,
    title: '职工心理健康公益讲座',
    kind: 'training',
    place: '嘉善县职工服务中心三楼报告厅',
    description: '职工心理健康公益讲座：压力调适与情绪管理，欢迎广大职工报名参加。',
    startsAt: new Date(soon).toISOString(),
    endsAt: new Date(soon + 2 * hour).toISOString(),
    capacity: 100,
    signupClosesAt: new Date(soon - 2 * hour).toISOString(),
    cancelDeadline: new Date(soon - 4 * hour).toISOString(),
    membersOnly: false,
    openToAll: true,
  });
  await activities.signUp(deps, { ...admin, user: { ...admin.user!, id: workerUserId, username: 'worker', displayName: '李小芳', grants: [] }, actor: { ...admin.actor, userId: workerUserId } }, talk.id);
  await contests.createContest(deps, admin, {
    orgId: orgIds.get('嘉善县总工会')!,
    title: '“随手拍”职工摄影月赛',
    theme: '秋',
    description: '用镜头记录身边的秋天：车间、田野、街巷里的劳动之美。每人限投 3 票。',
    entryKind: 'photo',
    submitOpensAt: at(-3, 8),
    submitClosesAt: at(20, 20),
    voteOpensAt: at(-3, 8),
    voteClosesAt: at(27, 20),
    entriesPerMember: 2,
    votesPerMember: 3,
    openToAll: false,
  });
  await contests.createContest(deps, admin, {
    orgId: orgIds.get('罗星街道总工会')!,
    title: '“我的工会故事”征文',
    theme: '我与工会',
    description: '讲述你和工会之间的故事，800–2000 字。',
    entryKind: 'text',
    submitOpensAt: at(-1, 8),
    submitClosesAt: at(25, 20),
    voteOpensAt: at(-1, 8),
    voteClosesAt: at(30, 20),
    entriesPerMember: 1,
    votesPerMember: 1,
    openToAll: false,
  });
}
