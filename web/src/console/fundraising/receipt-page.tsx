import { Link, useParams } from 'react-router';
import { Button, Flex, Result, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { CertificateSheet, chineseDate } from '../shared/certificate';
import { fundraisingKeys, yuan } from './types';

/** A donation's printable receipt (捐赠收据) on the shared A4 sheet. */
export function ReceiptPage() {
  const { t } = useTranslation();
  const id = Number(useParams().entryId);
  const receipt = useQuery({ queryKey: fundraisingKeys.receipt(id), queryFn: () => unwrap(api.GET('/api/fundraiser-entries/{id}/receipt', { params: { path: { id } } })) });
  if (receipt.isPending) return <Skeleton active />;
  if (receipt.isError) return <Result status="error" title={t('error.loadFailed')} subTitle={receipt.error.message} />;
  const r = receipt.data;
  const given = [r.amountFen > 0 ? `善款人民币 ${yuan(r.amountFen)}` : null, ...r.goods.map((g) => `${g.name} ${g.quantity} ${g.unit}`)].filter(Boolean).join('、');
  return (
    <Flex vertical gap={16}>
      <Flex className="gh-no-print" align="center" gap={12} wrap>
        <Link to="/fundraising">
          <Button icon={<ArrowLeftOutlined />}>{t('fundraising.print.back')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('fundraising.print.print')}
        </Button>
        <Typography.Text type="secondary">{t('fundraising.print.hint')}</Typography.Text>
      </Flex>
      <CertificateSheet label="捐赠收据" heading="捐赠收据" name={r.donorName} issuer={r.orgName} dated={chineseDate(r.createdAt)} note={`收据号：${r.receiptNo}`}>
        兹收到您为{r.fundraiserTitle}捐赠的{given}。衷心感谢您的爱心善举！
      </CertificateSheet>
    </Flex>
  );
}
