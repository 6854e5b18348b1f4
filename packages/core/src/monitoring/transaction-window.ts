/**
 * The transactions inside the sliding window as a graph: accounts interned to small integers, edges in a
 * ring of typed arrays, and per account the ids of its outgoing and incoming edges in arrival order.
 * Eviction advances one head pointer; per-account lists drop their evicted front lazily, so adding an edge
 * and evicting one are O(1) amortised and nothing is ever rescanned.
 */

/** Edge flags. */
export const EDGE_CASH = 1;

/** A list of edge ids in arrival order whose front may hold evicted ids (those below the window's head). */
export interface EdgeList {
  ids: number[];
  start: number;
}

export class TransactionWindow {
  readonly #index = new Map<string, number>();
  /** Account strings as the input gives them, by account number. */
  readonly accounts: string[] = [];
  readonly outs: EdgeList[] = [];
  readonly ins: EdgeList[] = [];

  #cap = 1 << 14;
  #mask = this.#cap - 1;
  /**
   * Time, amount, originator and beneficiary of each ring slot side by side in one 24-byte record (two float64
   * then two int32, read through two views of one buffer): a scan touches one cache line per edge, not four arrays.
   */
  #f64 = new Float64Array(this.#cap * 3);
  #i32 = new Int32Array(this.#f64.buffer);
  flags = new Uint8Array(this.#cap);
  tx: (string | undefined)[] = new Array<string | undefined>(this.#cap);
  /** Id of the oldest edge still in the window. */
  head = 0;
  /** Id the next edge gets. */
  tail = 0;

  /** The account's number, interning it on first sight. */
  intern(account: string): number {
    let i = this.#index.get(account);
    if (i === undefined) {
      i = this.accounts.length;
      this.#index.set(account, i);
      this.accounts.push(account);
      this.outs.push({ ids: [], start: 0 });
      this.ins.push({ ids: [], start: 0 });
    }
    return i;
  }

  lookup(account: string): number | undefined {
    return this.#index.get(account);
  }

  get accountCount(): number {
    return this.accounts.length;
  }

  get edgeCount(): number {
    return this.tail - this.head;
  }

  /** Ring slot of an edge id. */
  slot(edge: number): number {
    return edge & this.#mask;
  }

  /** Event time (ms) of the edge in ring slot `s`. */
  timeAt(s: number): number {
    return this.#f64[s * 3] as number;
  }

  /** Amount (base currency) of the edge in ring slot `s`. */
  amountAt(s: number): number {
    return this.#f64[s * 3 + 1] as number;
  }

  /** Originator account of the edge in ring slot `s`. */
  srcAt(s: number): number {
    return this.#i32[s * 6 + 4] as number;
  }

  /** Beneficiary account of the edge in ring slot `s`. */
  dstAt(s: number): number {
    return this.#i32[s * 6 + 5] as number;
  }

  add(src: number, dst: number, time: number, amount: number, tx: string, flags: number): number {
    if (this.tail - this.head === this.#cap) this.#grow();
    const id = this.tail++;
    const s = id & this.#mask;
    this.#f64[s * 3] = time;
    this.#f64[s * 3 + 1] = amount;
    this.#i32[s * 6 + 4] = src;
    this.#i32[s * 6 + 5] = dst;
    this.flags[s] = flags;
    this.tx[s] = tx;
    (this.outs[src] as EdgeList).ids.push(id);
    (this.ins[dst] as EdgeList).ids.push(id);
    return id;
  }

  /**
   * Drops edges from the front while they are older than `before`; calls `onEvict` with each.
   * Arrival order is mostly time order, so a late edge may stay a little past its time; readers filter by time.
   */
  evict(before: number, onEvict?: (edge: number) => void): void {
    while (this.head < this.tail && this.timeAt(this.head & this.#mask) < before) {
      onEvict?.(this.head);
      this.tx[this.head & this.#mask] = undefined;
      this.head++;
    }
  }

  /** The live part of an account's list (compacting its evicted front). */
  live(list: EdgeList): EdgeList {
    const ids = list.ids;
    let start = list.start;
    while (start < ids.length && (ids[start] as number) < this.head) start++;
    if (start > 32 && start * 2 > ids.length) {
      ids.copyWithin(0, start);
      ids.length -= start;
      start = 0;
    }
    list.start = start;
    return list;
  }

  out(account: number): EdgeList {
    return this.live(this.outs[account] as EdgeList);
  }

  in(account: number): EdgeList {
    return this.live(this.ins[account] as EdgeList);
  }

  #grow(): void {
    const cap = this.#cap * 2;
    const mask = cap - 1;
    const f64 = new Float64Array(cap * 3);
    const flags = new Uint8Array(cap);
    const tx = new Array<string | undefined>(cap);
    for (let id = this.head; id < this.tail; id++) {
      const a = id & this.#mask;
      const b = id & mask;
      f64[b * 3] = this.#f64[a * 3] as number;
      f64[b * 3 + 1] = this.#f64[a * 3 + 1] as number;
      flags[b] = this.flags[a] as number;
      tx[b] = this.tx[a];
    }
    // The accounts are copied as int32: moving their bits through float64 could let a NaN pattern be rewritten.
    const i32 = new Int32Array(f64.buffer);
    for (let id = this.head; id < this.tail; id++) {
      const a = id & this.#mask;
      const b = id & mask;
      i32[b * 6 + 4] = this.#i32[a * 6 + 4] as number;
      i32[b * 6 + 5] = this.#i32[a * 6 + 5] as number;
    }
    this.#cap = cap;
    this.#mask = mask;
    this.#f64 = f64;
    this.#i32 = i32;
    this.flags = flags;
    this.tx = tx;
  }
}
