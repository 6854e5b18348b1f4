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

/**
 * Built by appending to one string rather than mapping and joining arrays: every list version hashes
 * every entity through here, and the intermediate arrays were most of an import's garbage.
 */
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
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          out += write(value[i]) ?? 'null';
        }
        return `${out}]`;
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj);
      if (keys.length > 1) keys.sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const v = write(obj[key]);
        if (v === undefined) continue;
        if (!first) out += ',';
        first = false;
        out += quotedKey(key);
        out += ':';
        out += v;
      }
      return `${out}}`;
    }
    default:
      // undefined, functions, symbols: absent, as JSON.stringify does for object members.
      return undefined;
  }
}

/** Object keys repeat across every entity (names, kind, full…): quote each spelling once. */
const QUOTED = new Map<string, string>();

function quotedKey(key: string): string {
  let q = QUOTED.get(key);
  if (q === undefined) {
    q = JSON.stringify(key);
    // Property keys come from list data too (FtM, Senzing): bound the cache rather than let it grow with a file.
    if (QUOTED.size < 10_000) QUOTED.set(key, q);
  }
  return q;
}
