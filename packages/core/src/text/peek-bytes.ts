/** Looks at the first bytes of a stream (to pick a decoder) without losing them. */

export interface PeekedBytes {
  /** At least `size` bytes, fewer only when the stream is shorter. */
  readonly head: Uint8Array;
  /** The whole stream again, head included. */
  readonly bytes: AsyncIterable<Uint8Array>;
}

export async function peekBytes(source: AsyncIterable<Uint8Array>, size: number): Promise<PeekedBytes> {
  const it = source[Symbol.asyncIterator]();
  const parts: Uint8Array[] = [];
  let n = 0;
  let done = false;
  while (n < size) {
    const step = await it.next();
    if (step.done) {
      done = true;
      break;
    }
    parts.push(step.value);
    n += step.value.byteLength;
  }
  const head = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    head.set(p, at);
    at += p.byteLength;
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    if (head.byteLength > 0) yield head;
    if (done) return;
    for (;;) {
      const step = await it.next();
      if (step.done) return;
      yield step.value;
    }
  }
  return { head, bytes: replay() };
}
