import { matchLabelDetailed, type LabelTable } from '../../lib/text/labels.ts';
import { controlsIn, labelTextsOf, sectionOf, type FormControl } from './controls.ts';

export interface LocatedFields<F extends string> {
  /** Controls of each field, in document order (a field repeated per claim line has several). */
  byField: Map<F, FormControl[]>;
  /** Labels of controls that matched no field (for the "could not find" list and diagnostics). */
  unmatched: string[];
}

/**
 * Maps the controls under `root` to the fields of a label table. A control's section
 * (fieldset legend) is tried together with its label first, so "Naziv" under "Naročnik
 * storitve" is the client's name and not the applicant's.
 */
export function locateFields<F extends string>(root: ParentNode, table: LabelTable<F>): LocatedFields<F> {
  const byField = new Map<F, FormControl[]>();
  const unmatched: string[] = [];
  for (const control of controlsIn(root)) {
    const texts = labelTextsOf(control);
    const section = sectionOf(control);
    let field: F | null = null;
    for (const text of texts) {
      const withSection = section ? matchLabelDetailed(`${section} ${text}`, table, { allowContains: false }) : null;
      const match = withSection ?? matchLabelDetailed(text, table);
      if (match) { field = match.field; break; }
    }
    if (field === null) {
      if (texts[0]) unmatched.push(texts[0]);
      continue;
    }
    const list = byField.get(field) ?? [];
    list.push(control);
    byField.set(field, list);
  }
  return { byField, unmatched };
}
