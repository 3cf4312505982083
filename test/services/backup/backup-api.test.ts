import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/services/api-handlers.js';
import { dispatch } from '../../../electron/services/dispatch.js';
import { Library } from '../../../electron/services/library/library.js';
import type { BackupInfo } from '../../../shared/model.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';
import { fillLibrary } from './fill-library.js';

describe('backups through the Api', () => {
  it('backs up now, lists, and restores by name', async () => {
    const library = Library.open(tempLibraryPath());
    fillLibrary(library);
    const handlers = createHandlers(library);
    const made = await dispatch(handlers, 'backupNow', {});
    expect(made).toMatchObject({ ok: true, value: { reason: 'manual', cards: 4 } });
    const name = (made as { value: BackupInfo }).value.name;
    await dispatch(handlers, 'deleteCard', { id: 1 });
    expect(await dispatch(handlers, 'listBackups', {})).toMatchObject({ ok: true, value: [{ name }] });

    const restored = await dispatch(handlers, 'restoreBackup', { name });
    expect(restored).toMatchObject({ ok: true, value: { restored: { name }, safetyCopy: { reason: 'before-restore', cards: 3 } } });
    expect(await dispatch(handlers, 'getCard', { id: 1 })).toMatchObject({ ok: true, value: { id: 1 } });
    expect(await dispatch(handlers, 'restoreBackup', { name: '../../etc/passwd' })).toMatchObject({ ok: false, error: expect.stringMatching(/no backup named/) });
    library.close();
  });
});
