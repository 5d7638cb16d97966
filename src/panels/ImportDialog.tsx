/**
 * Import: files (picker or drop), pasted text, or a URL. Parsing runs in the
 * core worker. Every import ends in a report; a failed one lists its located
 * problems and leaves the graph as it was. A CSV whose columns are not
 * recognised gets a column-mapping step. "Add to the current dataset" reads
 * the file the same way, then reviews the actors it may share with the current
 * dataset (MergeReview) and merges in one commit.
 */
import { useEffect, useRef, useState } from 'react';
import { COLUMN_ROLES, FORMATS, formatProblem, proposeMerge, type ColumnRole, type CsvPreview, type Dataset, type FormatId, type ImportFile, type ImportReport, type MergeProposal, type MergeSummary, type Problem } from '../../graph';
import { fetchFile, isCancelled, readFiles, type ReadProgress } from '../io/read-files';
import { importFilesInWorker, inspectCsvInWorker } from '../state/file-requests';
import { MergeReview, SummaryText } from './MergeReview';
import { ReadingProgress } from './ReadingProgress';

type Phase =
  | { step: 'choose' }
  | { step: 'reading'; progress: ReadProgress }
  | { step: 'parsing'; files: ImportFile[] }
  | { step: 'mapping'; files: ImportFile[]; preview: CsvPreview; mapping: Array<ColumnRole | null>; problems: Problem[] }
  | { step: 'failed'; problems: Problem[]; files?: ImportFile[] }
  | { step: 'review'; incoming: Dataset; proposal: MergeProposal; report: ImportReport; names: string }
  | { step: 'done'; report: ImportReport; names: string; merged?: MergeSummary };

/** What an imported dataset does to the current one. */
type ImportMode = 'replace' | 'add';

interface ImportDialogProps {
  /** Files dropped on the window, to import at once. */
  dropped: File[] | null;
  /** The dataset open now, which "Add to the current dataset" merges into. */
  current: Dataset;
  onImported: (dataset: Dataset, label: string) => void;
  onUndo: () => void;
  onClose: () => void;
}

const ROLE_LABELS: Record<ColumnRole, string> = {
  id: 'id', name: 'name', kind: 'kind (actors)', aliases: 'aliases', country: 'country', notes: 'notes',
  source: 'source actor', target: 'target actor', type: 'relation type',
  date: 'date (one dated claim per row)', weight: "weight (the claim's value)", skip: 'leave out',
};

