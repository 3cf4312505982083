import { citeWarning } from '../../shared/cite-check';

/** "⚠ Cite lacks date": shown on a card wherever it is listed, nothing for a complete cite. */
export function CiteWarning({ shortCite, fullCite }: { shortCite: string; fullCite: string }) {
  const warning = citeWarning(shortCite, fullCite);
  return warning ? <span className="cite-warning" role="note">⚠ {warning}</span> : null;
}
