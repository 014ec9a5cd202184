import { EXIT_CLEAN, EXIT_USAGE } from '../../../errors.js';
import { t } from '../../../messages/index.js';
import { findBrowser } from '../../../render/browser.js';
import { PdfPrinter } from '../../../render/pdf.js';
import type { CommandContext } from '../../context.js';

/** `bosoreport doctor`: which browser PDF printing will use, why, and whether it starts. */
export async function runDoctor(options: { browser?: string }, { io, lang }: CommandContext): Promise<number> {
  io.stdout.write(`Node.js ${process.version} (${process.platform} ${process.arch})\n`);
  const lookup = await findBrowser(options.browser, io.env);
  for (const c of lookup.tried) {
    const mark = c === lookup.chosen ? '→' : c.found ? '✔' : '✘';
    io.stdout.write(`  ${mark} ${t(lang, `doctor/source-${c.source}`)}: ${c.path}${c.note ? ` (${c.note})` : ''}\n`);
  }
  if (!lookup.chosen) {
    io.stdout.write(`${t(lang, 'doctor/none')}\n${t(lang, 'render/no-browser.hint')}\n`);
    return EXIT_USAGE;
  }
  try {
    const printer = await PdfPrinter.launch(lookup.chosen.path, 60_000);
    const version = await printer.version();
    await printer.close();
    io.stdout.write(`${t(lang, 'doctor/ok', { path: lookup.chosen.path, version })}\n`);
    return EXIT_CLEAN;
  } catch (error) {
    io.stdout.write(`${t(lang, 'render/browser-failed', { path: lookup.chosen.path, reason: (error as Error).message.split('\n')[0] ?? '' })}\n`);
    return EXIT_USAGE;
  }
}
