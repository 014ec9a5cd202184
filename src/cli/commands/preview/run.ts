import { randomBytes } from 'node:crypto';
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Diagnostic } from '../../../diagnostics.js';
import { BosoreportError, EXIT_CLEAN, EXIT_USAGE } from '../../../errors.js';
import { t, type Lang } from '../../../messages/index.js';
import { escapeHtml } from '../../../util/escape.js';
import { renderReport } from '../../../render/html.js';
import { loadTemplates } from '../../../render/templates.js';
import type { SeveritySetting } from '../../../rules/types.js';
import { visible } from '../../../util/visible.js';
import { check } from '../../check.js';
import type { CommandContext } from '../../context.js';

export interface PreviewOptions {
  port?: number;
  templateDir?: string;
  rules?: Record<string, SeveritySetting>;
}

export interface Preview {
  url: string;
  /** How many times the page has been made, for tests that wait for a change. */
  renders(): number;
  close(): Promise<void>;
}

/** How often a report's folder that went away is looked for. */
const FOLDER_POLL_MS = 250;

/** Saves come as several events (write, rename, chmod): one render for them all. */
const SETTLE_MS = 60;

/** The problems at the top of the page: what is wrong now, and whether the page shows an older version. */
function banner(lang: Lang, file: string, problems: readonly Diagnostic[], stale: boolean, failure?: string): string {
  const reported = problems.filter((d) => d.severity === 'error').length;
  const errors = reported + (failure ? 1 : 0);
  const warnings = problems.length - reported;
  const head = stale ? t(lang, 'preview/stale', { file }) : problems.length ? t(lang, 'preview/problems', { errors, warnings }) : t(lang, 'preview/clean');
  const line = (d: Diagnostic) => (d.line > 0 ? `${t(lang, 'preview/line', { line: d.line })}: ` : '');
  const items = [
    ...(failure ? [`<li>${escapeHtml(failure)}</li>`] : []),
    ...problems.map((d) => `<li>${line(d)}${escapeHtml(d.message)}${d.hint ? ` <em>${escapeHtml(d.hint)}</em>` : ''}</li>`),
  ].join('');
  const color = stale || errors ? '#8a1c1c' : warnings ? '#7a5a00' : '#1d5b2c';
  return (
    `<div id="bosoreport-forhandsvisning" role="status" style="position:sticky;top:0;z-index:9;max-height:30vh;overflow:auto;background:#fff;border:2pt solid ${color};padding:2mm 4mm;margin:0 0 4mm;font:9.5pt Arimo,Arial,sans-serif">` +
    `<strong style="color:${color}">${escapeHtml(head)}</strong>${items ? `<ul style="margin:1mm 0 0;padding-left:5mm">${items}</ul>` : ''}</div>`
  );
}

/** The page as served: the last good render, the problems on top, and a script that reloads on a change. */
function page(html: string | undefined, top: string, nonce: string): string {
  const reload = `<script nonce="${nonce}">new EventSource('/hendelser').addEventListener('endret', () => location.reload());</script>`;
  const body = html ?? '<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>bosoreport</title></head><body></body></html>';
  return body.replace(/<body[^>]*>/, (tag) => `${tag}\n${top}`).replace('</body>', `${reload}\n</body>`);
}

/**
 * Serves one report as the form it will print as, on 127.0.0.1 only, and makes it again whenever the
 * file (or a template in --template-dir) is saved: open pages reload themselves. A report that does
 * not read, or does not match its form, keeps the last good page with the problems on top.
 */
