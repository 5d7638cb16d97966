/**
 * Runs a CLI command in-process with a fake Io, as graph/cli.ts's main() runs
 * it: FILE arguments are read from a fixtures folder, and a UsageError becomes
 * exit 2 with `actorscope: <message>` on stderr (without main()'s usage text).
 * Any other error is thrown, so that a bug fails the test with its stack.
 * main itself is a CommandRunner too: `runCommand(main, FIXTURES, 'metrics', 'good.json')`.
 */
import { readFileSync } from 'node:fs';
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

export function runCommand(command: CommandRunner, fixtures: string, ...args: string[]): Run {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    readFile: (path) => readFileSync(join(fixtures, path), 'utf8'),
  };
  try {
    const code = command(args, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.push(`actorscope: ${e.message}`);
    return { code: 2, out: out.join('\n'), err: err.join('\n'), usage: e };
  }
}
