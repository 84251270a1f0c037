import type { IsoTimestamp } from '../../shared/spot.ts';
import type { SpotDb } from '../db.ts';

export type Entity = 'certificates' | 'disclosures' | 'workers' | 'postings' | 'claims';

/** One change of a record, kept so the user can see what changed and when. Call inside a transaction. */
export async function recordChange(db: SpotDb, entity: Entity, entityKey: string, at: IsoTimestamp, change: unknown): Promise<void> {
  await db.history.add({ entity, entityKey, at, change });
}

export async function historyOf(db: SpotDb, entity: Entity, entityKey: string) {
  return db.history.where('[entity+entityKey]').equals([entity, entityKey]).sortBy('at');
}
