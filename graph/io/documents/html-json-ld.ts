/**
 * The article metadata many news and think-tank pages carry only as
 * schema.org JSON-LD (`<script type="application/ld+json">`): `headline`,
 * `author` (a name, a Person or Organization, or a list of them) and
 * `datePublished` of the first Article-like object (NewsArticle, Report,
 * BlogPosting …, also inside `@graph`). The script is data: it is parsed as
 * JSON, never run; what does not parse is ignored.
 */

export interface JsonLdArticle {
  headline?: string;
  author?: string;
  datePublished?: string;
  url?: string;
}

const ARTICLE_TYPES = new Set(['Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BlogPosting', 'Report', 'ScholarlyArticle', 'TechArticle']);

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.replace(/\s+/g, ' ').trim() : undefined);

function names(author: unknown): string[] {
  if (Array.isArray(author)) return author.flatMap(names);
  const direct = text(author);
  if (direct) return [direct];
  if (typeof author === 'object' && author !== null) {
    const name = text((author as Record<string, unknown>).name);
    return name ? [name] : [];
  }
  return [];
}

function isArticle(node: Record<string, unknown>): boolean {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t));
}

/** Every object of a JSON-LD value, depth first, a few levels deep (`@graph`, lists). */
function* objects(value: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 4) return;
  if (Array.isArray(value)) for (const v of value) yield* objects(v, depth + 1);
  else if (typeof value === 'object' && value !== null) {
    const node = value as Record<string, unknown>;
    yield node;
    if (node['@graph'] !== undefined) yield* objects(node['@graph'], depth + 1);
  }
}

/** The first Article-like object among a page's JSON-LD scripts, or null. */
export function jsonLdArticle(scripts: readonly string[]): JsonLdArticle | null {
  for (const script of scripts) {
    let value: unknown;
    try {
      value = JSON.parse(script);
    } catch {
      continue;
    }
    for (const node of objects(value)) {
      if (!isArticle(node)) continue;
      const out: JsonLdArticle = {};
      const headline = text(node.headline) ?? text(node.name);
      const author = names(node.author).join(', ');
      const date = text(node.datePublished) ?? text(node.dateCreated);
      const url = text(node.url);
      if (headline) out.headline = headline;
      if (author) out.author = author;
      if (date) out.datePublished = date;
      if (url) out.url = url;
      return out;
    }
  }
  return null;
}
