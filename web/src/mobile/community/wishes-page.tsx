import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Image, Input, List, NavBar, Tabs, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../../api/client';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import '../members/members.css';
import './texts';

type Wish = paths['/api/wishes/mine']['get']['responses'][200]['content']['application/json']['items'][number];

const failed = (error: unknown) => Toast.show({ icon: 'fail', content: error instanceof Error ? error.message : String(error) });

/** 微心愿: the wish wall of the member's federation (the wisher's name masked; a tap claims), and my wishes and claims to fulfil with a photo or confirm. */
export function WishesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [tab, setTab] = useState('wall');
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('community.wishes.title')}</h1>
      </NavBar>
      <Tabs activeKey={tab} onChange={setTab} style={{ background: '#fff' }}>
        <Tabs.Tab title={t('community.wishes.wall')} key="wall" />
        <Tabs.Tab title={t('community.wishes.mine')} key="mine" />
      </Tabs>
      {tab === 'wall' ? <Wall /> : <Mine />}
    </div>
  );
}

function Wall() {
  const { t } = useTranslation();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/wishes/wall', { params: { query: { pageSize: 50 } } })), []);
  const [busy, setBusy] = useState<number | null>(null);
  const claim = async (id: number, title: string) => {
    setBusy(id);
    try {
      await unwrap(api.POST('/api/wishes/{id}/claims', { params: { path: { id } } }));
      Toast.show({ icon: 'success', content: t('community.wishes.claimed', { title }) });
      reload();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('community.wishes.empty')} />}
      {data && data.items.length > 0 && (
        <List className="gh-card-flat" mode="card">
          {data.items.map((w) => (
            <List.Item
              key={w.id}
              data-testid="wish"
              description={
                <>
                  {w.description && <div>{w.description}</div>}
                  <div>
                    {w.wisherName} · {w.orgName} · {t('community.wishes.value', { yuan: (w.valueFen / 100).toFixed(0) })}
                  </div>
                </>
              }
              extra={
                w.actions.includes('claim') ? (
                  <Button size="small" color="primary" loading={busy === w.id} onClick={() => void claim(w.id, w.title)}>
                    {t('community.wishes.claim')}
                  </Button>
                ) : (
                  <Tag color={w.status === 'confirmed' ? 'success' : 'default'}>{t(`community.wishes.status.${w.status}`)}</Tag>
                )
              }
            >
              {w.title}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

function Mine() {
  const { t } = useTranslation();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/wishes/mine')), []);
  return (
    <>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('community.wishes.mineEmpty')} />}
      {data && data.items.length > 0 && (
        <List className="gh-card-flat" mode="card">
          {data.items.map((w) => (
            <MyWish key={w.id} wish={w} onChanged={reload} />
          ))}
        </List>
      )}
    </>
  );
}

function MyWish({ wish: w, onChanged }: { wish: Wish; onChanged: () => void }) {
  const { t } = useTranslation();
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await run();
      Toast.show({ icon: 'success', content: done });
      onChanged();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };
  const fulfil = () => {
    if (!photo) return setPhotoError(t('community.wishes.photoRequired'));
    const body = new FormData();
    body.append('note', note);
    body.append('file', photo);
    return act(() => unwrap(api.POST('/api/wishes/{id}/fulfilment', { params: { path: { id: w.id } }, body: body as never })), t('community.wishes.fulfilled'));
  };
  return (
    <List.Item
      data-testid="my-wish"
      description={
        <>
          {w.description && <div>{w.description}</div>}
          <div>
            {w.wisherName} · {t('community.wishes.value', { yuan: (w.valueFen / 100).toFixed(0) })}
            {w.claimerName && ` · ${t('community.wishes.claimedBy', { name: w.claimerName })}`}
          </div>
          {w.proofUrl && <Image src={w.proofUrl} alt={t('community.wishes.proof')} width={160} height={120} fit="cover" style={{ marginTop: 8, borderRadius: 4 }} />}
          {w.proofNote && <div>{w.proofNote}</div>}
          {w.actions.includes('fulfil') && (
            <div style={{ marginTop: 8, display: 'grid', gap: 8 }}>
              <label>
                {t('community.wishes.proof')}{' '}
                <input
                  type="file"
                  accept="image/jpeg,image/png,image/webp"
                  aria-label={t('community.wishes.proof')}
                  style={{ maxWidth: '100%' }}
                  onChange={(e) => {
                    setPhoto(e.target.files?.[0] ?? null);
                    setPhotoError(null);
                  }}
                />
              </label>
              {photoError && <div className="adm-form-item-feedback-error">{photoError}</div>}
              <Input placeholder={t('community.wishes.note')} aria-label={t('community.wishes.note')} value={note} onChange={setNote} maxLength={500} clearable />
              <Button size="small" color="primary" loading={busy} onClick={() => void fulfil()}>
                {t('community.wishes.fulfil')}
              </Button>
            </div>
          )}
          {w.actions.includes('confirm') && (
            <Button
              size="small"
              color="primary"
              style={{ marginTop: 8 }}
              loading={busy}
              onClick={() => void act(() => unwrap(api.POST('/api/wishes/{id}/confirmation', { params: { path: { id: w.id } } })), t('community.wishes.confirmed'))}
            >
              {t('community.wishes.confirm')}
            </Button>
          )}
        </>
      }
      extra={<Tag color={w.status === 'confirmed' ? 'success' : 'default'}>{t(`community.wishes.status.${w.status}`)}</Tag>}
    >
      {w.title}
    </List.Item>
  );
}
