/** Words for explanations: money as a reviewer reads it ("1.93M PKR"), spans of time ("36 h"), shares ("91 %"). */

/** 1,930,000 → "1.93M PKR"; 12,500 → "12.5K PKR"; 940.5 → "940.50 PKR". */
export function money(amount: number, currency: string): string {
  const abs = Math.abs(amount);
  let text: string;
  if (abs >= 1e9) text = `${trim(amount / 1e9)}B`;
  else if (abs >= 1e6) text = `${trim(amount / 1e6)}M`;
  else if (abs >= 1e4) text = `${trim(amount / 1e3)}K`;
  else text = amount.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${text} ${currency}`;
}

function trim(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value
    .toFixed(digits)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 129,600,000 → "36 h"; 3 days → "3 d"; 90 s → "2 min". */
export function duration(ms: number): string {
  if (ms < HOUR) return `${Math.max(0, Math.round(ms / MINUTE))} min`;
  if (ms < 3 * DAY) return `${Math.round(ms / HOUR)} h`;
  return `${Math.round(ms / DAY)} d`;
}

/** 0.912 → "91 %". */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}

/** "1 account", "3 accounts". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** A short list of account names for a sentence: "A, B and 3 more". */
export function names(accounts: readonly string[], max = 3): string {
  if (accounts.length <= max)
    return accounts.length <= 1 ? (accounts[0] ?? '') : `${accounts.slice(0, -1).join(', ')} and ${accounts.at(-1)}`;
  return `${accounts.slice(0, max).join(', ')} and ${accounts.length - max} more`;
}
