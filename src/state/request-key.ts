/**
 * Which question a request asks, for the screen: graph/protocol's requestKey
 * under its dataset's version (datasets are immutable, so the version stands
 * for the dataset, as it does in the worker's session).
 */
import { requestKey, type Request } from '../../graph';
import { datasetVersion } from '../workers/dataset-version';

export function versionedRequestKey(request: Request): string {
  return requestKey(request, 'dataset' in request ? datasetVersion(request.dataset) : undefined);
}
