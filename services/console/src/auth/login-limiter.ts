// Failed logins per client address, in a fixed window: past the limit, logins from that address are
// refused (429 + Retry-After) until the window ends, so the operator key cannot be guessed at speed. A
// success clears the address. In memory: each console instance counts its own.
export interface LoginLimiter {
  /** Seconds to wait before the next attempt from `address`; 0 when it may try now. */
  retryAfterSeconds(address: string): number;
  failed(address: string): void;
  succeeded(address: string): void;
}

export interface LoginLimiterOptions {
  maxFailures: number;
  windowMs: number;
  now?: () => number;
  /** Most addresses tracked at once; the oldest window is forgotten first. */
  maxAddresses?: number;
}

export function createLoginLimiter({ maxFailures, windowMs, now = Date.now, maxAddresses = 10_000 }: LoginLimiterOptions): LoginLimiter {
  const windows = new Map<string, { startedAt: number; failures: number }>();
  const current = (address: string): { startedAt: number; failures: number } | undefined => {
    const window = windows.get(address);
    if (window && now() - window.startedAt >= windowMs) {
      windows.delete(address);
      return undefined;
    }
    return window;
  };
  return {
    retryAfterSeconds(address) {
      const window = current(address);
      if (!window || window.failures < maxFailures) return 0;
      return Math.max(1, Math.ceil((window.startedAt + windowMs - now()) / 1000));
    },
    failed(address) {
      const window = current(address);
      if (window) {
        window.failures += 1;
        return;
      }
      if (windows.size >= maxAddresses) windows.delete(windows.keys().next().value as string);
      windows.set(address, { startedAt: now(), failures: 1 });
    },
    succeeded(address) {
      windows.delete(address);
    },
  };
}
