/**
 * Which network the centralities run on (cooperation, conflict, all ties, or
 * chosen relation types) and whether they are weighted, by evidence or (when
 * the relations carry values, `values`) by value: the control the centrality
 * table and Compare share. Without `values` it offers weighting by evidence only. A choice of types that
 * leaves none is not sent: the last valid network stays, and the control says
 * why.
 */
import { useState } from 'react';
import { describeNetwork, networkTypes, RELATION_TYPES, type RelationType, type WeightBy } from '../../graph';
import type { NetworkSetting } from '../state/network-setting';
import { TypeChecklist } from './controls';

type Choice = 'cooperation' | 'conflict' | 'all' | 'chosen';

const CHOICES: ReadonlyArray<{ value: Choice; label: string }> = [
  { value: 'cooperation', label: 'Cooperation' },
  { value: 'conflict', label: 'Conflict' },
  { value: 'all', label: 'All ties' },
  { value: 'chosen', label: 'Chosen types' },
];

export function NetworkControl({ value, onChange, idPrefix, values }: { value: NetworkSetting; onChange: (setting: NetworkSetting) => void; idPrefix: string; values?: boolean }) {
  const [choice, setChoice] = useState<Choice>(typeof value.network === 'string' ? value.network : 'chosen');
  const [types, setTypes] = useState<RelationType[]>(() => networkTypes(value.network));
  const choose = (next: Choice) => {
    setChoice(next);
    if (next !== 'chosen') onChange({ ...value, network: next });
    else if (types.length) onChange({ ...value, network: types });
  };
  const chooseTypes = (next: RelationType[]) => {
    setTypes(next);
    if (next.length) onChange({ ...value, network: next });
  };
  return (
    <div className="network-control">
      <label htmlFor={`${idPrefix}-network`}>Network</label>{' '}
      <select
        id={`${idPrefix}-network`}
        value={choice}
        title={describeNetwork(value.network)}
        onChange={(e) => choose(e.target.value as Choice)}
      >
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>{c.label}</option>
        ))}
      </select>{' '}
      {values || value.weightBy === 'value' ? (
        <>
          <label>
            <input type="checkbox" checked={value.weighted} onChange={(e) => onChange({ ...value, weighted: e.target.checked })} /> Weighted
          </label>{' '}
          <select
            aria-label="Weighted by"
            value={value.weightBy ?? 'value'}
            disabled={!value.weighted}
            onChange={(e) => onChange({ ...value, weightBy: e.target.value as WeightBy })}
          >
            <option value="value">by value (e.g. TIV)</option>
            <option value="evidence">by evidence</option>
          </select>
        </>
      ) : (
        <label title="Each relation weighs its confidence: degrees become strengths; eigenvector, PageRank, hub and authority weigh each tie by its relations' summed confidence; betweenness and closeness take a tie of weight w as a step of length 1/w">
          <input
            type="checkbox"
            checked={value.weighted}
            // Compare (no `values`) says "by evidence": ask for it, whatever the dataset's default.
            onChange={(e) => onChange({ ...value, weighted: e.target.checked, ...(values === undefined ? { weightBy: 'evidence' as const } : {}) })}
          />{' '}
          Weighted by evidence
        </label>
      )}
      {value.weighted && <span className="muted"> (paths: a tie of weight w is a step of length 1/w; PN stays unweighted)</span>}
      {choice === 'chosen' && (
        <>
          <TypeChecklist legend="Relation types in the network" value={types} onChange={chooseTypes} types={RELATION_TYPES} />
          {types.length === 0 && (
            <p className="table-note" role="note">Choose at least one relation type; until then the {describeNetwork(value.network)} is shown.</p>
          )}
        </>
      )}
    </div>
  );
}
