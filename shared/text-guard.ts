// The evidence stays honest: the words of a card body are the source's words. This plugin
// refuses any transaction that changes them (typing, pasting, deleting, splitting a word)
// while letting markup through (marks, shrink, condense, which keep every word). A card is
// unlocked only by the explicit "edit text" action (unlockText), and the editor then records
// that the card differs from its source.
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type Command, type Transaction } from 'prosemirror-state';
import { ReplaceAroundStep, ReplaceStep } from 'prosemirror-transform';
import { schema } from './schema.js';

/** The card ids whose body text may be edited; `null` is the id of a card not yet saved. */
type Unlocked = ReadonlySet<unknown>;

interface GuardMeta {
  unlock?: unknown;
  lock?: unknown;
}

export const textGuardKey = new PluginKey<Unlocked>('textGuard');

/** The words of a node's text, paragraphs and runs of whitespace counting as one space (a marker is no word). */
export function wordsOf(node: PMNode): string {
  return node.textBetween(0, node.content.size, ' ').split(/\s+/).filter(Boolean).join(' ');
}

interface BodyAt {
  node: PMNode;
  pos: number;
  cardId: unknown;
}

/** The body whose content holds `pos`, if any, with the id of its card. */
function bodyAround(doc: PMNode, pos: number): BodyAt | null {
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth--) {
    if ($pos.node(depth).type !== schema.nodes.body) continue;
    const card = depth > 1 ? $pos.node(depth - 1) : null;
    return { node: $pos.node(depth), pos: $pos.before(depth), cardId: card?.attrs.cardId ?? null };
  }
  return null;
}

/**
 * The bodies whose words one replace step alters. A body the step cuts into (rather than
 * adding or removing it whole) must keep its words; whole cards added, moved or deleted are
 * structure, not rewording.
 */
export function rewordedBodies(step: ReplaceStep | ReplaceAroundStep, before: PMNode, after: PMNode): BodyAt[] {
  const map = step.getMap();
  const changed: BodyAt[] = [];
  const check = (old: BodyAt | null, now: BodyAt | null) => {
    if (!old || changed.some((c) => c.pos === old.pos)) return;
    if (!now || wordsOf(now.node) !== wordsOf(old.node)) changed.push(old);
  };
  check(bodyAround(before, step.from), bodyAround(after, map.map(step.from, -1)));
  check(bodyAround(before, step.to), bodyAround(after, map.map(step.to, 1)));
  return changed;
}

/** Whether the transaction changes the words of a body whose card is still locked. */
export function rewordsLockedBody(tr: Transaction, unlocked: Unlocked): boolean {
  return tr.steps.some((step, i) => {
    // Mark and attribute steps cannot change a word.
    if (!(step instanceof ReplaceStep || step instanceof ReplaceAroundStep)) return false;
    const after = tr.docs[i + 1] ?? tr.doc;
    return rewordedBodies(step, tr.docs[i]!, after).some((body) => !unlocked.has(body.cardId));
  });
}

export interface TextGuardOptions {
  /** Told when an edit was refused, so the editor can say why nothing happened. */
  onBlocked?: () => void;
}

export function textGuard(options: TextGuardOptions = {}): Plugin<Unlocked> {
  return new Plugin<Unlocked>({
    key: textGuardKey,
    state: {
      init: () => new Set(),
      apply(tr, unlocked) {
        const meta = tr.getMeta(textGuardKey) as GuardMeta | undefined;
        if (!meta) return unlocked;
        const next = new Set(unlocked);
        if ('unlock' in meta) next.add(meta.unlock);
        if ('lock' in meta) next.delete(meta.lock);
        return next;
      },
    },
    filterTransaction(tr, state) {
      if (!tr.docChanged) return true;
      const unlocked = textGuardKey.getState(state) ?? new Set();
      if (!rewordsLockedBody(tr, unlocked)) return true;
      options.onBlocked?.();
      return false;
    },
  });
}

/** Whether the card's body text is unlocked for editing. */
export function isUnlocked(state: Parameters<Command>[0], cardId: unknown): boolean {
  return textGuardKey.getState(state)?.has(cardId) ?? false;
}

/** "Edit text": the card's body words may change from now on. */
export function unlockText(cardId: unknown): Command {
  return (state, dispatch) => {
    if (!textGuardKey.getState(state) || isUnlocked(state, cardId)) return false;
    dispatch?.(state.tr.setMeta(textGuardKey, { unlock: cardId } satisfies GuardMeta));
    return true;
  };
}

/** "Lock text": back to markup only. */
export function lockText(cardId: unknown): Command {
  return (state, dispatch) => {
    if (!isUnlocked(state, cardId)) return false;
    dispatch?.(state.tr.setMeta(textGuardKey, { lock: cardId } satisfies GuardMeta));
    return true;
  };
}
