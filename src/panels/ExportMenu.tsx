/**
 * Export: the dataset in any of our formats (written by the core worker),
 * a picture of the current view with its legend, or the centrality table.
 */
import { useDismiss } from './use-dismiss';
import { useRef, useState } from 'react';
import { FORMATS, applyFilter, metricsToCsv, type Dataset, type FormatId, type GraphFilter, type MetricsResult, type RelationType } from '../../graph';
import { downloadBlob, downloadText, fileBaseName } from '../export/download';
import { legendSpec } from '../look/legend-spec';
import { viewPng, viewSvg } from '../export/picture';
import { useCanvasHandle } from '../app/canvas-handle';
import { exportDatasetInWorker } from '../state/file-requests';

interface ExportMenuProps {
  dataset: Dataset;
  filter: GraphFilter;
  metrics: MetricsResult | null;
  visibleTypes: readonly RelationType[];
  visibleKinds: readonly string[];
  sizeLabel: string;
  /** Which relations the analyses count, for the picture's legend. */
  evidenceNote: string;
}

export function ExportMenu({ dataset, filter, metrics, visibleTypes, visibleKinds, sizeLabel, evidenceNote }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useDismiss(box, open, () => setOpen(false));
  const [onlyShown, setOnlyShown] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const base = fileBaseName(dataset.meta.title);

  const run = async (what: string, job: () => Promise<void>) => {
    setMessage(`Exporting ${what}…`);
    try {
      await job();
      setMessage(`Exported ${what}.`);
    } catch (err) {
      setMessage(`Export failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const exportData = (format: FormatId) =>
    run(FORMATS.find((f) => f.id === format)!.label, async () => {
      const data = onlyShown ? applyFilter(dataset, filter) : dataset;
      const files = await exportDatasetInWorker(data, format, base);
      for (const f of files) downloadText(f.name, f.text, f.mime);
    });

  const legend = () => legendSpec(dataset.meta.title, visibleTypes, visibleKinds, [evidenceNote, `Node size: ${sizeLabel}`, 'Made with Actorscope']);
  const canvas = useCanvasHandle();

  // A dialog of buttons rather than a menu: it also holds a checkbox, headings and a status line, which a menu may not.
  return (
    <div className="export" ref={box}>
      <button type="button" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen(!open)}>Export ▾</button>
      {open && (
        <div className="export-menu" role="dialog" aria-label="Export">
          <label className="only-shown">
            <input type="checkbox" checked={onlyShown} onChange={(e) => setOnlyShown(e.target.checked)} /> only what is shown (filters applied)
          </label>
          <h3>Data</h3>
          {FORMATS.map((f) => (
            <button key={f.id} type="button" onClick={() => void exportData(f.id)}>
              {f.label}
            </button>
          ))}
          <h3>Picture of the view</h3>
          <button type="button" onClick={() => void run('PNG', async () => downloadBlob(`${base}.png`, await viewPng(canvas.picture(), legend())))}>PNG (with legend)</button>
          <button type="button" onClick={() => void run('SVG', async () => downloadText(`${base}.svg`, viewSvg(canvas.picture(), legend()), 'image/svg+xml'))}>SVG (with legend)</button>
          <h3>Table</h3>
          <button
            type="button"
           
            disabled={!metrics}
            onClick={() => void run('the centrality table', async () => downloadText(`${base}-centrality.csv`, metricsToCsv(metrics!), 'text/csv'))}
          >
            Centrality table (CSV)
          </button>
          {message && <p className="muted" role="status">{message}</p>}
        </div>
      )}
    </div>
  );
}
