import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { CrashNotice } from './CrashNotice';

interface BoundaryProps {
  /** A new key (the next screen) clears the error: the user leaves the broken screen by navigating. */
  resetKey: string;
  children: ReactNode;
}

interface BoundaryState {
  error: Error | null;
  resetKey: string;
}

/**
 * Catches what a screen throws while drawing, so one broken screen shows a notice (go back, reload) instead of a
 * blank app. The local store and its pending writes are untouched: they live in IndexedDB, not in React.
 */
class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[app] a screen failed to draw', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error ? <CrashNotice error={this.state.error} /> : this.props.children;
  }
}

/** The boundary around the routes, reset by each navigation. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const location = useLocation();
  return <Boundary resetKey={location.pathname}>{children}</Boundary>;
}
