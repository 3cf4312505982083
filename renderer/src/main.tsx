import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LibraryGate } from './LibraryGate';
import { PaneBoundary } from './PaneBoundary';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Each area and brief has its own boundary; this one keeps a failing top bar from a white page. */}
    <PaneBoundary what="Cardfile">
      <LibraryGate />
    </PaneBoundary>
  </StrictMode>,
);
