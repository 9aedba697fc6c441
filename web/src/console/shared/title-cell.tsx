import { Space, Typography } from 'antd';

/** A list's first cell: the row's title as a link (the row opens its drawer) over the org it belongs to. */
export function TitleCell({ title, orgName }: { title: string; orgName: string }) {
  return (
    <Space direction="vertical" size={0}>
      <Typography.Link>{title}</Typography.Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {orgName}
      </Typography.Text>
    </Space>
  );
}
