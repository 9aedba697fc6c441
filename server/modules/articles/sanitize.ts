import type sanitizeHtml from 'sanitize-html';
import { isOwnImage } from './rules.ts';

/**
 * The one way an article's HTML is stored: written in the console's editor, then cut down by
 * sanitize-html (a maintained allow-list sanitizer; 2.17.5 pinned, as 2.17.6+ needs Node 22) to
 * text formatting, links and tables. Nothing executable survives: no script, style, iframe, form
 * or SVG, no `on*` attribute, no `style`, no scheme other than http(s) and mailto in a link, and
 * images only from gonghui's own article files (`/api/articles/files/<key>`), so an article never
 * loads anything from elsewhere nor tracks its readers.
 */

/**
 * sanitize-html and the parsers it brings take ~120 ms to load: loaded with the first article
 * written or summarised, not at every server start (bench/README.md, cold start).
 */
let loaded: Promise<typeof sanitizeHtml> | undefined;
const load = () => (loaded ??= import('sanitize-html').then((m) => m.default));

const optionsWith = (sanitize: typeof sanitizeHtml): sanitizeHtml.IOptions => ({
  allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'pre', 'code', 'span'],
  allowedAttributes: { a: ['href', 'title', 'target', 'rel'], img: ['src', 'alt', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Links open apart from the article and give the target no handle on it.
  transformTags: { a: sanitize.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }) },
  exclusiveFilter: (frame) => frame.tag === 'img' && !isOwnImage(frame.attribs.src ?? ''),
});

export async function sanitizeArticleHtml(html: string): Promise<string> {
  const sanitize = await load();
  return sanitize(html, optionsWith(sanitize)).trim();
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The text of (sanitized) HTML, for summaries: tags dropped, the common entities decoded. */
export async function plainTextOf(html: string): Promise<string> {
  const text = (await load())(html.replace(/<\/(p|h\d|li|tr|blockquote)>|<br\s*\/?>/gi, ' '), { allowedTags: [], allowedAttributes: {} });
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => entities[e]!);
}
