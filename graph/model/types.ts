/**
 * The actor-graph data model: what a dataset holds, independent of any file
 * format or renderer. See graph/README.md for why it is shaped this way.
 */

/** Kinds of actor. Files may carry other kinds; they are kept as written. */
export const ACTOR_KINDS = [
  'state',
  'armed-group',
  'political-group',
  'bloc',
  'region',
  'person',
  'organization',
] as const;
export type KnownActorKind = (typeof ACTOR_KINDS)[number];
export type ActorKind = KnownActorKind | (string & {});

/**
 * The four relation types. `partner` is mutual; the others point source → target.
 * `other` holds relations imported with a type we do not know (the original is
 * kept in `attributes.originalType`); it is directed and can be filtered away.
 */
export const RELATION_TYPES = ['partner', 'threat', 'supplier', 'suspected-supporter', 'other'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Relation types that do not point one way. */
export function isMutual(type: RelationType): boolean {
  return type === 'partner';
}

/** Attribute values kept from imported files (extra CSV columns, GEXF attributes). */
export type AttributeValue = string | number | boolean | null;
export type Attributes = Record<string, AttributeValue>;

export interface Actor {
  /** Stable id as written in the dataset. Any string, including `__proto__`. */
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  /** ISO 3166-1 alpha-2 code, for states and regions. */
  country?: string;
  notes?: string;
  attributes?: Attributes;
}

/** Where a quote stands in its source: a paragraph number, a page, a character range. */
export interface Locator {
  /** 1-based paragraph number, by the rule of graph/sources/paragraphs.ts when the source has its text. */
  paragraph?: number;
  /** 1-based page, for sources with pages (PDFs). */
  page?: number;
  /** 1-based row of a table source (a CSV edge list): the line the row starts on, the header being line 1. */
  row?: number;
  /** Character range [start, end) in the source text, 0-based UTF-16 offsets. */
  chars?: [number, number];
}

/**
 * The context of a quote, as the W3C Web Annotation TextQuoteSelector has it
 * (the quote itself is its `exact`): a few characters either side, so the
 * quote can be found again when the text or the offsets change.
 */
export interface QuoteContext {
  prefix?: string;
  suffix?: string;
}

/** How a source is cited: the fields a reader sees in a footnote. */
export interface SourceRef {
  title: string;
  publisher?: string;
  /** ISO 8601 date or partial date: `2023`, `2023-04`, `2023-04-12`. */
  date?: string;
  url?: string;
}

export const SOURCE_KINDS = ['interview', 'article', 'report', 'statement', 'dataset', 'book', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number] | (string & {});

/** A document the claims quote, held in the dataset (format version 2), its text included when known. */
export interface Source extends SourceRef {
  /** Unique within the dataset; claims name it in `sourceId`. */
  id: string;
  author?: string;
  /** Who speaks in it (an interviewee, the author of a statement): offered as who asserts a claim from it. */
  speaker?: string;
  kind?: SourceKind;
  /** The full plain text; locators' `chars` are offsets into it. */
  text?: string;
  /** For texts made of pages (PDFs): the offset where each page starts in `text`, the first 0. */
  pages?: number[];
  notes?: string;
}

/** A period a relation holds; either end may be open. ISO partial dates. */
export interface Period {
  from?: string;
  to?: string;
}

export type Stance = 'supports' | 'disputes';

/**
 * Admiralty (NATO) grade: source reliability A–F then information credibility 1–6.
 * A = completely reliable … E = unreliable, F = cannot be judged;
 * 1 = confirmed … 5 = improbable, 6 = cannot be judged.
 */
export type Grade = `${'A' | 'B' | 'C' | 'D' | 'E' | 'F'}${1 | 2 | 3 | 4 | 5 | 6}`;

export interface Claim {
  /** Verbatim quote from the source, a sentence or less. */
  quote: string;
  /** The id of its source in the dataset's `sources`. */
  sourceId: string;
  locator: Locator;
  /** The text either side of the quote in its source (with `quote` as exact: a text-quote selector). */
  context?: QuoteContext;
  /** Who asserts it: the speaker's name, "reported", or "alleged by X". */
  assertedBy: string;
  /** The date the relation holds (ISO partial), or a period. */
  date?: string;
  period?: Period;
  stance: Stance;
  grade: Grade;
  /** What the claim counts for, as a number (a transfer's value, a casualty count): a relation's weight in a time window is the sum over its claims in it. */
  weight?: number;
  notes?: string;
}

export interface Relation {
  /** Unique within the dataset; filled as `r1`, `r2`, … when a file has none. */
  id: string;
  source: string;
  target: string;
  type: RelationType;
  claims: Claim[];
  notes?: string;
  attributes?: Attributes;
}

export interface DatasetMeta {
  title: string;
  description?: string;
  /** How paragraphs and grades were assigned, and anything else a reader must know. */
  method?: string;
  license?: string;
  created?: string;
  /** What was done to the dataset as a whole (a merge of another dataset), oldest first. */
  history?: HistoryEntry[];
}

export interface HistoryEntry {
  /** ISO 8601 date or date-time. */
  date: string;
  note: string;
}

/** The versioned file envelope (GUIDE §1). `restore()` turns any older or partial one into this. */
export interface Dataset {
  format: 'actorscope';
  version: 2;
  meta: DatasetMeta;
  /** The documents the claims quote. */
  sources: Source[];
  actors: Actor[];
  relations: Relation[];
}

export const DATASET_FORMAT = 'actorscope';
export const DATASET_VERSION = 2;
