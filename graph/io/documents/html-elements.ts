/**
 * Which HTML elements end a paragraph and which are never shown: the two
 * tables the HTML reader (html.ts) walks the page with. Blocks are the
 * elements the HTML standard's rendering section displays as `block`,
 * `list-item` or `table-row` (and their containers); the skipped ones are
 * those a browser does not render as text.
 */

export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'search', 'section', 'summary',
  'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'xmp', 'br',
]);

/**
 * Never shown as text: metadata, code, and the fallback content of embedded
 * media (shown only where the media cannot play). `<noscript>` is dropped as a
 * browser with scripts on drops it. Form controls (buttons, inputs, selects,
 * text areas) are dropped too: they are the page's interface ("Share",
 * "Subscribe"), not its text.
 */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'audio', 'video',
  'picture', 'map', 'datalist', 'textarea', 'select', 'button', 'input', 'frameset', 'frame', 'noframes', 'noembed', 'title',
]);

/** Hidden by an attribute of its own: `hidden`, `aria-hidden="true"`, or an inline style that hides it. */
export function isHidden(attributes: Record<string, string>): boolean {
  if ('hidden' in attributes) return true;
  if ((attributes['aria-hidden'] ?? '').trim().toLowerCase() === 'true') return true;
  const style = (attributes.style ?? '').toLowerCase().replace(/\s+/g, '');
  return /(^|;)display:none(!important)?(;|$)/.test(style) || /(^|;)visibility:hidden(!important)?(;|$)/.test(style);
}
