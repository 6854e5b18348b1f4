/** What a list version holds, counted as its entities stream past: by schema, names, aliases, scripts, dates, identifiers. */

import type { Entity } from '../model/entity.js';
import { detectScript } from './detect-script.js';

export interface VersionCounts {
  readonly entities: number;
  readonly bySchema: Readonly<Record<string, number>>;
  /** Every name, primary and alias. */
  readonly names: number;
  /** Names that are not primary (strong and weak a.k.a.). */
  readonly aliases: number;
  /** Names per ISO 15924 script (the list's own, else detected from the letters). */
  readonly scripts: Readonly<Record<string, number>>;
  readonly birthDates: number;
  readonly identifiers: number;
  readonly warnings: number;
}

/** Accumulates counts in constant memory: one entity at a time, never the list. */
export class VersionCounter {
  #entities = 0;
  #names = 0;
  #aliases = 0;
  #birthDates = 0;
  #identifiers = 0;
  #warnings = 0;
  readonly #bySchema = new Map<string, number>();
  readonly #scripts = new Map<string, number>();

  add(entity: Entity): void {
    this.#entities++;
    bump(this.#bySchema, entity.schema);
    for (const name of entity.names) {
      this.#names++;
      if (name.kind !== 'primary') this.#aliases++;
      bump(this.#scripts, name.script ?? detectScript(name.full));
    }
    this.#birthDates += entity.birthDates.length;
    this.#identifiers += entity.identifiers.length;
  }

  addWarning(): void {
    this.#warnings++;
  }

  get entities(): number {
    return this.#entities;
  }

  get warnings(): number {
    return this.#warnings;
  }

  result(): VersionCounts {
    return {
      entities: this.#entities,
      bySchema: sortedRecord(this.#bySchema),
      names: this.#names,
      aliases: this.#aliases,
      scripts: sortedRecord(this.#scripts),
      birthDates: this.#birthDates,
      identifiers: this.#identifiers,
      warnings: this.#warnings,
    };
  }
}

/** Counts of a finite collection of entities (tests, small lists). */
export function countEntities(entities: Iterable<Entity>, warnings = 0): VersionCounts {
  const c = new VersionCounter();
  for (const e of entities) c.add(e);
  for (let i = 0; i < warnings; i++) c.addWarning();
  return c.result();
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Largest first, then by key: the order a summary prints. */
function sortedRecord(map: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) out[k] = v;
  return out;
}
