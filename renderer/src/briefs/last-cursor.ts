// Where the cursor was in each brief this session, so Search can offer "the block you were in"
// as where Alt+B puts a card (Verbatim inserts at the cursor of the brief you were editing).
const lastCursor = new Map<number, number>();

export function rememberCursor(briefId: number, index: number): void {
  lastCursor.set(briefId, index);
}

/** The top-level index the cursor was at in the brief, if it was opened this session. */
export function cursorIn(briefId: number): number | undefined {
  return lastCursor.get(briefId);
}
