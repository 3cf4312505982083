import { isApiMethod, parseApiCall, type ApiHandlers, type ApiMethod, type ApiResponse } from '../../shared/api.js';
import { ImportError } from './importers/import-error.js';
import { LibraryError } from './library/library-error.js';
import { isReadOnlyWrite, READ_ONLY_WRITE } from './library-status.js';

/**
 * The single entry for both transports: validates an untrusted call against the contract,
 * runs it, and turns every failure into an error value with a message a user can read.
 */
export async function dispatch(handlers: ApiHandlers, method: string, input: unknown): Promise<ApiResponse<unknown>> {
  if (!isApiMethod(method)) return { ok: false, error: `Unknown Api method: ${method.slice(0, 80)}` };
  // Validation too runs inside the try: no input, however hostile, may turn into a throw.
  try {
    const parsed = parseApiCall(method, input);
    if (!parsed.ok) return parsed;
    const handler = handlers[method] as (args: unknown) => unknown;
    return { ok: true, value: await handler(parsed.value) };
  } catch (err) {
    return { ok: false, error: userMessage(method, err) };
  }
}

function userMessage(method: ApiMethod, err: unknown): string {
  if (err instanceof LibraryError || err instanceof ImportError) return err.message;
  if (isReadOnlyWrite(err)) return READ_ONLY_WRITE;
  // Unexpected: keep the detail for the log, give the user the operation that failed.
  console.error(`[cardfile] ${method} failed:`, err);
  return `${method} failed: ${err instanceof Error ? err.message : String(err)}`;
}
