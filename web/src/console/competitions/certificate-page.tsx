import { Link, useParams } from 'react-router';
import { Button, Flex, Result, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { CertificateSheet, chineseDate } from '../shared/certificate';
import { competitionKeys } from './queries';

/** A skill contest award's printable A4 certificate, on the shared sheet; 打印证书 prints only the sheet. */
export function CertificatePage() {
  const { t } = useTranslation();
  const id = Number(useParams().entryId);
  const certificate = useQuery({
    queryKey: competitionKeys.certificate(id),
    queryFn: () => unwrap(api.GET('/api/skill-entries/{id}/certificate', { params: { path: { id } } })),
  });
  if (certificate.isPending) return <Skeleton active />;
  if (certificate.isError) return <Result status="error" title={t('error.loadFailed')} subTitle={certificate.error.message} />;
  const c = certificate.data;
  return (
    <Flex vertical gap={16}>
      <Flex className="gh-no-print" align="center" gap={12} wrap>
        <Link to="/competitions">
          <Button icon={<ArrowLeftOutlined />}>{t('competitions.certificate.back')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('competitions.certificate.print')}
        </Button>
        <Typography.Text type="secondary">{t('competitions.certificate.hint')}</Typography.Text>
      </Flex>
      <CertificateSheet
        label="技能竞赛获奖证书"
        heading="荣誉证书"
        certificateNo={c.certificateNo}
        name={c.memberName}
        subtitle={c.enterpriseName}
        issuer={c.issuer}
        dated={chineseDate(c.publishedOn)}
      >
        在{c.contestTitle}“{c.eventName}”项目中荣获{c.awardName}。特发此证，以资鼓励。
      </CertificateSheet>
    </Flex>
  );
}
