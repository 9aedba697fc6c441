import { Link, useParams } from 'react-router';
import { Alert, Button, Flex, Result, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { pioneerKeys } from './queries';
import type { Certificate } from './types';
import { CertificateSheet, chineseDate } from '../shared/certificate';

/** The printable A4 certificate of a title; 打印证书 prints only the sheet. */
export function CertificatePage() {
  const { t } = useTranslation();
  const id = Number(useParams().titleId);
  const certificate = useQuery({
    queryKey: pioneerKeys.certificate(id),
    queryFn: () => unwrap(api.GET('/api/pioneer/titles/{id}/certificate', { params: { path: { id } } })),
  });
  if (certificate.isPending) return <Skeleton active />;
  if (certificate.isError) return <Result status="error" title={t('error.loadFailed')} subTitle={certificate.error.message} />;
  const c = certificate.data;
  return (
    <Flex vertical gap={16}>
      <Flex className="gh-no-print" align="center" gap={12} wrap>
        <Link to={`/pioneer/titles/${id}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('pioneer.certificate.back')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={c.status === 'revoked'}>
          {t('pioneer.certificate.print')}
        </Button>
        <Typography.Text type="secondary">{t('pioneer.certificate.hint')}</Typography.Text>
      </Flex>
      {c.status === 'revoked' && <Alert className="gh-no-print" type="warning" showIcon title={t('pioneer.certificate.revoked')} />}
      <TitleCertificate certificate={c} />
    </Flex>
  );
}

/** A title's certificate on the shared A4 sheet. */
function TitleCertificate({ certificate: c }: { certificate: Certificate }) {
  return (
    <CertificateSheet
      label="工人先锋号证书"
      heading="工人先锋号"
      certificateNo={c.certificateNo}
      name={c.teamName}
      subtitle={c.enterpriseName}
      issuer={c.issuer}
      dated={c.namedOn ? chineseDate(c.namedOn) : `${c.year}年`}
      note={c.documentNo}
      voidText={c.status === 'revoked' ? '该称号已撤销' : null}
    >
      被授予{c.year}年度{c.title}称号。特发此证，以资鼓励。
    </CertificateSheet>
  );
}
