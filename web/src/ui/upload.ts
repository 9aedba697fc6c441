import i18next from 'i18next';
import { ApiError } from '../api/client';

/** One bad cell of a refused import, as a 422 answer of an import endpoint lists it. */
export interface ImportRowError {
  row: number;
  column: string;
  field: string;
  message: string;
}

/** A refused import: the problem's detail, every bad cell, and where the error report waits. */
export class ImportRefused extends ApiError {
  constructor(
    status: number,
    code: string,
    detail: string,
    readonly rows: ImportRowError[],
    readonly reportUrl: string | null,
  ) {
    super(status, code, detail);
  }
}

interface Problem {
  code?: string;
  detail?: string;
  errors?: ImportRowError[];
  reportUrl?: string;
}

/**
 * Sends a workbook (multipart: `file` and the text fields) with XMLHttpRequest, whose upload events
 * (unlike fetch's) report progress; `onUploaded` fires once the bytes are sent and the server is
 * checking the rows. Every import endpoint answers {imported} or a 422 with row errors;
 * `interrupted` is the message of a connection lost on the way.
 */
export function uploadWorkbook(
  url: string,
  file: File,
  fields: Record<string, string>,
  csrfToken: string,
  onProgress: (percent: number) => void,
  onUploaded: () => void,
  interrupted: string,
): Promise<{ imported: number }> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('file', file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.responseType = 'json';
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    // Explicit, so the problem's messages follow the UI's language rather than the browser's.
    xhr.setRequestHeader('Accept-Language', i18next.language === 'en' ? 'en' : 'zh-CN');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.upload.onload = onUploaded;
    xhr.onload = () => {
      const answer = (xhr.response ?? {}) as Problem & { imported?: number };
      if (xhr.status >= 200 && xhr.status < 300) resolve({ imported: answer.imported ?? 0 });
      else reject(new ImportRefused(xhr.status, answer.code ?? `http_${xhr.status}`, answer.detail ?? xhr.statusText, answer.errors ?? [], answer.reportUrl ?? null));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', interrupted));
    xhr.send(body);
  });
}
