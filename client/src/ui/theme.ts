import { useCallback, useSyncExternalStore } from 'react';
import { browserStorage, readItem, writeItem, type KeyValueStore } from '../lib/storage';

/** 'system' follows prefers-color-scheme; 'light' and 'dark' force one (data-theme on <html>). */
export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEMES)[number];

export const THEME_STORAGE_KEY = 'cc.theme';

export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

export function readTheme(storage: KeyValueStore | null): ThemePreference {
  const saved = readItem(storage, THEME_STORAGE_KEY);
  return isThemePreference(saved) ? saved : 'system';
}

const listeners = new Set<() => void>();
let current: ThemePreference | null = null;

function applyToDocument(theme: ThemePreference): void {
  if (typeof document === 'undefined') return;
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
}

/** Applies the saved preference; main.tsx calls it before the first render, so there is no flash. */
export function applySavedTheme(): ThemePreference {
  current = readTheme(browserStorage());
  applyToDocument(current);
  return current;
}

export function setTheme(theme: ThemePreference): void {
  current = theme;
  writeItem(browserStorage(), THEME_STORAGE_KEY, theme === 'system' ? null : theme);
  applyToDocument(theme);
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The theme preference and its setter (shared by every component that shows it). */
export function useTheme(): [ThemePreference, (theme: ThemePreference) => void] {
  const theme = useSyncExternalStore(
    subscribe,
    () => current ?? applySavedTheme(),
    () => 'system' as ThemePreference,
  );
  return [theme, useCallback((next: ThemePreference) => setTheme(next), [])];
}
