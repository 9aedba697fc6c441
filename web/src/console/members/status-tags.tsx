import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus, MemberStatus, TransferStatus } from './types';

const applicationColor: Record<ApplicationStatus, string> = { pending: 'processing', approved: 'success', rejected: 'error', withdrawn: 'default' };
const memberColor: Record<MemberStatus, string> = { member: 'success', transferring: 'processing', retained: 'warning', left: 'default' };
const transferColor: Record<TransferStatus, string> = { pending: 'processing', accepted: 'success', rejected: 'error', cancelled: 'default' };

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <Tag color={applicationColor[status]}>{t(`members.applicationStatus.${status}`)}</Tag>;
}

export function MemberStatusTag({ status }: { status: MemberStatus }) {
  const { t } = useTranslation();
  return <Tag color={memberColor[status]}>{t(`memberStatus.${status}`)}</Tag>;
}

/** A transfer's status, with the reason it was declined beneath. */
export function TransferStatusTag({ status, reason }: { status: TransferStatus; reason: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={transferColor[status]}>{t(`members.transferStatus.${status}`)}</Tag>
      {reason && <div style={{ fontSize: 12, color: '#8c8c8c' }}>{reason}</div>}
    </>
  );
}
