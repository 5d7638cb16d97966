/**
 * The network a centrality computation runs on: which relation types count.
 * Cooperation and conflict are different questions ("who is central among
 * allies" is not "who is central among enemies"), and mixing partner and
 * threat ties in one PageRank treats a threat as an endorsement. A network
 * choice only ever removes relations, never actors, so ranks are out of the
 * same actors whatever the choice.
 *
 * It is applied after the filter and the evidence setting, so it narrows what
 * they leave: a filter that hides threats and the conflict network leave no
 * relation at all. The named networks follow the signs (signs.ts): the
 * positive types are cooperation, the negative one conflict; `other` has no
 * sign and is only in `all` or an explicit list.
 */
import { RELATION_TYPES, type Dataset, type RelationType } from '../model/types';

export type NamedNetwork = 'cooperation' | 'conflict' | 'all';
/** A named network, or an explicit list of relation types (at least one). */
export type Network = NamedNetwork | readonly RelationType[];

export const NAMED_NETWORKS: readonly NamedNetwork[] = ['cooperation', 'conflict', 'all'];

const TYPES: Record<NamedNetwork, readonly RelationType[]> = {
  cooperation: ['partner', 'supplier', 'suspected-supporter'],
  conflict: ['threat'],
  all: RELATION_TYPES,
};

const DESCRIPTIONS: Record<NamedNetwork, string> = {
  cooperation: 'cooperation network: partner, supplier and suspected-supporter relations',
  conflict: 'conflict network: threat relations',
  all: 'all relation types',
};

/** The relation types of a network, in RELATION_TYPES order; throws on an unknown name or type, or an empty list. */
export function networkTypes(network: Network = 'all'): RelationType[] {
  if (typeof network === 'string') {
    const types = (TYPES as Record<string, readonly RelationType[] | undefined>)[network];
    if (!types) throw new Error(`unknown network "${network}" (known: ${NAMED_NETWORKS.join(', ')}, or a list of relation types)`);
    return [...types];
  }
  if (!Array.isArray(network) || network.length === 0) throw new Error('a network needs at least one relation type');
  for (const t of network) {
    if (!(RELATION_TYPES as readonly string[]).includes(t)) {
      throw new Error(`unknown relation type "${String(t)}" in the network (known: ${RELATION_TYPES.join(', ')})`);
    }
  }
  return RELATION_TYPES.filter((t) => network.includes(t));
}

/**
 * The network with a list that equals a named one given its name, so that
 * ['threat'] and 'conflict' are reported (and keyed) alike; lists in
 * RELATION_TYPES order.
 */
export function normalizeNetwork(network: Network = 'all'): Network {
  const types = networkTypes(network);
  const named = NAMED_NETWORKS.find((name) => TYPES[name].length === types.length && TYPES[name].every((t) => types.includes(t)));
  return named ?? types;
}

/** One line for a footnote: "conflict network: threat relations", "network of partner, other relations". */
export function describeNetwork(network: Network = 'all'): string {
  const normal = normalizeNetwork(network);
  return typeof normal === 'string' ? DESCRIPTIONS[normal] : `network of ${normal.join(', ')} relations`;
}

/** The dataset with only the network's relations (the same object when it keeps them all); actors untouched. */
export function applyNetwork(dataset: Dataset, network: Network = 'all'): Dataset {
  const types: ReadonlySet<string> = new Set(networkTypes(network));
  if (types.size === RELATION_TYPES.length) return dataset;
  const relations = dataset.relations.filter((r) => types.has(r.type));
  return relations.length === dataset.relations.length ? dataset : { ...dataset, relations };
}

/** What a result says about the network it ran on. */
export interface NetworkReport {
  /** As asked, normalised (a list equal to a named network is given by its name). */
  network: Network;
  types: RelationType[];
  description: string;
}

export function reportNetwork(network: Network = 'all'): NetworkReport {
  return { network: normalizeNetwork(network), types: networkTypes(network), description: describeNetwork(network) };
}
