/**
 * Export: the dataset in any of our formats (written by the core worker),
 * a picture of the current view with its legend, or the centrality table.
 */
import { useDismiss } from './use-dismiss';
import { useRef, useState } from 'react';
import {
  FORMATS,
  PATH_PRESETS,
  applyFilter,
  briefHtml,
  buildPathBrief,
  metricsToCsv,
  type Dataset,
  type EvidenceReport,
  type EvidenceSetting,
  type FormatId,
  type GraphFilter,
  type MetricsResult,
  type RelationType,
} from '../../graph';
import type { PathQueryState } from '../state/app-state';
import { pathsRequest } from '../state/path-request';
import { downloadBlob, downloadText, fileBaseName } from '../export/download';
import { legendSpec } from '../look/legend-spec';
import { viewPng, viewSvg } from '../export/picture';
import { useCanvasHandle } from '../app/canvas-handle';
import { exportDatasetInWorker, pathsInWorker } from '../state/file-requests';

interface ExportMenuProps {
  dataset: Dataset;
  filter: GraphFilter;
  metrics: MetricsResult | null;
  visibleTypes: readonly RelationType[];
  visibleKinds: readonly string[];
  sizeLabel: string;
  /** Which relations the analyses count, for the picture's legend. */
  evidenceNote: string;
  /** The briefing answers the Paths tab's question under the evidence setting, and says what that left out. */
  pathQuery: PathQueryState;
  evidence: EvidenceSetting;
  evidenceReport: EvidenceReport;
  visibleActorIds: ReadonlySet<string>;
}

export function ExportMenu(props: ExportMenuProps) {
  const { dataset, filter, metrics, visibleTypes, visibleKinds, sizeLabel, evidenceNote } = props;
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useDismiss(box, open, () => setOpen(false));
  const [onlyShown, setOnlyShown] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [author, setAuthor] = useState('');
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
  const question = pathsRequest(props.pathQuery, { dataset, filter, evidence: props.evidence, visibleActorIds: props.visibleActorIds });

  // The briefing: the Paths tab's question answered, with the picture as it is now and the evidence behind every hop.
  const exportBriefing = () =>
    run('the briefing', async () => {
      if (!question) throw new Error('ask a question in the Paths tab first (From and To)');
      const paths = await pathsInWorker(question);
      const q = props.pathQuery;
      const preset = q.preset === 'custom' ? null : PATH_PRESETS[q.preset];
      const brief = buildPathBrief(
        {
          dataset,
          question: {
            from: question.query.from,
            to: question.query.to,
            label: preset?.label ?? 'Chosen types',
            ...(preset ? { meaning: preset.meaning } : {}),
            types: preset?.types ?? q.types,
            directed: preset?.directed ?? q.directed,
            k: q.k,
          },
          paths,
          evidence: props.evidence,
          report: props.evidenceReport,
        },
        { date: new Date().toISOString(), author, viewLink: location.href },
      );
      const caption = 'The explorer’s view when the briefing was written: the chosen path highlighted when the Paths tab showed it, the rest faded (legend in the picture).';
      downloadText(`${base}-briefing.html`, briefHtml(brief, { svg: viewSvg(canvas.picture(), legend()), caption, alt: 'The explorer’s view when the briefing was written, with its legend' }), 'text/html');
    });

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
          <h3>Briefing</h3>
          <label className="brief-author">
            Author <input value={author} placeholder="your name" onChange={(e) => setAuthor(e.target.value)} />
          </label>
          <button type="button" disabled={!question} onClick={() => void exportBriefing()} aria-describedby="briefing-what">
            Briefing (HTML): the path question
          </button>
          <p id="briefing-what" className="muted">
            {question ? 'One file to hand over: the picture, every path, the claims behind each hop, what the evidence setting left out. Prints to PDF.' : 'Ask a question in the Paths tab first (From and To).'}
          </p>
          {message && <p className="muted" role="status">{message}</p>}
        </div>
      )}
    </div>
  );
}
