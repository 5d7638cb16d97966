/**
 * The GraphML format (yEd, Gephi, networkx, igraph): read by graphml-read.ts,
 * written by graphml-write.ts, over the XML reader of parse.ts — not
 * graphology-graphml: it crashes on yEd's `<key for="all">` / `for="port"`,
 * ignores `<desc>` and reads `"  true  "` as false (GUIDE §4, measured).
 */
import { readOneFile } from '../common/finish';
import type { FileFormat } from '../format';
import { readGraphml } from './graphml-read';
import { writeGraphml } from './graphml-write';
import { startsWithRoot } from './tree';

/** A GraphML root element near the start: after a BOM, the XML declaration, comments or processing instructions. */
export function sniffGraphml(text: string): boolean {
  return startsWithRoot(text, 'graphml');
}

export const graphmlFormat: FileFormat = {
  id: 'graphml',
  label: 'GraphML (yEd, Gephi, networkx, igraph)',
  extensions: ['graphml'],
  sniff: sniffGraphml,
  read: (files) => readOneFile(files, 'graphml', 'GraphML', readGraphml),
  write(dataset, baseName) {
    return [{ name: `${baseName}.graphml`, text: writeGraphml(dataset), mime: 'application/graphml+xml' }];
  },
};
