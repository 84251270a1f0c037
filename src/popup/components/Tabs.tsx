/**
 * The view tabs (WAI-ARIA tabs pattern): one tab in the tab order, arrow keys move between
 * tabs and show the view (Home/End to the first/last), Enter/Space also select.
 */
import { useRef } from 'preact/hooks';

export interface TabItem {
  id: string;
  label: string;
}

export const tabId = (id: string): string => `tab-${id}`;
export const panelId = (id: string): string => `panel-${id}`;

export function Tabs({ items, selected, onSelect, label }: {
  items: readonly TabItem[]; selected: string; onSelect: (id: string) => void; label: string;
}) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const move = (index: number) => {
    const item = items[(index + items.length) % items.length];
    if (!item) return;
    onSelect(item.id);
    refs.current[item.id]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    switch (e.key) {
      case 'ArrowRight': case 'ArrowDown': move(index + 1); break;
      case 'ArrowLeft': case 'ArrowUp': move(index - 1); break;
      case 'Home': move(0); break;
      case 'End': move(items.length - 1); break;
      default: return;
    }
    e.preventDefault();
  };
  return (
    <div class="tabs" role="tablist" aria-label={label}>
      {items.map((item, index) => {
        const active = item.id === selected;
        return (
          <button
            key={item.id}
            ref={(el) => { refs.current[item.id] = el; }}
            type="button"
            role="tab"
            id={tabId(item.id)}
            class={`tabs__tab${active ? ' tabs__tab--active' : ''}`}
            aria-selected={active}
            aria-controls={panelId(item.id)}
            tabIndex={active ? 0 : -1}
            onClick={() => onSelect(item.id)}
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            {item.label}
          </button>
        );
      })}
    </div>
  );
}
