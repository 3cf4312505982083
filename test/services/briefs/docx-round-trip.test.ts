import { describe, expect, it } from 'vitest';
import { briefToDocx } from '../../../electron/services/exporters/verbatim-docx-export.js';
import { looksLikeVerbatimBrief, parseVerbatimDocx } from '../../../electron/services/importers/verbatim-docx.js';
import { normalised, SAMPLE_BRIEF, SAMPLE_TITLE } from './sample-brief.js';

describe('Verbatim .docx export then import', () => {
  it('gives back the same brief: structure, text and every mark', async () => {
    const bytes = await briefToDocx({ title: SAMPLE_TITLE, doc: SAMPLE_BRIEF });
    expect(looksLikeVerbatimBrief(bytes)).toBe(true);
    const back = parseVerbatimDocx(bytes, `/tmp/${SAMPLE_TITLE}.docx`);
    expect(back.title).toBe(SAMPLE_TITLE);
    expect(normalised(back.doc)).toEqual(normalised(SAMPLE_BRIEF));
  });
});
