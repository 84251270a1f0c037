import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Async<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'data'; data: T };

/**
 * Runs `load` when `deps` change and keeps its state; an answer to an older request than
 * the latest is dropped (the user typed on, or switched the employer). `reload` runs it again.
 * With `initial` (data already at hand, e.g. preloaded with the app's start) there is nothing
 * to load at first: `load` runs only when `deps` change or on `reload`.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[], initial?: T): [Async<T>, () => void] {
  const [value, setValue] = useState<Async<T>>(() => (initial === undefined ? { state: 'loading' } : { state: 'data', data: initial }));
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const haveInitial = useRef(initial !== undefined);
  useEffect(() => {
    if (haveInitial.current) {
      haveInitial.current = false;
      return;
    }
    const request = ++latest.current;
    setValue((v) => (v.state === 'loading' ? v : { state: 'loading' }));
    load().then(
      (data) => { if (request === latest.current) setValue({ state: 'data', data }); },
      (error: unknown) => { if (request === latest.current) setValue({ state: 'error', error }); },
    );
    // `load` is a new closure every render; `deps` say when it really changes.
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return [value, reload];
}
