/**
 * Sends one file (the multipart field `file`, plus text fields) to one of the articles' upload
 * routes — body images, covers, attachments — and answers its JSON; a refusal throws an Error with
 * the problem's first field message or its title, else `fallback`.
 */
export async function postFile<T>(url: string, file: File, fields: Record<string, string>, csrfToken: string | null | undefined, fallback: string): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file);
  const res = await fetch(url, { method: 'POST', body: form, credentials: 'same-origin', headers: csrfToken ? { 'x-csrf-token': csrfToken } : {} });
  if (!res.ok) {
    const problem = (await res.json().catch(() => ({}))) as { errors?: { message?: string }[]; title?: string };
    throw new Error(problem.errors?.[0]?.message ?? problem.title ?? fallback);
  }
  return (await res.json()) as T;
}
