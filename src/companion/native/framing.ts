import { endianness } from 'node:os';
import { NATIVE_LIMITS } from '../../shared/protocol/native.ts';

/**
 * The browsers' native-messaging framing: each message is a 32-bit unsigned length in the
 * machine's byte order, then that many bytes of UTF-8 JSON. Frames may arrive split across
 * reads, or several in one read; the reader reassembles them. A frame over the limit is not
 * buffered: its bytes are skipped as they arrive and it is reported once, so one bad message
 * cannot exhaust memory or derail the frames after it.
 */
const LITTLE = endianness() === 'LE';

export type Frame = { kind: 'message'; text: string } | { kind: 'tooLarge'; length: number };

export function encodeFrame(json: string): Buffer {
  const body = Buffer.from(json, 'utf8');
  const header = Buffer.alloc(4);
  if (LITTLE) header.writeUInt32LE(body.length, 0); else header.writeUInt32BE(body.length, 0);
  return Buffer.concat([header, body]);
}

export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Bytes of an oversized frame still to be dropped as they arrive. */
  private skipping = 0;
  /** Body length of the frame being collected, once its header is read. */
  private length: number | null = null;

  constructor(private readonly maxBytes: number = NATIVE_LIMITS.toHostBytes) {}

  /** Frames completed by this chunk, in order. Nothing is concatenated until a frame is whole. */
  push(chunk: Buffer): Frame[] {
    const frames: Frame[] = [];
    let data = chunk;
    if (this.skipping > 0) {
      const skip = Math.min(this.skipping, data.length);
      this.skipping -= skip;
      data = data.subarray(skip);
    }
    if (data.length > 0) {
      this.chunks.push(data);
      this.buffered += data.length;
    }
    while (this.skipping === 0) {
      if (this.length === null) {
        if (this.buffered < 4) break;
        const head = this.chunks[0]!.length >= 4 ? this.chunks[0]! : Buffer.concat(this.chunks);
        const length = LITTLE ? head.readUInt32LE(0) : head.readUInt32BE(0);
        this.drop(4);
        if (length > this.maxBytes) {
          frames.push({ kind: 'tooLarge', length });
          const skip = Math.min(length, this.buffered);
          this.drop(skip);
          this.skipping = length - skip;
          continue;
        }
        this.length = length;
      }
      if (this.buffered < this.length) break;
      const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
      frames.push({ kind: 'message', text: all.toString('utf8', 0, this.length) });
      const rest = all.subarray(this.length);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
      this.length = null;
    }
    return frames;
  }

  /** True when input ended in the middle of a frame. */
  get pending(): boolean {
    return this.buffered > 0 || this.skipping > 0 || this.length !== null;
  }

  private drop(n: number): void {
    let left = n;
    while (left > 0 && this.chunks.length > 0) {
      const first = this.chunks[0]!;
      if (first.length <= left) { this.chunks.shift(); left -= first.length; this.buffered -= first.length; } else {
        this.chunks[0] = first.subarray(left);
        this.buffered -= left;
        left = 0;
      }
    }
  }
}
