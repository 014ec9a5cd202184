import { findBrowser, type BrowserLookup } from './browser.js';
import { startChromium, type StartedChromium } from './chromium.js';
import { PdfPrinter } from './pdf.js';

/** The browser a batch prints with, or why there is none: no browser found (`lookup`), or it did not start (`error`). */
export interface BrowserOutcome {
  lookup: BrowserLookup;
  printer?: PdfPrinter;
  error?: unknown;
}

/**
 * The browser of a batch, started early: `begin` is called when the first report passes its own
 * checks, and starts Chromium, which boots on the other core while the rest are checked and the
 * first page is turned into HTML. `ready`, when the first page is to be printed, loads puppeteer
 * and takes the browser over. A batch with nothing to print never starts one. If the early start
 * fails or times out, puppeteer.launch is tried once, and its error is the one told.
 */
export class BrowserStart {
  private spawned: Promise<{ lookup: BrowserLookup; chromium?: StartedChromium }> | undefined;
  private pending: Promise<BrowserOutcome> | undefined;
  private closing = false;

  constructor(
    private readonly explicit: string | undefined,
    private readonly env: NodeJS.ProcessEnv,
    private readonly timeoutMs: number,
  ) {}

  get begun(): boolean {
    return this.spawned !== undefined;
  }

  /** Finds the browser and starts it, once. */
  begin(): void {
    this.spawned ??= findBrowser(this.explicit, this.env).then(
      (lookup) => {
        if (!lookup.chosen || this.closing) return { lookup };
        try {
          return { lookup, chromium: startChromium(lookup.chosen.path) };
        } catch {
          return { lookup }; // no profile folder: the ordinary way says what is wrong
        }
      },
      () => ({ lookup: { tried: [] } }),
    );
  }

  /** The printer, with `pages` pages opening, or why there is none; begins now if nothing began it. */
  ready(pages = 1): Promise<BrowserOutcome> {
    this.begin();
    this.pending ??= this.connect(pages).catch((error: unknown) => ({ lookup: { tried: [] }, error }));
    return this.pending;
  }

  /** Ends whatever was started, also a start still under way; called on every way out of a batch. */
  async close(): Promise<void> {
    this.closing = true;
    if (!this.spawned) return;
    const { chromium } = await this.spawned;
    if (!this.pending) return chromium?.kill();
    void chromium?.kill(); // a start still under way fails at once
    const { printer } = await this.pending;
    await printer?.close();
  }

  private async connect(pages: number): Promise<BrowserOutcome> {
    const { lookup, chromium } = await this.spawned!;
    if (!lookup.chosen || this.closing) return { lookup };
    if (chromium) {
      try {
        const printer = await PdfPrinter.connect(chromium, this.timeoutMs);
        printer.warm(pages);
        return { lookup, printer };
      } catch {
        // The ordinary way below says why, in puppeteer's words, if the browser really cannot start.
      }
    }
    if (this.closing) return { lookup };
    try {
      return { lookup, printer: await PdfPrinter.launch(lookup.chosen.path, this.timeoutMs) };
    } catch (error) {
      return { lookup, error };
    }
  }
}
