/**
 * A view whose code loads the first time it is shown, so the popup starts with only the shell
 * and the first view (the 150 ms budget); "loading" shows meanwhile, an error if it fails.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorLine, Loading } from '../components/LoadState.tsx';

export function lazyView<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | null = null;
  let loading: Promise<FunctionComponent<P>> | null = null;
  return function LazyView(props: P) {
    const [component, setComponent] = useState<FunctionComponent<P> | null>(() => loaded);
    const [error, setError] = useState<unknown>(null);
    useEffect(() => {
      if (component) return;
      loading ??= load().then((c) => (loaded = c));
      loading.then((c) => setComponent(() => c), (e: unknown) => { loading = null; setError(e); });
    }, [component]);
    if (error) return <ErrorLine error={error} />;
    if (!component) return <Loading />;
    const View = component;
    return <View {...props} />;
  };
}
