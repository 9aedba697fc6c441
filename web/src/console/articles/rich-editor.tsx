import { useEffect, useRef } from 'react';
import { App, Button, Divider, Space, Tooltip } from 'antd';
import { BoldOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, PictureOutlined, RedoOutlined, UndoOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../shared/me-context';
import { postFile } from './post-file';

interface Props {
  value?: string;
  onChange?: (html: string) => void;
  /** The org the article belongs to: images are uploaded under it. */
  orgId?: number;
}

/**
 * The article editor: Tiptap (ProseMirror) with headings, emphasis, lists, quotes, links and
 * images uploaded to /api/articles/files. Loaded only with the articles page. What it writes is
 * HTML that the server sanitizes again; the editor is no security boundary.
 */
export function RichEditor({ value, onChange, orgId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const fileInput = useRef<HTMLInputElement>(null);
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] }, link: { openOnClick: false, protocols: ['http', 'https', 'mailto'] } }), Image],
    content: value ?? '',
    onUpdate: ({ editor }) => onChange?.(editor.isEmpty ? '' : editor.getHTML()),
    editorProps: { attributes: { class: 'article-editor-content', 'aria-label': t('articles.field.body'), role: 'textbox', 'aria-multiline': 'true' } },
  });
  // The form sets the value after the editor exists (opening another article): follow it.
  useEffect(() => {
    if (editor && value !== undefined && value !== editor.getHTML() && !(value === '' && editor.isEmpty)) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      heading: e?.isActive('heading', { level: 3 }) ?? false,
      bullet: e?.isActive('bulletList') ?? false,
      ordered: e?.isActive('orderedList') ?? false,
      quote: e?.isActive('blockquote') ?? false,
      link: e?.isActive('link') ?? false,
    }),
  });

  const upload = async (file: File) => {
    if (!editor) return;
    if (!orgId) return void message.warning(t('articles.editor.needOrg'));
    try {
      const { url } = await postFile<{ url: string }>('/api/articles/files', file, { orgId: String(orgId) }, me.csrfToken, t('articles.editor.uploadFailed'));
      editor.chain().focus().setImage({ src: url, alt: file.name }).run();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const link = () => {
    if (!editor) return;
    if (state?.link) return void editor.chain().focus().unsetLink().run();
    const href = window.prompt(t('articles.editor.linkPrompt'), 'https://');
    if (href && /^(https?:|mailto:)/i.test(href)) editor.chain().focus().setLink({ href }).run();
  };

  const tool = (key: string, icon: React.ReactNode | string, active: boolean, run: () => void) => (
    <Tooltip title={t(`articles.editor.${key}`)} key={key}>
      <Button size="small" type={active ? 'primary' : 'text'} aria-label={t(`articles.editor.${key}`)} aria-pressed={active} onClick={run}>
        {icon}
      </Button>
    </Tooltip>
  );

  return (
    <div className="article-editor">
      <Space size={2} wrap className="article-editor-toolbar">
        {tool('heading', 'H', !!state?.heading, () => editor?.chain().focus().toggleHeading({ level: 3 }).run())}
        {tool('bold', <BoldOutlined />, !!state?.bold, () => editor?.chain().focus().toggleBold().run())}
        {tool('italic', <ItalicOutlined />, !!state?.italic, () => editor?.chain().focus().toggleItalic().run())}
        <Divider type="vertical" />
        {tool('bulletList', <UnorderedListOutlined />, !!state?.bullet, () => editor?.chain().focus().toggleBulletList().run())}
        {tool('orderedList', <OrderedListOutlined />, !!state?.ordered, () => editor?.chain().focus().toggleOrderedList().run())}
        {tool('quote', '“', !!state?.quote, () => editor?.chain().focus().toggleBlockquote().run())}
        <Divider type="vertical" />
        {tool('link', <LinkOutlined />, !!state?.link, link)}
        {tool('image', <PictureOutlined />, false, () => fileInput.current?.click())}
        <Divider type="vertical" />
        {tool('undo', <UndoOutlined />, false, () => editor?.chain().focus().undo().run())}
        {tool('redo', <RedoOutlined />, false, () => editor?.chain().focus().redo().run())}
      </Space>
      <input
        ref={fileInput}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void upload(file);
        }}
      />
      <EditorContent editor={editor} />
    </div>
  );
}
