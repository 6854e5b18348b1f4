import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './content-disposition.js';

describe('attachmentDisposition', () => {
  it('is always an attachment with a quoted ASCII name and the exact UTF-8 name', () => {
    expect(attachmentDisposition('str-case_1.xml')).toBe(`attachment; filename="str-case_1.xml"; filename*=UTF-8''str-case_1.xml`);
    expect(attachmentDisposition('statement "q1" (final).pdf')).toBe(
      `attachment; filename="statement _q1_ (final).pdf"; filename*=UTF-8''statement%20%22q1%22%20%28final%29.pdf`,
    );
    expect(attachmentDisposition('رپورٹ.pdf')).toMatch(/^attachment; filename="_____\.pdf"; filename\*=UTF-8''%D8%B1/);
  });

  it('cannot be broken out of: path parts, control characters and header injection are removed', () => {
    const h = attachmentDisposition('..\\..\\evil\r\nSet-Cookie: x=1.html');
    expect(h).not.toMatch(/[\r\n]/);
    expect(h.startsWith('attachment; filename="evilSet-Cookie: x=1.html"')).toBe(true);
    expect(attachmentDisposition('')).toContain('filename="download"');
  });
});
