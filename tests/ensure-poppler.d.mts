// Types for ensure-poppler.mjs, which tests/unit/documents.test.ts imports to compare our PDF text with pdftotext's.
/** Finds pdftoppm, pdftotext and pdfinfo, installing poppler-utils when it can; throws with what to install otherwise. */
export function ensurePoppler(): string;
