import type { EmployerRow } from '../../shared/rows.ts';
import type { SpotDb } from '../db.ts';

export const CURRENT_EMPLOYER = 'currentEmployer';

/** Makes sure the employer exists; a name learnt later replaces a placeholder. Call inside a transaction. */
export async function ensureEmployer(db: SpotDb, taxNumber: string, name?: string | null): Promise<EmployerRow> {
  const found = await db.employers.get(taxNumber);
  if (found) {
    if (name && (!found.name || found.name === taxNumber)) {
      await db.employers.update(taxNumber, { name });
      return { ...found, name };
    }
    return found;
  }
  const row: EmployerRow = { taxNumber, name: name?.trim() || taxNumber };
  await db.employers.put(row);
  return row;
}

export async function currentEmployer(db: SpotDb): Promise<string | null> {
  const row = await db.settings.get(CURRENT_EMPLOYER);
  return typeof row?.value === 'string' ? row.value : null;
}
