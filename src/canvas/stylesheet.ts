/**
 * The Cytoscape stylesheet. Appearance lives here only: selection, hover
 * highlight, fading and filtering are classes toggled by the canvas, never
 * values written into the model.
 */
import type { StylesheetJson } from 'cytoscape';
import { RELATION_TYPES, type RelationType } from '../../graph';
import { CONFIDENCE_SCALE, CONTESTED_STYLE, LARGE_CONFIDENCE_SCALE, RELATION_STYLES, UNCOUNTED_STYLE, type ConfidenceScale } from '../look/encoding';
import { CHANGE_KINDS, CHANGE_STYLES } from '../look/change-styles';
import { BLOC_COLORS, FACTION_COLORS, OTHER_BLOC_COLOR } from '../look/palette';
import type { ScaleKnobs } from './scale';

export const MIN_NODE = 26;
export const MAX_NODE = 74;
/** The largest actor of a large graph (src/canvas/scale.ts). */
export const LARGE_MAX_NODE = 260;

/** Without knobs (or for a small graph) the full-detail style; a large graph gets largeStylesheet() instead. */
export function stylesheet(knobs?: ScaleKnobs): StylesheetJson {
  if (knobs?.large) return largeStylesheet(knobs);
  const rules: StylesheetJson = [
    {
      selector: 'node',
      style: {
        shape: 'data(shape)' as never,
        'background-color': 'data(color)',
        'border-width': 1.5,
        'border-color': '#37474f',
        width: `mapData(size, 0, 1, ${MIN_NODE}, ${MAX_NODE})`,
        height: `mapData(size, 0, 1, ${MIN_NODE}, ${MAX_NODE})`,
        ...LABEL,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 6,
      },
    },
    { selector: 'edge', style: { ...byConfidence(CONFIDENCE_SCALE), ...CURVED } as never },
    { selector: 'edge.timed', style: FADE as never },
  ];
  for (const type of RELATION_TYPES) rules.push({ selector: `edge[type = "${type}"]`, style: relationLine(type) });
  rules.push(...contestedRules(), UNCOUNTED_RULE, ...overlayRules(false));
  return rules;
}

/**
 * Width and opacity from the edge's `confidence` (0..1, src/canvas/elements.ts),
 * by data mappers: no per-element style, and the same number of properties as
 * the fixed width and opacity they replace.
 */
function byConfidence(scale: ConfidenceScale) {
  return {
    width: `mapData(confidence, 0, 1, ${scale.width[0]}, ${scale.width[1]})`,
    opacity: `mapData(confidence, 0, 1, ${scale.opacity[0]}, ${scale.opacity[1]})`,
  };
}

/**
 * A contested relation (`contested` in its data) drawn hollow: a white core
 * with its type's colour as the outline, and a hollow arrowhead. After the
 * type rules, so that it wins over their colour; one rule per type for the
 * outline's colour, matched only by contested edges.
 */
function contestedRules(webgl = false): StylesheetJson {
  if (webgl) return [{ selector: 'edge[?contested]', style: WEBGL_CONTESTED as never }];
  const rules: StylesheetJson = [
    {
      selector: 'edge[?contested]',
      style: {
        width: CONTESTED_STYLE.core,
        'line-color': CONTESTED_STYLE.coreColor,
        'line-outline-width': CONTESTED_STYLE.outline,
        'target-arrow-fill': 'hollow',
      } as never,
    },
  ];
  for (const type of RELATION_TYPES) {
    rules.push({ selector: `edge[?contested][type = "${type}"]`, style: { 'line-outline-color': RELATION_STYLES[type].color } as never });
  }
  return rules;
}

/** A relation the evidence setting leaves out (`uncounted`, set by EvidenceController): before the overlays, so a highlight still shows it. */
const UNCOUNTED_RULE = {
  selector: 'edge.uncounted',
  style: { 'line-style': 'dotted', 'line-dash-pattern': [2, 4], opacity: UNCOUNTED_STYLE.opacity },
} as StylesheetJson[number];

