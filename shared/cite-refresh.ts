// A card cut before its article's details were filled in keeps the cite it was cut with; these
// bring it up to date from the article (one card, or every card of an article after its
// details change), and leave a card whose cite already matches alone.
import { buildCite, type CiteSource } from './cite-builder.js';
import type { Card } from './model.js';

export interface CitePatch {
  shortCite: string;
  fullCite: string;
}

/** The cite the card should have from its article now; null when it already has it. */
export function refreshedCite(card: Pick<Card, 'shortCite' | 'fullCite'>, article: CiteSource, template: string): CitePatch | null {
  const { shortCite, fullCite } = buildCite(article, template);
  return shortCite === card.shortCite && fullCite === card.fullCite ? null : { shortCite, fullCite };
}

/** Each card of the list cut from `articleId` whose cite is out of date, with its new cite. */
export function staleCites<C extends Pick<Card, 'id' | 'articleId' | 'shortCite' | 'fullCite'>>(cards: readonly C[], articleId: number, article: CiteSource, template: string): { card: C; patch: CitePatch }[] {
  return cards.flatMap((card) => {
    const patch = card.articleId === articleId ? refreshedCite(card, article, template) : null;
    return patch ? [{ card, patch }] : [];
  });
}
