import { Readable } from 'node:stream';
import type { Caller, Deps } from '../../platform/context.ts';
import { createColumn } from './columns.ts';
import { demoCoverPng, demoPolicyPdf } from './demo-files.ts';
import { uploadAttachment, uploadImage } from './files.ts';
import { createArticle, pinArticle } from './service.ts';
import type { ArticleColumn } from './tables.ts';

/**
 * The demo county's articles, written from the union newspaper page (shared/seed): its report on
 * 嘉善's Workers' Pioneer, with its names and numbers, plus a notice, a policy digest and a rights
 * guide drawn from the same page, and one notice scheduled for the day after tomorrow; and the
 * county's own column 创业扶持 with 云创青年小镇's entrepreneurship support policies, with a cover
 * and the policy as a PDF. Loaded through the services (files through the upload mechanism), so
 * the bodies are sanitized and every write is audited.
 */
interface DemoArticle {
  org: string;
  /** a fixed column, or the name of a column of CUSTOM_COLUMNS */
  column: ArticleColumn | string;
  title: string;
  paragraphs: string[];
  public: boolean;
  /** days from now it was (negative) or will be published; absent: a draft */
  publishedIn?: number;
  pinned?: boolean;
  /** the demo's cover banner (demo-files.ts) */
  cover?: boolean;
  /** a one-page PDF attached: its file name, title and lines */
  pdf?: { name: string; title: string; lines: string[] };
}

/** The county's own column (issue #11 §1: columns a federation adds). */
const CUSTOM_COLUMNS = [{ org: '嘉善县总工会', name: '创业扶持' }];

const ARTICLES: DemoArticle[] = [
  {
    org: '嘉善县总工会',
    column: 'news',
    title: '深耕10年打响“五型”品牌 引领10余万职工争创“工人先锋号”',
    public: true,
    publishedIn: -3,
    pinned: true,
    paragraphs: [
      '近日，在浙江亿力清洁有限公司，嘉善县“工人先锋号”创建成果展示展销活动热烈而紧张地进行着。14家基层工会分别围绕促进经济持续健康发展、增强自主创新能力、促进企业文化建设等方面进行成果展示，最终评出创新成果奖和入围成果奖。',
      '自2008年开始，嘉善县总工会把“工人先锋号”的创建作为推动经济社会发展的一项重要举措来抓。该县3000多个车间（科室、班组）的10多万职工踊跃参加创建活动。',
      '目前，已有3家获评全国“工人先锋号”、1家获评省级“工人先锋号”、29家获评市级“工人先锋号”、208家获评县级“工人先锋号”，成为全县各行各业标杆。',
    ],
  },
  {
    org: '嘉善县总工会',
    column: 'notice',
    title: '关于开展“五型工人先锋号”创建活动的通知',
    public: false,
    publishedIn: -1,
    paragraphs: [
      '各镇（街道）总工会、各基层工会：',
      '现组织开展“五型工人先锋号”创建活动。五型为：现代管理型、科技创新型、安全生产型、优质服务型、模范教育型，各类型均按基础建设、组织建设、队伍建设、内部管理和工作实效五个方面考核。',
      '请各单位以车间、科室、班组为单位报名创建，做好自评和台账，县总工会将组织评估、成果展示和公示后命名。',
    ],
  },
  {
    org: '嘉善县总工会',
    column: 'policy',
    title: '《嘉善县“工人先锋号”管理办法》要点',
    public: true,
    publishedIn: -10,
    paragraphs: [
      '县、镇（街道）、基层三级都成立创建领导小组，对创建的条件和要求、评选与表彰、考核与管理实行统一标准。',
      '办法健全了“工人先锋号”命名表彰制度、定期检查制度和奖励激励制度：获评的集体接受定期检查，不再符合条件的予以撤销。',
      '获得创新成果奖和入围成果奖的集体，除给予一定奖励外，还将作为推荐上一级“工人先锋号”的优先考虑对象。',
    ],
  },
  {
    org: '嘉善县总工会',
    column: 'rights_guide',
    title: '工资集体协商：职工怎样参与',
    public: true,
    publishedIn: -6,
    paragraphs: [
      '工资集体协商由工会代表职工与企业就工资分配进行平等协商，可以线上线下结合进行。',
      '<strong>第一步：</strong>工会走访调研、征求职工意见，职工可通过问卷和座谈提出诉求。',
      '<strong>第二步：</strong>推选职工代表，与企业方酝酿协商内容并召开协商会。',
      '<strong>第三步：</strong>协议草案经职工代表讨论通过后签订，并报送审查备案。遇到工资拖欠等问题，可向所在工会求助。',
    ],
  },
  {
    org: '云创青年小镇工会联合会',
    column: '创业扶持',
    title: '云创青年小镇出台创业扶持政策 助力青年创业者梦想启航',
    public: true,
    publishedIn: -2,
    cover: true,
    paragraphs: [
      '云创青年小镇工会联合会联合小镇管理方制定出台了租赁费优惠、金融贴息政策优惠、财税辅导等创业扶持政策，激励青年职工创业创新。',
      '小镇已培养了一批以“捌么捌号”文创空间为代表的在校大学生创业团队、以“菜根谭”为代表的毕业大学生创业团队、以“柏家”为代表的二次创业大学生团队，带动高层次人才队伍建设。',
      '小镇工会以融合服务的特点带动经济发展和小镇和谐，让青年创业者也有属于自己的“娘家”。政策全文见附件。',
    ],
    pdf: {
      name: '云创青年小镇创业扶持政策.pdf',
      title: '云创青年小镇创业扶持政策（摘要）',
      lines: ['一、租赁费优惠：入驻小镇的青年创业团队享受租赁费优惠。', '二、金融贴息：符合条件的创业贷款给予贴息支持。', '三、财税辅导：小镇提供财税辅导等创业服务。', '咨询：云创青年小镇工会联合会'],
    },
  },
  {
    org: '魏塘街道总工会',
    column: 'notice',
    title: '魏塘街道“夏季送清凉”活动安排',
    public: false,
    publishedIn: 2,
    paragraphs: ['街道总工会将于近期走访辖区企业一线岗位，为高温作业职工送去防暑降温用品，请各基层工会统计需求并报街道总工会。'],
  },
  {
    org: '魏塘街道总工会',
    column: 'news',
    title: '魏塘街道举办职工消防安全知识讲座（草稿）',
    public: false,
    paragraphs: ['消防员以遇到火灾该如何逃生为切入点，讲解报警、扑救初期火灾、使用灭火器、紧急逃生等知识，部分职工参与演练。'],
  },
];

