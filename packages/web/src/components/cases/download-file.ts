/**
 * Downloads a file the server serves as an attachment (STR, evidence, audit export) through fetch, so a refusal
 * (a report that does not validate, a lost session) is shown as a message instead of being saved as a file.
 */

import { ApiError, type Problem } from '../../api/client.js';

function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the quoted name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/** Fetches `url` and saves it under the server's file name; resolves with the response headers. */
export async function downloadFile(url: string, fallbackName: string): Promise<Headers> {
  const res = await fetch(url, { credentials: 'same-origin', headers: { accept: '*/*' } });
  if (!res.ok) {
    let problem: Problem = { status: res.status };
    try {
      problem = { ...(await res.json()), status: res.status };
    } catch {
      // not a problem document
    }
    throw new ApiError(problem);
  }
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return res.headers;
}
