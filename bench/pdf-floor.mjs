// The floor for `bosoreport render --pdf`: a process that does nothing but print prebuilt HTML, with
// the browser bosoreport would choose (dist/render/browser.js), started with the same flags, and pages
// under the same policy as src/render/pdf.ts (scripts off, every request but data: refused, print
// media, reused from file to file, `jobs` at a time), then closes it. It skips what bosoreport adds
// around printing: reading and checking reports, making the HTML, hyphenating, PDF metadata.
// run.mjs checks that the flags and print options below still match src/render/chromium.ts and pdf.ts.
// Usage: node bench/pdf-floor.mjs <out-dir> <jobs> <file.html>…
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAUNCH_ARGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-quic',
  '--font-render-hinting=none',
];
export const PDF_OPTIONS = { format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true };
const TIMEOUT_MS = 60_000; // render's default --timeout

async function main([outDir, jobs, ...files]) {
  const { findBrowser } = await import('../dist/render/browser.js');
  const { default: puppeteer } = await import('puppeteer-core');
  const { chosen } = await findBrowser(undefined, process.env);
  if (!chosen) throw new Error('no browser found (see bosoreport doctor)');
  const args = [...LAUNCH_ARGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  const browser = await puppeteer.launch({ executablePath: chosen.path, headless: true, pipe: true, args, timeout: TIMEOUT_MS, protocolTimeout: TIMEOUT_MS / 2 });
  try {
    mkdirSync(outDir, { recursive: true });
    const queue = [...files];
    const worker = async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(TIMEOUT_MS);
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url === 'about:blank') void request.continue();
        else void request.abort('blockedbyclient');
      });
      await page.emulateMediaType('print');
      for (let file = queue.shift(); file; file = queue.shift()) {
        await page.setContent(readFileSync(file, 'utf8'), { waitUntil: 'load', timeout: TIMEOUT_MS });
        const pdf = await page.pdf({ ...PDF_OPTIONS, timeout: TIMEOUT_MS });
        writeFileSync(path.join(outDir, `${path.basename(file, '.html')}.pdf`), pdf);
      }
    };
    await Promise.all(Array.from({ length: Math.min(Number(jobs), files.length) }, worker));
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`pdf-floor: ${error.stack ?? error}\n`);
    process.exitCode = 2;
  });
}
