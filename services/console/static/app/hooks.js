// Small hooks the pages share: polling an endpoint, and the view named by the URL fragment.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** Calls `load` now and every `intervalMs` (never two at once); keeps the last data through a failed call. */
export function usePoll(load, intervalMs, deps = []) {
  const [state, setState] = useState({ data: undefined, error: undefined, updatedAt: undefined });
  const running = useRef(false);
  const refresh = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      const data = await load();
      setState({ data, error: undefined, updatedAt: Date.now() });
    } catch (error) {
      setState((previous) => ({ ...previous, error }));
    } finally {
      running.current = false;
    }
  }, deps);
  useEffect(() => {
    void refresh();
    if (!intervalMs) return undefined;
    const timer = setInterval(() => void refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [refresh, intervalMs]);
  return { ...state, refresh };
}

/** `#/records/001203012345` → ['records', '001203012345']. */
export function useRoute() {
  const parse = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [route, setRoute] = useState(parse);
  useEffect(() => {
    const onChange = () => setRoute(parse());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Re-renders every second, for "3 s ago". */
export function useClock(intervalMs = 1000) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
