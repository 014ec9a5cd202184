import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Browser, CDPSession, HTTPRequest, Page } from 'puppeteer-core';
import { launchArgs, type StartedChromium } from './chromium.js';
import { hyphenateBrokenWords } from './hyphenate.js';
import { writePdfStream } from './pdf-file.js';
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

/** Waits for `work` to settle, or `ms` at most; its outcome is not needed, only that it ended or was given up on. */
async function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(ms, 1000))))]);
  clearTimeout(timer);
}

/** A page that prints one report after another, with what it refused during the current report. */
interface Slot {
  page: Page;
  blocked: string[];
  /** The one file the current print may load (printFile's own HTML). */
  allowed?: string;
}

/** How every PDF is printed: A4 unless the page's CSS says otherwise, backgrounds, tagged, with an outline. */
const PRINT = { format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true } as const;

/** PRINT as the protocol's Page.printToPDF takes it (puppeteer's translation: A4 in inches, no margins of its own). */
const PRINT_PARAMS = {
  paperWidth: 8.2677,
  paperHeight: 11.6929,
  marginTop: 0,
  marginBottom: 0,
  marginLeft: 0,
  marginRight: 0,
  printBackground: PRINT.printBackground,
  preferCSSPageSize: PRINT.preferCSSPageSize,
  generateTaggedPDF: PRINT.tagged,
  generateDocumentOutline: PRINT.outline,
} as const;

/**
 * A printed PDF read from the browser a megabyte at a time. puppeteer's own stream asks for the
 * browser's default of 10 MB a read, which arrives as 13 MB of base64 in JSON and is copied three
 * times over: 250 MB more at the peak for the 140 MB overview of 10 000 reports.
 */
async function* protocolChunks(session: CDPSession, handle: string): AsyncGenerator<Uint8Array> {
  let eof = false;
  try {
    while (!eof) {
      const read = await session.send('IO.read', { handle, size: 1024 * 1024 });
      eof = read.eof;
      yield Buffer.from(read.data, read.base64Encoded ? 'base64' : 'latin1');
    }
  } finally {
    await session.send('IO.close', { handle }).catch(() => undefined);
  }
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
      if (url.startsWith('data:') || url === 'about:blank' || url === slot.allowed) void request.continue();
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
    return this.withSlot(timeoutMs, async (slot) => {
      await slot.page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
      const unbroken = await hyphenateBrokenWords(slot.page);
      const raw = await slot.page.pdf({ ...PRINT, timeout: timeoutMs });
      return { pdf: await withMetadata(raw, meta), blocked: slot.blocked, unbroken };
    });
  }

  /**
   * Prints the HTML file `htmlFile` into the PDF file `pdfFile`, neither of them held in memory: the
   * page loads the file itself (not a copy sent over the protocol) and the PDF is written as it
   * arrives (writePdfStream). For an overview of thousands of reports, a PDF of 100 MB and more.
   */
  async printFile(htmlFile: string, pdfFile: string, meta: PdfMetadata, timeoutMs: number): Promise<Omit<PrintResult, 'pdf'>> {
    const url = pathToFileURL(htmlFile).href;
    return this.withSlot(timeoutMs, async (slot) => {
      slot.allowed = url;
      try {
        await slot.page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
      } catch (error) {
        // A browser kept from the temporary folder (a snap's private /tmp) is given the text instead.
        if (!/ERR_(FILE_NOT_FOUND|ACCESS_DENIED)/.test((error as Error).message)) throw error;
        await slot.page.setContent(await readFile(htmlFile, 'utf8'), { waitUntil: 'load', timeout: timeoutMs });
      }
      const unbroken = await hyphenateBrokenWords(slot.page);
      const session = await slot.page.createCDPSession();
      try {
        const { stream } = await session.send('Page.printToPDF', { ...PRINT_PARAMS, transferMode: 'ReturnAsStream' });
        if (!stream) throw new Error('Page.printToPDF returned no stream');
        await writePdfStream(protocolChunks(session, stream), pdfFile, meta);
      } finally {
        await session.detach().catch(() => undefined);
      }
      return { blocked: slot.blocked, unbroken };
    });
  }

  /** Runs `job` on an idle page; a page that failed is closed, and a browser that stopped answering fails the rest at once. */
  private async withSlot<T>(timeoutMs: number, job: (slot: Slot) => Promise<T>): Promise<T> {
    if (this.stuck) throw this.stuck;
    let slot: Slot | undefined;
    try {
      slot = this.idle.pop() ?? (await this.opening.shift()) ?? (await this.openSlot(timeoutMs));
      slot.blocked = [];
      slot.allowed = undefined;
      const result = await job(slot);
      this.idle.push(slot);
      return result;
    } catch (error) {
      if (/timed? ?out/i.test((error as Error).message) && !(await this.answers())) this.stuck ??= error as Error;
      // A failed page is closed and not reused; a browser that no longer answers is not waited for.
      // page.close has no time limit of its own, and a page whose navigation to a file timed out may never answer it.
      if (slot && !this.stuck) await settledWithin(slot.page.close(), this.timeoutMs);
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
