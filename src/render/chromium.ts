import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConnectionTransport } from 'puppeteer-core';

/** Flags that keep Chromium quiet on a closed network and usable as root in CI. */
export function launchArgs(): string[] {
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

/**
 * What puppeteer.launch gives a headless Chrome before our own flags (its `defaultArgs`), so a
 * browser started here runs exactly as one puppeteer starts; test/render/chromium.test.ts holds the
 * two together when puppeteer changes them.
 */
const PUPPETEER_DEFAULTS = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
  '--headless=new',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
  'about:blank',
];

/** The command line puppeteer.launch({ headless: true, pipe: true, args: launchArgs() }) gives Chromium. */
export function chromiumArgs(profile: string): string[] {
  return [...PUPPETEER_DEFAULTS, ...launchArgs(), '--remote-debugging-pipe', `--user-data-dir=${profile}`];
}

/** The DevTools protocol over Chromium's pipe (fd 3 in, fd 4 out): messages end with a NUL byte. */
class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  private pending: Buffer[] = [];

  constructor(
    private readonly out: NodeJS.WritableStream,
    input: NodeJS.ReadableStream,
  ) {
    input.on('data', (chunk: Buffer) => {
      let start = 0;
      for (let end = chunk.indexOf(0); end !== -1; start = end + 1, end = chunk.indexOf(0, start)) {
        const message = Buffer.concat([...this.pending, chunk.subarray(start, end)]).toString();
        this.pending = [];
        // Delivered on their own turn of the event loop, as puppeteer's own pipe does.
        setImmediate(() => this.onmessage?.(message));
      }
      if (start < chunk.length) this.pending.push(chunk.subarray(start));
    });
    input.on('close', () => this.onclose?.());
    input.on('error', () => undefined); // a browser gone is told by 'close' and by the process's exit
    out.on('error', () => undefined);
  }

  send(message: string): void {
    this.out.write(`${message}\0`);
  }

  close(): void {
    this.onmessage = undefined;
  }
}

/** A Chromium started by bosoreport itself, before puppeteer is loaded. */
export interface StartedChromium {
  readonly process: ChildProcess;
  readonly transport: ConnectionTransport;
  /** Settles once the browser has exited and its profile is removed, whatever the reason. */
  readonly exited: Promise<void>;
  /** Ends the browser and every process it started, and removes its profile. */
  kill(): Promise<void>;
}

const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * Starts Chromium with puppeteer's command line, a temporary profile and the DevTools pipe, now:
 * loading puppeteer takes about 100 ms, which the browser spends starting up instead. A pipe, so
 * when bosoreport dies, even by SIGKILL, the browser exits with it; on exit or a signal it is
 * killed and its profile removed, as puppeteer.launch does.
 */
export function startChromium(executablePath: string): StartedChromium {
  const profile = mkdtempSync(path.join(tmpdir(), 'bosoreport-chromium-'));
  // Its own process group, so the renderers go with it; unread output would fill a pipe and stall it.
  // Chromium's own temporary files (.org.chromium.Chromium.*, its shared memory without /dev/shm) go
  // inside the profile, so they are removed with it even when the browser is killed.
  const scratch = path.join(profile, 'tmp');
  mkdirSync(scratch);
  const env = { ...process.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch };
  const child = spawn(executablePath, chromiumArgs(profile), { env, detached: process.platform !== 'win32', stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const [, , , toBrowser, fromBrowser] = child.stdio as unknown as [null, null, null, NodeJS.WritableStream, NodeJS.ReadableStream];
  const transport = new PipeTransport(toBrowser, fromBrowser);
  let gone = false;
  const killNow = () => {
    if (gone || child.pid === undefined) return;
    try {
      process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  };
  const onExit = () => {
    killNow();
    rmSync(profile, { recursive: true, force: true });
  };
  const onSignal = (signal: keyof typeof SIGNAL_CODES) => {
    onExit();
    process.exit(SIGNAL_CODES[signal]);
  };
  process.on('exit', onExit);
  for (const signal of Object.keys(SIGNAL_CODES)) process.on(signal, onSignal);
  const exited = new Promise<void>((resolve) => {
    // 'error' alone when it could not be started at all (no such file, not a program).
    const done = () => {
      if (gone) return;
      gone = true;
      process.off('exit', onExit);
      for (const signal of Object.keys(SIGNAL_CODES)) process.off(signal, onSignal);
      void rm(profile, { recursive: true, force: true, maxRetries: 5 }).then(resolve, resolve);
    };
    child.once('exit', done);
    child.once('error', done);
  });
  return {
    process: child,
    transport,
    exited,
    kill: () => {
      killNow();
      return exited;
    },
  };
}
