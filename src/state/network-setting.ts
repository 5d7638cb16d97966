/**
 * The network and weighting choice of the centrality table and of Compare
 * (graph/analysis/network.ts, MetricsOptions.weighted), as the panels keep it
 * and as a request carries it.
 */
import type { Network } from '../../graph';

export interface NetworkSetting {
  network: Network;
  weighted: boolean;
}

export const DEFAULT_NETWORK_SETTING: NetworkSetting = { network: 'all', weighted: false };

/** What a request carries for a setting: nothing for the defaults, so their request keys stay what they were. */
export function networkOptions(setting: NetworkSetting): { network?: Network; weighted?: boolean } {
  return {
    ...(setting.network === 'all' ? {} : { network: setting.network }),
    ...(setting.weighted ? { weighted: true } : {}),
  };
}
