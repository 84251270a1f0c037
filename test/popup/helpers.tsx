/**
 * Component-test helpers: render into a container with Preact's `render`, wait for the
 * mocked background, find things the way a user does (role, label, text).
 *
 * Every test file mocks the two browser-facing modules itself (vi.mock is hoisted per file):
 *
 *   vi.mock('webextension-polyfill', async () => ({ default: (await import('../background/fakeBrowser.ts')).fakeBrowser }));
 *   vi.mock('../../src/popup/api.ts', () => ({ call: vi.fn(), openAppTab: vi.fn(), downloadText: vi.fn() }));
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { call } from '../../src/popup/api.ts';
import type { MessageName, RequestOf, ResponseOf } from '../../src/shared/messages.ts';
import type { EmployerSummary, UiContext } from '../../src/shared/protocol/ui.ts';

export type Handlers = { [K in MessageName]?: (payload: RequestOf<K>) => ResponseOf<K> | Promise<ResponseOf<K>> };

/** Answers `call(name, payload)` from `handlers`; a message without a handler fails the test loudly. */
export function answer(handlers: Handlers) {
  const mock = vi.mocked(call);
  mock.mockReset();
  mock.mockImplementation((async (name: MessageName, payload: unknown) => {
    const h = handlers[name] as ((p: unknown) => unknown) | undefined;
    if (!h) throw new Error(`unexpected message ${name}`);
    return h(payload);
  }) as typeof call);
  return mock;
}

/** The payloads sent with one message name, in order. */
export function sent<K extends MessageName>(name: K): RequestOf<K>[] {
  return vi.mocked(call).mock.calls.filter(([n]) => n === name).map(([, p]) => p as RequestOf<K>);
}

/** A promise that never settles: the view stays "loading". */
export const pending = <T,>(): Promise<T> => new Promise<T>(() => {});

let container: HTMLElement | null = null;

export async function mount(vnode: ComponentChild): Promise<HTMLElement> {
  unmount();
  container = document.createElement('div');
  document.body.append(container);
  await act(() => { render(vnode, container!); });
  await settle();
  return container;
}

export function unmount(): void {
  if (!container) return;
  render(null, container);
  container.remove();
  container = null;
}

/** Lets mocked answers arrive and effects run (a few macrotask turns). */
export async function settle(turns = 4): Promise<void> {
  for (let i = 0; i < turns; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
}

/** Lets time pass until `ready()` holds (a lazily loaded module, a chain of answers); fails after ~2 s. */
export async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (ready()) return;
    await wait(10);
  }
  throw new Error('timed out waiting for the view');
}

/** Waits (real time) for debounced inputs. */
export async function wait(ms: number): Promise<void> {
  await act(async () => { await new Promise((r) => setTimeout(r, ms)); });
  await settle();
}

export async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(() => { (el as HTMLElement).click(); });
  await settle();
}

/** Types into an input the way Preact sees it (value + input event). */
export async function type(el: Element | null | undefined, value: string): Promise<void> {
  if (!el) throw new Error('nothing to type into');
  const input = el as HTMLInputElement;
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}

export async function choose(el: Element | null | undefined, value: string): Promise<void> {
  if (!el) throw new Error('nothing to choose in');
  const select = el as HTMLSelectElement;
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

export async function key(el: Element | null | undefined, k: string): Promise<void> {
  if (!el) throw new Error('no element for the key');
  await act(() => { el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })); });
  await settle();
}

/** The button whose accessible text starts with `label`. */
export function button(root: ParentNode, label: string): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find((b) => (b.textContent ?? '').trim().startsWith(label));
}

/** The control labelled `label` (a <label for> or a wrapping <label>). */
export function labelled(root: ParentNode, label: string): HTMLElement | null {
  for (const l of root.querySelectorAll('label')) {
    const text = (l.querySelector('.field__label')?.textContent ?? l.textContent ?? '').trim();
    if (text !== label && !text.startsWith(label)) continue;
    const id = l.getAttribute('for');
    return (id ? root.querySelector<HTMLElement>(`#${CSS.escape(id)}`) : null) ?? l.querySelector<HTMLElement>('input, select, textarea');
  }
  return null;
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export const EMPLOYER: EmployerSummary = { taxNumber: '12345679', name: 'PRIMER d.o.o.' };

export function context(over: Partial<UiContext> = {}): UiContext {
  return {
    employers: [EMPLOYER], current: EMPLOYER.taxNumber,
    settings: { retentionDays: 90, parameterOverrides: {}, exportDialect: 'excel-si' }, ...over,
  };
}

/** Props every view gets from the shell. */
export function viewProps(over: Record<string, unknown> = {}) {
  return {
    context: context(), employer: EMPLOYER, params: {}, navigate: vi.fn(), refresh: vi.fn(async () => {}), version: 0, ...over,
  };
}
