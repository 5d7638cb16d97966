import { fileArgument, parseCommandArgs, printProblems, readFileResult, type Io } from './common';

export const VALIDATE_USAGE = 'actorscope validate FILE';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Every problem with its location; exit 0 only when there is none (warnings included). */
export function runValidate(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, {});
  const file = fileArgument('validate', positionals);
  const read = readFileResult(io, file, values.format);
  if (!read) return 1;
  if (!read.ok) {
    printProblems(io, file, read.problems);
    const errors = read.problems.filter((p) => p.severity === 'error').length;
    io.err(`${file}: invalid: ${plural(errors, 'error')}, ${plural(read.problems.length - errors, 'warning')}`);
    return 1;
  }
  printProblems(io, file, read.warnings);
  if (read.warnings.length) {
    io.err(`${file}: ${plural(read.warnings.length, 'warning')}`);
    return 1;
  }
  const { actors, relations } = read.dataset;
  const claims = relations.reduce((n, r) => n + r.claims.length, 0);
  io.out(`${file}: valid: ${plural(actors.length, 'actor')}, ${plural(relations.length, 'relation')}, ${plural(claims, 'claim')}`);
  return 0;
}