export async function startPreview(file: string, ctx: CommandContext, options: PreviewOptions = {}): Promise<Preview> {
  const { io, lang } = ctx;
  const full = path.resolve(io.cwd, file);
  const templateDir = options.templateDir ? path.resolve(io.cwd, options.templateDir) : undefined;
  let good: string | undefined;
  let top = '';
  let count = 0;
  const clients = new Set<ServerResponse>();
  // The shipped templates do not change while previewing; a --template-dir is read again on each save.
  let shipped: ReturnType<typeof loadTemplates> | undefined;
  const templates = () => (templateDir ? loadTemplates(templateDir) : (shipped ??= loadTemplates()));

  const render = async (first = false) => {
    const checked = await check([file], ctx, { rules: options.rules ?? {}, keep: true });
    const one = checked.files[0]!;
    // A file that is not there at the start is a usage error; one that goes away while editing is shown.
    if (first && checked.usageFailed) throw new BosoreportError(`${visible(one.file)}: ${one.diagnostics[0]?.message ?? ''}`, EXIT_USAGE);
    const result = one.result;
    if (result?.schemaValid && result.form) {
      try {
        // The document is Norwegian whatever the terminal speaks, as `render` makes it; a report with
        // errors is still shown while it is being written, with its errors on top.
        const nb = lang === 'nb' ? one : (await check([file], ctx, { rules: options.rules ?? {}, keep: true, lang: 'nb' })).files[0]!;
        good = renderReport({ ...nb.result!, diagnostics: nb.diagnostics }, templates()).html;
        top = banner(lang, visible(one.file), one.diagnostics, false);
      } catch (error) {
        // A template from --template-dir that does not compile: the last good page, and why.
        top = banner(lang, visible(one.file), one.diagnostics, true, (error as Error).message);
      }
    } else {
      top = banner(lang, visible(one.file), one.diagnostics, true);
    }
    count++;
    io.stderr.write(`${t(lang, 'preview/updated', { time: new Date().toTimeString().slice(0, 8), errors: one.diagnostics.filter((d) => d.severity === 'error').length })}\n`);
    for (const client of clients) client.write(`event: endret\ndata: ${count}\n\n`);
  };
  await render(true);

  const server = createServer((req, res) => {
    const port = (server.address() as AddressInfo).port;
    // Only pages opened on this machine by this address: no other site can read the report through it.
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) {
      res.writeHead(403).end();
      return;
    }
    if (req.url === '/hendelser') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': bosoreport\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (req.url !== '/' && req.url !== '/index.html') {
      res.writeHead(404).end();
      return;
    }
    const nonce = randomBytes(12).toString('base64');
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // Nothing but this page, its inline style and fonts, and its own reload script.
      // ...and no other page may frame it (a site could otherwise show the report inside its own).
      'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'self'; script-src 'nonce-${nonce}'; frame-ancestors 'none'`,
      'x-frame-options': 'DENY',
    });
    res.end(page(good, top, nonce));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new BosoreportError(t(lang, 'preview/port', { port: options.port ?? 0, reason: error.code ?? error.message }), EXIT_USAGE)),
    );
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });

  let timer: NodeJS.Timeout | undefined;
  let rendering = Promise.resolve();
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // Whatever goes wrong while editing is shown on the page, never ends the preview.
      rendering = rendering.then(() =>
        render().catch((error: Error) => {
          top = banner(lang, visible(file), [], true, error.message);
          for (const client of clients) client.write(`event: endret\ndata: ${++count}\n\n`);
        }),
      );
    }, SETTLE_MS);
  };
  // The folder, not the file: editors save by writing a new file and renaming it over the old one.
  // A folder that goes away (a branch switched, a folder restored) is looked for until it is back.
  const folder = path.dirname(full);
  let watcher: FSWatcher | undefined;
  let waiting: NodeJS.Timeout | undefined;
  const follow = () => {
    try {
      watcher = watch(folder, (_event, name) => {
        if (!existsSync(folder)) return lost();
        if (name === null || name === path.basename(full)) changed();
      });
      watcher.on('error', lost);
    } catch {
      lost();
    }
  };
  const lost = () => {
    watcher?.close();
    watcher = undefined;
    if (waiting) return;
    waiting = setInterval(() => {
      if (!existsSync(folder)) return;
      clearInterval(waiting);
      waiting = undefined;
      follow();
      changed();
    }, FOLDER_POLL_MS);
  };
  follow();
  const watchers: FSWatcher[] = [];
  if (templateDir) watchers.push(watch(templateDir, { recursive: true }, changed));

  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    renders: () => count,
    close: async () => {
      clearTimeout(timer);
      clearInterval(waiting);
      watcher?.close();
      for (const w of watchers) w.close();
      for (const client of clients) client.end();
      await rendering;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A browser's kept-alive or half-sent requests would hold the server open for minutes.
      server.closeAllConnections();
      await closed;
    },
  };
}

/** `bosoreport preview <file>`: runs until Ctrl-C, then stops the server and its watchers cleanly. */
export async function runPreview(file: string, ctx: CommandContext, options: PreviewOptions = {}): Promise<number> {
  const preview = await startPreview(file, ctx, options);
  ctx.io.stdout.write(`${t(ctx.lang, 'preview/serving', { url: preview.url, file: visible(file) })}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await preview.close();
  ctx.io.stdout.write(`${t(ctx.lang, 'preview/stopped')}\n`);
  return EXIT_CLEAN;
}
