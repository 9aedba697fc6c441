import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, List, NavBar, NoticeBar, Stepper, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import '../members/members.css';
import './texts';

/** 工匠评审: every candidate of the open selections the judge sits on, each marked 0–100 and saved on its own. */
export function MarkingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/craftsman-marking')), []);
  const [marks, setMarks] = useState<Record<number, number>>({});
  const [saving, setSaving] = useState<number | null>(null);
  const save = async (candidateId: number, name: string, value: number) => {
    setSaving(candidateId);
    try {
      await unwrap(api.PUT('/api/craftsman-candidates/{id}/marks', { params: { path: { id: candidateId } }, body: { value } }));
      Toast.show({ icon: 'success', content: t('honours.marking.saved', { name }) });
      reload();
    } catch (error) {
      Toast.show({ icon: 'fail', content: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(null);
    }
  };
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('honours.marking.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('honours.marking.empty')} />}
      {data && data.items.length > 0 && (
        <>
          <NoticeBar content={t('honours.marking.note')} color="info" wrap />
          <List className="gh-card-flat" mode="card">
            {data.items.map((c) => {
              const value = marks[c.candidateId] ?? c.myMark ?? 80;
              return (
                <List.Item
                  key={c.candidateId}
                  description={
                    <>
                      <div>{c.enterpriseName}</div>
                      <div>{c.selectionTitle}</div>
                    </>
                  }
                  extra={c.myMark === null ? <Tag color="danger">{t('honours.marking.todo')}</Tag> : <Tag color="success">{t('honours.marking.marked')}</Tag>}
                >
                  <div>{c.name}</div>
                  <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 8 }}>
                    <Stepper aria-label={`${c.name} ${t('honours.marking.mark')}`} min={0} max={100} digits={0} value={value} onChange={(v) => setMarks((m) => ({ ...m, [c.candidateId]: v }))} />
                    <Button size="small" color="primary" loading={saving === c.candidateId} onClick={() => void save(c.candidateId, c.name, value)}>
                      {t('honours.marking.save')}
                    </Button>
                  </div>
                </List.Item>
              );
            })}
          </List>
        </>
      )}
    </div>
  );
}
