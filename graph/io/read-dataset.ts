/**
 * Text or bytes of one file → restored dataset, for the CLI: the same importFiles()
 * the UI's worker calls, so a file means the same thing to both.
 */
import type { Dataset } from '../model/types';
import type { Problem } from '../schema/problems';
import type { FormatId } from './format';
import { FORMATS, importFiles } from './registry';

/** What `--format` accepts: a format id, or `json` for "any JSON, by its shape". */
export type DatasetFormat = FormatId | 'json';
export const FORMAT_NAMES: readonly string[] = ['json', ...FORMATS.map((f) => f.id)];

export type ReadResult =
  | { ok: true; dataset: Dataset; warnings: Problem[]; format: FormatId }
  | { ok: false; problems: Problem[]; format: FormatId | null };

/** `input`: the file's text, or its bytes (decoded by importFiles, decode.ts). */
export function readDataset(input: string | Uint8Array, name: string, forced?: DatasetFormat): ReadResult {
  const format = forced === 'json' ? undefined : forced;
  // `json` forced on a file named otherwise: read it as JSON by shape.
  const fileName = forced === 'json' && !/\.json$/i.test(name) ? `${name}.json` : name;
  const file = typeof input === 'string' ? { name: fileName, text: input } : { name: fileName, bytes: input };
  const result = importFiles([file], { format });
  if (!result.ok) return { ok: false, format: result.format, problems: result.problems };
  return { ok: true, format: result.report.format, dataset: result.dataset, warnings: result.report.warnings };
}
