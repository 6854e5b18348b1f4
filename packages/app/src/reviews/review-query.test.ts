import { describe, expect, it } from 'vitest';
import { reviewQueryKey } from './review-query.js';

describe('reviewQueryKey', () => {
  it('ignores case, accents, punctuation and token order', () => {
    expect(reviewQueryKey({ name: 'José  SMITH-Jones' })).toBe(reviewQueryKey({ name: 'jones smith jose' }));
  });
  it('keeps date of birth, country, schema and identifier apart', () => {
    const base = reviewQueryKey({ name: 'John Smith' });
    expect(reviewQueryKey({ name: 'John Smith', dob: '1970' })).not.toBe(base);
    expect(reviewQueryKey({ name: 'John Smith', country: 'gb' })).toBe(reviewQueryKey({ name: 'John Smith', country: 'GB' }));
    expect(reviewQueryKey({ name: 'John Smith', id: 'AB-123' })).toBe(reviewQueryKey({ name: 'John Smith', id: 'ab 123' }));
  });
});
