import { Link, useParams } from 'react-router';
import { Alert, Button, Flex, Result, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { pioneerKeys } from './queries';
import type { Certificate } from './types';
import './certificate.css';

/** 2026-11-27 → 2026年11月27日, as certificates write dates. */
function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

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
      <CertificateSheet certificate={c} />
    </Flex>
  );
}

/** The certificate's wording stays Chinese whatever the UI's language: it is the document itself. */
function CertificateSheet({ certificate: c }: { certificate: Certificate }) {
  return (
    <article className="gh-certificate" aria-label="工人先锋号证书">
      <div className="gh-certificate-frame">
        <div className="gh-certificate-no">证书编号：{c.certificateNo}</div>
        <h1 className="gh-certificate-heading">工人先锋号</h1>
        <div className="gh-certificate-body">
          <span className="gh-certificate-team">{c.teamName}</span>
          <span className="gh-certificate-enterprise">{c.enterpriseName}</span>
          <p style={{ textIndent: '2em', marginTop: '10mm' }}>
            被授予{c.year}年度{c.title}称号。特发此证，以资鼓励。
          </p>
        </div>
        {c.status === 'revoked' && <div className="gh-certificate-void">该称号已撤销</div>}
        <div className="gh-certificate-issuer">
          <div>{c.issuer}</div>
          <div>{c.namedOn ? chineseDate(c.namedOn) : `${c.year}年`}</div>
          {c.documentNo && <div style={{ fontSize: '11pt', color: '#595959' }}>{c.documentNo}</div>}
        </div>
      </div>
    </article>
  );
}
