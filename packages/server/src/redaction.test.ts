import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { REDACT } from './build-server.js';

describe('log redaction', () => {
  it('censors credentials and the names, dates and identifiers of screening queries', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = pino({ redact: { paths: REDACT, censor: '[redacted]' } }, sink);
    log.info({
      req: { headers: { authorization: 'Bearer argus_secret', cookie: 'argus_session=abc' } },
      body: { name: 'Ivan Petrov', dob: '1970-01-01', id_number: 'P1234567', password: 'hunter2 hunter2' },
      query: { name: 'Ivan Petrov' },
    });
    const out = lines.join('');
    for (const secret of ['argus_secret', 'argus_session=abc', 'Ivan Petrov', '1970-01-01', 'P1234567', 'hunter2']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
  });
});
