/**
 * Finding the form controls of a SPOT form and the words that label them (FORMATS.md:
 * `<label>` text, `aria-label`, placeholder or a nearby text cell). Pure DOM, no extension
 * API: the content scripts and the tests use it alike.
 */
export type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const SKIPPED_INPUT_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'file']);

export function isFormControl(el: Element): el is FormControl {
  const tag = el.tagName.toLowerCase();
  if (tag === 'select' || tag === 'textarea') return true;
  return tag === 'input' && !SKIPPED_INPUT_TYPES.has(((el as HTMLInputElement).type || 'text').toLowerCase());
}

/** The fillable controls under `root`, in document order. */
export function controlsIn(root: ParentNode): FormControl[] {
  return [...root.querySelectorAll('input, select, textarea')].filter(isFormControl);
}

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Text of an element without the text of form controls inside it (a label wrapping its input). */
function ownText(el: Element): string {
  let out = '';
  for (const node of el.childNodes) {
    if (node.nodeType === 3) out += node.textContent ?? '';
    else if (node.nodeType === 1 && !isFormControl(node as Element) && (node as Element).tagName.toLowerCase() !== 'option') out += ` ${ownText(node as Element)} `;
  }
  return clean(out);
}

/** The text cell before the control's cell in a table row, or the text before it in its container. */
function nearbyText(control: FormControl): string {
  const cell = control.closest('td, th');
  if (cell) {
    let prev = cell.previousElementSibling;
    while (prev && !clean(prev.textContent)) prev = prev.previousElementSibling;
    if (prev) return clean(prev.textContent);
  }
  let node: Node | null = control.previousSibling;
  while (node) {
    const text = node.nodeType === 1 ? ownText(node as Element) : clean(node.textContent);
    if (text) return text;
    node = node.previousSibling;
  }
  const parent = control.parentElement;
  if (parent && parent.tagName.toLowerCase() !== 'form' && parent.tagName.toLowerCase() !== 'body') {
    let prev = parent.previousElementSibling;
    while (prev && !clean(prev.textContent)) prev = prev.previousElementSibling;
    if (prev && !prev.querySelector('input, select, textarea')) return clean(prev.textContent);
  }
  return '';
}

/** The legend of the fieldset (or the heading of the section) the control sits in. */
export function sectionOf(control: FormControl): string {
  const legend = control.closest('fieldset')?.querySelector('legend');
  if (legend) return clean(legend.textContent);
  const section = control.closest('section, [role="group"]');
  const heading = section?.querySelector('h1, h2, h3, h4, h5, h6');
  return heading ? clean(heading.textContent) : '';
}

/** Every text that may label the control, most specific first. */
export function labelTextsOf(control: FormControl): string[] {
  const texts: string[] = [];
  const doc = control.ownerDocument;
  for (const label of control.labels ?? []) texts.push(ownText(label));
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) {
    texts.push(clean(labelledBy.split(/\s+/).map((id) => doc.getElementById(id)?.textContent ?? '').join(' ')));
  }
  texts.push(clean(control.getAttribute('aria-label')));
  if (control.tagName.toLowerCase() !== 'select') texts.push(clean(control.getAttribute('placeholder')));
  texts.push(clean(control.getAttribute('title')));
  texts.push(nearbyText(control));
  return [...new Set(texts.filter(Boolean))];
}
