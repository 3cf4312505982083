import { describe, expect, it } from 'vitest';
import { buildCite, debateDate, DEFAULT_CITE_TEMPLATE, renderTemplate, citeValues, type CiteSource } from '../../shared/cite-builder.js';

const choi: CiteSource = {
  title: 'Kremlin: US military assistance could cause unpredictable actions by Ukraine',
  authors: [{ name: 'Joseph Choi', quals: 'Staff Writer' }],
  publication: 'The Hill',
  publishedDate: '2021-09-02',
  url: 'https://thehill.com/policy/x',
  accessedDate: '2021-09-20',
};
const tass: CiteSource = { title: 'Russia opposes current US efforts to divide Syria', authors: [], publication: 'TASS', publishedDate: '2021-09-15', url: '', accessedDate: '' };

describe('buildCite', () => {
  it.each<[string, CiteSource, string, string]>([
    ['every field', choi, 'Choi 21', '(Joseph Choi, Staff Writer, 9-2-2021, Kremlin: US military assistance could cause unpredictable actions by Ukraine, The Hill, https://thehill.com/policy/x, accessed 9-20-2021)'],
    ['an outlet, no person, no URL or accessed date', tass, 'TASS 21', '(9-15-2021, Russia opposes current US efforts to divide Syria, TASS)'],
    ['no date: no year is invented', { ...choi, publishedDate: '', accessedDate: '' }, 'Choi', '(Joseph Choi, Staff Writer, Kremlin: US military assistance could cause unpredictable actions by Ukraine, The Hill, https://thehill.com/policy/x)'],
    ['only a title', { title: 'Notes', authors: [], publication: '', publishedDate: '', url: '', accessedDate: '' }, '', '(Notes)'],
  ])('%s', (_name, article, shortCite, fullCite) => {
    const cite = buildCite(article);
    expect(cite.shortCite).toBe(shortCite);
    expect(cite.fullCite).toBe(fullCite);
    // The default line: last name and year bold, the rest plain, on one line.
    expect(cite.runs.map((r) => r.text).join('')).not.toContain('\n');
    if (shortCite) expect(cite.runs[0]).toEqual({ text: shortCite, bold: true });
  });

  it('takes the first author of several for the short cite and names all in the full cite', () => {
    const cite = buildCite({ ...choi, authors: [{ name: 'Dr. Ana de Souza', quals: 'Fellow' }, { name: 'Li Wei', quals: '' }, { name: 'Sam Park', quals: 'Editor' }] });
    expect(cite.shortCite).toBe('Souza 21');
    expect(cite.fullCite).toMatch(/^\(Dr\. Ana de Souza, Li Wei and Sam Park, Fellow; Editor, 9-2-2021/);
  });
});

describe('renderTemplate, a Cite Creator template', () => {
  const values = citeValues(choi);
  it.each([
    ['%last% %y% | %title% in %publication%', 'Choi 21 | Kremlin: US military assistance could cause unpredictable actions by Ukraine in The Hill'],
    ['**%last% %y%** [%quals%; %date%] %url%', '**Choi 21** [Staff Writer; 9-2-2021] https://thehill.com/policy/x'],
    ['%author%, %date%. "%title%." %publication%.', 'Joseph Choi, 9-2-2021. "Kremlin: US military assistance could cause unpredictable actions by Ukraine." The Hill.'],
  ])('%s', (template, expected) => {
    expect(renderTemplate(template, values).map((r) => (r.bold ? `**${r.text}**` : r.text)).join('')).toBe(expected);
  });

  it('drops an empty field with its label and one separator', () => {
    const noQuals = citeValues({ ...choi, authors: [{ name: 'Joseph Choi', quals: '' }], accessedDate: '' });
    const line = renderTemplate(DEFAULT_CITE_TEMPLATE, noQuals).map((r) => r.text).join('');
    expect(line).toBe('Choi 21 (Joseph Choi, 9-2-2021, Kremlin: US military assistance could cause unpredictable actions by Ukraine, The Hill, https://thehill.com/policy/x)');
  });
});

describe('debateDate', () => {
  it.each([['2021-09-15', '9-15-2021'], ['2021-09', 'September 2021'], ['2021', '2021'], ['', '']])('%s → %s', (iso, written) => {
    expect(debateDate(iso)).toBe(written);
  });
});
