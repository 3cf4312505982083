import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LibraryGate } from './LibraryGate';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LibraryGate />
  </StrictMode>,
);
