import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateVerbatimDocx } from '../../bench/verbatim-generator.js';
import { launchApp, screenshot } from '../helpers/e2e.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('importing one big Verbatim file in Chromium', () => {
  it('shows its cards counted while it is read and stored, not "0 of 1 files" until it ends', async () => {
    // About 4.5 MB: long enough to import that the panel polls it several times on its way.
    const file = path.join(tempDir('cardfile-e2e-big-'), 'AT - Russia.docx');
    fs.writeFileSync(file, await generateVerbatimDocx(11, { cards: 1000 }));
    const app = await launchApp();
    const { page } = app;
    await page.getByRole('tab', { name: 'Library' }).waitFor();
    await page.getByLabel('Files to import').setInputFiles(file);

    const status = page.getByLabel('Import status');
    await expect.poll(() => status.innerText(), { timeout: 60_000, interval: 20 }).toMatch(/^Importing: 0 of 1 files, (0 cards · AT - Russia\.docx: [1-9][\d,]* cards? read|[1-9][\d,]* cards)$/);
    await screenshot(page, 'import-progress-in-file');
    await expect.poll(() => status.innerText(), { timeout: 120_000 }).toMatch(/^1 imported, 0 duplicates, 0 failed, 1,000 cards$/);
  }, 180_000);
});
