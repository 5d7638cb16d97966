/**
 * A chart drawn as an SVG element (Observable Plot's), saved as a file: the
 * SVG serialised on its own (namespaces declared, a white background, so it
 * opens the same outside the page), or a PNG drawn from that SVG on a canvas
 * at `scale` device pixels per CSS pixel.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The SVG as a standalone file's text. Its text nodes stay text: XMLSerializer escapes them. */
export function svgFileText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', SVG_NS);
  const { width, height } = svgSize(svg);
  // In the page the background comes from the panel; in a file it must be drawn.
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', 'white');
  const first = [...copy.children].find((c) => c.tagName.toLowerCase() !== 'title' && c.tagName.toLowerCase() !== 'style') ?? null;
  copy.insertBefore(background, first);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** The SVG's own size in CSS pixels (its width and height attributes, as Plot writes them). */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  if (!(width > 0 && height > 0)) throw new Error('the chart has no size to draw at');
  return { width, height };
}

/** A PNG of the standalone SVG text, `width` × `height` CSS pixels at `scale`. */
export async function svgToPng(svgText: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('this browser gives no canvas to draw the PNG on');
    g.fillStyle = 'white';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
