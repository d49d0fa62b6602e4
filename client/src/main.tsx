// First: zod must not probe for eval under the Content-Security-Policy (see the module).
import '@coulisses/shared/zod-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applySavedTheme } from './ui/theme';
import './styles.css';

applySavedTheme();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
