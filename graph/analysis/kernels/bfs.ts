/**
 * Single-source shortest path lengths (hop counts) over a CSR, by BFS along
 * out-arcs (`direction: 'in'` follows arcs backwards). −1 marks nodes the
 * source does not reach. networkx `single_source_shortest_path_length`,
 * graphology-shortest-path `singleSourceLength`.
 */
import type { Csr } from './csr';

export function bfsDistances(csr: Csr, source: number, direction: 'out' | 'in' = 'out', into?: Int32Array): Int32Array {
  const n = csr.order;
  if (!Number.isInteger(source) || source < 0 || source >= n) throw new RangeError(`bfs: source ${source} is not a node`);
  const offsets = direction === 'out' ? csr.outOffsets : csr.inOffsets;
  const neighbours = direction === 'out' ? csr.outNeighbours : csr.inNeighbours;
  const dist = into ?? new Int32Array(n);
  dist.fill(-1);
  const queue = new Int32Array(n);
  queue[0] = source;
  dist[source] = 0;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = queue[head++]!;
    const next = dist[v]! + 1;
    for (let j = offsets[v]!, end = offsets[v + 1]!; j < end; j++) {
      const w = neighbours[j]!;
      if (dist[w]! < 0) {
        dist[w] = next;
        queue[tail++] = w;
      }
    }
  }
  return dist;
}
