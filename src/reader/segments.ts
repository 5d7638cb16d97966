/**
 * A source text cut for the reader: its paragraphs, each cut where a claim's
 * passage or an actor's mention starts or ends, so that every piece of text
 * knows which claims cover it and whose name it is. Offsets are the text's
 * own (UTF-16), so a selection maps back to them exactly.
 */
import type { Mention, Paragraph } from '../../graph';

/** One claim's passage in the text. */
export interface Passage {
  relationId: string;
  /** Index of the claim in its relation. */
  claim: number;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** The passages covering this piece, widest first (the outermost mark). */
  passages: Passage[];
  /** The actor whose name this piece is, when it is a mention. */
  actor?: string;
}

export interface ParagraphView extends Paragraph {
  segments: Segment[];
  /** Passages starting in this paragraph. */
  claims: number;
}

export function paragraphViews(paragraphs: readonly Paragraph[], passages: readonly Passage[], mentions: readonly Mention[]): ParagraphView[] {
  return paragraphs.map((p) => {
    const inside = passages.filter((c) => c.start < p.end && c.end > p.start);
    const named = mentions.filter((m) => m.start >= p.start && m.end <= p.end);
    const cuts = new Set<number>([p.start, p.end]);
    for (const c of inside) {
      cuts.add(Math.max(p.start, c.start));
      cuts.add(Math.min(p.end, c.end));
    }
    for (const m of named) {
      cuts.add(m.start);
      cuts.add(m.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const start = points[i]!;
      const end = points[i + 1]!;
      if (end <= start) continue;
      const covering = inside.filter((c) => c.start <= start && c.end >= end).sort((a, b) => b.end - b.start - (a.end - a.start));
      const mention = named.find((m) => m.start <= start && m.end >= end);
      segments.push(mention ? { start, end, passages: covering, actor: mention.actor } : { start, end, passages: covering });
    }
    return { ...p, segments, claims: inside.filter((c) => c.start >= p.start).length };
  });
}
