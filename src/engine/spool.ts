import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Records are written to disk in pieces of about this size; a batch of 10 000 reports makes a few hundred writes. */
const PIECE = 64 * 1024;

/**
 * Records (a report's findings, a text) kept on disk rather than in memory until the run shows them,
 * so that what a batch holds does not grow with its findings. The file is removed from its folder as
 * soon as it is opened where the system allows it (it then lives as long as the descriptor), and on
 * `close` elsewhere. Without a writable temporary folder, or once a write fails, records stay in memory
 * as they did before: slower to grow out of, never a failed run.
 */
export class Spool {
  private fd: number | undefined;
  /** False once a write failed: the records on disk stay readable, new ones go to memory. */
  private writable = true;
  private leftover: string | undefined;
  /** Byte offset where each record on disk ends; record i starts where record i - 1 ends. */
  private readonly ends: number[] = [];
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Records that could not go to disk (from the first failed write on), by record number. */
  private readonly memory = new Map<number, Buffer>();
  private count = 0;

  /** `dir`: the system's temporary folder unless given. */
  constructor(private readonly dir?: string) {}

  /**
   * Opens the file on the first write, so a spool that is never needed costs nothing (node:os and
   * node:crypto are asked for only then, not loaded with every start); throws as a failed write does.
   */
  private open(): void {
    const dir = this.dir ?? process.getBuiltinModule('node:os').tmpdir();
    const file = path.join(dir, `.bosoreport-${process.pid}-${process.getBuiltinModule('node:crypto').randomBytes(6).toString('hex')}.spool`);
    this.fd = openSync(file, 'wx+', 0o600);
    try {
      unlinkSync(file);
    } catch {
      // Windows does not remove an open file: removed on close instead.
      this.leftover = file;
    }
  }

  /** Stores a record and returns its number. */
  put(data: string | Uint8Array): number {
    // Bytes are copied: the caller's may be a view of a larger buffer it reuses.
    const record = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    const n = this.count++;
    if (!this.writable) this.memory.set(n, record);
    else {
      this.pending.push(record);
      this.pendingBytes += record.length;
      if (this.pendingBytes >= PIECE) this.flush();
    }
    return n;
  }

  get size(): number {
    return this.count;
  }

  /** One record as it was stored. */
  get(n: number): Buffer {
    this.flush();
    const kept = this.memory.get(n);
    if (kept) return kept;
    const start = n === 0 ? 0 : this.ends[n - 1]!;
    const out = Buffer.allocUnsafe(this.ends[n]! - start);
    this.read(out, start);
    return out;
  }

  /** Every record in order, read from disk a piece at a time. */
  *all(): Generator<Buffer> {
    this.flush();
    let piece = Buffer.alloc(0);
    let pieceStart = 0;
    for (let n = 0; n < this.count; n++) {
      const kept = this.memory.get(n);
      if (kept) {
        yield kept;
        continue;
      }
      const start = n === 0 ? 0 : this.ends[n - 1]!;
      const end = this.ends[n]!;
      if (end - pieceStart > piece.length) {
        // The next piece starts at this record and holds as many whole records as fit (at least this one).
        piece = Buffer.allocUnsafe(Math.max(PIECE, end - start));
        pieceStart = start;
        this.read(piece.subarray(0, Math.min(piece.length, this.ends[this.ends.length - 1]! - start)), start);
      }
      yield piece.subarray(start - pieceStart, end - pieceStart);
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.writable = false;
    this.pending = [];
    this.memory.clear();
    if (this.leftover) {
      try {
        unlinkSync(this.leftover);
      } catch {
        // Already gone.
      }
      this.leftover = undefined;
    }
  }

  private flush(): void {
    if (this.pending.length === 0 || !this.writable) return;
    const first = this.count - this.pending.length;
    if (this.fd === undefined && this.pendingBytes < PIECE) {
      // Read back before a piece was ever full (a small run): no file for what fits in memory. Records
      // on disk are numbered from 0, so from here on every record stays in memory too.
      this.pending.forEach((record, i) => this.memory.set(first + i, record));
      this.pending = [];
      this.pendingBytes = 0;
      this.writable = false;
      return;
    }
    const start = this.ends.length ? this.ends[this.ends.length - 1]! : 0;
    const data = Buffer.concat(this.pending, this.pendingBytes);
    try {
      if (this.fd === undefined) this.open();
      for (let done = 0; done < data.length;) done += writeSync(this.fd!, data, done, data.length - done, start + done);
      let end = start;
      for (const record of this.pending) this.ends.push((end += record.length));
    } catch {
      // A full disk or a lost folder: what is not on disk yet, and all that follows, stays in memory.
      this.pending.forEach((record, i) => this.memory.set(first + i, record));
      this.writable = false;
    }
    this.pending = [];
    this.pendingBytes = 0;
  }

  private read(into: Buffer, position: number): void {
    for (let done = 0; done < into.length;) {
      const n = readSync(this.fd!, into, done, into.length - done, position + done);
      if (n === 0) throw new Error('spool file ended early');
      done += n;
    }
  }
}
