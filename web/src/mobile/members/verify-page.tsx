import { useCallback, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, ErrorBlock, Form, NavBar, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { canScan, useQrScanner } from '../../ui/qr-scanner';
import { useMember } from '../session';
import type { CardVerification } from './types';
import './members.css';
import './texts';

/**
 * 会员卡核验: a cadre, or the card verifier (核验员) of a partner merchant or venue, scans a
 * member's e-card with the phone's camera (the browser's BarcodeDetector, where there is one) or
 * types the code under it, and sees at once whether it is a valid card, with the masked name,
 * union and status, or why not. Each check is audited on the server.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMember();
  const [verdict, setVerdict] = useState<{ answer: CardVerification; at: Date } | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ token: string }>();
  const allowed = me.grants.some((g) => g.permissions.includes('card.verify'));

  const check = useCallback(
    async (token: string) => {
      setBusy(true);
      try {
        setVerdict({ answer: await unwrap(api.POST('/api/member-cards/verify', { body: { token: token.trim() } })), at: new Date() });
      } catch (error) {
        Toast.show({ icon: 'fail', content: error instanceof Error ? error.message : String(error) });
      } finally {
        setBusy(false);
      }
    },
    [],
  );
  // The scanner reads the same code many times a second: the first read is checked, the rest wait for 继续扫码.
  const onScan = useCallback((text: string) => {
    if (!busy) check(text);
  }, [busy, check]);

  const again = () => {
    setVerdict(null);
    form.resetFields();
  };

  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('members.verify.title')}</h1>
      </NavBar>
      {!allowed ? (
        <ErrorBlock status="default" title={t('members.verify.notAllowed')} description={t('members.verify.notAllowedText')} style={{ padding: '24px 16px' }} />
      ) : verdict ? (
        <>
          <Verdict verdict={verdict.answer} at={verdict.at} />
          <div style={{ margin: 12 }}>
            <Button block color="primary" size="large" onClick={again}>
              {t(canScan ? 'members.verify.scanAgain' : 'members.verify.checkAgain')}
            </Button>
          </div>
        </>
      ) : (
        <>
          {canScan && !busy && <Scanner onCode={onScan} />}
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => check(v.token)}
            footer={
              <Button block type="submit" color="primary" size="large" loading={busy}>
                {t('members.verify.submit')}
              </Button>
            }
          >
            <Form.Header>{t(canScan ? 'members.verify.orType' : 'members.verify.noCamera')}</Form.Header>
            <Form.Item name="token" label={t('members.verify.token')} rules={[{ required: true, whitespace: true, message: t('members.verify.tokenRequired') }]} className="gh-verify-token">
              <TextArea placeholder={t('members.verify.tokenPlaceholder')} autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} />
            </Form.Item>
          </Form>
        </>
      )}
    </div>
  );
}

function Scanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const failure = useQrScanner(video, onCode);
  if (failure) return <p className="gh-notice" style={{ paddingTop: 12 }}>{t('members.verify.cameraFailed', { reason: failure })}</p>;
  return (
    <figure className="gh-verify-scanner">
      <video ref={video} muted playsInline aria-label={t('members.verify.scanning')} />
      <figcaption>{t('members.verify.scanning')}</figcaption>
    </figure>
  );
}

/**
 * Green for a valid card with who it belongs to (name masked), red with the reason for any other;
 * with the moment of the check, so a photo of an old verdict is told apart from a fresh one.
 */
function Verdict({ verdict, at }: { verdict: CardVerification; at: Date }) {
  const { t } = useTranslation();
  const checkedAt = <p className="gh-verdict-at">{t('members.verify.checkedAt', { time: at.toLocaleTimeString('zh-CN', { hour12: false }) })}</p>;
  if (!verdict.valid) {
    return (
      <section className="gh-verdict gh-verdict-refused" role="status" aria-label={t('members.verify.refused')}>
        <h2>
          <span aria-hidden="true">✕ </span>
          {t('members.verify.refused')}
        </h2>
        <p>{t(`members.verify.reason.${verdict.reason}`)}</p>
        {checkedAt}
      </section>
    );
  }
  return (
    <section className="gh-verdict gh-verdict-valid" role="status" aria-label={t('members.verify.valid')}>
      <h2>
        <span aria-hidden="true">✓ </span>
        {t('members.verify.valid')}
      </h2>
      <p>{t('members.verify.validText')}</p>
      <dl className="gh-ecard-rows">
        <dt>{t('members.verify.name')}</dt>
        <dd>{verdict.name}</dd>
        <dt>{t('members.card.memberNo')}</dt>
        <dd>{verdict.memberNo}</dd>
        <dt>{t('members.card.union')}</dt>
        <dd>{verdict.orgName}</dd>
        <dt>{t('members.card.status')}</dt>
        <dd>{t(`memberStatus.${verdict.status}`)}</dd>
      </dl>
      {checkedAt}
    </section>
  );
}
