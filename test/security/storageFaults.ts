/**
 * Storage faults for unit tests (issue 9): makes fake-indexeddb refuse a write the way a full
 * disk or an exhausted quota does in a browser — the request fails with a `QuotaExceededError`
 * DOMException and the transaction aborts — at the N-th write from now.
 *
 * A "write" is every operation that stores a record: `put`, `add` (Dexie's bulk operations
 * issue one per row) and a cursor's `update` (Dexie's `modify`). Deletes and clears are not
 * counted: they free space.
 *
 *   const fault = injectQuotaError({ atWrite: 17 });
 *   try { … } finally { fault.restore(); }
 *
 * `injectQuotaError({ atWrite: Infinity })` only counts (how many writes an operation makes).
 */
import { IDBTransaction as FDBTransaction } from 'fake-indexeddb';

type Operation = () => unknown;
interface ExecArgs { operation: Operation; source?: unknown; request?: unknown }
type Exec = (this: unknown, args: ExecArgs) => unknown;

const proto = FDBTransaction.prototype as unknown as { _execRequestAsync: Exec };

export interface InjectedFault {
  /** Writes seen since the fault was set up (the failing one included). */
  writes(): number;
  /** Whether the fault fired. */
  fired(): boolean;
  restore(): void;
}

let active = false;

export function injectQuotaError({ atWrite }: { atWrite: number }): InjectedFault {
  if (active) throw new Error('a storage fault is already injected');
  active = true;
  const original = proto._execRequestAsync;
  let writes = 0;
  let fired = false;
  proto._execRequestAsync = function (this: unknown, args: ExecArgs) {
    // fake-indexeddb binds every write to `storeRecord` (put, add, cursor update).
    if (/\bstoreRecord$/.test(args.operation.name)) {
      writes++;
      if (writes === atWrite) {
        fired = true;
        return original.call(this, {
          ...args,
          operation: () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); },
        });
      }
    }
    return original.call(this, args);
  };
  return {
    writes: () => writes,
    fired: () => fired,
    restore() {
      proto._execRequestAsync = original;
      active = false;
    },
  };
}

/** Evenly spread write positions in 1..total (always the first and the last), at most `count`. */
export function spread(total: number, count: number): number[] {
  if (total <= count) return Array.from({ length: total }, (_, i) => i + 1);
  const out = new Set<number>();
  for (let i = 0; i < count; i++) out.add(1 + Math.round(((total - 1) * i) / (count - 1)));
  return [...out].sort((a, b) => a - b);
}
