import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Input, List, NavBar, Selector, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import './texts';

/** Today and the next six days as YYYY-MM-DD, Shanghai days. */
const days = Array.from({ length: 7 }, (_, i) => new Date(Date.now() + 8 * 3600_000 + i * 86_400_000).toISOString().slice(0, 10));
const instant = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();
const hhmm = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16);
const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

/** 阵地预约: pick a venue and a day, see the busy times, book a time; my bookings with cancel. */
export function VenuesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const venues = useLoad(() => unwrap(api.GET('/api/venues/mine')), []);
  const mine = useLoad(() => unwrap(api.GET('/api/venue-bookings/mine')), []);
  const [venueId, setVenueId] = useState<number>();
  const [date, setDate] = useState(days[1]);
  const [from, setFrom] = useState('18:00');
  const [to, setTo] = useState('19:00');
  const [purpose, setPurpose] = useState('');
  const id = venueId ?? venues.data?.items[0]?.id;
  const venue = venues.data?.items.find((v) => v.id === id);
  const day = useLoad(
    () => (id ? unwrap(api.GET('/api/venues/{id}/bookings', { params: { path: { id }, query: { from: instant(date, '00:00'), to: instant(date, '23:59') } } })) : Promise.resolve({ items: [] })),
    [id, date],
  );
  const hours = venue?.openingHours[weekday(date)];
  const book = async () => {
    if (!id) return;
    try {
      await unwrap(api.POST('/api/venues/{id}/bookings', { params: { path: { id } }, body: { startsAt: instant(date, from), endsAt: instant(date, to), purpose: purpose || t('venues.purposeDefault') } }));
      Toast.show({ icon: 'success', content: t('venues.booked') });
    } catch (error) {
      Toast.show({ icon: 'fail', content: (error as Error).message, duration: 3000 });
    }
    await Promise.all([day.reload(), mine.reload()]);
  };
  const cancel = async (bookingId: number) => {
    try {
      await unwrap(api.POST('/api/venue-bookings/{id}/cancel', { params: { path: { id: bookingId } } }));
    } catch (error) {
      Toast.show({ icon: 'fail', content: (error as Error).message });
    }
    await Promise.all([day.reload(), mine.reload()]);
  };
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('venues.title')}</h1>
      </NavBar>
      <PageStates loading={venues.data === undefined} failure={venues.failure} onRetry={venues.reload} />
      {venues.data && venues.data.items.length === 0 && <EmptyState title={t('venues.empty')} />}
      {venue && (
        <>
          <List className="gh-card-flat" mode="card" header={t('venues.intro')}>
            <List.Item>
              <Selector columns={1} value={[venue.id]} onChange={(v) => v[0] && setVenueId(v[0])} options={venues.data!.items.map((v) => ({ value: v.id, label: v.name, description: v.address ?? v.orgName }))} />
            </List.Item>
            <List.Item title={t('venues.date')}>
              <Selector columns={4} value={[date]} onChange={(v) => v[0] && setDate(v[0])} options={days.map((d) => ({ value: d, label: d.slice(5) }))} />
            </List.Item>
            <List.Item description={hours ? t('venues.hours', { open: hours.open, close: hours.close }) : t('venues.closed')}>
              <div data-testid="venue-day">
                {(day.data?.items ?? []).length === 0 && <span style={{ color: '#999' }}>{t('venues.free')}</span>}
                {(day.data?.items ?? []).map((b) => (
                  <Tag key={b.id} color={b.mine ? 'primary' : 'default'} style={{ marginRight: 6 }}>
                    {hhmm(b.startsAt)}–{hhmm(b.endsAt)} {b.mine ? b.purpose : t('venues.busy')}
                  </Tag>
                ))}
              </div>
            </List.Item>
            <List.Item title={`${t('venues.from')} / ${t('venues.to')}`}>
              <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                <input aria-label={t('venues.from')} type="time" step={900} value={from} onChange={(e) => setFrom(e.target.value)} style={{ fontSize: 16 }} />
                <span>–</span>
                <input aria-label={t('venues.to')} type="time" step={900} value={to} onChange={(e) => setTo(e.target.value)} style={{ fontSize: 16 }} />
              </div>
            </List.Item>
            <List.Item title={t('venues.purpose')}>
              <Input placeholder={t('venues.purposeDefault')} value={purpose} onChange={setPurpose} maxLength={200} />
            </List.Item>
            <List.Item>
              <Button block color="primary" onClick={book}>
                {t('venues.book')}
              </Button>
            </List.Item>
          </List>
          {mine.data && mine.data.items.length > 0 && (
            <List className="gh-card-flat" mode="card" header={t('venues.mine')}>
              {mine.data.items.map((b) => (
                <List.Item
                  key={b.id}
                  description={`${new Date(Date.parse(b.startsAt) + 8 * 3600_000).toISOString().slice(0, 10)} ${hhmm(b.startsAt)}–${hhmm(b.endsAt)} · ${b.purpose ?? ''}`}
                  extra={
                    b.status === 'active' ? (
                      <Button size="mini" onClick={() => cancel(b.id)}>
                        {t('venues.cancel')}
                      </Button>
                    ) : (
                      <Tag>{t('venues.cancelled')}</Tag>
                    )
                  }
                >
                  {b.venueName}
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </div>
  );
}
