/** One FollowTheMoney JSON record (`{id, schema, properties: {prop: [values]}}`), read defensively. */

export interface FtmRecord {
  readonly id: string;
  readonly schema: string;
  readonly caption?: string;
  /** Every property as a list of non-empty strings. */
  readonly props: ReadonlyMap<string, readonly string[]>;
  /** The top-level keys OpenSanctions adds (datasets, target, first_seen, last_change…). */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** The record, or what is wrong with it. Property values that are not strings are reported, not guessed at. */
export function readFtmRecord(value: Record<string, unknown>): { record: FtmRecord; problems: string[] } | string {
  const { id, schema, properties, caption } = value;
  if (typeof id !== 'string' || id.trim() === '') return 'the record has no "id"';
  if (typeof schema !== 'string' || schema.trim() === '') return `record ${id} has no "schema"`;
  if (properties !== undefined && (properties === null || typeof properties !== 'object' || Array.isArray(properties))) {
    return `record ${id}: "properties" is not an object`;
  }
  const problems: string[] = [];
  const props = new Map<string, string[]>();
  for (const [key, raw] of Object.entries((properties ?? {}) as Record<string, unknown>)) {
    const list = Array.isArray(raw) ? raw : [raw];
    const values: string[] = [];
    for (const v of list) {
      if (typeof v === 'string') {
        if (v.trim() !== '') values.push(v);
      } else if (typeof v === 'number') {
        values.push(String(v));
      } else if (v !== null) {
        problems.push(`property ${key} holds a ${Array.isArray(v) ? 'list' : typeof v}, not a string; value skipped`);
      }
    }
    if (values.length > 0) props.set(key, values);
  }
  return {
    record: { id: id.trim(), schema: schema.trim(), ...(typeof caption === 'string' ? { caption } : {}), props, raw: value },
    problems,
  };
}

export function first(record: FtmRecord, prop: string): string | undefined {
  return record.props.get(prop)?.[0];
}

export function all(record: FtmRecord, prop: string): readonly string[] {
  return record.props.get(prop) ?? [];
}

const SCHEMA_KEY = /"schema"\s*:\s*"([^"\\]*)"/;

/**
 * The schema of a raw line without parsing it. Inside a JSON string every quote is escaped, so an
 * unescaped `"schema":"X"` is a key; FtM lines have that key only at the top level. Undefined when
 * the line does not show it plainly (the caller then parses it).
 */
export function peekSchema(line: string): string | undefined {
  return SCHEMA_KEY.exec(line)?.[1];
}
