/** A relation as the analysis panels list it: "Russia —supplier→ Tajikistan", in its type's colour, with its sign when the analysis uses one. */
import type { RelationType } from '../../graph';
import { RELATION_STYLES } from '../look/encoding';
import type { AnalysisContext } from './analysis-context';
import { signSymbol } from './controls';

interface RelationEndsProps {
  ctx: AnalysisContext;
  source: string;
  target: string;
  type: RelationType;
  sign?: number;
}

export function RelationEnds({ ctx, source, target, type, sign }: RelationEndsProps) {
  const style = RELATION_STYLES[type];
  return (
    <>
      {ctx.actorName(source)}{' '}
      <span style={{ color: style.color, fontWeight: 600 }}>
        —{style.label.toLowerCase()}
        {sign !== undefined && <> ({signSymbol(sign)})</>}→
      </span>{' '}
      {ctx.actorName(target)}
    </>
  );
}
