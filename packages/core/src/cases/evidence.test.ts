import { describe, expect, it } from 'vitest';
import { inspectEvidence, sniffContentType } from './evidence.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('sniffContentType', () => {
  it('recognises common evidence formats by magic bytes', () => {
    expect(sniffContentType(bytes('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(sniffContentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffContentType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffContentType(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1]))).toBe('application/zip');
    expect(sniffContentType(bytes('account,amount\nA1,100\n'))).toBe('text/plain; charset=utf-8');
  });

  it('never labels active content as something a browser renders', () => {
    expect(sniffContentType(bytes('<html><script>alert(1)</script>'))).toBe('application/octet-stream');
    expect(sniffContentType(bytes('  <svg onload="x()"/>'))).toBe('application/octet-stream');
    expect(sniffContentType(bytes('#!/bin/sh\nrm -rf /'))).toBe('application/octet-stream');
    expect(sniffContentType(new Uint8Array([0x4d, 0x5a, 0x90, 0]))).toBe('application/octet-stream');
    expect(sniffContentType(new Uint8Array([0x00, 0x01, 0x02]))).toBe('application/octet-stream');
  });
});

describe('inspectEvidence', () => {
  it('hashes, sizes and strips paths from the name', () => {
    const r = inspectEvidence(bytes('abc'), '../../etc/stmt.txt');
    expect(r).toEqual({
      ok: true,
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      size: 3,
      contentType: 'text/plain; charset=utf-8',
      fileName: 'stmt.txt',
    });
  });

  it('refuses empty and oversized files', () => {
    expect(inspectEvidence(new Uint8Array(), 'a.pdf')).toMatchObject({ ok: false, reason: 'empty' });
    expect(inspectEvidence(new Uint8Array(11), 'a.bin', 10)).toMatchObject({ ok: false, reason: 'too_large' });
  });
});