/**
 * Cytoscape's WebGL renderer (the `webgl` knob, src/canvas/scale.ts) draws an
 * edge as a solid line of its colour, width, opacity and line-opacity only: no
 * dashes or dots, no outline, no underlay (GUIDE §4). Under it, what the canvas
 * renderer says with a line's pattern is said with what WebGL draws:
 *
 * - a type drawn dashed or dotted (suspected supporter, other) keeps its own
 *   colour, fainter: `line-opacity` multiplies the opacity by confidence, so the
 *   evidence still shows;
 * - a contested relation, hollow on the canvas (3.5 px: core and outline), is
 *   a dark slate line as wide, wider than any other relation of a large graph
 *   (0.5–1.5 px): no type has that colour;
 * - a relation left out by the evidence setting is faint and grey-blue instead
 *   of faint and dotted in its type's colour; the contested rule comes after it,
 *   so that a contested relation left out (the default setting leaves them all
 *   out) stays wide and slate, faint as on the canvas;
 * - the changes overlay's removed and replaced relations lose their dashes and
 *   dots and keep their colour, width and word.
 */
export const WEBGL_BROKEN_LINE_OPACITY = 0.55;
export const WEBGL_CONTESTED = { 'line-color': '#37474f', width: 3.5, 'line-opacity': 1 } as const;
export const WEBGL_UNCOUNTED = { 'line-color': '#b0bec5', opacity: UNCOUNTED_STYLE.opacity } as const;

/** A relation type's colour, arrow and line. */
function relationLine(type: RelationType, webgl = false) {
  const s = RELATION_STYLES[type];
  const arrow = {
    'line-color': s.color,
    'target-arrow-color': s.color,
    'target-arrow-shape': s.arrow ? ('triangle' as const) : ('none' as const),
  };
  if (webgl) return { ...arrow, ...(s.line === 'solid' ? {} : { 'line-opacity': WEBGL_BROKEN_LINE_OPACITY }) };
  return { ...arrow, 'line-style': s.line, ...(s.line === 'dashed' ? { 'line-dash-pattern': [7, 4] } : {}) };
}

/**
 * Hover, selection and overlays, in that order of precedence (the last
 * wins): the same for every graph, after the base rules so that they win. A hovered neighbourhood's relations keep their
 * width by confidence on a small graph; a large graph's thin lines widen.
 */
function overlayRules(large: boolean, webgl = false): StylesheetJson {
  return [
    { selector: '.filtered', style: { display: 'none' } },
    { selector: 'node.idle-in-window', style: { opacity: 0.4 } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.25 } },
    { selector: 'node.highlighted', style: { 'border-width': 3, 'border-color': '#263238', 'z-index': 10 } },
    { selector: 'edge.highlighted', style: large ? { width: 3.5, opacity: 1, 'z-index': 10 } : { opacity: 1, 'z-index': 10 } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ff6f00', 'z-index': 20 } },
    { selector: 'edge:selected', style: { width: 5, opacity: 1, 'z-index': 20, 'underlay-color': '#ff6f00', 'underlay-opacity': 0.35, 'underlay-padding': 3 } as never },
    // An open analysis last, so it draws above hover and selection (the desk's one rule of emphasis):
    // the path, triad or ego network stands out and a selection outside it fades with the rest.
    { selector: '.dimmed', style: { opacity: 0.12, 'text-opacity': 0.25, 'underlay-opacity': 0 } as never },
    { selector: '.overlay-hidden', style: { display: 'none' } },
    { selector: 'node.focus', style: { 'border-width': 4, 'border-color': '#ff6f00', 'z-index': 25 } },
    { selector: 'edge.focus', style: { width: 5, opacity: 1, 'z-index': 25 } },
    ...BLOC_COLORS.map((color, i) => ({ selector: `node.bloc-${i}`, style: { 'background-color': color } })),
    { selector: 'node.bloc-other', style: { 'background-color': OTHER_BLOC_COLOR } },
    { selector: 'node.faction-a', style: { 'border-width': 5, 'border-color': FACTION_COLORS[0], 'border-style': 'solid' } },
    { selector: 'node.faction-b', style: { 'border-width': 5, 'border-color': FACTION_COLORS[1], 'border-style': 'double' } },
    { selector: 'edge.frustrated', style: { width: 4.5, opacity: 1, 'z-index': 25, 'underlay-color': '#ffd600', 'underlay-opacity': 0.6, 'underlay-padding': 4 } as never },
    // Out of the time window (TimeWindowController): after hover, selection and analyses, so that nothing
    // brings back a relation the window has no claim for — but two windows compared (below) show theirs.
    { selector: 'edge.out-of-window', style: { opacity: 0, events: 'no' } as never },
    ...changeRules(webgl),
    // The keyboard's focus ring (KeyboardController): over everything, on any shape, even a dimmed actor.
    { selector: 'node.kb-focus', style: { opacity: 1, 'outline-width': 4, 'outline-color': '#1565c0', 'outline-offset': 4, 'outline-opacity': 1, 'overlay-color': '#1565c0', 'overlay-opacity': 0.18, 'overlay-padding': 10, 'z-index': 30, 'min-zoomed-font-size': 0 } as never },
  ];
}

