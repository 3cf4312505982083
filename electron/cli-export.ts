// `cardfile export BRIEF --format docx|pdf|html --out FILE`: a brief (by id or exact title) to a file.
import fs from 'node:fs';
import path from 'node:path';
import type { Brief } from '../shared/model.js';
import { chromiumPrinter } from './services/exporters/chromium-printer.js';
import { EXPORT_FORMATS, exportBrief, type ExportFormat } from './services/exporters/export-brief.js';
import type { PdfPrinter } from './services/exporters/pdf-printer.js';
import type { Library } from './services/library/library.js';
import { readArgs } from './cli-args.js';

export const EXPORT_USAGE = `  export BRIEF [--format docx|pdf|html] [--out FILE]   a brief (id or exact title) as Verbatim .docx, PDF or HTML;
    [--pocket-page-breaks]                             PDF and HTML: each pocket starts a new page
    [--tagged]                                         PDF: tagged for screen readers (slower, larger)`;

const isFormat = (value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value);

export async function runExportCommand(
  library: Library,
  args: string[],
  out: (line: string) => void,
  usageError: (problem: string) => Error,
  printer: PdfPrinter = chromiumPrinter(),
): Promise<number> {
  const { values, words } = readArgs(args, { format: { type: 'string' }, out: { type: 'string' }, 'pocket-page-breaks': { type: 'boolean' }, tagged: { type: 'boolean' } }, usageError);
  let format = values.format;
  const outFile = values.out;
  if (words.length !== 1) throw usageError('export which brief? give one id or exact title (quote titles with spaces)');
  format ??= outFile ? path.extname(outFile).slice(1).toLowerCase() || 'docx' : 'docx';
  if (!isFormat(format)) throw usageError(`--format must be docx, pdf or html, not ${format}`);
  const brief = findBrief(library, words[0]!, usageError);
  const file = await exportBrief(brief, format, printer, { pocketPageBreaks: values['pocket-page-breaks'] === true, tagged: values.tagged === true });
  const target = path.resolve(outFile ?? file.name);
  // Written beside the target and renamed into place: a failed export never leaves half a file.
  const partial = `${target}.${process.pid}.partial`;
  try {
    fs.writeFileSync(partial, file.data);
    fs.renameSync(partial, target);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw new Error(`could not write ${target}: ${e instanceof Error ? e.message : String(e)}`);
  }
  out(`exported brief ${brief.id} “${brief.title}” as ${format} to ${target} (${file.data.length} bytes)`);
  return 0;
}

function findBrief(library: Library, wanted: string, usageError: (problem: string) => Error): Brief {
  const briefs = library.briefs.list();
  const byId = /^\d+$/.test(wanted) ? briefs.find((b) => b.id === Number(wanted)) : undefined;
  if (byId) return library.briefs.get(byId.id);
  const byTitle = briefs.filter((b) => b.title === wanted);
  if (byTitle.length === 1) return library.briefs.get(byTitle[0]!.id);
  if (byTitle.length > 1) throw usageError(`${byTitle.length} briefs are titled “${wanted}” (ids ${byTitle.map((b) => b.id).join(', ')}); give the id`);
  throw usageError(`no brief has the id or title “${wanted}” (cardfile list briefs shows them)`);
}
