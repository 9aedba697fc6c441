import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Checkbox, Dialog, Form, List, NavBar, Stepper, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import './texts';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(0)}`;
const statusColor = { pending: 'primary', waitlisted: 'warning', approved: 'success', rejected: 'default' } as const;

/** 职工疗休养: batches with places for the member's union, applying, and one's own applications. */
export function RecuperationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [applying, setApplying] = useState<number | null>(null);
  const [form] = Form.useForm();
  const { data, failure, reload } = useLoad(
    () => Promise.all([unwrap(api.GET('/api/recuperation/open-batches')), unwrap(api.GET('/api/recuperation/applications/mine'))]),
    [],
  );
  const submit = async () => {
    const v = form.getFieldsValue() as { workingYears: number; frontline: boolean };
    try {
      const r = await unwrap(api.POST('/api/recuperation/batches/{id}/applications', { params: { path: { id: applying! } }, body: { workingYears: v.workingYears, frontline: !!v.frontline } }));
      Toast.show({ icon: 'success', content: t('recuperation.applied', { s: t(`recuperation.status.${r.status}`) }) });
      setApplying(null);
      reload();
    } catch (e) {
      Toast.show({ icon: 'fail', content: (e as Error).message });
    }
  };
  const [open, mine] = data ?? [];
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('recuperation.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {open && open.items.length === 0 && <EmptyState title={t('recuperation.none')} />}
      {open && open.items.length > 0 && (
        <List className="gh-card-flat" mode="card" header={t('recuperation.open')}>
          {open.items.map((b) => (
            <List.Item
              key={b.id}
              data-testid="recuperation-batch"
              description={
                <>
                  <div>
                    {b.startsOn} ~ {b.endsOn} · {b.destination} · {yuan(b.priceFen)}
                  </div>
                  <div>{b.centerName ?? b.providerName}</div>
                </>
              }
              extra={
                b.applied ? (
                  <Tag color={statusColor[b.applied]}>{t(`recuperation.status.${b.applied}`)}</Tag>
                ) : (
                  <Button size="small" color="primary" onClick={() => setApplying(b.id)}>
                    {t('recuperation.apply')}
                  </Button>
                )
              }
            >
              {b.title} <Tag fill="outline">{t('recuperation.free', { n: b.free })}</Tag>
            </List.Item>
          ))}
        </List>
      )}
      {mine && mine.items.length > 0 && (
        <List className="gh-card-flat" mode="card" header={t('recuperation.mine')}>
          {mine.items.map((a) => (
            <List.Item key={a.id} description={`${a.startsOn} ~ ${a.endsOn}${a.reason ? ` · ${a.reason}` : ''}`} extra={<Tag color={statusColor[a.status]}>{t(`recuperation.status.${a.status}`)}</Tag>}>
              {a.title}
            </List.Item>
          ))}
        </List>
      )}
      <Dialog
        visible={applying !== null}
        title={t('recuperation.apply')}
        content={
          <Form form={form} initialValues={{ workingYears: 3, frontline: false }} layout="horizontal">
            <Form.Item name="workingYears" label={t('recuperation.years')}>
              <Stepper min={0} max={60} />
            </Form.Item>
            <Form.Item name="frontline" label={t('recuperation.frontline')} valuePropName="checked">
              <Checkbox />
            </Form.Item>
          </Form>
        }
        closeOnMaskClick
        onClose={() => setApplying(null)}
        actions={[[{ key: 'cancel', text: t('recuperation.cancel'), onClick: () => setApplying(null) }, { key: 'ok', text: t('recuperation.apply'), bold: true, onClick: submit }]]}
      />
    </div>
  );
}
