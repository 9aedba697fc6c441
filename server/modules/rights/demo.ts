import type { Caller, Deps } from '../../platform/context.ts';
import { createGrant, createUser } from '../accounts/index.ts';
import { acceptCase, addStep, assignCase, closeCase, declineCase, fileCase, intakeCase, rateCase } from './cases.ts';

/**
 * The demo county's rights cases (杭工e家's 线上维权, in the seed): the worker 李小芳 asked online
 * about three months' unpaid wages, a lawyer (login `lvshi`) of the county's legal aid station
 * mediates it; a 12351 call about a work injury is accepted; an overtime case was resolved and
 * rated; one was declined; one waits past its deadline, so the workbench shows it overdue.
 * Loaded through the services, so the audit log tells how it was built.
 */
export async function seedRightsDemo(deps: Deps, caller: Caller, password: string): Promise<void> {
  const org = async (name: string) => (await deps.db.selectFrom('orgs').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const county = await org('嘉善县总工会');
  const weitang = await org('魏塘街道总工会');
  const worker = await deps.db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', 'worker').executeTakeFirstOrThrow();
  // the loader's caller acts with the admin's scope; the steps' routes check the admin grant itself
  const admin: Caller = { ...caller, user: { ...caller.user!, grants: [{ id: 0, role: 'admin', orgId: null }] } };
  const as = (at: string): Caller => ({ ...admin, actor: { ...caller.actor, now: at } });
  const asWorker = (at: string): Caller => ({
    user: { id: worker.id, username: worker.username, displayName: worker.display_name, grants: [], sessionId: '', csrfToken: '' },
    scope: { all: false, roots: [] },
    actor: { userId: worker.id, ip: null, now: at },
    lang: 'zh',
  });
  const lawyer = await createUser(deps, caller, { username: 'lvshi', password, displayName: '周律师（县职工法律援助站）', orgId: county });
  await createGrant(deps, caller, { userId: lawyer.id, role: 'legal_aid', orgId: county });
  const now = Date.parse(caller.actor.now);
  const ago = (days: number) => new Date(now - days * 86_400_000).toISOString();

  // 李小芳: wages owed, mediated by the lawyer
  const wages = await fileCase(deps, asWorker(ago(6)), { category: 'wage_arrears', employerName: '嘉善某保洁外包公司', amountFen: 1_380_000, narrative: '2025年9月至11月共三个月工资13800元未发放，多次催要无果。', consent: true });
  await acceptCase(deps, as(ago(6)), wages.id);
  await assignCase(deps, as(ago(5)), wages.id, lawyer.id);
  const asLawyer: Caller = { ...caller, user: { ...caller.user!, id: lawyer.id, username: 'lvshi', displayName: '周律师' }, actor: { userId: lawyer.id, ip: null, now: ago(4) } };
  await addStep(deps, asLawyer, wages.id, { kind: 'consultation', note: '已电话联系职工，核实考勤和工资条。' });
  await addStep(deps, { ...asLawyer, actor: { ...asLawyer.actor, now: ago(2) } }, wages.id, { kind: 'mediation', note: '已约企业负责人本周五到街道调解室调解。' });

  // a 12351 call: a work injury, accepted
  const injury = await intakeCase(deps, as(ago(3)), { channel: 'hotline', applicantName: '陈建平', phone: '13905730021', category: 'work_injury', employerName: '嘉善县某建材厂', amountFen: null, narrative: '在车间搬运时被叉车撞伤左脚，企业未申报工伤。', consent: true, orgId: weitang });
  await acceptCase(deps, as(ago(3)), injury.id);
  await addStep(deps, as(ago(2)), injury.id, { kind: 'legal_aid_referral', note: '已转介县职工法律援助站，指导申请工伤认定。' });

  // overtime: resolved and rated 5
  const overtime = await intakeCase(deps, as(ago(30)), { channel: 'walk_in', applicantName: '王秀英', phone: null, category: 'overtime', employerName: '魏塘某电子厂', amountFen: 420_000, narrative: '连续两个月每周工作六天，加班费未按规定支付。', consent: true, orgId: weitang });
  await acceptCase(deps, as(ago(30)), overtime.id);
  await addStep(deps, as(ago(25)), overtime.id, { kind: 'mediation', note: '经街道劳动争议调解委员会调解，企业同意补发加班费。' });
  await closeCase(deps, as(ago(20)), overtime.id, { outcome: 'resolved', recoveredFen: 420_000 });

  // 李小芳's earlier question: closed, rated
  const contract = await fileCase(deps, asWorker(ago(40)), { category: 'labour_contract', employerName: '浙江亿力清洁有限公司', amountFen: null, narrative: '入职两个月未签订书面劳动合同。', consent: true });
  await acceptCase(deps, as(ago(40)), contract.id);
  await addStep(deps, as(ago(38)), contract.id, { kind: 'consultation', note: '已告知《劳动合同法》第十条、第八十二条，企业已补签。' });
  await closeCase(deps, as(ago(35)), contract.id, { outcome: 'resolved', recoveredFen: 0 });
  await rateCase(deps, asWorker(ago(34)), contract.id, { score: 5, comment: '工会回复很快，问题解决了。' });

  // declined, and one waiting past its deadline
  const other = await intakeCase(deps, as(ago(10)), { channel: 'hotline', applicantName: '赵先生', phone: null, category: 'other', employerName: '某网店', amountFen: 9_900, narrative: '网购商品质量问题。', consent: true, orgId: weitang });
  await declineCase(deps, as(ago(10)), other.id, '属于消费纠纷，已告知拨打12315消费者投诉热线。');
  await intakeCase(deps, as(ago(4)), { channel: 'walk_in', applicantName: '孙丽', phone: null, category: 'social_insurance', employerName: '魏塘某纺织厂', amountFen: null, narrative: '企业未为其缴纳社会保险。', consent: true, orgId: weitang });
}
