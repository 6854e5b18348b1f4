/** Canonical JSON: object keys sorted, undefined dropped — the same value always gives the same text. */

/**
 * Serialises a JSON-compatible value with sorted object keys at every depth, so that two
 * structurally equal values give identical text (and so identical hashes), whatever order a parser
 * built their properties in. Array order is kept: it is meaningful (the first primary name…).
 *
 * @example canonicalJson({ b: 1, a: [2, { d: undefined, c: 3 }] }) === '{"a":[2,{"c":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

function write(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => write(v) ?? 'null').join(',')}]`;
      const obj = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(obj).sort()) {
        const v = write(obj[key]);
        if (v !== undefined) parts.push(`${JSON.stringify(key)}:${v}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      // undefined, functions, symbols: absent, as JSON.stringify does for object members.
      return undefined;
  }
}
