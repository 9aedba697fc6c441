import { useCallback, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Form, Input, List, Result, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, ScanOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { formatSeconds, formatTime } from '../../ui/time';
import { activityKeys } from './queries';
import { canScan, QrScanner } from './qr-scanner';
import type { CheckInAnswer } from './types';
import './activities.css';

/** A code read again while it stays in front of the camera is ignored for this long. */
const SAME_CODE_PAUSE_MS = 4000;

type Outcome = { kind: 'done'; answer: CheckInAnswer } | { kind: 'refused'; status: number; title: string; detail: string };

function outcomeOf(t: ReturnType<typeof useTranslation>['t'], error: unknown): Outcome {
  if (!(error instanceof ApiError)) return { kind: 'refused', status: 0, title: t('error.generic'), detail: String(error) };
  if (error.status === 409) return { kind: 'refused', status: 409, title: t('activities.checkin.already'), detail: error.detail };
  if (error.status === 404) return { kind: 'refused', status: 404, title: t('activities.checkin.notFound'), detail: t('activities.checkin.notFoundText') };
  if (error.code === 'registration_not_confirmed') return { kind: 'refused', status: 422, title: t('activities.checkin.waitlisted'), detail: error.detail };
  return { kind: 'refused', status: error.status, title: error.detail, detail: '' };
}

/** 签到 on a cadre's phone: scan the member's QR code, or type the code under it. */
export function CheckInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const activityId = Number(useParams().activityId);
  const [form] = Form.useForm<{ code: string }>();
  const [scanning, setScanning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [recent, setRecent] = useState<CheckInAnswer[]>([]);
  const lastScan = useRef<{ code: string; at: number } | null>(null);

  const activity = useQuery({
    queryKey: activityKeys.one(activityId),
    queryFn: () => unwrap(api.GET('/api/activities/{id}', { params: { path: { id: activityId } } })),
    enabled: Number.isInteger(activityId) && activityId > 0,
  });

  const checkIn = useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/api/activities/{id}/check-ins', { params: { path: { id: activityId } }, body: { code } })),
    onSuccess: (answer) => {
      setOutcome({ kind: 'done', answer });
      setRecent((r) => [answer, ...r]);
      form.resetFields();
      queryClient.invalidateQueries({ queryKey: activityKeys.all });
    },
    onError: (error) => setOutcome(outcomeOf(t, error)),
  });

  const { isPending, mutate } = checkIn;
  const onScan = useCallback(
    (text: string) => {
      const now = Date.now();
      if (isPending || (lastScan.current?.code === text && now - lastScan.current.at < SAME_CODE_PAUSE_MS)) return;
      lastScan.current = { code: text, at: now };
      form.setFieldsValue({ code: text });
      mutate(text);
    },
    [isPending, mutate, form],
  );

  if (activity.isError) {
    const missing = activity.error instanceof ApiError && activity.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('activities.checkin.missing') : t('error.loadFailed')}
        subTitle={missing ? undefined : activity.error.message}
        extra={<Button onClick={() => navigate('/activities')}>{t('activities.checkin.back')}</Button>}
      />
    );
  }

  const a = activity.data;
  return (
    <div className="gh-checkin">
      <header className="gh-checkin-head">
        <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('activities.checkin.back')} style={{ color: '#fff' }} onClick={() => navigate('/activities')} />
        <h1>{t('activities.checkin.title')}</h1>
      </header>
      <main className="gh-checkin-body">
        <Card size="small">
          {a ? (
            <>
              <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                {a.title}
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
                {formatTime(a.startsAt)} – {formatTime(a.endsAt)}
                {a.place ? ` · ${a.place}` : ''}
              </Typography.Paragraph>
              <Typography.Text strong>{t('activities.checkin.counts', a)}</Typography.Text>
            </>
          ) : (
            <Skeleton active paragraph={{ rows: 1 }} />
          )}
        </Card>

        {outcome?.kind === 'done' && <Alert type="success" showIcon title={<span style={{ fontSize: 18 }}>{t('activities.checkin.done', { name: outcome.answer.name })}</span>} role="status" />}
        {outcome?.kind === 'refused' && (
          <Alert type={outcome.status === 409 ? 'warning' : 'error'} showIcon title={<span style={{ fontSize: 18 }}>{outcome.title}</span>} description={outcome.detail || undefined} role="alert" />
        )}

        <Card size="small">
          <Form form={form} layout="vertical" name="checkin" onFinish={(v) => mutate(v.code.trim())} requiredMark={false}>
            <Form.Item name="code" label={t('activities.checkin.code')} rules={[{ required: true, whitespace: true, message: t('activities.checkin.codePlaceholder') }]} className="gh-checkin-code">
              <Input size="large" placeholder={t('activities.checkin.codePlaceholder')} autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={60} onChange={() => setOutcome(null)} />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={isPending}>
              {t('activities.checkin.submit')}
            </Button>
          </Form>
        </Card>

        {canScan ? (
          <>
            <Button size="large" block icon={<ScanOutlined />} onClick={() => setScanning((s) => !s)}>
              {scanning ? t('activities.checkin.stopScan') : t('activities.checkin.scan')}
            </Button>
            {scanning && <QrScanner onCode={onScan} />}
          </>
        ) : (
          <Alert type="info" showIcon title={t('activities.checkin.noDetector')} />
        )}

        {recent.length > 0 && (
          <Card size="small" title={t('activities.checkin.recent')}>
            <List
              size="small"
              dataSource={recent}
              renderItem={(r) => (
                <List.Item key={r.registrationId} extra={<Typography.Text type="secondary">{formatSeconds(r.checkedInAt)}</Typography.Text>}>
                  {r.name}
                </List.Item>
              )}
            />
          </Card>
        )}
      </main>
    </div>
  );
}
