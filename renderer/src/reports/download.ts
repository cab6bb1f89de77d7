// Browser mode: a finished export is fetched from the loopback server's download route (the same
// per-run token as the API, as a header) and handed to the browser as a download.
import { loopbackToken, TOKEN_HEADER } from '../api/token';

export async function fetchExport(jobId: string): Promise<Blob> {
  const response = await fetch(`/download/${encodeURIComponent(jobId)}`, { headers: { [TOKEN_HEADER]: loopbackToken() } });
  if (!response.ok) {
    let message = `The app answered ${response.status}.`;
    try {
      const body = (await response.json()) as { error?: { message?: string } };
      message = body.error?.message ?? message;
    } catch {
      // Not JSON: keep the status.
    }
    throw new Error(message);
  }
  return response.blob();
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
