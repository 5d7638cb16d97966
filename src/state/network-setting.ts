/**
 * The network and weighting choice of the centrality table and of Compare
 * (graph/analysis/network.ts, MetricsOptions.weighted and weightBy), as the
 * panels keep it and as a request carries it.
 */
import type { Network, WeightBy } from '../../graph';

export interface NetworkSetting {
  network: Network;
  weighted: boolean;
  /** What the weights are; absent: the default for the dataset (value when its relations carry values, else evidence). */
  weightBy?: WeightBy;
}

export const DEFAULT_NETWORK_SETTING: NetworkSetting = { network: 'all', weighted: false };

/** What a request carries for a setting: nothing for the defaults, so their request keys stay what they were. */
export function networkOptions(setting: NetworkSetting): { network?: Network; weighted?: boolean; weightBy?: WeightBy } {
  return {
    ...(setting.network === 'all' ? {} : { network: setting.network }),
    ...(setting.weighted ? { weighted: true } : {}),
    ...(setting.weighted && setting.weightBy ? { weightBy: setting.weightBy } : {}),
  };
}
