import { useTranslation } from 'react-i18next';
import { UNION_RED } from '../theme';
import { CountBars, ShareRing } from '../shared/charts';
import type { MemberStatus, OrgStats } from './types';

const statusColor: Record<MemberStatus, string> = { member: UNION_RED, transferring: '#1677ff', retained: '#faad14', left: '#bfbfbf' };

/** New members per month over the last 12 months. */
export function GrowthChart({ growth }: { growth: OrgStats['growth'] }) {
  const { t } = useTranslation();
  return <CountBars categories={growth.map((g) => g.month)} values={growth.map((g) => g.joined)} name={t('members.coverage.joined')} />;
}

/** Members by status, left ones included so the roll's whole history shows. */
export function StatusPie({ byStatus }: { byStatus: OrgStats['membersByStatus'] }) {
  const { t } = useTranslation();
  const statuses = Object.keys(statusColor) as MemberStatus[];
  return <ShareRing slices={statuses.map((s) => ({ name: t(`memberStatus.${s}`), value: byStatus[s], color: statusColor[s] }))} />;
}
