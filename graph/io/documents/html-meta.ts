/**
 * What an HTML page says about itself, from the metadata news and blog pages
 * carry: the author (`<meta name="author">`, Dublin Core `dc.creator`,
 * `citation_author`, then JSON-LD's `author`), the publication date (`<meta
 * property="article:published_time">`, then `name="date"` / Dublin Core /
 * `citation_publication_date`, then JSON-LD's `datePublished`, then the first
 * `<time datetime>`), and the page's own address (`<link rel="canonical">`,
 * then `og:url`, then JSON-LD's `url`). A date must read as ISO 8601 and a URL must be absolute
 * http(s); anything else is left out with a warning, never guessed.
 */

const ISO_DATE = /^\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const HTTP_URL = /^https?:\/\/[^\s<>"'\u0000-\u001f\u007f]+$/i;

/** Date sources, best first. */
const DATE_KEYS = ['article:published_time', 'date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.issued', 'citation_publication_date', 'json-ld', 'time'];
const AUTHOR_KEYS = ['author', 'dc.creator', 'dcterms.creator', 'citation_author'];

import { jsonLdArticle } from './html-json-ld';

export interface HtmlMetaResult {
  author?: string;
  date?: string;
  url?: string;
  /** JSON-LD's headline: the title when the page has no <title>. */
  headline?: string;
  warnings: string[];
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Collects candidates element by element while the page is parsed; result() picks. */
export class HtmlMeta {
  private readonly values = new Map<string, string>();
  private canonical: string | null = null;
  private readonly jsonLd: string[] = [];

  /** The text of a `<script type="application/ld+json">`. */
  jsonLdScript(text: string): void {
    this.jsonLd.push(text);
  }

  element(name: string, attributes: Record<string, string>): void {
    if (name === 'meta') {
      const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? '').trim().toLowerCase();
      const content = attributes.content;
      if (key && content !== undefined && !this.values.has(key)) this.values.set(key, collapse(content));
    } else if (name === 'link') {
      const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('canonical') && attributes.href !== undefined && this.canonical === null) this.canonical = attributes.href.trim();
    } else if (name === 'time' && attributes.datetime !== undefined && !this.values.has('time')) {
      this.values.set('time', collapse(attributes.datetime));
    }
  }

  result(): HtmlMetaResult {
    const warnings: string[] = [];
    const out: HtmlMetaResult = { warnings };
    const article = jsonLdArticle(this.jsonLd);
    if (article?.datePublished && !this.values.has('json-ld')) this.values.set('json-ld', article.datePublished);
    const author = AUTHOR_KEYS.map((k) => this.values.get(k)).find((v) => v) ?? article?.author;
    if (author) out.author = author;
    for (const key of DATE_KEYS) {
      const value = this.values.get(key);
      if (!value) continue;
      if (ISO_DATE.test(value)) {
        out.date = value;
        break;
      }
      const where = key === 'time' ? '<time datetime>' : key === 'json-ld' ? 'JSON-LD datePublished' : `<meta ${key}>`;
      warnings.push(`the page's date ${JSON.stringify(value)} (${where}) is not an ISO 8601 date: not used`);
    }
    for (const [what, value] of [['<link rel="canonical">', this.canonical], ['<meta og:url>', this.values.get('og:url')], ['JSON-LD url', article?.url]] as const) {
      if (!value) continue;
      if (HTTP_URL.test(value)) {
        out.url = value;
        break;
      }
      warnings.push(`the page's address ${JSON.stringify(value)} (${what}) is not an absolute http(s) URL: not used`);
    }
    if (article?.headline) out.headline = article.headline;
    return out;
  }
}
