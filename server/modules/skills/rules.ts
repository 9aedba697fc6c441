/**
 * Skill levels (技能等级): the five levels of China's vocational qualification and vocational skill
 * level certificates, and the checks every record passes, whoever writes it (a cadre, an Excel
 * import, a skill contest's results). No I/O.
 *
 * Sources:
 * - 《国家职业资格目录》 and 《国家职业技能标准编制技术规程》 (人社部, 2018 edition): five levels, 五级/初级工,
 *   四级/中级工, 三级/高级工, 二级/技师, 一级/高级技师 — level 1 is the highest.
 * - 人社部《关于改革完善技能人才评价制度的意见》(人社部发〔2019〕90号) and《职业技能等级认定工作规程
 *   （试行）》(人社职业司便函〔2020〕17号): skill levels are recognised by employers doing their own
 *   evaluation (企业自主评价) or by social training and evaluation organisations (社会培训评价组织,
 *   "评价机构"); each certificate carries its own number.
 * - 人社部《关于健全完善新时代技能人才职业技能等级制度的意见（试行）》(人社部发〔2022〕14号):
 *   学徒工 below level 5, 特级技师 and 首席技师 above level 1 — designations beside the five levels,
 *   not levels of a certificate, so not recorded here.
 */

/** Level numbers as certificates print them: 1 the highest (高级技师), 5 the entry level (初级工). */
export const SKILL_LEVELS = [1, 2, 3, 4, 5] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** Each level's two names: the number name (五级) and the traditional one (初级工). */
export const levelNames: Record<SkillLevel, { grade: string; title: string; en: string }> = {
  1: { grade: '一级', title: '高级技师', en: 'Level 1 (senior technician)' },
  2: { grade: '二级', title: '技师', en: 'Level 2 (technician)' },
  3: { grade: '三级', title: '高级工', en: 'Level 3 (senior worker)' },
  4: { grade: '四级', title: '中级工', en: 'Level 4 (intermediate worker)' },
  5: { grade: '五级', title: '初级工', en: 'Level 5 (junior worker)' },
};

/** 一级/高级技师 as one label. */
export const levelLabel = (level: SkillLevel) => `${levelNames[level].grade}/${levelNames[level].title}`;

/**
 * "高级工 or above" (高技能人才, skilled talent in the statistics of 人社部): levels 3, 2 and 1. The
 * seed's 安胜科技 counts 43 such workers among its 812.
 */
export const ADVANCED_LEVEL = 3;
export const isAdvancedOrAbove = (level: number) => level <= ADVANCED_LEVEL;

/** Who evaluated: the employer's own evaluation (企业自主评价) or an evaluation organisation (评价机构). */
export const issuerKinds = { enterprise: '企业自主评价', agency: '评价机构' } as const;
export type IssuerKind = keyof typeof issuerKinds;

/**
 * A certificate number: printed numbers differ by issuer and year (人社部's national numbering is
 * 18–22 characters; enterprises and organisations often add prefixes), so the check stays
 * permissive: 4–40 letters, digits and hyphens. Not an ID number, and never derived from one.
 */
export const CERTIFICATE_NO = { min: 4, max: 40, pattern: /^[A-Za-z0-9-]+$/ };
export const isCertificateNo = (value: string) => value.length >= CERTIFICATE_NO.min && value.length <= CERTIFICATE_NO.max && CERTIFICATE_NO.pattern.test(value);

/** Occupations (工种/职业) as named in the 职业分类大典, free text up to 60 characters. */
export const OCCUPATION_MAX = 60;
export const ISSUER_MAX = 100;

/** A certificate is issued on a day that has come: never in the future (Shanghai's today). */
export const issuedInFuture = (issuedOn: string, today: string) => issuedOn > today;

/** Record statuses: valid; voided (withdrawn, with a reason); corrected (replaced by a newer record). History is never deleted. */
export const recordStatuses = ['valid', 'voided', 'corrected'] as const;
export type RecordStatus = (typeof recordStatuses)[number];

/** Only a valid record may be voided or corrected: the others are history. */
export const canChange = (status: RecordStatus) => status === 'valid';

/** Where a record came from. */
export const recordSources = ['manual', 'import', 'competition', 'demo'] as const;
export type RecordSource = (typeof recordSources)[number];

/**
 * A level written in a workbook: 1–5, or a name (三级, 高级工, 三级/高级工). Null when it names no level.
 */
export function parseLevel(cell: string): SkillLevel | null {
  const text = cell.replace(/\s/g, '');
  if (/^[1-5]$/.test(text)) return Number(text) as SkillLevel;
  for (const level of SKILL_LEVELS) {
    const { grade, title } = levelNames[level];
    if (text === grade || text === title || text === `${grade}/${title}` || text === `${grade}（${title}）` || text === `${grade}(${title})`) return level;
  }
  return null;
}

/** An evaluating body's kind written in a workbook: its Chinese name or its code; empty means 评价机构. */
export function parseIssuerKind(cell: string): IssuerKind | null {
  if (!cell) return 'agency';
  for (const [code, name] of Object.entries(issuerKinds)) if (cell === code || cell === name) return code as IssuerKind;
  if (cell === '企业') return 'enterprise';
  return null;
}
