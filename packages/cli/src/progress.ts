/** A progress line on stderr, shown only on a terminal so pipes and CI logs stay clean. */

export interface Progress {
  update(done: number, total?: number, label?: string): void;
  finish(): void;
}

export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean }, title: string): Progress {
  if (!stream.isTTY || process.env.CI) return { update() {}, finish() {} };
  let last = 0;
  const started = Date.now();
  const draw = (done: number, total?: number, label?: string) => {
    const width = 30;
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    const head =
      total && total > 0
        ? `[${'#'.repeat(Math.round((Math.min(done, total) / total) * width)).padEnd(width, '.')}] ${Math.floor((Math.min(done, total) / total) * 100)}%`
        : `${done.toLocaleString('en')}`;
    stream.write(`\r\x1b[2K${title} ${head} ${Math.round(rate).toLocaleString('en')}/s${label ? ` ${label}` : ''}`);
  };
  return {
    update(done, total, label) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      draw(done, total, label);
    },
    finish() {
      stream.write('\r\x1b[2K');
    },
  };
}
