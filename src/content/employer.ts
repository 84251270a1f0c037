/**
 * Whose data is this? The employer shown in SPOT's page header wins; else the one named in the
 * downloaded file; else the employer the user chose before (settings `currentEmployer`); else
 * the panel asks and everything waits until the user has chosen (nothing is stored under a
 * guessed employer).
 */
import { validateTaxNumber } from '../lib/identifiers.ts';
import { describeError } from '../shared/i18n.ts';
import type { PageEmployer } from '../shared/pages/types.ts';
import type { Messenger } from './context.ts';
import type { EmployerView, PanelStore } from './panel/model.ts';

export class EmployerResolver {
  private chosen: EmployerView | null = null;
  private waiting: Array<(e: EmployerView) => void> = [];
  /** Called after the user picked another employer (the page is then read again). */
  onChange: () => void = () => undefined;

  constructor(private readonly send: Messenger, private readonly store: PanelStore) {}

  async resolve(page: PageEmployer, fromFile?: string | null): Promise<EmployerView> {
    if (page.taxNumber) {
      const e: EmployerView = { taxNumber: page.taxNumber, name: page.name, fromPage: true };
      this.show(e);
      return e;
    }
    if (fromFile && /^\d{8}$/.test(fromFile) && validateTaxNumber(fromFile).ok) {
      return { taxNumber: fromFile, name: null, fromPage: true };
    }
    if (this.chosen) return this.chosen;
    const { employers, current } = await this.send('content:employers', {});
    const row = current ? employers.find((e) => e.taxNumber === current) : undefined;
    if (current) {
      this.chosen = { taxNumber: current, name: row?.name && row.name !== current ? row.name : null, fromPage: false };
      this.show(this.chosen);
      return this.chosen;
    }
    if (!this.store.get().employerPrompt) this.store.set({ employerPrompt: { employers, error: null } });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** The user chose (or entered) an employer in the panel. */
  async choose(taxNumber: string, name: string | null): Promise<void> {
    try {
      const { employers } = await this.send('content:setEmployer', { taxNumber, name });
      const row = employers.find((e) => e.taxNumber === taxNumber);
      const changed = this.chosen !== null && this.chosen.taxNumber !== taxNumber;
      this.chosen = { taxNumber, name: row?.name && row.name !== taxNumber ? row.name : name, fromPage: false };
      this.store.set({ employer: this.chosen, employerPrompt: null });
      const waiting = this.waiting;
      this.waiting = [];
      for (const resolve of waiting) resolve(this.chosen);
      if (changed) this.onChange();
    } catch (error) {
      this.store.set((m) => ({ employerPrompt: { employers: m.employerPrompt?.employers ?? [], error: describeError(error) } }));
    }
  }

  /** The user wants to store under another employer. */
  async change(): Promise<void> {
    try {
      const { employers } = await this.send('content:employers', {});
      this.store.set({ employerPrompt: { employers, error: null } });
    } catch (error) {
      this.store.set({ error: describeError(error) });
    }
  }

  cancel(): void {
    if (this.waiting.length === 0) this.store.set({ employerPrompt: null });
  }

  private show(e: EmployerView): void {
    const now = this.store.get().employer;
    if (!now || now.taxNumber !== e.taxNumber || now.name !== e.name || now.fromPage !== e.fromPage) this.store.set({ employer: e });
  }
}
