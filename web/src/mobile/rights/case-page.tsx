import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, List, NavBar, Rate, Steps, Tag, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import './texts';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import { statusColor, yuan } from './texts';

/** One of the worker's cases: its status and steps (never internal notes), documents to add, and the rating once closed. */
export function CasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { data: c, failure, reload } = useLoad(() => unwrap(api.GET('/api/rights-cases/mine/{id}', { params: { path: { id } } })), [id]);
  const [score, setScore] = useState(5);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  const rate = async () => {
    setBusy(true);
    try {
      await unwrap(api.POST('/api/rights-cases/{id}/rating', { params: { path: { id } }, body: { score, comment: comment.trim() || null } }));
      Toast.show({ icon: 'success', content: t('rightsPortal.rated') });
      await reload();
    } catch (error) {
      Toast.show({ icon: 'fail', content: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const upload = async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    try {
      // multipart: sent as the FormData itself, as the contest photos are
      await unwrap(api.POST('/api/rights-cases/{id}/attachments', { params: { path: { id } }, body: body as never }));
      Toast.show({ icon: 'success', content: t('rightsPortal.attached') });
    } catch (error) {
      Toast.show({ icon: 'fail', content: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/rights')} style={{ background: '#fff' }}>
        {t('rightsPortal.title')}
      </NavBar>
      <PageStates loading={c === undefined} failure={failure} onRetry={reload} />
      {c && (
        <>
          <List className="gh-card-flat" mode="card">
            <List.Item extra={<span data-testid="case-status"><Tag color={statusColor[c.status]}>{t(`rightsPortal.status.${c.status}`)}</Tag></span>}>{t(`rightsPortal.category.${c.category}`)}</List.Item>
            <List.Item extra={c.caseNo}>{t('rightsPortal.caseNo')}</List.Item>
            <List.Item extra={c.orgName}>{t('rightsPortal.org')}</List.Item>
            <List.Item extra={formatTime(c.createdAt)}>{t('rightsPortal.submittedAt')}</List.Item>
            {c.declineReason && <List.Item description={c.declineReason}>{t('rightsPortal.declineReason')}</List.Item>}
            {c.outcome && <List.Item extra={t(`rightsPortal.outcome.${c.outcome}`)}>{t('rightsPortal.closeOutcome')}</List.Item>}
            {c.recoveredFen !== null && <List.Item extra={yuan(c.recoveredFen)}>{t('rightsPortal.recovered')}</List.Item>}
          </List>
          <div className="gh-card gh-card-flat">
            <p className="gh-section-title">{t('rightsPortal.steps')}</p>
            {c.steps.length === 0 ? (
              <p style={{ color: '#999' }}>{t('rightsPortal.noSteps')}</p>
            ) : (
              <Steps direction="vertical" current={c.steps.length - 1}>
              {c.steps.map((s) => (
                <Steps.Step key={s.id} title={t(`rightsPortal.step.${s.kind}`)} description={`${formatTime(s.createdAt)} ${s.note}`} />
              ))}
            </Steps>
            )}
          </div>
          {c.status !== 'closed' && c.status !== 'declined' && (
            <div className="gh-card gh-card-flat">
              <p className="gh-section-title">{t('rightsPortal.attach')}</p>
              <input type="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
            </div>
          )}
          {c.rating !== null && (
            <List className="gh-card-flat" mode="card">
              <List.Item extra={<Rate readOnly value={c.rating} />} description={c.ratingComment ?? undefined}>
                {t('rightsPortal.yourRating')}
              </List.Item>
            </List>
          )}
          {c.canRate && (
            <div className="gh-card gh-card-flat">
              <p className="gh-section-title">{t('rightsPortal.rate')}</p>
              <Rate value={score} onChange={setScore} />
              <TextArea placeholder={t('rightsPortal.comment')} value={comment} onChange={setComment} rows={2} maxLength={500} style={{ margin: '8px 0' }} />
              <Button block color="primary" loading={busy} onClick={rate}>
                {t('rightsPortal.rateSubmit')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
