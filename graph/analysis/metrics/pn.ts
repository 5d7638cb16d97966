import { ConvergenceError } from '../kernels/convergence';
import { byKey } from '../kernels/csr';
import { pnCentrality } from '../kernels/pn';
import { signedAdjacency } from '../kernels/signed-adjacency';
import { actorKey } from '../../model/actor-graph';
import { allNull, TOO_SMALL, type MetricDescriptor } from './types';

/**
 * PN centrality on the signed network: cooperation positive, threat negative
 * (signs.ts). Optional (OPTIONAL_METRIC_IDS): computed only when asked for.
 * Direction is ignored, as in the paper's symmetric definition, so the
 * directed and the undirected views give the same PN. It is defined on the
 * signed network, positive and negative ties together, so the network choice
 * (network.ts: cooperation, conflict, …) does not apply to it: it runs on the
 * relations the filter and the evidence setting leave (ctx.signedDataset).
 * P and N are binary, so the weighting by evidence does not apply either.
 */
export const pn: MetricDescriptor = {
  id: 'pn',
  label: 'PN',
  short: 'PN',
  description: 'Positive–negative centrality: ties to well-tied actors raise it, threats (either way) lower it; 1 for an actor without signed ties.',
  convention:
    'Everett & Borgatti (2014): PN = (I − A/(2n−2))⁻¹·1, A = P − 2N on the symmetrised signed graph (partner, supplier, suspected-supporter +1; threat −2; other left out); direction ignored, so directed and undirected agree; relations of one sign between two actors count once, a pair with both signs counts both (A = −1); ' +
    'on the whole signed network: the network choice (cooperation, conflict, chosen types) and the weighting by evidence do not apply',
  integer: false,
  compute(ctx) {
    const n = ctx.dataset.actors.length;
    if (n < 2) return allNull(ctx, TOO_SMALL);
    // Direct solve up to 400 actors, conjugate gradients above (kernels/pn.ts).
    let values: Float64Array | null;
    try {
      values = pnCentrality(signedAdjacency(ctx.signedDataset ?? ctx.dataset)).values;
    } catch (error) {
      if (!(error instanceof ConvergenceError)) throw error;
      return allNull(ctx, error.message);
    }
    if (!values) return allNull(ctx, 'not defined on two actors joined only by a threat (I − A/(2n−2) is singular)');
    return byKey(Array.from({ length: n }, (_, i) => actorKey(i)), values);
  },
};
