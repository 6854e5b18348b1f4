/** Small entities for the versions tests. */
import { type Entity, type Schema, emptyEntity } from '../model/entity.js';

export function person(list: string, sourceId: string, name: string, more: Partial<Entity> = {}, schema: Schema = 'Person'): Entity {
  return { ...emptyEntity(list, sourceId, schema), names: [{ full: name, kind: 'primary' }], ...more };
}
