import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Form, Input, List, NavBar, Selector, Steps, Tag, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import './texts';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import { statusColor, yuan } from './texts';

const stepKinds = ['consultation', 'mediation', 'legal_aid_referral', 'arbitration', 'litigation_support', 'internal_note'] as const;
const outcomes = ['resolved', 'referred', 'withdrawn'] as const;

/** 承办案件: a lawyer's or mediator's cases, assigned by the union; nothing else is shown to them. */
export function AssignedPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/rights-cases/assigned')), []);
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('rightsPortal.assigned')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('rightsPortal.assignedEmpty')} />}
      {data && data.items.length > 0 && (
        <List className="gh-card-flat" mode="card">
          {data.items.map((c) => (
            <List.Item key={c.id} onClick={() => navigate(`/rights/handle/${c.id}`)} extra={<Tag color={statusColor[c.status]}>{t(`rightsPortal.status.${c.status}`)}</Tag>} description={`${c.caseNo} · ${c.applicantName} · ${c.orgName}`}>
              {t(`rightsPortal.category.${c.category}`)}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

/** One assigned case: what happened, its steps, and recording progress or closing it. */
export function HandlePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { data: c, failure, reload } = useLoad(() => unwrap(api.GET('/api/rights-cases/{id}', { params: { path: { id } } })), [id]);
  const [busy, setBusy] = useState(false);
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      Toast.show({ icon: 'success', content: done });
      await reload();
    } catch (error) {
      Toast.show({ icon: 'fail', content: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/rights/assigned')} style={{ background: '#fff' }}>
        {c?.caseNo ?? t('rightsPortal.assigned')}
      </NavBar>
      <PageStates loading={c === undefined} failure={failure} onRetry={reload} />
      {c && (
        <>
          <List className="gh-card-flat" mode="card">
            <List.Item extra={<Tag color={statusColor[c.status]}>{t(`rightsPortal.status.${c.status}`)}</Tag>}>{t(`rightsPortal.category.${c.category}`)}</List.Item>
            <List.Item extra={c.applicantName}>{t('rightsPortal.org')}：{c.orgName}</List.Item>
            {c.amountFen !== null && <List.Item extra={yuan(c.amountFen)}>{t('rightsPortal.amountLabel')}</List.Item>}
            {c.due && <List.Item extra={formatTime(c.due)}>{t('rightsPortal.due')}</List.Item>}
            <List.Item description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.narrative}</span>}>{t('rightsPortal.narrativeLabel')}</List.Item>
          </List>
          <div className="gh-card gh-card-flat">
            <p className="gh-section-title">{t('rightsPortal.steps')}</p>
            <Steps direction="vertical" current={c.steps.length - 1}>
              {c.steps.map((s) => (
                <Steps.Step key={s.id} title={t(`rightsPortal.step.${s.kind}`)} description={`${formatTime(s.createdAt)} ${s.note}`} />
              ))}
            </Steps>
          </div>
          {c.actions.includes('step') && (
            <Form
              layout="vertical"
              mode="card"
              initialValues={{ kind: ['consultation'], note: '' }}
              onFinish={(v: { kind: (typeof stepKinds)[number][]; note: string }) => act(() => unwrap(api.POST('/api/rights-cases/{id}/steps', { params: { path: { id } }, body: { kind: v.kind[0], note: v.note.trim() } })), t('rightsPortal.stepAdded'))}
              footer={
                <Button block type="submit" color="primary" loading={busy}>
                  {t('rightsPortal.addStep')}
                </Button>
              }
            >
              <Form.Item name="kind">
                <Selector columns={3} options={stepKinds.map((k) => ({ value: k, label: t(`rightsPortal.step.${k}`) }))} />
              </Form.Item>
              <Form.Item name="note" label={t('rightsPortal.note')} rules={[{ required: true }]}>
                <TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </Form>
          )}
          {c.actions.includes('close') && (
            <Form
              layout="vertical"
              mode="card"
              initialValues={{ outcome: ['resolved'] }}
              onFinish={(v: { outcome: (typeof outcomes)[number][]; recovered?: string }) =>
                act(() => unwrap(api.POST('/api/rights-cases/{id}/close', { params: { path: { id } }, body: { outcome: v.outcome[0], recoveredFen: v.outcome[0] === 'resolved' ? Math.round(Number(v.recovered ?? 0) * 100) : null } })), t('rightsPortal.closed'))
              }
              footer={
                <Button block type="submit" loading={busy}>
                  {t('rightsPortal.close')}
                </Button>
              }
            >
              <Form.Item name="outcome" label={t('rightsPortal.closeOutcome')}>
                <Selector columns={3} options={outcomes.map((o) => ({ value: o, label: t(`rightsPortal.outcome.${o}`) }))} />
              </Form.Item>
              <Form.Item name="recovered" label={t('rightsPortal.recovered')}>
                <Input type="number" inputMode="decimal" />
              </Form.Item>
            </Form>
          )}
        </>
      )}
    </div>
  );
}
