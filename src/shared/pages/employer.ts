/**
 * The logged-in business as SPOT's page header shows it ("Poslovni subjekt: PRIMER d.o.o.
 * (davčna številka 12345679)"). Read by labels from the header (`<header>` / `role=banner`),
 * or, without one, from the page outside its main content, tables and forms.
 */
import { validateTaxNumber } from '../../lib/identifiers.ts';
import { selectAll, textChunks, valueAfterLabel } from './dom.ts';
import type { PageEmployer } from './types.ts';

/** The one label table of the page header. */
export const EMPLOYER_LABELS = {
  name: ['Poslovni subjekt', 'Zavezanec', 'Delodajalec', 'Podjetje', 'Subjekt'],
  taxNumber: ['Davčna številka', 'Davčna št', 'DŠ', 'ID za DDV', 'Identifikacijska številka za DDV'],
} as const;

const OUTSIDE_CONTENT = 'main, [role=main], table, form, nav, footer, [role=contentinfo]';

function headerChunks(root: Document | Element): string[] {
  const headers = selectAll(root, ['header', '[role=banner]']);
  if (headers.length > 0) return headers.flatMap((h) => textChunks(h));
  const body = 'body' in root ? root.body : root;
  return body ? textChunks(body, OUTSIDE_CONTENT) : [];
}

/** The employer in the page header; each part null when the page does not show it (or it is invalid). */
export function readPageEmployer(root: Document | Element): PageEmployer {
  const chunks = headerChunks(root);
  const taxText = valueAfterLabel(chunks, EMPLOYER_LABELS.taxNumber);
  const digits = /(?:SI\s*)?(\d{8})(?!\d)/i.exec(taxText ?? '')?.[1] ?? null;
  const taxNumber = digits && validateTaxNumber(digits).ok ? digits : null;
  const nameText = valueAfterLabel(chunks, EMPLOYER_LABELS.name);
  const name = nameText ? nameText.split(/[(·|,;]/)[0]!.trim().slice(0, 200) || null : null;
  return { taxNumber, name };
}
