import { PDFDocument } from 'pdf-lib';
import type { Browser, HTTPRequest } from 'puppeteer-core';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
}

export interface PrintResult {
  pdf: Uint8Array;
  /** Requests the page tried to make and that were refused (nothing may leave the machine). */
  blocked: string[];
}

/** Flags that keep Chromium quiet on a closed network and usable as root in CI. */
function launchArgs(): string[] {
  const args = [
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
  // Chromium's sandbox refuses to start as root, which is how CI containers run.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

/** Title, author, subject and keywords in the PDF's document information (Chromium sets only the title). */
async function withMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('bosoreport');
  return doc.save();
}

/**
 * One browser for a whole batch; each report gets a fresh page with scripts off and every request
 * other than data: refused, so printing can neither run report content nor reach the network.
 */
export class PdfPrinter {
  private constructor(private readonly browser: Browser) {}

  static async launch(executablePath: string, timeoutMs: number): Promise<PdfPrinter> {
    const { default: puppeteer } = await import('puppeteer-core');
    // A pipe rather than a WebSocket: when bosoreport dies, even by SIGKILL, the pipe closes and the browser exits with it.
    const browser = await puppeteer.launch({ executablePath, headless: true, pipe: true, args: launchArgs(), timeout: timeoutMs });
    return new PdfPrinter(browser);
  }

  version(): Promise<string> {
    return this.browser.version();
  }

  async print(html: string, meta: PdfMetadata, timeoutMs: number): Promise<PrintResult> {
    const page = await this.browser.newPage();
    const blocked: string[] = [];
    try {
      page.setDefaultTimeout(timeoutMs);
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (request: HTTPRequest) => {
        const url = request.url();
        if (url.startsWith('data:') || url === 'about:blank') void request.continue();
        else {
          blocked.push(url);
          void request.abort('blockedbyclient');
        }
      });
      await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
      await page.emulateMediaType('print');
      const raw = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, timeout: timeoutMs });
      return { pdf: await withMetadata(raw, meta), blocked };
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }
}
