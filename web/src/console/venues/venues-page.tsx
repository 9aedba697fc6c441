import { useEffect, useState } from 'react';
import { App, Button, Card, Col, DatePicker, Empty, Flex, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Statistic, Table, Tag, TimePicker, Typography } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../../api/client';
import { can } from '../access';
import { useCurrentUser } from '../shared/me-context';
import { ExportButton } from '../shared/export-button';
import { FormModal } from '../shared/form-modal';
import { OrgTreeSelect } from '../shared/org-tree-select';

type Venue = paths['/api/venues']['get']['responses'][200]['content']['application/json']['items'][number];
type Booking = paths['/api/venues/{id}/bookings']['get']['responses'][200]['content']['application/json']['items'][number];
const kinds: Venue['kind'][] = ['home', 'reading_room', 'activity_room', 'nursing_room'];
const keys = { venues: ['venues'] as const, bookings: ['venue-bookings'] as const, usage: ['venue-usage'] as const };
const weekdays = ['一', '二', '三', '四', '五', '六', '日'];
const monday = (d: Dayjs) => d.startOf('day').subtract((d.day() + 6) % 7, 'day');

/** 阵地预约: the venues a cadre manages or may book, a venue's week, booking and cancelling, usage and export. */
export function VenuesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [venueForm] = Form.useForm();
  const [bookForm] = Form.useForm();
  const [creating, setCreating] = useState(false);
  const [booking, setBooking] = useState(false);
  const [venueId, setVenueId] = useState<number>();
  const [week, setWeek] = useState(() => monday(dayjs()));
  const venues = useQuery({ queryKey: keys.venues, queryFn: () => unwrap(api.GET('/api/venues')) });
  const items = venues.data?.items ?? [];
  useEffect(() => {
    if (venueId === undefined && items.length > 0) setVenueId(items[0].id);
  }, [items, venueId]);
  const venue = items.find((v) => v.id === venueId);
  const from = week.toISOString();
  const to = week.add(7, 'day').toISOString();
  const bookings = useQuery({
    queryKey: [...keys.bookings, venueId, from],
    enabled: venueId !== undefined,
    queryFn: () => unwrap(api.GET('/api/venues/{id}/bookings', { params: { path: { id: venueId! }, query: { from, to } } })),
  });
  const usage = useQuery({ queryKey: keys.usage, queryFn: () => unwrap(api.GET('/api/venues/usage', { params: { query: {} } })) });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: keys.bookings });
    void client.invalidateQueries({ queryKey: keys.usage });
  };
  const cancel = async (id: number) => {
    try {
      await unwrap(api.POST('/api/venue-bookings/{id}/cancel', { params: { path: { id } } }));
      message.success(t('venues.cancelled'));
    } catch (error) {
      message.error((error as Error).message);
    }
    refresh();
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.venues')}</h1>}
        extra={
          can(me, 'venue.write') && (
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('venues.create')}
            </Button>
          )
        }
      >
        {usage.data && (
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}>
              <Statistic title={t('venues.usage.venues')} value={usage.data.venues} />
            </Col>
            <Col span={6}>
              <Statistic title={t('venues.usage.bookings')} value={usage.data.bookings} />
            </Col>
            <Col span={6}>
              <Statistic title={t('venues.usage.hours')} value={usage.data.hours} />
            </Col>
            <Col span={6}>
              <Typography.Text type="secondary">{t('venues.usage.byOrg')}</Typography.Text>
              {usage.data.byOrg.slice(0, 3).map((o) => (
                <div key={o.orgId} style={{ fontSize: 12 }}>
                  {o.orgName}：{o.bookings} / {o.hours}h
                </div>
              ))}
            </Col>
          </Row>
        )}
        {items.length === 0 && !venues.isFetching ? (
          <Empty description={t('venues.empty')} />
        ) : (
          <Flex gap={12} wrap align="center">
            <Select
              aria-label={t('venues.venue')}
              style={{ minWidth: 280 }}
              value={venueId}
              onChange={setVenueId}
              options={items.map((v) => ({ value: v.id, label: `${v.name}（${t(`venues.kind.${v.kind}`)}）` }))}
            />
            {venue && (
              <Typography.Text type="secondary">
                {venue.orgName} · {venue.capacity} 人{venue.address ? ` · ${venue.address}` : ''}
                {venue.manage ? <Tag style={{ marginLeft: 8 }}>{t('venues.manage')}</Tag> : <Tag color="blue" style={{ marginLeft: 8 }}>{t('venues.shared')}</Tag>}
                {venue.memberBookable && <Tag>{t('venues.memberBookable')}</Tag>}
                {venue.sharedWith.length > 0 && ` · ${t('venues.field.sharedWith')}：${venue.sharedWith.map((s) => s.name).join('、')}`}
              </Typography.Text>
            )}
          </Flex>
        )}
        {venue && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
            {t('venues.field.hours')}：
            {venue.openingHours.map((h, i) => `周${weekdays[i]} ${h ? `${h.open}–${h.close}` : t('venues.closed')}`).join('；')}
          </Typography.Paragraph>
        )}
      </Card>
      {venue && (
        <Card
          title={`${week.format('YYYY-MM-DD')} ~ ${week.add(6, 'day').format('MM-DD')}`}
          extra={
            <Space>
              <Button icon={<LeftOutlined />} aria-label={t('venues.prevWeek')} onClick={() => setWeek(week.subtract(7, 'day'))} />
              <Button onClick={() => setWeek(monday(dayjs()))}>{t('venues.thisWeek')}</Button>
              <Button icon={<RightOutlined />} aria-label={t('venues.nextWeek')} onClick={() => setWeek(week.add(7, 'day'))} />
              {venue.manage && <ExportButton url="/api/venue-bookings/export" filters={{ venueId: venue.id }} />}
              {can(me, 'venue.book') && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setBooking(true)}>
                  {t('venues.book')}
                </Button>
              )}
            </Space>
          }
        >
          <Table<Booking>
            rowKey="id"
            size="small"
            data-testid="venue-schedule"
            loading={bookings.isFetching}
            dataSource={bookings.data?.items ?? []}
            locale={{ emptyText: t('venues.noBookings') }}
            pagination={false}
            columns={[
              { title: t('venues.field.date'), key: 'date', width: 130, render: (_, b) => `${dayjs(b.startsAt).format('MM-DD')} 周${weekdays[(dayjs(b.startsAt).day() + 6) % 7]}` },
              { title: t('venues.field.time'), key: 'time', width: 130, render: (_, b) => `${dayjs(b.startsAt).format('HH:mm')}–${dayjs(b.endsAt).format('HH:mm')}` },
              { title: t('venues.field.purpose'), key: 'purpose', render: (_, b) => b.purpose ?? '—' },
              { title: t('venues.field.bookingOrg'), key: 'org', render: (_, b) => `${b.orgName}（${t(`venues.booker.${b.bookerKind}`)}）` },
              { title: '', key: 'status', width: 90, render: (_, b) => <Tag color={b.status === 'active' ? 'green' : undefined}>{t(`venues.status.${b.status}`)}</Tag> },
              {
                title: '',
                key: 'actions',
                width: 110,
                render: (_, b) =>
                  b.status === 'active' &&
                  (venue.manage || b.mine || can(me, 'venue.book')) && (
                    <Popconfirm title={t('venues.cancelConfirm')} onConfirm={() => cancel(b.id)}>
                      <Button size="small" danger type="link">
                        {t('venues.cancel')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <FormModal
        open={booking}
        title={venue ? `${t('venues.book')}：${venue.name}` : t('venues.book')}
        form={bookForm}
        initialValues={{ date: week.isBefore(dayjs()) ? dayjs().add(1, 'day') : week }}
        submit={(v: { orgId?: number; date: Dayjs; startsAt: Dayjs; endsAt: Dayjs; purpose: string }) => {
          const on = (time: Dayjs) => v.date.hour(time.hour()).minute(time.minute()).second(0).millisecond(0).toISOString();
          return unwrap(api.POST('/api/venues/{id}/bookings', { params: { path: { id: venue!.id } }, body: { orgId: v.orgId, startsAt: on(v.startsAt), endsAt: on(v.endsAt), purpose: v.purpose } }));
        }}
        onDone={() => {
          message.success(t('venues.booked'));
          refresh();
        }}
        onClose={() => setBooking(false)}
      >
        <Form.Item name="purpose" label={t('venues.field.purpose')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="orgId" label={t('venues.field.bookingOrg')}>
          <OrgTreeSelect allowClear />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="date" label={t('venues.field.date')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="startsAt" label={t('venues.field.startsAt')} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={15} needConfirm={false} />
          </Form.Item>
          <Form.Item name="endsAt" label={t('venues.field.endsAt')} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={15} needConfirm={false} />
          </Form.Item>
        </Flex>
      </FormModal>
      <FormModal
        open={creating}
        title={t('venues.create')}
        form={venueForm}
        initialValues={{ kind: 'activity_room', capacity: 50 }}
        submit={(v: { orgId: number; name: string; kind: Venue['kind']; capacity: number; address?: string; sharedWith?: number }) =>
          unwrap(api.POST('/api/venues', { body: { orgId: v.orgId, name: v.name, kind: v.kind, capacity: v.capacity, address: v.address, sharedWith: v.sharedWith ? [v.sharedWith] : [] } }))
        }
        onDone={(r: { id: number }) => {
          message.success(t('venues.created'));
          void client.invalidateQueries({ queryKey: keys.venues });
          setVenueId(r.id);
        }}
        onClose={() => setCreating(false)}
      >
        <Form.Item name="name" label={t('venues.field.name')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="orgId" label={t('venues.field.org')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="kind" label={t('venues.field.kind')} style={{ width: 140 }}>
            <Select options={kinds.map((k) => ({ value: k, label: t(`venues.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="capacity" label={t('venues.field.capacity')} rules={[{ required: true }]}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
        </Flex>
        <Form.Item name="address" label={t('venues.field.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="sharedWith" label={t('venues.field.sharedWith')}>
          <OrgTreeSelect allowClear />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
