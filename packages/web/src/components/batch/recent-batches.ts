/** The batches started in this browser (the server keeps jobs in memory and has no listing): id, file, time. */

export interface RecentBatch {
  readonly id: string;
  readonly file: string;
  readonly at: string;
}

const key = (user: string) => `argus.batches.${user}`;

export function recentBatches(user: string): RecentBatch[] {
  try {
    const v = JSON.parse(localStorage.getItem(key(user)) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as RecentBatch[]).slice(0, 20) : [];
  } catch {
    return [];
  }
}

export function rememberBatch(user: string, batch: RecentBatch): void {
  try {
    localStorage.setItem(key(user), JSON.stringify([batch, ...recentBatches(user).filter((b) => b.id !== batch.id)].slice(0, 20)));
  } catch {
    // Storage full or disabled: the list is a convenience only.
  }
}
