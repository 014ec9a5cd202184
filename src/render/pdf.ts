import { createHash } from 'node:crypto';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { launchArgs, type StartedChromium } from './chromium.js';
import { hyphenateBrokenWords } from './hyphenate.js';
import { withInfo, type PdfMetadata } from './pdf-info.js';

export type { PdfMetadata } from './pdf-info.js';

export interface PrintResult {
  pdf: Uint8Array;
  /** Requests the page tried to make and that were refused (nothing may leave the machine). */
  blocked: string[];
  /** Words still broken mid-line without a hyphen after hyphenating (no Norwegian pattern fits them). */
  unbroken: string[];
}

/**
 * Title, author, subject and keywords in the PDF's document information (Chromium sets only the
 * title), the same in XMP metadata, and what else makes the file PDF/A-2 (src/render/pdfa.ts):
 * appended as an update to Chromium's file, or with pdf-lib for a file laid out otherwise.
 */
export async function withMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const updated = withInfo(pdf, meta);
  if (updated) return updated;
  const { PDFDocument, PDFName, PDFString, PDFHexString } = await import('pdf-lib');
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('bosoreport');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const lang = doc.catalog.lookup(PDFName.of('Lang'));
  const pdfDate = `D:${now.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
  const { xmpPacket, xmpFacts } = await import('./pdfa.js');
  const facts = xmpFacts(meta, { created: pdfDate, modified: pdfDate, producer: doc.getProducer(), lang: lang instanceof PDFString ? lang.decodeText() : undefined });

  const { SRGB_DESCRIPTION, srgbProfile } = await import('./srgb-icc.js');
  const xmp = doc.context.register(doc.context.stream(new TextEncoder().encode(xmpPacket(facts)), { Type: 'Metadata', Subtype: 'XML' }));
  const profile = doc.context.register(doc.context.stream(srgbProfile(), { N: 3 }));
  const intent = doc.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(SRGB_DESCRIPTION),
    Info: PDFString.of(SRGB_DESCRIPTION),
    DestOutputProfile: profile,
  });
  doc.catalog.set(PDFName.of('Metadata'), xmp);
  doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([doc.context.register(intent)]));
  const id = PDFHexString.of(createHash('md5').update(pdf).digest('hex'));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  return doc.save({ useObjectStreams: false });
}

type Connect = (typeof import('puppeteer-core'))['connect'];

/**
 * puppeteer.connect, loaded from the one module it is (`puppeteer.connect` calls it and nothing
 * else): half of loading the whole package, which also brings the launcher and downloader, about
 * 40 ms. From the package's entry if a new puppeteer has moved it.
 */
async function connector(): Promise<Connect> {
  try {
    const mod = (await import('puppeteer-core/internal/common/BrowserConnector.js')) as unknown as { _connectToBrowser?: Connect };
    if (typeof mod._connectToBrowser === 'function') return mod._connectToBrowser;
  } catch {
    // moved or renamed
  }
  const { default: puppeteer } = await import('puppeteer-core');
  return (options) => puppeteer.connect(options);
}

/** A page that prints one report after another, with what it refused during the current report. */
interface Slot {
  page: Page;
  blocked: string[];
}

/**
 * One browser for a whole batch. Pages have scripts off and refuse every request other than data:,
 * so printing can neither run report content nor reach the network. A page is reused for the next
 * report once it has printed one (opening a page cost about 45 ms a report); a page that failed is
 * closed and replaced.
 */
export class PdfPrinter {
  private readonly idle: Slot[] = [];
  /** Pages being opened before a report needs them; undefined when opening one failed (the report then opens its own). */
  private readonly opening: Promise<Slot | undefined>[] = [];

  private constructor(
    private readonly browser: Browser,
    private readonly timeoutMs: number,
    /** The browser when bosoreport started it itself (startChromium), not puppeteer. */
    private readonly started?: StartedChromium,
  ) {}

  /**
   * Takes over a browser started with startChromium, within `timeoutMs`; a browser that exits or
   * does not answer in time is killed, and the error says why.
   */
  static async connect(started: StartedChromium, timeoutMs: number): Promise<PdfPrinter> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const connect = await connector();
      const browser = await Promise.race([
        connect({ transport: started.transport, protocolTimeout: Math.max(1000, Math.round(timeoutMs / 2)) }),
        started.exited.then(() => Promise.reject(new Error('the browser exited as it started'))),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs))),
      ]);
      return new PdfPrinter(browser, timeoutMs, started);
    } catch (error) {
      await started.kill();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Starts the browser. Every step with it is bounded by `timeoutMs`: puppeteer's own launch timeout
   * does not apply over a pipe, so the protocol timeout is set too (a browser that never answers is
   * then killed by puppeteer), and each later call has the same bound.
   */
  static async launch(executablePath: string, timeoutMs: number): Promise<PdfPrinter> {
    const { default: puppeteer } = await import('puppeteer-core');
    // A pipe rather than a WebSocket: when bosoreport dies, even by SIGKILL, the pipe closes and the browser exits with it.
    // When the handshake times out, puppeteer waits as long again before killing the browser: half
    // each keeps the whole launch within the bound. Pages have their own timeouts below.
    const protocolTimeout = Math.max(1000, Math.round(timeoutMs / 2));
    const browser = await puppeteer.launch({ executablePath, headless: true, pipe: true, args: launchArgs(), timeout: timeoutMs, protocolTimeout });
    return new PdfPrinter(browser, timeoutMs);
  }

  /** Opens `count` pages now, so the first reports find them ready. */
  warm(count: number): void {
    for (let i = 0; i < count; i++) this.opening.push(this.openSlot(this.timeoutMs, i === 0).catch(() => undefined));
  }

  version(): Promise<string> {
    return this.browser.version();
  }

  /** A page set up to print; `blank` takes the tab the browser opened as it started, which has its renderer running already (a new one took 40-90 ms). */
  private async openSlot(timeoutMs: number, blank = false): Promise<Slot> {
    const page = (blank ? (await this.browser.pages()).find((p) => p.url() === 'about:blank') : undefined) ?? (await this.browser.newPage());
    const slot: Slot = { page, blocked: [] };
    page.setDefaultTimeout(timeoutMs);
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = request.url();
      if (url.startsWith('data:') || url === 'about:blank') void request.continue();
      else {
        slot.blocked.push(url);
        void request.abort('blockedbyclient');
      }
    });
    await page.emulateMediaType('print');
    return slot;
  }

  /** Whether the browser still answers within a second: a slow page is not a frozen browser. */
  private async answers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const alive = await Promise.race([
      this.browser.version().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 1000))),
    ]);
    clearTimeout(timer);
    return alive;
  }

  /** Set when the browser stopped answering in time: the rest of a batch fails at once instead of waiting again per report. */
  private stuck: Error | undefined;

  async print(html: string, meta: PdfMetadata, timeoutMs: number): Promise<PrintResult> {
    if (this.stuck) throw this.stuck;
    let slot: Slot | undefined;
    try {
      slot = this.idle.pop() ?? (await this.opening.shift()) ?? (await this.openSlot(timeoutMs));
      slot.blocked = [];
      await slot.page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
      const unbroken = await hyphenateBrokenWords(slot.page);
      const raw = await slot.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, timeout: timeoutMs });
      const result = { pdf: await withMetadata(raw, meta), blocked: slot.blocked, unbroken };
      this.idle.push(slot);
      return result;
    } catch (error) {
      if (/timed? ?out/i.test((error as Error).message) && !(await this.answers())) this.stuck ??= error as Error;
      // A failed page is closed and not reused; a browser that no longer answers is not waited for.
      if (slot && !this.stuck) await slot.page.close().catch(() => undefined);
      throw error;
    }
  }

  /**
   * Closes the browser; one that does not close in time (frozen, stopped) is killed with its children.
   * One bosoreport started is killed at once where a process group can be (its profile is thrown
   * away, so there is nothing for a orderly close to keep; that took about 40 ms).
   */
  async close(): Promise<void> {
    if (this.started && process.platform !== 'win32') return this.started.kill();
    const proc = this.browser.process() ?? this.started?.process;
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([
      this.browser.close().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), this.timeoutMs))),
    ]);
    clearTimeout(timer);
    if (!closed && proc?.pid) {
      for (const target of [-proc.pid, proc.pid]) {
        try {
          process.kill(target, 'SIGKILL'); // the group first: the renderer and GPU processes too
        } catch {
          // not a group leader, or gone already
        }
      }
    }
    await this.started?.kill(); // its profile too
  }
}
