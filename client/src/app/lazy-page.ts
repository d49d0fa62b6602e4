import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A route's page in its own chunk: the component for the routes, and `preload` to fetch it before it is opened. */
export interface LazyPage<P extends object> {
  Page: LazyExoticComponent<ComponentType<P>>;
  preload: () => Promise<unknown>;
}

/**
 * Wraps a dynamic import of a page module (its named export `name`) so the chunk is fetched once: by `preload`
 * (idle prefetch of the role's routes) or by the first render, whichever comes first.
 */
export function lazyPage<M, K extends keyof M, P extends object = Record<string, never>>(load: () => Promise<M>, name: K): LazyPage<P> {
  let pending: Promise<M> | null = null;
  const preload = () => {
    // A failed fetch (offline before the chunk was cached) is retried on the next attempt.
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
  const Page = lazy(async () => ({ default: (await preload())[name] as ComponentType<P> }));
  return { Page, preload };
}
