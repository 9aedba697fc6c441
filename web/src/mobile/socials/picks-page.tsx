import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Checkbox, Input, List, NavBar, NoticeBar, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import './texts';

/** 心动选择 of one youth social (up to three attendees, by masked name, with the contact to share), then 我的匹配. */
export function PicksPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { data, failure, reload } = useLoad(() => Promise.all([unwrap(api.GET('/api/socials/{id}/mine', { params: { path: { id } } })), unwrap(api.GET('/api/socials/{id}/matches', { params: { path: { id } } }))]), [id]);
  const [picks, setPicks] = useState<number[]>([]);
  const [contact, setContact] = useState('');
  const [saving, setSaving] = useState(false);
  const mine = data?.[0];
  const matches = data?.[1];
  useEffect(() => {
    if (mine) {
      setPicks(mine.picks);
      setContact(mine.contact ?? '');
    }
  }, [mine]);

  const save = async () => {
    if (!contact.trim()) return void Toast.show({ icon: 'fail', content: t('socials.contactRequired') });
    setSaving(true);
    try {
      await unwrap(api.PUT('/api/socials/{id}/mine', { params: { path: { id } }, body: { contact: contact.trim(), picks } }));
      Toast.show({ icon: 'success', content: t('socials.saved') });
      await reload();
    } catch (error) {
      Toast.show({ icon: 'fail', content: (error as Error).message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/socials')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{mine?.title ?? t('socials.pickTitle')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {mine && (
        <>
          <NoticeBar wrap color="info" content={t('socials.privacy')} />
          <List className="gh-card-flat" mode="card" header={t('socials.matchesTitle')} data-testid="matches">
            {matches && matches.items.length === 0 && <List.Item>{t('socials.noMatches')}</List.Item>}
            {matches?.items.map((m, i) => (
              <List.Item key={i} data-testid="match" description={`${t('socials.matchContact')}：${m.contact}`}>
                ❤ {m.name}
              </List.Item>
            ))}
          </List>
          {mine.refusal && <NoticeBar wrap color="alert" content={mine.refusal} />}
          {mine.canPick && (
            <>
              <List className="gh-card-flat" mode="card" header={`${t('socials.pickTitle')} · ${t('socials.pickHint', { max: mine.maxPicks, count: picks.length })} · ${t('socials.closesAt', { at: formatTime(mine.picksCloseAt) })}`}>
                {mine.attendees.length === 0 && <EmptyState title="—" />}
                {mine.attendees.map((a) => {
                  const checked = picks.includes(a.id);
                  return (
                    <List.Item
                      key={a.id}
                      data-testid="attendee"
                      prefix={
                        <Checkbox
                          checked={checked}
                          onChange={(on) => {
                            if (on && picks.length >= mine.maxPicks) return void Toast.show({ content: t('socials.tooMany', { max: mine.maxPicks }) });
                            setPicks(on ? [...picks, a.id] : picks.filter((p) => p !== a.id));
                          }}
                        />
                      }
                      extra={a.gender ? t(`socials.${a.gender}`) : null}
                    >
                      {a.name}
                    </List.Item>
                  );
                })}
              </List>
              <List className="gh-card-flat" mode="card" header={t('socials.contact')}>
                <List.Item>
                  <Input aria-label={t('socials.contact')} placeholder={t('socials.contactPlaceholder')} value={contact} maxLength={60} onChange={setContact} />
                </List.Item>
              </List>
              <div style={{ padding: '0 12px 24px' }}>
                <Button block color="primary" loading={saving} onClick={save}>
                  {t('socials.save')}
                </Button>
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}
