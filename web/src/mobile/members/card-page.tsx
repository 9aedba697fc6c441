import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Dialog, DotLoading, ErrorBlock, Form, Input, List, NavBar, Popup, Tag, Toast } from 'antd-mobile';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { showErrors } from './form-errors';
import type { CardToken, DirectoryUnion, MyMembership } from './types';
import { UnionField, UnionPicker } from './union-picker';
import { useMyMembership } from './use-membership';
import './members.css';
import './texts';

type Transfer = MyMembership['transfers'][number];
const transferColor: Record<Transfer['status'], string> = { pending: 'primary', accepted: 'success', rejected: 'danger', cancelled: 'default' };

/** 电子会员卡: the member's card with a QR code to show, and their transfers to another union. */
export function CardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { membership, failure, reload: load } = useMyMembership();
  const [transferring, setTransferring] = useState(false);

  const cancel = async (transfer: Transfer) => {
    if (!(await Dialog.confirm({ content: t('members.card.cancelConfirm') }))) return;
    try {
      await unwrap(api.POST('/api/transfers/{id}/cancel', { params: { path: { id: transfer.id } } }));
      Toast.show({ icon: 'success', content: t('members.card.cancelled') });
      await load();
    } catch (error) {
      Toast.show({ icon: 'fail', content: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('members.card.title')}</h1>
      </NavBar>
      {failure && (
        <ErrorBlock status="default" title={t('loadFailed')} description={failure}>
          <Button color="primary" onClick={load}>
            {t('retry')}
          </Button>
        </ErrorBlock>
      )}
      {membership === undefined && !failure && (
        <div style={{ textAlign: 'center', paddingTop: '30vh', fontSize: 24 }}>
          <DotLoading color="primary" />
        </div>
      )}
      {membership === null && (
        <ErrorBlock status="empty" title={t('members.card.none')} description={t('members.card.noneText')} style={{ padding: '24px 16px' }}>
          <Button color="primary" onClick={() => navigate('/join')}>
            {t('members.card.apply')}
          </Button>
        </ErrorBlock>
      )}
      {membership && (
        <>
          <section className="gh-ecard" aria-label={t('members.card.title')}>
            <div className="gh-ecard-brand">{t('members.card.cardName')}</div>
            <div className="gh-ecard-name">{membership.name}</div>
            <dl className="gh-ecard-rows">
              <dt>{t('members.card.memberNo')}</dt>
              <dd>{membership.memberNo}</dd>
              <dt>{t('members.card.union')}</dt>
              <dd>{membership.orgName}</dd>
              <dt>{t('members.card.joinedOn')}</dt>
              <dd>{membership.joinedOn}</dd>
              <dt>{t('members.card.status')}</dt>
              <dd>{t(`memberStatus.${membership.status}`)}</dd>
            </dl>
          </section>
          {membership.status !== 'left' && <CardQr memberNo={membership.memberNo} />}
          <List header={t('members.card.transfers')}>
            {membership.transfers.map((tr) => (
              <List.Item
                key={tr.id}
                description={
                  <>
                    <div>{formatTime(tr.startedAt)}</div>
                    {tr.reason && <div>{tr.reason}</div>}
                  </>
                }
                extra={
                  tr.status === 'pending' ? (
                    <Button size="mini" fill="outline" onClick={() => cancel(tr)}>
                      {t('members.card.cancel')}
                    </Button>
                  ) : undefined
                }
              >
                <div>{t('members.card.from', { from: tr.fromOrgName, to: tr.toOrgName })}</div>
                <Tag color={transferColor[tr.status]}>{t(`members.transferStatus.${tr.status}`)}</Tag>
              </List.Item>
            ))}
            {(membership.status === 'member' || membership.status === 'retained') && (
              <List.Item description={t('members.card.transferHint')} onClick={() => setTransferring(true)}>
                {t('members.card.transferStart')}
              </List.Item>
            )}
          </List>
          <TransferSheet
            open={transferring}
            membership={membership}
            onClose={() => setTransferring(false)}
            onDone={() => {
              setTransferring(false);
              load();
            }}
          />
        </>
      )}
    </div>
  );
}

/** Fetch a new code this long before the shown one expires: a code on screen always has a minute left. */
const REFRESH_BEFORE_MS = 60_000;

/**
 * The card's QR code: a token the server signs for 5 minutes (GET /api/members/me/card-token),
 * fetched again a minute before it expires and whenever the page comes back into view, with the
 * time it has left. A code that did expire (offline, asleep) is greyed out until a new one comes.
 */
function useCardToken() {
  const [card, setCard] = useState<CardToken | null>(null);
  const [failed, setFailed] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  const refresh = useCallback(async () => {
    try {
      setCard(await unwrap(api.GET('/api/members/me/card-token')));
      setFailed(false);
    } catch {
      setFailed(true);
    }
    setNow(Date.now());
  }, []);

  useEffect(() => {
    refresh();
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible);
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(tick);
    };
  }, [refresh]);

  const expiresAt = card ? Date.parse(card.expiresAt) : 0;
  useEffect(() => {
    if (!expiresAt) return;
    const timer = window.setTimeout(refresh, Math.max(expiresAt - Date.now() - REFRESH_BEFORE_MS, 5_000));
    return () => window.clearTimeout(timer);
  }, [expiresAt, refresh]);

  return { card, failed, left: Math.max(0, expiresAt - now), refresh };
}

