/**
 * A document brought into the dataset as a source with its text: a .txt, .md,
 * .html or .pdf file read in the document worker (progress, Cancel), or text
 * pasted in. Its citation is filled from what the document says and is the
 * analyst's to correct. A refused document is said with its reason and the
 * dataset is left as it was.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { SOURCE_KINDS, applyEdit, type Dataset, type Source } from '../../graph';
import type { DocumentKind } from '../../graph/documents';
import { readDocumentInWorker, type DocumentRead } from '../state/document-request';

interface AddDocumentDialogProps {
  dataset: Dataset;
  onAdded: (dataset: Dataset, label: string, sourceId: string) => void;
  onClose: () => void;
}

type Draft = { text: string; pages?: number[]; title: string; kind: string; publisher: string; date: string; url: string; author: string; speaker: string };

const KIND_OF_FILE: Record<DocumentKind, string> = { text: 'other', markdown: 'other', html: 'article', pdf: 'report' };
const EMPTY: Draft = { text: '', title: '', kind: 'article', publisher: '', date: '', url: '', author: '', speaker: '' };

export function AddDocumentDialog({ dataset, onAdded, onClose }: AddDocumentDialogProps) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [reading, setReading] = useState<{ name: string; done: number; total: number; read: DocumentRead } | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<string[]>([]);
  const titleId = useId();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  // Closing the dialog while a document is read ends its worker.
  const current = useRef<DocumentRead | null>(null);
  current.current = reading?.read ?? null;
  useEffect(() => () => current.current?.cancel(), []);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const open = async (file: File) => {
    setRefusal([]);
    setNotes([]);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const read = readDocumentInWorker(bytes, file.name, (done, total) => setReading((r) => r && { ...r, done, total }));
    setReading({ name: file.name, done: 0, total: 0, read });
    try {
      const result = await read.result;
      if ('cancelled' in result) return setNotes([`Reading ${file.name} was cancelled; nothing was added.`]);
      if (!result.ok) return setRefusal(result.problems.map((p) => `${p.where}: ${p.message}`));
      const doc = result.document;
      setDraft({
        text: doc.text,
        ...(doc.pages ? { pages: doc.pages } : {}),
        title: doc.title ?? file.name,
        kind: KIND_OF_FILE[doc.kind],
        publisher: '',
        date: doc.date?.slice(0, 10) ?? '',
        url: doc.url ?? '',
        author: doc.author ?? '',
        speaker: '',
      });
      setNotes(result.warnings);
    } catch (err) {
      setRefusal([`${file.name}: ${err instanceof Error ? err.message : String(err)}`]);
    } finally {
      setReading(null);
    }
  };

  const add = () => {
    const source: Omit<Source, 'id'> = { title: draft.title.trim(), text: draft.text, kind: draft.kind };
    for (const key of ['publisher', 'date', 'url', 'author', 'speaker'] as const) if (draft[key].trim()) source[key] = draft[key].trim();
    if (draft.pages) source.pages = draft.pages;
    const result = applyEdit(dataset, { op: 'addSource', source });
    if (!result.ok) return setRefusal(result.problems.map((p) => `${p.path.replace(/^sources\[\d+\]\.?/, '') || 'the document'}: ${p.message}`));
    onAdded(result.dataset, result.label, result.dataset.sources.at(-1)!.id);
  };

  return (
    <div className="modal-backdrop">
      <form
        className="modal add-document"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2 id={titleId}>Add a document</h2>
        <p className="muted">Its text becomes a source of this dataset: read it in the Source tab and make claims by selecting passages.</p>
        <label>
          Open a file (.txt, .md, .html, .pdf){' '}
          <input ref={first} type="file" accept=".txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf" onChange={(e) => e.target.files?.[0] && void open(e.target.files[0])} />
        </label>
        {reading && (
          <div role="status" aria-live="polite">
            Reading {reading.name}… {reading.total > 0 && `page ${reading.done} of ${reading.total}`}
            <progress aria-label="Reading the document" max={reading.total || undefined} value={reading.total ? reading.done : undefined} />
            <button type="button" onClick={() => reading.read.cancel()}>
              Cancel
            </button>
          </div>
        )}
        <label>
          or paste its text
          <textarea rows={6} value={draft.text} onChange={(e) => set({ text: e.target.value, pages: undefined })} />
        </label>
        <p className="muted">{draft.text ? `${draft.text.length.toLocaleString('en')} characters${draft.pages ? `, ${draft.pages.length} pages` : ''}` : 'No text yet.'}</p>
        <div className="form-grid">
          <label>
            Title <input value={draft.title} onChange={(e) => set({ title: e.target.value })} required />
          </label>
          <label>
            Kind{' '}
            <select value={draft.kind} onChange={(e) => set({ kind: e.target.value })}>
              {SOURCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label>
            Publisher <input value={draft.publisher} onChange={(e) => set({ publisher: e.target.value })} />
          </label>
          <label>
            Published <input value={draft.date} placeholder="YYYY-MM-DD" onChange={(e) => set({ date: e.target.value })} />
          </label>
          <label>
            URL <input value={draft.url} placeholder="https://…" onChange={(e) => set({ url: e.target.value })} />
          </label>
          <label>
            Author <input value={draft.author} onChange={(e) => set({ author: e.target.value })} />
          </label>
          <label>
            Speaker <input value={draft.speaker} placeholder="who speaks in it (an interviewee)" onChange={(e) => set({ speaker: e.target.value })} />
          </label>
        </div>
        {notes.length > 0 && (
          <ul className="document-notes" aria-label="Notes on the reading">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
        {refusal.length > 0 && (
          <div role="alert" className="document-refusal">
            <strong>Not added; the dataset is unchanged.</strong>
            <ul>
              {refusal.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="form-row">
          <button type="submit" className="primary" disabled={!draft.text.trim() || !draft.title.trim() || reading !== null}>
            Add the document
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
