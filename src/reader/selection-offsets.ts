/**
 * Where a selection in the reader falls in the source text: each piece of
 * text the reader draws carries the offset it starts at (`data-start`) and
 * holds one text node, so a DOM boundary maps to a text offset exactly. The
 * paragraph numbers in the margin are not text (they cannot be selected).
 */

function pieceOf(node: Node): HTMLElement | null {
  const el = node instanceof HTMLElement ? node : node.parentElement;
  return el?.closest<HTMLElement>('[data-start]') ?? null;
}

const startOf = (el: HTMLElement) => Number(el.dataset.start);
const endOf = (el: HTMLElement) => startOf(el) + (el.textContent ?? '').length;

/** The text offset of one boundary of a range, or null when it is not in the reader's text. */
function offsetAt(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = pieceOf(node);
    return piece && !piece.classList.contains('reader-paragraph') ? startOf(piece) + offset : null;
  }
  if (!(node instanceof HTMLElement)) return null;
  if (node.classList.contains('reader-paragraph')) {
    const pieces = [...node.querySelectorAll<HTMLElement>(':scope > [data-start]')];
    // Counted among the paragraph's children: the margin number comes first.
    const child = node.childNodes[offset];
    const at = child instanceof HTMLElement && child.dataset.start !== undefined ? pieces.indexOf(child) : -1;
    if (at >= 0) return startOf(pieces[at]!);
    const last = pieces.at(-1);
    return offset === 0 || !last ? startOf(node) : endOf(last);
  }
  const piece = node.closest<HTMLElement>('[data-start]');
  if (!piece) return null;
  return offset === 0 ? startOf(piece) : endOf(piece);
}

/** [start, end) of the selection in the text, trimmed of the spaces at its ends; null when empty or outside the text. */
export function selectionOffsets(root: HTMLElement, selection: Selection | null, text: string): [number, number] | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  let start = offsetAt(root, range.startContainer, range.startOffset);
  let end = offsetAt(root, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  if (end < start) [start, end] = [end, start];
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? [start, end] : null;
}