function CardQr({ memberNo }: { memberNo: string }) {
  const { t } = useTranslation();
  const { card, failed, left, refresh } = useCardToken();
  const expired = card !== null && left === 0;
  const seconds = Math.ceil(left / 1000);
  return (
    <div className="gh-ecard-qr">
      {card ? (
        <button type="button" className={`gh-ecard-code${expired ? ' gh-ecard-code-expired' : ''}`} onClick={refresh} aria-label={t('members.card.qrRefresh')}>
          <QRCodeSVG value={card.token} size={168} marginSize={1} title={memberNo} />
        </button>
      ) : (
        <div className="gh-ecard-code-wait">{failed ? <Button size="small" onClick={refresh}>{t('members.card.qrFailed')}</Button> : <DotLoading color="primary" />}</div>
      )}
      {card && !expired && <code className="gh-ecard-token">{card.token}</code>}
      <p className="gh-ecard-dynamic">
        {t('members.card.qrDynamic')}
        {card && (expired ? ` · ${t('members.card.qrExpired')}` : ` · ${t('members.card.qrLeft', { time: `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}` })}`)}
      </p>
      <p>{t('members.card.qrHint')}</p>
    </div>
  );
}

interface TransferValues {
  union: DirectoryUnion;
  reason?: string;
}

/** 申请接转: the member asks to move to another union; it takes effect when that union accepts. */
function TransferSheet({ open, membership, onClose, onDone }: { open: boolean; membership: MyMembership; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TransferValues>();
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (v: TransferValues) => {
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/members/{id}/transfers', { params: { path: { id: membership.memberId } }, body: { toOrgId: v.union.id, reason: v.reason?.trim() || null } }),
      );
      Toast.show({ icon: 'success', content: t('members.card.transferStarted') });
      form.resetFields();
      onDone();
    } catch (error) {
      showErrors(form, error, ['union', 'reason'], { toOrgId: 'union' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popup visible={open} onMaskClick={onClose} onClose={onClose} bodyStyle={{ borderRadius: '12px 12px 0 0', paddingBottom: 12 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy}>
            {t('members.card.transferSubmit')}
          </Button>
        }
      >
        <Form.Header>{t('members.card.transferHint')}</Form.Header>
        <Form.Item name="union" label={t('members.card.transferTo')} rules={[{ required: true, message: t('members.join.unionRequired') }]} onClick={() => setPicking(true)} arrowIcon>
          <UnionField placeholder={t('members.join.unionPlaceholder')} />
        </Form.Item>
        <Form.Item name="reason" label={t('members.card.transferReason')}>
          <Input placeholder={t('members.card.transferReasonPlaceholder')} maxLength={200} clearable />
        </Form.Item>
      </Form>
      <UnionPicker open={picking} exclude={membership.orgId} onClose={() => setPicking(false)} onPick={(union) => form.setFieldsValue({ union })} />
    </Popup>
  );
}
