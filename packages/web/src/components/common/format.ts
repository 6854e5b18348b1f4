/** Display formatting shared by every page: dates, counts, scores. */

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });
const count = new Intl.NumberFormat('en-GB');

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  // Partial dates (1970, 1970-05) stay as the list wrote them.
  if (/^\d{4}(-\d{2})?$/.test(iso)) return iso;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : date.format(d);
}

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : count.format(n);
}

export function formatScore(score: number): string {
  return score.toFixed(2);
}

export function formatSigned(x: number): string {
  const s = x.toFixed(2);
  return x > 0 ? `+${s}` : x === 0 ? '±0.00' : s;
}
