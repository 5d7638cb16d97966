/**
 * The names Actorscope owns in GEXF and GraphML files. What those formats
 * cannot say natively is stored in declared attributes — `actorscope:kind`,
 * `actorscope:aliases` (JSON), `actorscope:country`, `actorscope:notes`,
 * `actorscope:type`, `actorscope:claims` (JSON), `actorscope:nulls` (JSON list
 * of attributes whose value is null) — and a user attribute whose name the
 * format reserves (`label` in GraphML, anything starting `actorscope:`) is
 * written as `actorscope:attr:<name>`. So `read(write(d))` gives `d` back
 * exactly; a file declaring such attributes is read as our own.
 */

export const OWN_PREFIX = 'actorscope:';
export const OWN = {
  kind: 'actorscope:kind',
  aliases: 'actorscope:aliases',
  country: 'actorscope:country',
  notes: 'actorscope:notes',
  type: 'actorscope:type',
  claims: 'actorscope:claims',
  nulls: 'actorscope:nulls',
  meta: 'actorscope:meta',
  /** The dataset's sources (texts included), as JSON, beside the meta. */
  sources: 'actorscope:sources',
  /** Prefix for a user attribute whose own name is reserved in the file. */
  attr: 'actorscope:attr:',
} as const;

/**
 * Flat values a relation's edge carries for the tools that cannot read its
 * claims (Gephi, yEd, Cytoscape desktop filter and style by them; networkx and
 * igraph read them as edge attributes): whether it is mutual, its evidence
 * summed up, and the first and last day its supporting claims date it to. Derived, so a reader of our own file drops them (the claims say
 * it all) and `read(write(d))` stays `d`.
 */
export const DERIVED = {
  mutual: 'actorscope:mutual',
  confidence: 'actorscope:confidence',
  bestGrade: 'actorscope:bestGrade',
  claims: 'actorscope:claimCount',
  disputes: 'actorscope:disputes',
  /** YYYY-MM-DD, from the supporting claims' dates and periods (common/derived-values.ts). */
  firstDate: 'actorscope:firstDate',
  lastDate: 'actorscope:lastDate',
} as const;
export const DERIVED_NAMES: ReadonlySet<string> = new Set(Object.values(DERIVED));

/** Whether a class of declared attributes (by their names) comes from Actorscope. */
export function declaresOwn(names: Iterable<string>): boolean {
  for (const n of names) if (n.startsWith(OWN_PREFIX)) return true;
  return false;
}
