/** A reusable set of account numbers for one neighbourhood search: clearing is O(1) (a new epoch), so searches allocate nothing. */

export class AccountMarks {
  #stamp = new Int32Array(1024);
  #value = new Float64Array(1024);
  #epoch = 0;

  /** Starts a new, empty set sized for `accounts` accounts. */
  reset(accounts: number): void {
    if (accounts > this.#stamp.length) {
      let n = this.#stamp.length;
      while (n < accounts) n *= 2;
      this.#stamp = new Int32Array(n);
      this.#value = new Float64Array(n);
      this.#epoch = 0;
    }
    this.#epoch++;
    if (this.#epoch === 0x7fffffff) {
      this.#stamp.fill(0);
      this.#epoch = 1;
    }
  }

  has(account: number): boolean {
    return this.#stamp[account] === this.#epoch;
  }

  /** Adds the account; true when it was not in the set. */
  add(account: number, value = 0): boolean {
    if (this.#stamp[account] === this.#epoch) return false;
    this.#stamp[account] = this.#epoch;
    this.#value[account] = value;
    return true;
  }

  remove(account: number): void {
    if (this.#stamp[account] === this.#epoch) this.#stamp[account] = 0;
  }

  /** A number kept with the account (a depth, a count, a sum); 0 when not in the set. */
  get(account: number): number {
    return this.#stamp[account] === this.#epoch ? (this.#value[account] as number) : 0;
  }

  set(account: number, value: number): void {
    this.#stamp[account] = this.#epoch;
    this.#value[account] = value;
  }
}
