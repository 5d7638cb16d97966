/**
 * What a PDF's info dictionary says about it: Title, Author and CreationDate
 * (ISO 32000 §14.3.3). A Title that names the file the PDF was made from
 * (`Microsoft Word - report.docx`, `untitled`, `draft.doc`) is the writer's,
 * not the document's, and is left out, so the first line titles it. A PDF date `D:YYYYMMDDHHmmSSOHH'mm'` (any tail may be
 * missing) becomes ISO 8601: `D:20240305` → `2024-03-05`,
 * `D:20240305101500+01'00'` → `2024-03-05T10:15:00+01:00`.
 */

export interface PdfInfo {
  title?: string;
  author?: string;
  date?: string;
}

const PDF_DATE = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?|[+-]\d{2})?/;

export function isoFromPdfDate(value: string): string | undefined {
  const m = PDF_DATE.exec(value.trim());
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second, zone] = m;
  let iso = year!;
  if (!month) return iso;
  iso += `-${month}`;
  if (!day) return iso;
  iso += `-${day}`;
  if (!hour) return iso;
  iso += `T${hour}:${minute ?? '00'}:${second ?? '00'}`;
  if (zone === 'Z') iso += 'Z';
  else if (zone) {
    const z = zone.replace(/'/g, '');
    iso += `${z.slice(0, 3)}:${z.slice(3, 5) || '00'}`;
  }
  return iso;
}

/** Titles PDF writers fill in from the source file's name. */
const GENERATED_TITLE = /^(?:microsoft (?:word|powerpoint|excel) - .*|untitled(?: document)?|.*\.(?:docx?|odt|rtf|pptx?|xlsx?|indd|tex|dvi|txt|html?|pdf))$/i;

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.replace(/\s+/g, ' ').trim() : undefined);

/** pdf.js's `getMetadata().info` → our fields. */
export function pdfInfo(info: unknown): PdfInfo {
  const dict = (typeof info === 'object' && info !== null ? info : {}) as Record<string, unknown>;
  const out: PdfInfo = {};
  const title = text(dict.Title);
  const author = text(dict.Author);
  const date = text(dict.CreationDate);
  if (title && !GENERATED_TITLE.test(title)) out.title = title;
  if (author) out.author = author;
  const iso = date && isoFromPdfDate(date);
  if (iso) out.date = iso;
  return out;
}
