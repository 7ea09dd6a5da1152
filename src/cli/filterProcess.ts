import { writeSync } from 'fs';

/**
 * git's long-running filter protocol (`filter.<driver>.process`, version 2): one process serves every
 * file of a checkout or a commit, instead of one Node start per file (0.4 to 1 s each, minutes for a
 * checkout of hundreds of notes). Messages travel as pkt-lines: four hex digits giving the length
 * (themselves included), then the bytes; `0000` ends a list or a file's content.
 */

const FLUSH = 'flush';
type Packet = Buffer | typeof FLUSH;
/** The most a pkt-line may carry (65520 with its four length digits). */
const MAX_PAYLOAD = 65516;

/** Reads pkt-lines from a stream, one at a time. */
export class PacketReader {
  private buffered = Buffer.alloc(0);
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(input: NodeJS.ReadableStream) {
    input.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.wake?.();
    });
    input.on('end', () => {
      this.ended = true;
      this.wake?.();
    });
  }

  /** The next packet, `flush`, or undefined when git closed the pipe. */
  async next(): Promise<Packet | undefined> {
    for (;;) {
      if (this.buffered.length >= 4) {
        const length = parseInt(this.buffered.subarray(0, 4).toString('ascii'), 16);
        if (!Number.isInteger(length) || (length > 0 && length < 4)) throw new Error('git sent a malformed packet.');
        if (length === 0) {
          this.buffered = this.buffered.subarray(4);
          return FLUSH;
        }
        if (this.buffered.length >= length) {
          const payload = this.buffered.subarray(4, length);
          this.buffered = this.buffered.subarray(length);
          return payload;
        }
      }
      if (this.ended) return undefined;
      await new Promise<void>(resolve => { this.wake = resolve; });
      this.wake = undefined;
    }
  }

  /** The text lines up to the next flush (`key=value` mostly); undefined when git closed the pipe first. */
  async lines(): Promise<string[] | undefined> {
    const found: string[] = [];
    for (;;) {
      const packet = await this.next();
      if (packet === undefined) return undefined;
      if (packet === FLUSH) return found;
      found.push(packet.toString('utf8').replace(/\n$/, ''));
    }
  }

  /** A file's content: packets up to the next flush. */
  async content(): Promise<Buffer | undefined> {
    const parts: Buffer[] = [];
    for (;;) {
      const packet = await this.next();
      if (packet === undefined) return undefined;
      if (packet === FLUSH) return Buffer.concat(parts);
      parts.push(packet);
    }
  }
}

/** Writes pkt-lines to git, whole, before anything else is read. */
export class PacketWriter {
  constructor(private readonly fd: number) {}

  text(...lines: string[]): void {
    for (const line of lines) this.packet(Buffer.from(`${line}\n`, 'utf8'));
  }

  flush(): void {
    this.write(Buffer.from('0000', 'ascii'));
  }

  content(bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length; at += MAX_PAYLOAD) this.packet(bytes.subarray(at, at + MAX_PAYLOAD));
    this.flush();
  }

  private packet(payload: Uint8Array): void {
    this.write(Buffer.concat([Buffer.from((payload.length + 4).toString(16).padStart(4, '0'), 'ascii'), payload]));
  }

  private write(bytes: Uint8Array): void {
    for (let done = 0; done < bytes.length;) {
      try {
        done += writeSync(this.fd, bytes, done, bytes.length - done);
      } catch (error) {
        // A pipe left non-blocking is full until git reads: wait a moment and go on.
        if ((error as { code?: string }).code !== 'EAGAIN') throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      }
    }
  }
}

/** What the process does with one file: `clean` or `smudge`, the file's path and its bytes. */
export type FilterFile = (command: 'clean' | 'smudge', path: string, bytes: Uint8Array) => Promise<Uint8Array>;

/**
 * Serves git until it closes the pipe: the handshake, then one file at a time. A file the filter
 * cannot process answers `status=error` (with why on stderr, which git shows): the filter is required,
 * so git stops rather than store or check out that file unfiltered.
 */
export async function serveFilterProcess(reader: PacketReader, writer: PacketWriter, filter: FilterFile, say: (text: string) => void): Promise<void> {
  const hello = await reader.lines();
  if (!hello?.includes('git-filter-client') || !hello.includes('version=2')) throw new Error('git did not start the filter protocol, version 2.');
  writer.text('git-filter-server', 'version=2');
  writer.flush();
  const offered = (await reader.lines()) ?? [];
  writer.text(...['capability=clean', 'capability=smudge'].filter(line => offered.includes(line)));
  writer.flush();
  for (;;) {
    const request = await reader.lines();
    if (request === undefined) return;
    const value = (key: string) => request.find(line => line.startsWith(`${key}=`))?.slice(key.length + 1);
    const command = value('command');
    const path = value('pathname') ?? '';
    const bytes = await reader.content();
    if (bytes === undefined) return;
    if (command !== 'clean' && command !== 'smudge') {
      writer.text('status=error');
      writer.flush();
      continue;
    }
    let output: Uint8Array;
    try {
      output = await filter(command, path, bytes);
    } catch (error) {
      say(`growth filter: ${path}: ${error instanceof Error ? error.message : String(error)}`);
      writer.text('status=error');
      writer.flush();
      continue;
    }
    writer.text('status=success');
    writer.flush();
    writer.content(output);
    writer.flush(); // the status stays "success"
  }
}