/**
 * Relations fade in and out as the time window moves (`timed`: while a window is set; a small graph's
 * only, as 50,000 transitions would cost frames). Not always on: every other change of opacity (hover,
 * an analysis) is meant to show at once.
 */
const FADE = { 'transition-property': 'opacity', 'transition-duration': 0.3 } as const;

/**
 * Two windows compared (the `changes` overlay): each kind of change by colour
 * (Okabe–Ito, colour-blind safe), line and a word on the edge, so that none
 * rests on colour alone. Shown whatever fades them otherwise (a time window, the
 * evidence setting's dotted "not counted"): a removed relation is out of the later window by definition.
 */
function changeRules(webgl = false): StylesheetJson {
  return CHANGE_KINDS.map((kind) => {
    const s = CHANGE_STYLES[kind];
    // (WebGL: no dash, dot or outline; the colour, width and word stay.)
    const line = webgl
      ? {}
      : { 'line-style': s.line, ...(s.dash ? { 'line-dash-pattern': s.dash } : {}), 'line-outline-width': s.outline ? 2 : 0, 'line-outline-color': '#3e2723' };
    return {
      selector: `edge.change-${kind}`,
      style: {
        display: 'element',
        opacity: 1,
        events: 'yes',
        width: s.width,
        'line-color': s.color,
        'target-arrow-color': s.color,
        ...line,
        label: s.word,
        'font-size': 10,
        color: '#263238',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
        'z-index': 24,
      } as never,
    };
  });
}

/** Curved edges (parallel relations side by side) with their arrows: a small graph's, a large graph's highlighted ones. */
const CURVED = { 'curve-style': 'bezier', 'control-point-step-size': 28, 'arrow-scale': 1.1 } as const;

/** An actor's label (the small graph's, without wrapping or the box behind it). */
const LABEL = {
  label: 'data(name)',
  'font-size': 11,
  'font-family': 'system-ui, sans-serif',
  color: '#1b1b1b',
  'text-valign': 'bottom',
  'text-margin-y': 4,
} as const;
/** Below this zoom an ordinary actor's label is under 10 px (`min-zoomed-font-size`) and not drawn. */
export const LARGE_LABEL_MIN_ZOOM = 10 / LABEL['font-size'];

/**
 * A large graph's stylesheet (src/canvas/scale.ts): the same picture with
 * fewer style properties per element. Cytoscape's first style pass applies
 * every property of every matching rule to every element, one by one, each
 * with its change triggers (a node's re-dirties all its edges), so the cost
 * of the 60,000 elements' first pass, and of each restyle later, follows the
 * number of properties an element gets. An edge gets three (width and
 * opacity mapped from its confidence, colour: haystack is Cytoscape's default
 * curve, solid its default line; a contested one four more);
 * a node six, and the label's properties only where a label can be drawn:
 * `.landmark`, `.labelled` (an actor in view when zoomed in, set by the
 * canvas), hover and selection. Measured at 10k/50k in headless Chromium:
 * see tests/bench/README.md. With the `webgl` knob, no rule draws a dash, a
 * dot or an outline (see WEBGL_CONTESTED).
 */
