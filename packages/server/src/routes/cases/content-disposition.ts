/** Content-Disposition for downloads: always `attachment`, with a quoted ASCII fallback name and the UTF-8 name (RFC 6266 / 5987). */

export function attachmentDisposition(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'download';
  // The quoted form may hold neither quotes nor backslashes, and only ASCII is safe in every browser.
  const ascii = base.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(base).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
