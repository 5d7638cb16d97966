/**
 * The visual encoding lives in the core (graph/look/encoding.ts) so that the
 * CLI's briefing draws relations and actors as the canvas does; the UI reads
 * it through here.
 */
export {
  CONFIDENCE_SCALE,
  CONTESTED_STYLE,
  KIND_STYLES,
  LARGE_CONFIDENCE_SCALE,
  RELATION_STYLES,
  UNCOUNTED_STYLE,
  confidenceLook,
  kindStyle,
  outlineSvg,
  shapeOutline,
  type ConfidenceScale,
  type KindStyle,
  type NodeShape,
  type RelationStyle,
  type ShapeOutline,
} from '../../graph';