/** A file as the multipart parser hands it to the upload mechanism, with text fields before it. */
async function* partsOf(fields: Record<string, string>, fileName: string, data: Buffer) {
  for (const [fieldname, value] of Object.entries(fields)) yield { type: 'field', fieldname, value };
  yield { type: 'file', fieldname: 'file', filename: fileName, file: Readable.from([data]) };
}

export async function seedArticlesDemo(deps: Deps, caller: Caller): Promise<void> {
  const names = [...new Set([...ARTICLES.map((a) => a.org), ...CUSTOM_COLUMNS.map((c) => c.org)])];
  const orgs = await deps.db.selectFrom('orgs').select(['id', 'name']).where('name', 'in', names).execute();
  const orgId = new Map(orgs.map((o) => [o.name, o.id]));
  const columnKey = new Map<string, string>();
  for (const c of CUSTOM_COLUMNS) columnKey.set(c.name, (await createColumn(deps, caller, { orgId: orgId.get(c.org)!, name: c.name, ordering: 0 })).key);
  const now = deps.clock().getTime();
  for (const a of ARTICLES) {
    const publishAt = a.publishedIn === undefined ? undefined : new Date(now + a.publishedIn * 86400_000).toISOString();
    const body = a.paragraphs.map((p) => `<p>${p}</p>`).join('');
    const org = orgId.get(a.org)!;
    const coverUrl = a.cover ? (await uploadImage(deps, caller, partsOf({ orgId: String(org) }, '云创青年小镇.png', demoCoverPng()))).url : undefined;
    const column = columnKey.get(a.column) ?? a.column;
    const { id } = await createArticle(deps, caller, { orgId: org, column, title: a.title, body, public: a.public, publishAt, coverUrl });
    if (a.pdf) await uploadAttachment(deps, caller, id, partsOf({}, a.pdf.name, demoPolicyPdf(a.pdf.title, a.pdf.lines)));
    if (a.pinned) await pinArticle(deps, caller, id, true);
  }
}
