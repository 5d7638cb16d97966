/**
 * Text of a file → restored dataset, by format. The CLI and the UI's import
 * both come through here, so a file means the same thing to both.
 */
import type { Dataset } from '../model/types';
import type { Problem } from '../schema/problems';
import { restore } from '../schema/restore';
import { parseEdgeListCsv } from './csv-edge-list';
import { parseJsonText } from './json-text';

export type DatasetFormat = 'json' | 'csv';

export type ReadResult =
  | { ok: true; dataset: Dataset; warnings: Problem[]; format: DatasetFormat }
  | { ok: false; problems: Problem[]; format: DatasetFormat | null };

export function formatFromName(name: string): DatasetFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  return null;
}

export function readDataset(text: string, name: string, forced?: DatasetFormat): ReadResult {
  const format = forced ?? formatFromName(name);
  if (format === null) {
    return {
      ok: false,
      format,
      problems: [{ severity: 'error', path: name, message: 'unknown file type: expected .json (Actorscope dataset) or .csv (edge list)' }],
    };
  }
  if (format === 'csv') {
    const title = name.replace(/^.*[\\/]/, '');
    const r = parseEdgeListCsv(text, title);
    if (!r.ok) return { ok: false, format, problems: r.problems };
    // Through restore() too, so a CSV meets the same checks as our own format.
    const restored = restore(r.dataset);
    if (!restored.ok) return { ok: false, format, problems: restored.problems };
    return { ok: true, format, dataset: restored.dataset, warnings: [...r.warnings] };
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, format, problems: [parsed.problem] };
  const restored = restore(parsed.value);
  if (!restored.ok) return { ok: false, format, problems: restored.problems };
  return { ok: true, format, dataset: restored.dataset, warnings: restored.warnings };
}
