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
  return <Tag color={memberColor[status]}>{t(`members.memberStatus.${status}`)}</Tag>;
}

export function TransferStatusTag({ status }: { status: TransferStatus }) {
  const { t } = useTranslation();
  return <Tag color={transferColor[status]}>{t(`members.transferStatus.${status}`)}</Tag>;
}
