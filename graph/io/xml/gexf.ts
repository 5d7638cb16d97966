/**
 * The GEXF format (Gephi): read by gexf-read.ts, written by gexf-write.ts,
 * over the XML reader of parse.ts — not graphology-gexf: see parse.ts for what
 * that package gets wrong (measured).
 */
import type { FileFormat } from '../format';
import { readOneFile } from '../common/finish';
import { readGexf } from './gexf-read';
import { writeGexf } from './gexf-write';
import { startsWithRoot } from './tree';

/** A GEXF root element near the start: after a BOM, the XML declaration, comments or processing instructions. */
export function sniffGexf(text: string): boolean {
  return startsWithRoot(text, 'gexf');
}

export const gexfFormat: FileFormat = {
  id: 'gexf',
  label: 'GEXF (Gephi)',
  extensions: ['gexf'],
  sniff: sniffGexf,
  read: (files) => readOneFile(files, 'gexf', 'GEXF', readGexf),
  write(dataset, baseName) {
    return [{ name: `${baseName}.gexf`, text: writeGexf(dataset), mime: 'application/gexf+xml' }];
  },
};
