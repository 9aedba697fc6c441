import { Link, useParams } from 'react-router';
import { Alert, Button, Flex, Result, Skeleton } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { CertificateSheet, chineseDate } from '../shared/certificate';
import { ratingKeys } from './types';

const levelWord = { county: '县级', city: '市级', province: '省级', national: '全国' } as const;

/** A named rating's certificate (or plaque text) on the shared A4 sheet: 五星级基层工会, 模范职工之家. */
export function RatingCertificatePage() {
  const { t } = useTranslation();
  const id = Number(useParams().ratingId);
  const rating = useQuery({ queryKey: ratingKeys.rating(id), queryFn: () => unwrap(api.GET('/api/ratings/{id}', { params: { path: { id } } })) });
  if (rating.isPending) return <Skeleton active />;
  if (rating.isError) return <Result status="error" title={t('error.loadFailed')} subTitle={rating.error.message} />;
  const r = rating.data;
  const honour = r.kind === 'star_rating' ? `${'一二三四五'[(r.stars ?? 1) - 1]}星级基层工会` : r.homeGrade === 'model' ? '模范职工之家' : '先进职工之家';
  return (
    <Flex vertical gap={16}>
      <Flex className="gh-no-print" gap={12}>
        <Link to="/ratings">
          <Button icon={<ArrowLeftOutlined />}>{t('ratings.back')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={r.status !== 'named'}>
          {t('ratings.print')}
        </Button>
      </Flex>
      {r.status === 'revoked' && <Alert className="gh-no-print" type="warning" showIcon title={t('ratings.revoked')} />}
      <CertificateSheet
        label={`${honour}证书`}
        heading={r.kind === 'star_rating' ? '星级工会' : '职工之家'}
        certificateNo={r.certificateNo}
        name={r.orgName}
        issuer={r.reviewerOrgName}
        dated={r.namedOn ? chineseDate(r.namedOn) : `${r.year}年`}
        note={r.validUntil ? `有效期至 ${chineseDate(r.validUntil)}` : null}
        voidText={r.status === 'revoked' ? '该称号已撤销' : null}
      >
        经考核评定，被命名为{r.year}年度{levelWord[r.level]}“{honour}”。特发此证，以资鼓励。
      </CertificateSheet>
    </Flex>
  );
}
