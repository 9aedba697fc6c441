import i18next from 'i18next';
import { ApiError } from '../api/client';

/** The file name a download answer suggests (RFC 6266 filename*), or the fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  return encoded ? decodeURIComponent(encoded) : fallback;
}

/**
 * Downloads a file from the API with the session cookie (same-origin fetch, then a blob link),
 * so a refusal arrives as the server's problem message instead of a broken file.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const response = await fetch(url, {
    credentials: 'same-origin',
    // Explicit, so a refusal's message follows the UI's language rather than the browser's.
    headers: { 'Accept-Language': i18next.language === 'en' ? 'en' : 'zh-CN' },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
    throw new ApiError(response.status, problem.code ?? `http_${response.status}`, problem.detail ?? response.statusText);
  }
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
