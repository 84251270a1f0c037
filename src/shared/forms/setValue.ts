import { foldLabel } from '../../lib/text/fold.ts';
import type { FormControl } from './controls.ts';

/** What to put into a control; how it is written depends on the control (type=date, number, text, select). */
export type FieldValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; places?: number }
  | { kind: 'date'; iso: string }
  | { kind: 'option'; value: string; text?: string };

/** Why a value could not be set: `locked` (disabled / read-only), `noOption` (no such choice), `rejected` (the field changed it). */
export type SetFailure = 'locked' | 'noOption' | 'unwritable' | 'rejected';

/** `reason` is a Slovenian sentence; `code` + `detail` let a UI word it in the user's language. */
export type SetResult = { ok: true; written: string } | { ok: false; code: SetFailure; detail: string; reason: string };

function numberText(v: { value: number; places?: number }, decimalComma: boolean): string {
  const text = v.places === undefined ? String(v.value) : v.value.toFixed(v.places);
  return decimalComma ? text.replace('.', ',') : text;
}

/** `2025-03-14` → `14.03.2025`, the form SPOT's text date fields expect. */
export function slovenianDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** How a value is written into this control, or why it cannot be. */
export function textFor(control: FormControl, value: FieldValue): string | null {
  const type = control.tagName.toLowerCase() === 'input' ? (control as HTMLInputElement).type.toLowerCase() : '';
  switch (value.kind) {
    case 'text': return value.text;
    case 'number': return numberText(value, type !== 'number');
    case 'date': return type === 'date' ? value.iso : slovenianDate(value.iso);
    case 'option': return value.value;
  }
}

/**
 * Sets the value through the element's own native setter, then fires `input`, `change` and
 * `blur`, so that a page whose framework keeps its own state (React, Preact, Vue, Angular)
 * sees the value as if typed. Never submits anything.
 */
export function setControlValue(control: FormControl, value: FieldValue): SetResult {
  const win = control.ownerDocument.defaultView!;
  const tag = control.tagName.toLowerCase();
  if (control.disabled || (control as HTMLInputElement).readOnly) return { ok: false, code: 'locked', detail: '', reason: 'polje je zaklenjeno' };
  if (tag === 'select') {
    const select = control as HTMLSelectElement;
    const want = [value.kind === 'option' ? value.value : textFor(control, value) ?? '', value.kind === 'option' ? value.text ?? '' : '']
      .filter(Boolean).map(foldLabel);
    const options = [...select.options];
    const option = options.find((o) => want.includes(foldLabel(o.value)))
      ?? options.find((o) => want.includes(foldLabel(o.text)))
      ?? options.find((o) => want.some((w) => w && foldLabel(o.text).startsWith(w)));
    if (!option) return { ok: false, code: 'noOption', detail: want.join(' / '), reason: `ni izbire »${want.join(' / ')}«` };
    const setter = Object.getOwnPropertyDescriptor(win.HTMLSelectElement.prototype, 'value')?.set;
    if (setter) setter.call(select, option.value); else select.value = option.value;
    fire(select);
    return { ok: true, written: option.text };
  }
  const text = textFor(control, value);
  if (text === null) return { ok: false, code: 'unwritable', detail: '', reason: 'vrednosti ni mogoče zapisati' };
  const proto = tag === 'textarea' ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  control.focus?.();
  if (setter) setter.call(control, text); else control.value = text;
  fire(control);
  if (control.value !== text) return { ok: false, code: 'rejected', detail: text, reason: `polje ni sprejelo vrednosti »${text}«` };
  return { ok: true, written: text };
}

function fire(control: FormControl): void {
  const win = control.ownerDocument.defaultView!;
  control.dispatchEvent(new win.Event('input', { bubbles: true }));
  control.dispatchEvent(new win.Event('change', { bubbles: true }));
  control.dispatchEvent(new win.FocusEvent('blur'));
  control.dispatchEvent(new win.FocusEvent('focusout', { bubbles: true }));
}
