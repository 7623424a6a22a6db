/**
 * One instance per process, even though `server/` and the Remix build each load their own
 * copy of `app/` modules (Epic Stack `remember()`): the value lives on globalThis.
 */
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as { __mieuxSingletons?: Map<string, unknown> };
  store.__mieuxSingletons ??= new Map();
  if (!store.__mieuxSingletons.has(name)) store.__mieuxSingletons.set(name, create());
  return store.__mieuxSingletons.get(name) as T;
}

/** Replaces a singleton (tests and graceful restarts). */
export function resetSingleton(name: string) {
  const store = globalThis as unknown as { __mieuxSingletons?: Map<string, unknown> };
  store.__mieuxSingletons?.delete(name);
}

/** The instance if one was made, without making one (to close it on shutdown). */
export function existingSingleton<T>(name: string): T | undefined {
  const store = globalThis as unknown as { __mieuxSingletons?: Map<string, unknown> };
  return store.__mieuxSingletons?.get(name) as T | undefined;
}
