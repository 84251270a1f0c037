/**
 * Outlines the controls the helper filled, so the user sees at a glance what to check before
 * submitting. Only inline style properties of the page's own controls are touched (no markup,
 * no class the page might style or read), and they are put back as they were on "clear".
 */
const OUTLINE = '3px solid #1a7f37';

export class Highlighter {
  private readonly marked = new Map<HTMLElement, { outline: string; priority: string; offset: string }>();

  get count(): number {
    return this.marked.size;
  }

  mark(el: HTMLElement): void {
    if (!this.marked.has(el)) {
      this.marked.set(el, {
        outline: el.style.getPropertyValue('outline'),
        priority: el.style.getPropertyPriority('outline'),
        offset: el.style.getPropertyValue('outline-offset'),
      });
    }
    el.style.setProperty('outline', OUTLINE, 'important');
    el.style.setProperty('outline-offset', '1px');
  }

  clear(): void {
    for (const [el, before] of this.marked) {
      if (before.outline) el.style.setProperty('outline', before.outline, before.priority);
      else el.style.removeProperty('outline');
      if (before.offset) el.style.setProperty('outline-offset', before.offset);
      else el.style.removeProperty('outline-offset');
    }
    this.marked.clear();
  }
}
