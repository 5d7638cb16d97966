/**
 * Our own format, `{ "format": "actorscope", "version": 1, meta, actors, relations }`:
 * read = parseJsonText (syntax errors at `line L:C`) + restore() (content errors
 * at JSON paths such as `relations[4].claims[0].grade`, which are the file's
 * own paths); write = pretty JSON.
 */
import type { Problem } from '../../schema/problems';
import type { Dataset } from '../../model/types';
import { finishImport } from '../common/finish';
import { ProblemLog } from '../common/problem-log';
import type { FileFormat, FormatImportResult, OutputFile } from '../format';
import { logParseWarnings, readOneJsonFile } from './json-text';

/** An already-parsed value of our format → restored dataset; restore() is the reader. */
export function readActorscopeValue(value: unknown, parseWarnings: readonly Problem[] = []): FormatImportResult {
  const count = (key: 'actors' | 'relations') => {
    const list = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    return Array.isArray(list) ? list.length : 0;
  };
  const log = new ProblemLog();
  logParseWarnings(parseWarnings, log);
  return finishImport({
    format: 'actorscope-json',
    input: value,
    log,
    fromRestore: (problems) => problems,
    reporting: 'reader-first',
    actorsRead: count('actors'),
    relationsRead: count('relations'),
  });
}

export function writeActorscopeJson(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

export const actorscopeJsonFormat: FileFormat = {
  id: 'actorscope-json',
  label: 'Actorscope dataset (JSON)',
  extensions: ['json'],
  sniff: (text) => /"format"\s*:\s*"actorscope"/.test(text.slice(0, 65536)),
  read: (files) => readOneJsonFile(files, 'actorscope-json', 'the Actorscope JSON format', (value, _name, warnings) => readActorscopeValue(value, warnings)),
  write(dataset: Dataset, baseName: string): OutputFile[] {
    return [{ name: `${baseName}.json`, text: writeActorscopeJson(dataset), mime: 'application/json' }];
  },
};
