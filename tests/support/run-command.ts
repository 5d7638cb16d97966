/**
 * Runs a CLI command in-process with a fake Io, as graph/cli.ts's main() runs
 * it: a UsageError becomes exit 2 with `actorscope: <message>` on stderr
 * (without main()'s usage text). Any other error is thrown, so that a bug
 * fails the test with its stack. main itself is a CommandRunner too:
 * `runCommand(main, FIXTURES, 'metrics', 'good.json')`.
 *
 * - runCommand: FILE arguments are read from a fixtures folder; writing
 *   throws (the fixtures stay as they are).
 * - runWithFiles: the files live in a Map (path → text) that the command
 *   reads and writes, for commands that write (convert).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, type CommandRunner, type Io } from '../../graph/cli/common';

export interface Run {
  code: number;
  /** Everything written to stdout, lines joined by "\n". */
  out: string;
  /** Everything written to stderr, lines joined by "\n". */
  err: string;
  /** The UsageError, when the command threw one (code 2). */
  usage?: UsageError;
}

type FileSystem = Pick<Io, 'readFile' | 'writeFile' | 'exists'>;

function runWithIo(command: CommandRunner, files: FileSystem, args: string[]): Run {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), ...files };
  try {
    const code = command(args, io);
    // The commands run here answer at once (only add-source, reading documents, answers later).
    if (typeof code !== 'number') throw new Error('this runner takes the synchronous commands');
    return { code, out: out.join('\n'), err: err.join('\n') };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.push(`actorscope: ${e.message}`);
    return { code: 2, out: out.join('\n'), err: err.join('\n'), usage: e };
  }
}

export function runCommand(command: CommandRunner, fixtures: string, ...args: string[]): Run {
  return runWithIo(
    command,
    {
      readFile: (path) => readFileSync(join(fixtures, path), 'utf8'),
      writeFile: (path) => {
        throw new Error(`runCommand does not write files (${path}): use runWithFiles`);
      },
      exists: (path) => existsSync(join(fixtures, path)),
    },
    args,
  );
}

/** A missing file, as node:fs reports it. */
const noSuchFile = (path: string) => Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });

/** Runs a command on the files of `files` (path → text), which it may read, create and replace. */
export function runWithFiles(command: CommandRunner, files: Map<string, string>, ...args: string[]): Run {
  return runWithIo(
    command,
    {
      readFile: (path) => {
        const text = files.get(path);
        if (text === undefined) throw noSuchFile(path);
        return text;
      },
      writeFile: (path, text) => {
        files.set(path, text);
      },
      exists: (path) => files.has(path),
    },
    args,
  );
}
