import type { Caller, Deps } from '../platform/context.ts';
import { makeUscc } from '../platform/identity.ts';
import * as orgs from '../modules/orgs/service.ts';
import * as ent from '../modules/orgs/enterprises.ts';
import * as accounts from '../modules/accounts/service.ts';

/**
 * The demo county, modelled on the source newspaper page: 嘉善县总工会 with its streets and towns,
 * a building joint union, a small-town joint union with three branches, single unions, enterprises
 * (some without a union yet) and their teams, plus one account per kind of user.
 * Loaded through the services, so the audit log tells how it was built.
 */
export const DEMO_PASSWORD = 'Gonghui@2026';

type Team = [name: string, kind: 'workshop' | 'office' | 'crew' | 'project'];
interface DemoEnterprise {
  name: string;
  industry: string;
  foundedOn: string;
  newEconomy?: boolean;
  teams?: Team[];
}
interface DemoOrg {
  name: string;
  kind: 'federation' | 'joint_union' | 'grassroots_union' | 'branch';
  level?: 'county' | 'street';
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
        { name: '嘉善云帆网络科技有限公司', industry: '信息技术', foundedOn: '2023-03-18', newEconomy: true },
        { name: '嘉善小桥文化传媒工作室', industry: '文化创意', foundedOn: '2026-06-01', newEconomy: true },
      ],
      children: [
        single({
          name: '浙江亿力清洁有限公司',
          industry: '清洁服务',
          foundedOn: '2006-04-12',
          teams: [['保洁服务一班', 'crew'], ['设备维修车间', 'workshop'], ['质量管理科', 'office']],
        }),
        single({
          name: '嘉善精工五金制品有限公司',
          industry: '五金制造',
          foundedOn: '2001-09-30',
          teams: [['冲压车间', 'workshop'], ['装配车间', 'workshop'], ['技术研发科', 'office']],
        }),
        {
          name: '坤和大厦楼宇联合工会',
          kind: 'joint_union',
          basis: 'building',
          region: '魏塘街道坤和大厦',
          enterprises: [
            { name: '嘉善坤和物业服务有限公司', industry: '物业管理', foundedOn: '2012-05-20', teams: [['客服中心', 'office'], ['安保班组', 'crew']] },
            { name: '浙江善通律师事务所', industry: '法律服务', foundedOn: '2015-11-02', newEconomy: true },
            { name: '嘉善数联电子商务有限公司', industry: '电子商务', foundedOn: '2019-08-08', newEconomy: true, teams: [['直播运营项目组', 'project']] },
          ],
        },
      ],
    },
    {
      name: '罗星街道总工会',
      kind: 'federation',
      level: 'street',
      region: '嘉善县罗星街道',
      enterprises: [{ name: '嘉善快达同城配送站', industry: '物流配送', foundedOn: '2024-02-26', newEconomy: true }],
      children: [
        single({
          name: '浙江顺虎铝业有限公司',
          industry: '有色金属加工',
          foundedOn: '2003-07-15',
          teams: [['熔铸车间', 'workshop'], ['挤压车间', 'workshop'], ['安全生产科', 'office']],
        }),
        {
          name: '云创青年小镇工会联合会',
          kind: 'joint_union',
          basis: 'town',
          region: '罗星街道云创青年小镇',
          children: [
            { name: '云创小镇第一分会', kind: 'branch', enterprises: [{ name: '嘉善云创孵化器管理有限公司', industry: '科技服务', foundedOn: '2017-10-10', newEconomy: true, teams: [['创业服务部', 'office']] }] },
            { name: '云创小镇第二分会', kind: 'branch', enterprises: [{ name: '嘉善智造软件有限公司', industry: '软件开发', foundedOn: '2018-03-01', newEconomy: true, teams: [['算法项目组', 'project']] }] },
            { name: '云创小镇第三分会', kind: 'branch', enterprises: [{ name: '嘉善青创设计有限公司', industry: '工业设计', foundedOn: '2020-06-18', newEconomy: true }] },
          ],
        },
      ],
    },
    {
      name: '惠民街道总工会',
      kind: 'federation',
      level: 'street',
      region: '嘉善县惠民街道',
      children: [single({ name: '嘉善惠民食品有限公司', industry: '食品加工', foundedOn: '2009-12-01', teams: [['包装车间', 'workshop'], ['品控科', 'office']] })],
    },
    { name: '西塘镇总工会', kind: 'federation', level: 'street', region: '嘉善县西塘镇', children: [single({ name: '西塘古镇旅游发展有限公司', industry: '文化旅游', foundedOn: '2002-01-08', teams: [['游客服务中心', 'office'], ['景区讲解班组', 'crew']] })] },
    { name: '姚庄镇总工会', kind: 'federation', level: 'street', region: '嘉善县姚庄镇', children: [single({ name: '嘉善姚庄精密机械有限公司', industry: '机械制造', foundedOn: '2011-04-22', teams: [['数控车间', 'workshop']] })] },
    { name: '大云镇总工会', kind: 'federation', level: 'street', region: '嘉善县大云镇' },
    { name: '天凝镇总工会', kind: 'federation', level: 'street', region: '嘉善县天凝镇' },
    { name: '干窑镇总工会', kind: 'federation', level: 'street', region: '嘉善县干窑镇' },
    { name: '陶庄镇总工会', kind: 'federation', level: 'street', region: '嘉善县陶庄镇' },
  ],
};

export async function loadDemo(deps: Deps): Promise<boolean> {
  const existing = await deps.db.selectFrom('orgs').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const admin = await deps.db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', 'admin').executeTakeFirstOrThrow();
  const caller: Caller = {
    user: { id: admin.id, username: admin.username, displayName: admin.display_name, grants: [], sessionId: '', csrfToken: '' },
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
        newEconomy: e.newEconomy ?? false,
      });
      for (const [name, kind] of e.teams ?? []) await ent.createTeam(deps, caller, { name, kind, enterpriseId: enterprise.id });
    }
    for (const child of node.children ?? []) await create(child, org.id);
  }
  await create(county, null);

  const people: [username: string, displayName: string, role: 'cadre' | 'viewer' | 'member', org: string, phone?: string][] = [
    ['jiashan', '沈建华', 'cadre', '嘉善县总工会', '13800000010'],
    ['weitang', '韩玲玉', 'cadre', '魏塘街道总工会', '13800000011'],
    ['luoxing', '王夏露', 'cadre', '罗星街道总工会', '13800000012'],
    ['viewer', '钟迪良', 'viewer', '嘉善县总工会', '13800000013'],
    ['worker', '李小芳', 'member', '浙江亿力清洁有限公司工会', '13800000001'],
  ];
  for (const [username, displayName, role, orgName, phone] of people) {
    const orgId = ids.get(orgName)!;
    const { id } = await accounts.createUser(deps, caller, { username, password: DEMO_PASSWORD, displayName, phone, orgId });
    await accounts.createGrant(deps, caller, { userId: id, role, orgId });
  }
  return true;
}
