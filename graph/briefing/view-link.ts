/**
 * The address that reopens a path question in the explorer: the same
 * parameters src/state/url-state.ts reads (from, to, preset, types,
 * direction, k, evidence, minConfidence, minGrade, tab), defaults left out as
 * it leaves them out. tests/unit/briefing.test.ts reads what this writes with
 * the explorer's own reader.
 */
import { DEFAULT_EVIDENCE, evidenceText, type EvidenceSetting } from '../analysis/evidence-setting';
import { DEFAULT_K, DEFAULT_PATH_PRESET, type PathPresetId } from '../analysis/paths';
import { RELATION_TYPES, type RelationType } from '../model/types';

export interface PathView {
  from: string;
  to: string;
  preset: PathPresetId | 'custom';
  types: readonly RelationType[];
  directed: boolean;
  k: number;
  evidence: EvidenceSetting;
}

/** `base` (an explorer address, possibly with ?data= or ?ws=) with the view's parameters added. */
export function pathViewLink(base: string, view: PathView): string {
  const params: Array<[string, string]> = [
    ['tab', 'paths'],
    ['from', view.from],
    ['to', view.to],
  ];
  if (view.preset !== DEFAULT_PATH_PRESET) params.push(['preset', view.preset]);
  if (view.preset === 'custom' && view.types.length !== RELATION_TYPES.length) params.push(['types', view.types.join(',')]);
  if (view.preset === 'custom' && !view.directed) params.push(['direction', 'any']);
  if (view.k !== DEFAULT_K) params.push(['k', String(view.k)]);
  const e = evidenceText(view.evidence);
  if (e.evidence !== evidenceText(DEFAULT_EVIDENCE).evidence) params.push(['evidence', e.evidence!]);
  if (e.minConfidence !== undefined) params.push(['minConfidence', e.minConfidence]);
  if (e.minGrade !== undefined) params.push(['minGrade', e.minGrade]);
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  const hash = base.indexOf('#');
  const [head, tail] = hash < 0 ? [base, ''] : [base.slice(0, hash), base.slice(hash)];
  return `${head}${head.includes('?') ? (head.endsWith('?') || head.endsWith('&') ? '' : '&') : '?'}${query}${tail}`;
}
