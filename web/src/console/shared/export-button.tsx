import { App, Button, Dropdown, Space } from 'antd';
import { DownOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { can } from '../access';
import { useCurrentUser } from './me-context';
import { useDownload } from './spreadsheet-import';

type FilterValue = string | number | boolean | null | undefined;

interface Props {
  /** The list's export route: `/api/<list>/export` (the list route plus `/export`). */
  url: string;
  /** The list's current filters (string, number or boolean values); paging is left out, empty values dropped. */
  filters?: object;
  /** The list shows ID numbers or phones: offer full data to who may reveal it (member.pii). */
  pii?: boolean;
}

/** `?a=1&b=x` of the filters that are set, without paging. */
export function exportQuery(filters: object, full: boolean): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [string, FilterValue][]) {
    if (key === 'page' || key === 'pageSize' || value === undefined || value === null || value === '') continue;
    query.set(key, String(value));
  }
  if (full) query.set('full', 'true');
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * 导出: the list as its filters show it, as an Excel file the server names after the list, the org
 * and the day. Masked by default; full ID numbers and phones only on purpose, for who may see them.
 */
export function ExportButton({ url, filters = {}, pii = false }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { modal } = App.useApp();
  const { busy, download } = useDownload();
  const run = (full: boolean) => download(full ? 'full' : 'masked', `${url}${exportQuery(filters, full)}`, 'export.xlsx');
  const askFull = () =>
    modal.confirm({
      title: t('listExport.fullTitle'),
      content: t('listExport.fullNote'),
      okText: t('listExport.full'),
      onOk: () => run(true),
    });

  const button = (
    <Button icon={<DownloadOutlined />} loading={busy === 'masked'} onClick={() => run(false)}>
      {t('listExport.button')}
    </Button>
  );
  if (!pii || !can(me, 'member.pii')) return button;
  return (
    <Space.Compact>
      {button}
      <Dropdown menu={{ items: [{ key: 'full', label: t('listExport.full') }], onClick: askFull }}>
        <Button icon={<DownOutlined />} loading={busy === 'full'} aria-label={t('listExport.more')} />
      </Dropdown>
    </Space.Compact>
  );
}
