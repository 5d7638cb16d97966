/**
 * What the command line refuses to read, before reading it: anything that is
 * not a regular file (a device such as /dev/zero never ends), and a file too
 * large for the memory the process has. Node-free: graph/cli.ts gives the
 * file's kind and size and the heap's size.
 *
 * The cap follows the heap, as measured on CSV edge lists (the format that
 * packs the most relations into a byte, about 34 bytes a relation):
 * `validate` needed about 27 bytes of heap per byte of file (in a 1,024 MB
 * heap a 35 MB CSV read and a 40 MB one ran out of memory; in Node's default
 * 4,144 MB heap here 100 MB read, in 27 s and 3.1 GB, and 200 MB crashed
 * after 78 s). So a file may be up to the heap / 40, about 100 MB in that
 * default heap, and the cap grows with NODE_OPTIONS=--max-old-space-size.
 * `--max-input-mb N` (or ACTORSCOPE_MAX_INPUT_MB) sets it outright.
 */
import { UsageError } from './common';

/** Bytes of heap a byte of input may need (measured, with a margin: see the header). */
export const HEAP_PER_INPUT_BYTE = 40;

const MB = 1024 * 1024;

export type FileKind = 'file' | 'directory' | 'character device' | 'block device' | 'named pipe (FIFO)' | 'socket' | 'other';

export interface InputLimit {
  /** The largest file read, in bytes. */
  maxBytes: number;
  /** Where the cap came from, for the message. */
  source: 'heap' | 'option' | 'environment';
  /** The heap's size in bytes. */
  heapBytes: number;
}

const mb = (bytes: number) => `${(bytes / MB).toLocaleString('en-US', { maximumFractionDigits: bytes < 10 * MB ? 1 : 0 })} MB`;

/** The limit: `--max-input-mb`, else ACTORSCOPE_MAX_INPUT_MB, else the heap / HEAP_PER_INPUT_BYTE. */
export function inputLimit(heapBytes: number, option: string | undefined, environment: string | undefined): InputLimit {
  for (const [value, source, name] of [[option, 'option', '--max-input-mb'], [environment, 'environment', 'ACTORSCOPE_MAX_INPUT_MB']] as const) {
    if (value === undefined) continue;
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number of megabytes, not "${value}"`);
    return { maxBytes: Math.floor(n * MB), source, heapBytes };
  }
  return { maxBytes: Math.floor(heapBytes / HEAP_PER_INPUT_BYTE), source: 'heap', heapBytes };
}

/** Why a file is not read, or null when it may be. */
export function inputRefusal(kind: FileKind, size: number, limit: InputLimit): string | null {
  if (kind === 'directory') return 'is a directory';
  if (kind !== 'file') return `is a ${kind}, not a file`;
  if (size <= limit.maxBytes) return null;
  const raise = Math.ceil((size / MB) * 1.1);
  const why =
    limit.source === 'heap'
      ? `more than the ${mb(limit.maxBytes)} this command reads in its ${mb(limit.heapBytes)} heap (a file may need ${HEAP_PER_INPUT_BYTE} times its size in memory). To try anyway, give more memory and a higher cap: NODE_OPTIONS=--max-old-space-size=${Math.ceil((size * HEAP_PER_INPUT_BYTE) / MB / 1024) * 1024} raises the cap with the heap, or --max-input-mb ${raise} sets it`
      : `more than the cap of ${mb(limit.maxBytes)} set by ${limit.source === 'option' ? '--max-input-mb' : 'ACTORSCOPE_MAX_INPUT_MB'}; raise it to read the file (--max-input-mb ${raise})`;
  return `is ${mb(size)}, ${why}`;
}

/** `--max-input-mb N` (or `=N`) taken out of the arguments, anywhere before `--`: it is common to every command. */
export function takeInputLimitOption(args: readonly string[]): { args: string[]; value: string | undefined } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg === '--max-input-mb') {
      value = args[++i];
      if (value === undefined) throw new UsageError('--max-input-mb needs a value');
    } else if (arg.startsWith('--max-input-mb=')) {
      value = arg.slice('--max-input-mb='.length);
    } else {
      rest.push(arg);
    }
  }
  return { args: rest, value };
}
