import { useRef, useState } from 'react';
import { App, Button, List, Typography } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatFileSize } from '../../ui/file-size';
import { reportError } from '../shared/errors';
import { useCurrentUser } from '../shared/me-context';
import { postFile } from './post-file';
import { articleKeys, type Attachment } from './types';

/**
 * 附件: the files attached to an article (PDF, Word .docx, Excel .xlsx, at most 20 MB each), uploaded
 * and removed at once — they belong to the saved article, so a new one gets them once saved.
 */
export function AttachmentsEditor({ articleId, attachments }: { articleId: number; attachments: Attachment[] }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: articleKeys.one(articleId) });

  const upload = async (file: File) => {
    setUploading(true);
    try {
      await postFile(`/api/articles/${articleId}/attachments`, file, {}, me.csrfToken, t('articles.attachments.uploadFailed'));
      message.success(t('articles.attachments.added', { name: file.name }));
      await refresh();
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setUploading(false);
    }
  };

  const remove = (a: Attachment) =>
    modal.confirm({
      title: t('articles.attachments.remove'),
      content: t('articles.attachments.removeConfirm', { name: a.name }),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await unwrap(api.DELETE('/api/articles/{id}/attachments/{attachmentId}', { params: { path: { id: articleId, attachmentId: a.id } } }));
          await refresh();
        } catch (error) {
          reportError(message, error);
        }
      },
    });

  return (
    <div>
      <List
        size="small"
        bordered
        dataSource={attachments}
        locale={{ emptyText: t('articles.attachments.empty') }}
        renderItem={(a) => (
          <List.Item
            actions={[<Button key="remove" type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(a)} aria-label={`${t('articles.attachments.remove')} ${a.name}`} />]}
          >
            <Typography.Link href={a.url} download={a.name}>
              <PaperClipOutlined /> {a.name}
            </Typography.Link>
            <Typography.Text type="secondary">{formatFileSize(a.size)}</Typography.Text>
          </List.Item>
        )}
      />
      <Button icon={<UploadOutlined />} loading={uploading} onClick={() => input.current?.click()} style={{ marginTop: 8 }}>
        {t('articles.attachments.upload')}
      </Button>
      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
        {t('articles.attachments.hint')}
      </Typography.Text>
      <input
        ref={input}
        type="file"
        accept=".pdf,.docx,.xlsx"
        style={{ display: 'none' }}
        aria-label={t('articles.attachments.upload')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void upload(file);
        }}
      />
    </div>
  );
}
