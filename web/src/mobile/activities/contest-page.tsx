import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Form, ImageViewer, Input, NavBar, Popup, Tabs, Tag, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { showErrors } from '../members/form-errors';
import { EmptyState, PageStates } from '../shared/page-states';
import { ContestTags } from './contest-tags';
import type { Contest, GalleryItem, MyEntry, ResultItem } from './types';
import { useLoad } from '../shared/use-load';
import '../members/members.css';
import './activities.css';
import './texts';

/** One contest: the gallery to vote in, 提交作品, and the ranking. */
export function ContestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().contestId);
  const [tab, setTab] = useState<'gallery' | 'results' | 'mine'>('gallery');
  const [submitting, setSubmitting] = useState(false);
  const contest = useLoad(() => unwrap(api.GET('/api/contests/{id}', { params: { path: { id } } })), [id]);
  const gallery = useLoad(() => unwrap(api.GET('/api/contests/{id}/gallery', { params: { path: { id } } })), [id]);
  const results = useLoad(() => unwrap(api.GET('/api/contests/{id}/results', { params: { path: { id } } })), [id]);
  const mine = useLoad(() => unwrap(api.GET('/api/contests/{id}/entries/mine', { params: { path: { id } } })), [id]);
  const c = contest.data;

  const vote = async (entry: GalleryItem) => {
    try {
      await unwrap(api.POST('/api/contest-entries/{id}/votes', { params: { path: { id: entry.id } } }));
      Toast.show({ icon: 'success', content: t('activities.contests.voteDone') });
      await Promise.all([gallery.reload(), results.reload()]);
    } catch (error) {
      // Limits (one vote per entry, votes per member, the window) come back as the server's message.
      Toast.show({ icon: 'fail', content: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/contests')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{c?.title ?? t('activities.contests.title')}</h1>
      </NavBar>
      {contest.failure?.status === 404 ? (
        <EmptyState title={t('activities.contests.missing')} />
      ) : contest.failure?.status === 403 ? (
        <EmptyState title={contest.failure.message}>
          <Button color="primary" onClick={() => navigate('/join')}>
            {t('activities.contests.join')}
          </Button>
        </EmptyState>
      ) : (
        <PageStates loading={c === undefined} failure={contest.failure} onRetry={contest.reload} />
      )}
      {c && (
        <>
          <section className="gh-activity">
            <ContestTags contest={c} />
            {c.description && <p className="gh-activity-desc">{c.description}</p>}
            <p className="gh-contest-meta">
              {t('activities.contests.submitWindow', { from: formatTime(c.submitOpensAt), to: formatTime(c.submitClosesAt) })}
              <br />
              {t('activities.contests.voteWindow', { from: formatTime(c.voteOpensAt), to: formatTime(c.voteClosesAt) })}
              <br />
              {t('activities.contests.limits', { entries: c.entriesPerMember, votes: c.votesPerMember })}
            </p>
            <Button block color="primary" style={{ marginTop: 12 }} onClick={() => setSubmitting(true)}>
              {t('activities.contests.submit')}
            </Button>
          </section>
          <Tabs activeKey={tab} onChange={(key) => setTab(key as 'gallery' | 'results' | 'mine')} style={{ background: '#fff' }}>
            <Tabs.Tab key="gallery" title={t('activities.contests.gallery')} />
            <Tabs.Tab key="results" title={t('activities.contests.results')} />
            <Tabs.Tab key="mine" title={t('activities.contests.mine')} />
          </Tabs>
          {tab === 'gallery' && <EntryGrid load={gallery} empty={t('activities.contests.noEntries')} render={(e) => <EntryTile key={e.id} entry={e} onVote={() => vote(e)} />} />}
          {tab === 'results' && <EntryGrid load={results} empty={t('activities.contests.noResults')} render={(e) => <EntryTile key={e.id} entry={e} />} />}
          {tab === 'mine' && <EntryGrid load={mine} empty={t('activities.contests.noMine')} render={(e) => <EntryTile key={e.id} entry={e} />} />}
          <SubmitSheet
            contest={c}
            open={submitting}
            onClose={() => setSubmitting(false)}
            onDone={async () => {
              setSubmitting(false);
              Toast.show({ icon: 'success', content: t('activities.contests.submitted') });
              // The new entry waits for review: show it where the member can follow it.
              setTab('mine');
              await mine.reload();
            }}
          />
        </>
      )}
    </div>
  );
}

/** One tab's entries in the two-column gallery, with its loading, failure and empty states. */
function EntryGrid<E>({ load, empty, render }: { load: ReturnType<typeof useLoad<{ items: E[] }>>; empty: string; render: (entry: E) => ReactNode }) {
  return (
    <>
      <PageStates loading={load.data === undefined} failure={load.failure} onRetry={load.reload} />
      {load.data?.items.length === 0 && <EmptyState title={empty} />}
      <div className="gh-gallery">{load.data?.items.map(render)}</div>
    </>
  );
}

/**
 * One entry in the two-column gallery: its photo (tap for full size) or its text, and the votes;
 * among the member's own entries, where its review stands and why one was not approved.
 */
function EntryTile({ entry, onVote }: { entry: GalleryItem | ResultItem | MyEntry; onVote?: () => void }) {
  const { t } = useTranslation();
  const gallery = 'votedByMe' in entry ? entry : null;
  return (
    <article className="gh-gallery-item" aria-label={entry.title}>
      {entry.thumbUrl && <img src={entry.thumbUrl} alt={entry.title} loading="lazy" onClick={() => entry.fileUrl && ImageViewer.show({ image: entry.fileUrl })} />}
      {!entry.thumbUrl && entry.body && <div className="gh-gallery-text">{entry.body}</div>}
      <div className="gh-gallery-body">
        <h3>{entry.title}</h3>
        {entry.link && (
          <a href={entry.link} target="_blank" rel="noreferrer noopener">
            {t('activities.contests.openLink')}
          </a>
        )}
        <div className="gh-gallery-row">
          <span>{entry.author}</span>
          <span>{t('activities.contests.votes', { count: entry.votes })}</span>
        </div>
        {'rank' in entry && <Tag color={entry.rank <= 3 ? 'danger' : 'default'}>{t('activities.contests.rank', { rank: entry.rank })}</Tag>}
        {!('rank' in entry) && !gallery && (
          <Tag color={entry.status === 'approved' ? 'success' : entry.status === 'rejected' ? 'danger' : 'warning'}>{t(`activities.contests.entryStatus.${entry.status}`)}</Tag>
        )}
        {!gallery && entry.status === 'rejected' && entry.reason && <p className="gh-activity-note">{t('activities.contests.rejectedReason', { reason: entry.reason })}</p>}
        {gallery && onVote && (gallery.mine ? <Tag color="primary">{t('activities.contests.mine')}</Tag> : <Button size="small" color="primary" fill={gallery.votedByMe ? 'outline' : 'solid'} disabled={gallery.votedByMe} onClick={onVote}>{gallery.votedByMe ? t('activities.contests.voted') : t('activities.contests.vote')}</Button>)}
      </div>
    </article>
  );
}

interface EntryValues {
  title: string;
  body?: string;
  link?: string;
}

/** 提交作品: a photo (multipart, `file`), a text, or a video link, as the contest asks. */
function SubmitSheet({ contest, open, onClose, onDone }: { contest: Contest; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EntryValues>();
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = contest.entryKind;

  const submit = async (v: EntryValues) => {
    if (kind === 'photo' && !photo) {
      setPhotoError(t('activities.contests.photoRequired'));
      return;
    }
    setBusy(true);
    try {
      const params = { path: { id: contest.id } };
      if (kind === 'photo') {
        const body = new FormData();
        body.append('title', v.title.trim());
        body.append('file', photo!);
        // The route takes multipart as well as JSON, so its OpenAPI body is left undeclared.
        await unwrap(api.POST('/api/contests/{id}/entries', { params, body: body as never }));
      } else {
        const body = { title: v.title.trim(), body: v.body?.trim() || null, link: v.link?.trim() || null };
        await unwrap(api.POST('/api/contests/{id}/entries', { params, body: body as never }));
      }
      form.resetFields();
      setPhoto(null);
      onDone();
    } catch (error) {
      const fileError = error instanceof ApiError ? error.errors.find((e) => e.field === 'file') : undefined;
      if (fileError) setPhotoError(fileError.message);
      showErrors(form, error, ['title', 'body', 'link']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popup visible={open} onMaskClick={onClose} onClose={onClose} bodyStyle={{ borderRadius: '12px 12px 0 0', paddingBottom: 12, maxHeight: '90vh', overflowY: 'auto' }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy}>
            {t('activities.contests.send')}
          </Button>
        }
      >
        <Form.Header>{t('activities.contests.submitTitle')}</Form.Header>
        <Form.Item name="title" label={t('activities.contests.entryTitle')} rules={[{ required: true, whitespace: true, message: t('activities.contests.entryTitleRequired') }]}>
          <Input maxLength={100} clearable />
        </Form.Item>
        {kind === 'photo' && (
          <Form.Item label={t('activities.contests.photo')} help={t('activities.contests.photoHint')} required>
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              aria-label={t('activities.contests.photo')}
              onChange={(e) => {
                setPhoto(e.target.files?.[0] ?? null);
                setPhotoError(null);
              }}
            />
            {photoError && <div className="adm-form-item-feedback-error">{photoError}</div>}
          </Form.Item>
        )}
        {kind === 'text' && (
          <Form.Item name="body" label={t('activities.contests.body')} rules={[{ required: true, whitespace: true, message: t('activities.contests.bodyRequired') }]}>
            <TextArea rows={8} maxLength={20_000} showCount />
          </Form.Item>
        )}
        {kind === 'video' && (
          <Form.Item name="link" label={t('activities.contests.link')} help={t('activities.contests.linkHint')} rules={[{ required: true, whitespace: true, message: t('activities.contests.linkRequired') }]}>
            <Input type="url" inputMode="url" placeholder="https://" clearable />
          </Form.Item>
        )}
      </Form>
    </Popup>
  );
}
