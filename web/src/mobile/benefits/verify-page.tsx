import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Input, NavBar, Result } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import './texts';

/** 福利核销: the distributor types the worker's code; each code is redeemed once. */
export function VerifyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const redeem = async () => {
    try {
      const r = await unwrap(api.POST('/api/benefit-claims/redeem', { body: { code } }));
      if (r.valid) {
        setOutcome({ ok: true, text: t('benefits.verified', { title: r.title, name: r.memberName, org: r.orgName }) });
        setCode('');
      } else setOutcome({ ok: false, text: r.reason === 'redeemed' ? t('benefits.redeemedAt', { at: formatTime(r.redeemedAt) }) : t('benefits.unknown') });
    } catch (error) {
      setOutcome({ ok: false, text: (error as Error).message });
    }
  };
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('benefits.verifyTitle')}</h1>
      </NavBar>
      <div className="gh-card" style={{ padding: 16 }}>
        <Input placeholder={t('benefits.verifyHint')} value={code} onChange={setCode} clearable style={{ fontSize: 20, letterSpacing: 2 }} />
        <Button block color="primary" style={{ marginTop: 12 }} disabled={code.trim().length < 4} onClick={redeem}>
          {t('benefits.verify')}
        </Button>
      </div>
      {outcome && <Result status={outcome.ok ? 'success' : 'error'} title={outcome.text} />}
    </div>
  );
}
