import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus, CandidateStatus, Level, PioneerType } from './types';

const campaignColor: Record<CampaignStatus, string> = {
  registration: 'blue',
  self_assessment: 'cyan',
  scoring: 'geekblue',
  showcase: 'purple',
  publicity: 'orange',
  named: 'green',
  cancelled: 'default',
};
const candidateColor: Record<CandidateStatus, string> = {
  registered: 'blue',
  submitted: 'cyan',
  withdrawn: 'default',
  scored: 'geekblue',
  nominated: 'orange',
  named: 'green',
  not_named: 'default',
};
const levelColor: Record<Level, string> = { national: 'red', province: 'volcano', city: 'gold', county: 'blue' };

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={campaignColor[status]} bordered={false}>
      {t(`pioneer.campaignStatus.${status}`)}
    </Tag>
  );
}

export function CandidateStatusTag({ status }: { status: CandidateStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={candidateColor[status]} bordered={false}>
      {t(`pioneer.candidateStatus.${status}`)}
    </Tag>
  );
}

export function LevelTag({ level }: { level: Level }) {
  const { t } = useTranslation();
  return (
    <Tag color={levelColor[level]} bordered={false}>
      {t(`pioneer.level.${level}`)}
    </Tag>
  );
}

export function TypeTag({ type }: { type: PioneerType }) {
  const { t } = useTranslation();
  return <Tag bordered={false}>{t(`pioneerType.${type}`)}</Tag>;
}
