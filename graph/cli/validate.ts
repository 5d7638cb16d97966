import { fileArgument, parseCommandArgs, printProblems, readFileResult, type Io } from './common';

export const VALIDATE_USAGE = 'actorscope validate FILE [--strict]';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Every problem with its location; exit 0 only when there is none (warnings
 * included). Quotes are checked against their source's text; one found
 * elsewhere than its offsets is re-anchored with a warning, which `--strict`
 * counts as an error (as it does every warning).
 */
export function runValidate(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, { strict: 'boolean' });
  const file = fileArgument('validate', positionals);
  const read = readFileResult(io, file, values.format);
  if (!read) return 1;
  if (!read.ok) {
    printProblems(io, file, read.problems);
    const errors = read.problems.filter((p) => p.severity === 'error').length;
    io.err(`${file}: invalid: ${plural(errors, 'error')}, ${plural(read.problems.length - errors, 'warning')}`);
    return 1;
  }
  if (values.strict && read.warnings.length) {
    printProblems(io, file, read.warnings.map((p) => ({ ...p, severity: 'error' as const })));
    io.err(`${file}: invalid (--strict): ${plural(read.warnings.length, 'error')}, 0 warnings`);
    return 1;
  }
  printProblems(io, file, read.warnings);
  if (read.warnings.length) {
    io.err(`${file}: ${plural(read.warnings.length, 'warning')}`);
    return 1;
  }
  const { actors, relations, sources } = read.dataset;
  const claims = relations.reduce((n, r) => n + r.claims.length, 0);
  const texts = new Set(sources.filter((s) => s.text !== undefined).map((s) => s.id));
  const checked = relations.reduce((n, r) => n + r.claims.filter((c) => texts.has(c.sourceId)).length, 0);
  const quotes = texts.size ? `; ${plural(checked, 'quote')} checked against the text of ${plural(texts.size, 'source')}` : '';
  io.out(`${file}: valid: ${plural(actors.length, 'actor')}, ${plural(relations.length, 'relation')}, ${plural(claims, 'claim')}${quotes}`);
  return 0;
}