export function ImportDialog({ dropped, current, onImported, onUndo, onClose }: ImportDialogProps) {
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [mode, setMode] = useState<ImportMode>('replace');
  const [pasted, setPasted] = useState('');
  const [pasteFormat, setPasteFormat] = useState<FormatId | 'auto'>('auto');
  const [url, setUrl] = useState('');
  const dialog = useRef<HTMLDivElement>(null);
  // The read or download under way, so Cancel can stop it; the graph is not touched until the worker answers.
  const reading = useRef<AbortController | null>(null);
  useEffect(() => () => reading.current?.abort(), []);
  const startReading = (total: number) => {
    reading.current?.abort();
    reading.current = new AbortController();
    setPhase({ step: 'reading', progress: { loaded: 0, total } });
    return reading.current.signal;
  };
  const readFailed = (path: string, err: unknown) => {
    if (isCancelled(err)) setPhase({ step: 'choose' });
    else setPhase({ step: 'failed', problems: [{ severity: 'error', path, message: err instanceof Error ? err.message : String(err) }] });
  };

  const parse = async (files: ImportFile[], options?: { format?: FormatId; csv?: { mapping: Array<ColumnRole | null> } }) => {
    setPhase({ step: 'parsing', files });
    try {
      const result = await importFilesInWorker(files, options);
      if (result.ok) {
        const names = files.map((f) => f.name).join(', ');
        if (mode === 'add') {
          // Measured at about 0.1 s for 10,000 × 10,000 actors (tests/bench/merge.ts): quick enough to run here.
          setPhase({ step: 'review', incoming: result.dataset, proposal: proposeMerge(current, result.dataset), report: result.report, names });
          return;
        }
        onImported(result.dataset, `import ${names}`);
        setPhase({ step: 'done', report: result.report, names });
        return;
      }
      // A CSV we could not make sense of: offer to map its columns.
      if (result.format === 'csv' && files.length === 1 && !options?.csv) {
        const inspected = await inspectCsvInWorker(files[0]!);
        if (inspected.ok) {
          setPhase({ step: 'mapping', files, preview: inspected.preview, mapping: [...inspected.preview.mapping], problems: result.problems });
          return;
        }
      }
      setPhase({ step: 'failed', problems: result.problems, files });
    } catch (err) {
      setPhase({ step: 'failed', problems: [{ severity: 'error', path: files.map((f) => f.name).join(', '), message: err instanceof Error ? err.message : String(err) }] });
    }
  };

  const fromFiles = async (list: File[]) => {
    if (!list.length) return;
    const signal = startReading(list.reduce((n, f) => n + f.size, 0));
    let files: ImportFile[];
    try {
      files = await readFiles(list, (progress) => setPhase({ step: 'reading', progress }), signal);
    } catch (err) {
      readFailed('', err);
      return;
    }
    await parse(files);
  };

  useEffect(() => {
    if (dropped?.length) void fromFiles(dropped);
  }, [dropped]);
  useEffect(() => dialog.current?.focus(), []);
  // A step that replaces the focused control (the file picker, a button) would leave the focus on the page behind: keep it in the dialog, so Escape and Tab still work.
  useEffect(() => {
    if (dialog.current && !dialog.current.contains(document.activeElement)) dialog.current.focus();
  }, [phase.step]);

  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label="Import"
        tabIndex={-1}
        ref={dialog}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <header>
          <h2>Import</h2>
          <button type="button" aria-label="Close" onClick={onClose}>×</button>
        </header>
        {phase.step === 'choose' && (
          <>
            <fieldset className="import-mode">
              <legend>The dataset read</legend>
              <label>
                <input type="radio" name="import-mode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace the current dataset
              </label>
              <label>
                <input type="radio" name="import-mode" value="add" checked={mode === 'add'} onChange={() => setMode('add')} /> Add to the current dataset (review the actors both hold, then merge)
              </label>
            </fieldset>
            <section>
              <h3>From files</h3>
              <p className="muted">
                {FORMATS.map((f) => f.label).join(' · ')}. Several CSV files together: actors + relations. You can also drop files anywhere on the window.
              </p>
              <input
                type="file"
                aria-label="Choose files to import"
                multiple
                accept=".json,.cyjs,.csv,.tsv,.txt,.gexf,.graphml,.xml"
                onChange={(e) => void fromFiles([...(e.target.files ?? [])])}
              />
            </section>
            <section>
              <h3>Paste</h3>
              <textarea aria-label="Pasted data" rows={5} value={pasted} placeholder="source,target,type&#10;russia,tajikistan,partner" onChange={(e) => setPasted(e.target.value)} />
              <div className="form-row">
                <label>
                  Format{' '}
                  <select value={pasteFormat} onChange={(e) => setPasteFormat(e.target.value as FormatId | 'auto')}>
                    <option value="auto">recognise</option>
                    {FORMATS.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
                  </select>
                </label>
                <button
                  type="button"
                  disabled={!pasted.trim()}
                  onClick={() => void parse([{ name: 'pasted', text: pasted }], pasteFormat === 'auto' ? undefined : { format: pasteFormat })}
                >
                  Import pasted data
                </button>
              </div>
            </section>
            <section>
              <h3>From a URL</h3>
              <form
                className="form-row"
                onSubmit={(e) => {
                  e.preventDefault();
                  const signal = startReading(0);
                  fetchFile(url, (progress) => setPhase({ step: 'reading', progress }), signal).then(
                    (file) => parse([file]),
                    (err: unknown) => readFailed(url, err),
                  );
                }}
              >
                <input aria-label="Dataset URL" type="text" value={url} placeholder="https://…/network.gexf" size={40} onChange={(e) => setUrl(e.target.value)} />
                <button type="submit" disabled={!/^https?:\/\//i.test(url.trim())}>Load</button>
              </form>
            </section>
          </>
        )}
        {phase.step === 'reading' && (
          <div role="status" aria-live="polite">
            <ReadingProgress progress={phase.progress} label="Reading files" />
            <button type="button" onClick={() => reading.current?.abort()}>Cancel</button>
          </div>
        )}
        {phase.step === 'parsing' && (
          <div role="status" aria-live="polite">
            <p>Reading {phase.files.map((f) => f.name).join(', ') || 'the download'}… (in the background; the graph stays usable)</p>
            <progress aria-label="Parsing" />
          </div>
        )}
        {phase.step === 'mapping' && (
          <section aria-label="Column mapping">
            <h3>Which column is what?</h3>
            <p className="muted">The columns of {phase.files[0]!.name} were not all recognised. Choose the source and target columns (and the type, if any); with a date column the rows of one pair and type become one relation, each row a dated claim. Unmapped columns are kept as attributes.</p>
            <Problems problems={phase.problems} title="Why:" />
            <table className="compact mapping">
              <thead><tr><th scope="col">Column</th><th scope="col">Means</th></tr></thead>
              <tbody>
                {phase.preview.header.map((name, i) => (
                  <tr key={i}>
                    <th scope="row">{name || `(column ${i + 1})`}</th>
                    <td>
                      <select
                        aria-label={`Column ${name || i + 1} means`}
                        value={phase.mapping[i] ?? ''}
                        onChange={(e) => {
                          const mapping = [...phase.mapping];
                          mapping[i] = (e.target.value || null) as ColumnRole | null;
                          setPhase({ ...phase, mapping });
                        }}
                      >
                        <option value="">attribute (keep)</option>
                        {COLUMN_ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="form-row">
              <button type="button" className="primary" onClick={() => void parse(phase.files, { csv: { mapping: phase.mapping } })}>Import with this mapping</button>
              <button type="button" onClick={() => setPhase({ step: 'choose' })}>Back</button>
            </div>
          </section>
        )}
        {phase.step === 'review' && phase.report.warnings.length > 0 && (
          <Problems problems={phase.report.warnings} title={`Reading ${phase.names}: ${phase.report.warnings.length} warning${phase.report.warnings.length === 1 ? '' : 's'}:`} />
        )}
        {phase.step === 'review' && (
          <MergeReview
            current={current}
            incoming={phase.incoming}
            names={phase.names}
            proposal={phase.proposal}
            onMerge={(dataset, label, merged) => {
              onImported(dataset, label);
              setPhase({ step: 'done', report: phase.report, names: phase.names, merged });
            }}
            onBack={() => setPhase({ step: 'choose' })}
          />
        )}
        {phase.step === 'failed' && (
          <section>
            <Problems problems={phase.problems} title="Not imported; the graph is unchanged." />
            <button type="button" onClick={() => setPhase({ step: 'choose' })}>Try another file</button>
          </section>
        )}
        {phase.step === 'done' && (
          <section aria-label="Import report">
            {phase.merged && (
              <p role="status">
                Merged {phase.names} into the current dataset: <SummaryText summary={phase.merged} /> The dataset's history notes it.
              </p>
            )}
            <p role={phase.merged ? undefined : 'status'}>
              {phase.merged ? 'Read' : 'Imported'} {phase.names} ({FORMATS.find((f) => f.id === phase.report.format)?.label ?? phase.report.format}): <strong>{phase.report.actorsRead} actors</strong> and <strong>{phase.report.relationsRead} relations</strong> read.
            </p>
            {phase.report.warnings.length > 0 ? (
              <Problems problems={phase.report.warnings} title={`${phase.report.warnings.length} warning${phase.report.warnings.length === 1 ? '' : 's'}:`} />
            ) : (
              <p className="muted">No warnings.</p>
            )}
            <div className="form-row">
              <button type="button" className="primary" onClick={onClose}>Close</button>
              <button type="button" onClick={() => { onUndo(); onClose(); }}>{phase.merged ? 'Undo this merge' : 'Undo this import'}</button>
            </div>
          </section>
        )}
      </div>
    </div>
  );
}

function Problems({ problems, title }: { problems: readonly Problem[]; title: string }) {
  return (
    <div className="problems" role={problems.some((p) => p.severity === 'error') ? 'alert' : undefined}>
      <strong>{title}</strong>
      <ul>
        {problems.slice(0, 200).map((p, i) => <li key={i} className={p.severity}>{formatProblem(p)}</li>)}
      </ul>
      {problems.length > 200 && <p className="muted">…and {problems.length - 200} more.</p>}
    </div>
  );
}


