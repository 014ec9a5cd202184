import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
  source?: string;
}

/** What the editor offers at a position, and the text it inserts when the item is taken. */
export interface CompletionItem {
  label: string;
  documentation?: unknown;
  insertText?: string;
}

/**
 * A minimal language-server client over stdio, enough to open YAML files in yaml-language-server (what
 * VS Code's YAML extension runs) and collect the diagnostics it publishes.
 */
export class YamlLanguageServer {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, (result: unknown) => void>();
  private published = new Map<string, LspDiagnostic[][]>();
  private waiters: (() => void)[] = [];
  private open = new Set<string>();
  private versions = new Map<string, number>();

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly settings: Record<string, unknown>,
  ) {
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  static async start(rootDir: string, settings: Record<string, unknown> = {}): Promise<YamlLanguageServer> {
    const bin = createRequire(import.meta.url).resolve('yaml-language-server/bin/yaml-language-server');
    const child = spawn(process.execPath, [bin, '--stdio'], { stdio: 'pipe' });
    const server = new YamlLanguageServer(child, { validate: true, hover: true, completion: true, schemaStore: { enable: false }, ...settings });
    await server.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(rootDir).href,
      workspaceFolders: [{ uri: pathToFileURL(rootDir).href, name: 'rapporter' }],
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          publishDiagnostics: {},
          completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    server.notify('initialized', {});
    server.notify('workspace/didChangeConfiguration', { settings: { yaml: server.settings } });
    return server;
  }

  /** Opens a file as the editor would and waits for the diagnostics published after its schema loaded. */
  async diagnostics(file: string, timeoutMs = 15_000): Promise<LspDiagnostic[]> {
    const uri = pathToFileURL(file).href;
    // A file opened before is closed first, as an editor does when it opens the file again after a change on disk.
    if (this.open.has(uri)) this.notify('textDocument/didClose', { textDocument: { uri } });
    this.published.delete(uri);
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.open.add(uri);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text: readFileSync(file, 'utf8') } });
    const deadline = Date.now() + timeoutMs;
    // The server publishes once when it opens the file and again once the schema is in; wait until quiet.
    let lastCount = -1;
    let quietSince = Date.now();
    for (;;) {
      const runs = this.published.get(uri) ?? [];
      if (runs.length !== lastCount) {
        lastCount = runs.length;
        quietSince = Date.now();
      }
      if (runs.length > 0 && Date.now() - quietSince > 700) return runs[runs.length - 1]!;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${path.basename(file)} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  async hover(file: string, line: number, character: number): Promise<string> {
    const result = (await this.request('textDocument/hover', { textDocument: { uri: pathToFileURL(file).href }, position: { line, character } })) as {
      contents?: { value?: string };
    } | null;
    return result?.contents?.value ?? '';
  }

  async completion(file: string, line: number, character: number): Promise<CompletionItem[]> {
    const result = (await this.request('textDocument/completion', { textDocument: { uri: pathToFileURL(file).href }, position: { line, character } })) as {
      items?: CompletionItem[];
    } | null;
    return result?.items ?? [];
  }

  async stop(): Promise<void> {
    await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
    this.notify('exit', null);
    this.child.kill();
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  private notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(message);
    }
  }

  private handle(message: { id?: number; method?: string; params?: any; result?: unknown }): void {
    if (message.method === 'textDocument/publishDiagnostics') {
      const runs = this.published.get(message.params.uri) ?? [];
      runs.push(message.params.diagnostics);
      this.published.set(message.params.uri, runs);
      for (const wake of this.waiters.splice(0)) wake();
    } else if (message.method === 'workspace/configuration') {
      // One answer per section asked for; only «yaml» carries settings.
      this.send({ id: message.id, result: message.params.items.map((i: { section?: string }) => (i.section === 'yaml' ? this.settings : {})) });
    } else if (message.method !== undefined && message.id !== undefined) {
      this.send({ id: message.id, result: null });
    } else if (message.id !== undefined) {
      this.pending.get(message.id)?.(message.result);
      this.pending.delete(message.id);
    }
  }
}