function largeStylesheet(knobs: ScaleKnobs): StylesheetJson {
  const size = `mapData(size, 0, 1, ${MIN_NODE}, ${LARGE_MAX_NODE})`;
  // A large graph's sizes spread wider: at the zoom that shows 10,000 actors, the hubs must stand out.
  // (One mapData() per property: a second rule mapping the same property trips Cytoscape 3.34's style triggers.)
  const node: Record<string, unknown> = { shape: 'data(shape)', 'background-color': 'data(color)', 'border-width': 1, 'border-color': '#37474f', width: size, height: size };
  // Without level of detail every actor keeps its label (no wrapping: measuring wrapped text costs seconds at 10,000 actors).
  if (!knobs.labelLevelOfDetail) Object.assign(node, LABEL, { 'min-zoomed-font-size': 6 });
  const rules: StylesheetJson = [
    { selector: 'node', style: node as never },
    // Straight, arrowless, solid: haystack edges skip per-edge curve and arrow geometry.
    { selector: 'edge', style: (knobs.haystack ? byConfidence(LARGE_CONFIDENCE_SCALE) : { ...byConfidence(LARGE_CONFIDENCE_SCALE), ...CURVED }) as never },
  ];
  const webgl = knobs.webgl;
  for (const type of RELATION_TYPES) {
    const colour = { 'line-color': RELATION_STYLES[type].color, ...(webgl && RELATION_STYLES[type].line !== 'solid' ? { 'line-opacity': WEBGL_BROKEN_LINE_OPACITY } : {}) };
    rules.push({ selector: `edge[type = "${type}"]`, style: knobs.haystack ? colour : relationLine(type, webgl) });
  }
  if (knobs.labelLevelOfDetail) {
    rules.push(
      // An actor's own label only once it is readable (11 px at zoom ≥ ~0.9).
      { selector: 'node.landmark, node.labelled, node.highlighted, node:selected', style: { ...LABEL, 'min-zoomed-font-size': 10 } },
      // The top actors keep a label drawn large enough to read from far out.
      {
        selector: 'node.landmark',
        style: {
          // A fixed size: a mapData() font size trips Cytoscape 3.34's label z-order check (a number where it expects text).
          'font-size': 110,
          'font-weight': 'bold',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
          'text-background-padding': '2px',
          'min-zoomed-font-size': 6,
          'z-index': 5,
        },
      },
    );
  }
  if (knobs.haystack) {
    // The hovered, selected or focused neighbourhood is drawn in full again: curves, arrows, dashes.
    const states = ['.highlighted', ':selected', '.focus', '.frustrated', '.change-added', '.change-removed', '.change-changed', '.change-replaced'];
    rules.push({ selector: states.map((s) => `edge${s}`).join(', '), style: { ...CURVED, opacity: 1 } as never });
    for (const type of RELATION_TYPES) {
      const { 'line-color': _, ...arrowAndLine } = relationLine(type, webgl);
      rules.push({ selector: states.map((s) => `edge[type = "${type}"]${s}`).join(', '), style: arrowAndLine as never });
    }
  }
  if (webgl) rules.push({ selector: 'edge.uncounted', style: WEBGL_UNCOUNTED }, ...contestedRules(true), ...overlayRules(true, true));
  else rules.push(...contestedRules(), UNCOUNTED_RULE, ...overlayRules(true));
  if (knobs.labelLevelOfDetail) {
    rules.push({ selector: 'node.highlighted, node:selected', style: { 'min-zoomed-font-size': 0, 'text-background-color': '#ffffff', 'text-background-opacity': 0.8 } });
  }
  return rules;
}
