/**
 * Whether a JSON value is a file of W3C Web Annotations (a list of
 * annotations, one annotation, an AnnotationPage or AnnotationCollection),
 * so that opening one as a dataset says what it is instead of reading it as
 * Cytoscape.js elements without data.
 */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function typed(v: unknown, ...types: string[]): boolean {
  if (!isObject(v)) return false;
  const t = v.type ?? v['@type'];
  return (Array.isArray(t) ? t : [t]).some((x) => typeof x === 'string' && types.includes(x));
}

export function isAnnotationFile(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && typed(value[0], 'Annotation', 'oa:Annotation');
  return typed(value, 'Annotation', 'oa:Annotation', 'AnnotationCollection', 'AnnotationPage');
}

export const ANNOTATION_FILE_REFUSAL =
  'this is a file of W3C Web Annotations (claims on source texts), not a dataset: it names no actors of its own. Open the dataset the claims belong to and add them to it (actorscope annotate DATASET ANNOTATIONS --out OUT)';
