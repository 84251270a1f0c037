/** The popup's settings (table `settings`, one row per key) with their defaults. */
import type { CsvDialect } from '../../lib/csv.ts';
import type { ColumnMapping } from '../../lib/disclosure/mapping.ts';
import { DEFAULT_RETENTION_DAYS, UI_SETTINGS, type ParameterOverrides, type UiSettings } from '../../shared/protocol/ui.ts';
import type { SpotDb } from '../db.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function overridesOf(v: unknown): ParameterOverrides {
  if (!isRecord(v)) return {};
  const out: ParameterOverrides = {};
  if (typeof v.minimumWage === 'number' && v.minimumWage > 0) out.minimumWage = v.minimumWage;
  if (typeof v.averageWage === 'number' && v.averageWage > 0) out.averageWage = v.averageWage;
  return out;
}

export async function readUiSettings(db: SpotDb): Promise<UiSettings> {
  const rows = await db.settings.bulkGet([UI_SETTINGS.retentionDays, UI_SETTINGS.parameterOverrides, UI_SETTINGS.exportDialect]);
  const [retention, overrides, dialect] = rows.map((r) => r?.value);
  return {
    retentionDays: typeof retention === 'number' && retention >= 1 ? retention : DEFAULT_RETENTION_DAYS,
    parameterOverrides: overridesOf(overrides),
    exportDialect: (dialect === 'csv' ? 'csv' : 'excel-si') as CsvDialect,
  };
}

/** Stores the given settings; keys left out keep their value. */
export async function writeUiSettings(db: SpotDb, patch: Partial<UiSettings>): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    if (patch.retentionDays !== undefined) await db.settings.put({ key: UI_SETTINGS.retentionDays, value: patch.retentionDays });
    if (patch.parameterOverrides !== undefined) {
      await db.settings.put({ key: UI_SETTINGS.parameterOverrides, value: overridesOf(patch.parameterOverrides) });
    }
    if (patch.exportDialect !== undefined) await db.settings.put({ key: UI_SETTINGS.exportDialect, value: patch.exportDialect });
  });
}

/** Remembered CSV column mappings, keyed by the folded header signature. */
export async function readColumnMappings(db: SpotDb): Promise<Record<string, ColumnMapping>> {
  const row = await db.settings.get(UI_SETTINGS.csvMappings);
  return isRecord(row?.value) ? (row.value as Record<string, ColumnMapping>) : {};
}

/** At most this many shapes are remembered; the oldest is forgotten first. */
export const MAX_MAPPINGS = 100;

export async function saveColumnMapping(db: SpotDb, signature: string, mapping: ColumnMapping): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const all = { ...(await readColumnMappings(db)) };
    delete all[signature];
    all[signature] = mapping;
    const keys = Object.keys(all);
    for (const k of keys.slice(0, Math.max(0, keys.length - MAX_MAPPINGS))) delete all[k];
    await db.settings.put({ key: UI_SETTINGS.csvMappings, value: all });
  });
}
