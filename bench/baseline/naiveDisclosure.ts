import Papa from 'papaparse';

/**
 * The obvious alternative the companion is measured against: the same output (header fields,
 * monthly rows, totals, hourly base) written the quick way — papaparse with its defaults
 * (delimiter and line endings guessed by trial parsing) and float sums, exact header labels
 * only, no validation. It exists for the benchmark, never for users: it mis-adds cents and
 * accepts anything.
 */
export interface NaiveDisclosure {
  header: Record<string, string>;
  rows: { month: string; source: string; incomeType: string; amount: number; hours: number }[];
  totals: { amount: number; hours: number };
  hourlyBase: number;
}

export function naiveDisclosure(bytes: Uint8Array): NaiveDisclosure {
  const text = new TextDecoder().decode(bytes);
  const data = Papa.parse<string[]>(text).data;
  const header: Record<string, string> = {};
  const rows: NaiveDisclosure['rows'] = [];
  let amount = 0;
  let hours = 0;
  for (const row of data) {
    if (row.length === 2) header[row[0]!] = row[1]!;
    if (row.length < 6 || !/^\d{4}$/.test(row[0] ?? '')) continue;
    const a = parseFloat((row[4] ?? '0').replace(/\./g, '').replace(',', '.')) || 0;
    const h = parseFloat(row[5] ?? '0') || 0;
    rows.push({ month: `${row[0]}-${(row[1] ?? '').padStart(2, '0')}`, source: (row[2] ?? '').startsWith('REK') ? 'REK' : 'OPSV', incomeType: row[3] ?? '', amount: a, hours: h });
    amount += a;
    hours += h;
  }
  return { header, rows, totals: { amount, hours }, hourlyBase: hours ? amount / hours : 0 };
}
