import { foldLabel } from '../../lib/text/fold.ts';
import type { LabelTable } from '../../lib/text/labels.ts';
import type { FormControl } from './controls.ts';
import { locateFields } from './locate.ts';
import { setControlValue, type FieldValue, type SetFailure } from './setValue.ts';

/** One value to put into a form: `line` is the claim line (0-based), null for a form-level field. */
export interface FillStep<F extends string> {
  field: F;
  line: number | null;
  value: FieldValue;
  /** The value as the review step shows it (Slovenian formatting). */
  display: string;
}

export interface FillOutcome<F extends string> {
  filled: { field: F; line: number | null; written: string }[];
  missing: { field: F; line: number | null }[];
  failed: { field: F; line: number | null; code: SetFailure; detail: string; reason: string }[];
  linesAdded: number;
  /** A submit the add-line button would have caused was stopped (the button is a submit button). */
  submitBlocked: boolean;
}

export interface FillOptions<F extends string> {
  /** A field present once per line, used to count the lines the form shows. */
  lineMarker?: F;
  /** Texts of the button that adds a line (folded comparison). */
  addLineLabels?: readonly string[];
  /** Called with each control that received a value (to highlight it). */
  onFilled?: (control: FormControl) => void;
  /** How long to wait for a new line to appear after pressing the add button. */
  lineTimeoutMs?: number;
}

function findButton(root: ParentNode, labels: readonly string[]): HTMLElement | null {
  const wanted = labels.map(foldLabel);
  const candidates = root.querySelectorAll<HTMLElement>('button, input[type="button"], a[role="button"], [role="button"]');
  for (const el of candidates) {
    const text = foldLabel(el.tagName.toLowerCase() === 'input' ? (el as HTMLInputElement).value : el.textContent || el.getAttribute('aria-label') || '');
    if (wanted.some((w) => text === w || text.startsWith(`${w} `))) return el;
  }
  return null;
}

/**
 * Presses the form's own add-line button. A `<button>` without a type inside a form is a
 * submit button: should the click start a submit, it is stopped before the page sees it
 * (capture on the window, before any handler of the page) — filling never submits.
 */
function pressWithoutSubmit(button: HTMLElement): boolean {
  const win = button.ownerDocument.defaultView;
  let blocked = false;
  const stop = (e: Event): void => {
    blocked = true;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  win?.addEventListener('submit', stop, true);
  try {
    button.click();
  } finally {
    win?.removeEventListener('submit', stop, true);
  }
  return blocked;
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
}

/**
 * Fills a form from a reviewed plan: adds claim lines with the form's own button when it
 * shows too few, sets each value so the page's framework sees it, and reports what it could
 * not find. It never submits: no submit button is pressed and no form is submitted.
 */
export async function fillForm<F extends string>(
  root: ParentNode, table: LabelTable<F>, steps: readonly FillStep<F>[], options: FillOptions<F> = {},
): Promise<FillOutcome<F>> {
  const outcome: FillOutcome<F> = { filled: [], missing: [], failed: [], linesAdded: 0, submitBlocked: false };
  const linesNeeded = Math.max(0, ...steps.map((s) => (s.line ?? -1) + 1));
  let located = locateFields(root, table);
  if (options.lineMarker && linesNeeded > 1) {
    const marker = options.lineMarker;
    const count = (): number => locateFields(root, table).byField.get(marker)?.length ?? 0;
    while (count() < linesNeeded) {
      const button = options.addLineLabels ? findButton(root, options.addLineLabels) : null;
      if (!button) break;
      const before = count();
      if (pressWithoutSubmit(button)) outcome.submitBlocked = true;
      if (!(await waitFor(() => count() > before, options.lineTimeoutMs ?? 2000))) break;
      outcome.linesAdded++;
    }
    located = locateFields(root, table);
  }
  for (const step of steps) {
    const control = located.byField.get(step.field)?.[step.line ?? 0];
    if (!control) { outcome.missing.push({ field: step.field, line: step.line }); continue; }
    const result = setControlValue(control, step.value);
    if (result.ok) {
      outcome.filled.push({ field: step.field, line: step.line, written: result.written });
      options.onFilled?.(control);
    } else {
      outcome.failed.push({ field: step.field, line: step.line, code: result.code, detail: result.detail, reason: result.reason });
    }
  }
  return outcome;
}
