import { useState } from 'react';
import { placeLabel, type SearchHit } from '../../shared/search';

// Places listed before "+N more": a hit filed in 40 briefs must not push the next hits off screen.
const PLACES_SHOWN = 3;

/** Where a hit lives and the other places the same evidence is filed, the first few shown. */
export function HitPlaces({ hit }: { hit: SearchHit }) {
  const [all, setAll] = useState(false);
  const others = hit.places.filter((p) => p.cardId !== hit.cardId).map(placeLabel);
  const hidden = all ? 0 : Math.max(0, others.length + 1 - PLACES_SHOWN);
  const shown = others.slice(0, others.length - hidden);
  const more = others.length + 1 - PLACES_SHOWN;
  return (
    <span className="places">
      in {placeLabel(hit)}
      {shown.length > 0 && ` · also in ${shown.join('; ')}`}
      {more > 0 && (
        <>
          {' · '}
          <button type="button" className="link" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? 'fewer places' : `+${hidden} more`}
          </button>
        </>
      )}
    </span>
  );
}
