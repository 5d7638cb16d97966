/**
 * Path presets: the questions the Paths panel and `actorscope paths --preset`
 * ask by name, each a choice of hop types and direction (and, for threats to
 * partners, of how a path must end), with a one-line meaning that the UI and
 * the CLI both show. "Chosen types" in the UI (no preset in the CLI, or
 * `--types`) is the custom query these are shortcuts for.
 */
import { RELATION_TYPES, type RelationType } from '../../model/types';
import type { PathEnd } from './k-shortest-paths';

export const PATH_PRESET_IDS = ['threat-chains', 'threats-to-partners', 'cooperation', 'any'] as const;
export type PathPresetId = (typeof PATH_PRESET_IDS)[number];

export interface PathPreset {
  id: PathPresetId;
  /** Short name for a select or a heading. */
  label: string;
  /** What a path found with it means, in one line. */
  meaning: string;
  /** The types of the hops (for threats to partners: of the hops before the threat into the partner). */
  types: readonly RelationType[];
  /** Whether directed types are walked source → target only (partner is mutual either way). */
  directed: boolean;
  end: PathEnd;
}

export const PATH_PRESETS: Readonly<Record<PathPresetId, PathPreset>> = {
  'threat-chains': {
    id: 'threat-chains',
    label: 'Threat chains',
    meaning: 'How hostility travels: threat and suspected-supporter hops, each followed in its own direction (who threatens, or backs someone who threatens, whom).',
    types: ['threat', 'suspected-supporter'],
    directed: true,
    end: 'target',
  },
  'threats-to-partners': {
    id: 'threats-to-partners',
    label: 'Threats to partners',
    meaning: "Who threatens one of the target's partners, and how: a threat chain that ends with a threat into a partner of the target, then that partnership.",
    types: ['threat', 'suspected-supporter'],
    directed: true,
    end: 'threat-to-partner',
  },
  // Supplier is followed in its direction: a supplier arms or funds its client, not the other way
  // round, so a cooperation path says who can pass support on to whom. Partner is mutual, so it
  // is crossed both ways anyway.
  cooperation: {
    id: 'cooperation',
    label: 'Cooperation',
    meaning: 'Who can pass support on to whom: partner hops (either way, as a partnership is mutual) and supplier hops from supplier to client.',
    types: ['partner', 'supplier'],
    directed: true,
    end: 'target',
  },
  any: {
    id: 'any',
    label: 'Any tie',
    meaning: 'Any connection at all: every relation type, each walked in either direction.',
    types: RELATION_TYPES,
    directed: false,
    end: 'target',
  },
};

/**
 * Threat chains by default. The panel's first question is how a threat reaches an actor (its
 * "who can reach" list asks the same), and an analyst reads a threat chain as it stands; "Any
 * tie" mixes cooperation with hostility and ignores direction, so its paths mostly say that two
 * actors are connected, which the picture already shows. Cooperation is one choice away.
 */
export const DEFAULT_PATH_PRESET: PathPresetId = 'threat-chains';

export function isPathPreset(value: unknown): value is PathPresetId {
  return typeof value === 'string' && (PATH_PRESET_IDS as readonly string[]).includes(value);
}

/** The query fields a preset sets, for a PathQuery. */
export function presetQuery(id: PathPresetId): { types: RelationType[]; directed: boolean; end: PathEnd } {
  const preset = PATH_PRESETS[id];
  return { types: [...preset.types], directed: preset.directed, end: preset.end };
}
