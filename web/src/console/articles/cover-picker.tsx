import { useRef, useState } from 'react';
import { App, Button, Flex, Typography } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../shared/me-context';
import { postFile } from './post-file';

interface Props {
  value?: string | null;
  onChange?: (url: string | null) => void;
  /** the article's org: a new cover image is uploaded under it */
  orgId?: number;
  /** the body's HTML: its images are offered as covers */
  body?: string;
}

/** The images of a body, in order: every one is one of the article images the server keeps. */
const imagesOf = (html: string | undefined) => [...new Set([...(html ?? '').matchAll(/<img[^>]+src="(\/api\/articles\/files\/[^"]+)"/g)].map((m) => m[1]!))];

/** 封面: one of the article images — picked among the body's, or uploaded — shown in the portal's lists and on the article. */
export function CoverPicker({ value, onChange, orgId, body }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const candidates = imagesOf(body).filter((src) => src !== value);

  const upload = async (file: File) => {
    if (!orgId) return void message.warning(t('articles.editor.needOrg'));
    setUploading(true);
    try {
      onChange?.((await postFile<{ url: string }>('/api/articles/files', file, { orgId: String(orgId) }, me.csrfToken, t('articles.editor.uploadFailed'))).url);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Flex gap={12} align="flex-start" wrap>
      {value ? (
        <div className="article-cover">
          <img src={value} alt={t('articles.cover.current')} />
          <Button size="small" icon={<DeleteOutlined />} onClick={() => onChange?.(null)}>
            {t('articles.cover.remove')}
          </Button>
        </div>
      ) : (
        <Typography.Text type="secondary">{t('articles.cover.none')}</Typography.Text>
      )}
      {candidates.length > 0 && (
        <Flex gap={8} wrap align="center">
          <Typography.Text type="secondary">{t('articles.cover.fromBody')}</Typography.Text>
          {candidates.map((src) => (
            <button key={src} type="button" className="article-cover-choice" onClick={() => onChange?.(src)} aria-label={t('articles.cover.use')}>
              <img src={src} alt="" />
            </button>
          ))}
        </Flex>
      )}
      <Button icon={<UploadOutlined />} loading={uploading} onClick={() => input.current?.click()}>
        {t('articles.cover.upload')}
      </Button>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        style={{ display: 'none' }}
        aria-label={t('articles.cover.upload')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void upload(file);
        }}
      />
    </Flex>
  );
}
