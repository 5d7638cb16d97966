/**
 * Export: the dataset in any of our formats (written by the core worker),
 * a picture of the current view with its legend, or the centrality table.
 */
import { useDismiss } from './use-dismiss';
import { useRef, useState } from 'react';
import {
  FINDING_ORDER,
  FORMATS,
  applyFilter,
  briefHtml,
  buildBrief,
  metricsToCsv,
  type FindingKind,
  type Dataset,
  type EvidenceReport,
  type EvidenceSetting,
  type FormatId,
  type GraphFilter,
  type MetricsResult,
  type RelationType,
  type TimeWindow,
} from '../../graph';
import type { PathQueryState } from '../state/app-state';
import { pathsRequest } from '../state/path-request';
import { DEFAULT_BALANCE_QUESTION, DEFAULT_BLOCS_QUESTION, briefingSectionsInWorker, type BriefingQuestions } from '../state/briefing-requests';
import { useOpenAnalyses } from '../state/open-analyses';
import { downloadBlob, downloadText, fileBaseName } from '../export/download';
import { legendSpec } from '../look/legend-spec';
import { localIsoDate } from '../look/picture-caption';
import { viewPng, viewSvg } from '../export/picture';
import { useCanvasHandle } from '../app/canvas-handle';
import { exportDatasetInWorker } from '../state/file-requests';

const FINDING_LABELS: Record<FindingKind, string> = {
  paths: 'the path question',
  blocs: 'alliance blocs',
  triads: 'unbalanced triads',
  compare: 'compared actors',
};

interface ExportMenuProps {
  dataset: Dataset;
  filter: GraphFilter;
  metrics: MetricsResult | null;
  visibleTypes: readonly RelationType[];
  visibleKinds: readonly string[];
  sizeLabel: string;
  /** Which relations the analyses count, for the picture's legend. */
  evidenceNote: string;
  /** The briefing answers the Paths tab's question (and the open Blocs, Balance, Compare questions) under the evidence setting, and says what that left out. */
  pathQuery: PathQueryState;
  evidence: EvidenceSetting;
  evidenceReport: EvidenceReport;
  visibleActorIds: ReadonlySet<string>;
  /** The time window the briefing's findings hold in; null for all time. */
  timeWindow: TimeWindow | null;
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

  // The caption (made with Actorscope, on which day, from which sources) comes last in the legend.
  const legend = () => legendSpec(dataset, visibleTypes, visibleKinds, [evidenceNote, `Node size: ${sizeLabel}`], localIsoDate(new Date()));
  const canvas = useCanvasHandle();
  const question = pathsRequest(props.pathQuery, { dataset, filter, evidence: props.evidence, window: props.timeWindow, visibleActorIds: props.visibleActorIds });
  const openAnalyses = useOpenAnalyses();
  const compare = openAnalyses.compare && openAnalyses.compare.actors.every((id) => props.visibleActorIds.has(id)) ? openAnalyses.compare : null;
  const questions: BriefingQuestions = {
    paths: question ? { request: question, query: props.pathQuery } : null,
    blocs: openAnalyses.blocs ?? DEFAULT_BLOCS_QUESTION,
    balance: openAnalyses.balance ?? DEFAULT_BALANCE_QUESTION,
    compare,
  };
  // Which findings can go in, and which go in unless the user says otherwise: those open in their tabs.
  const available: Record<FindingKind, boolean> = { paths: question !== null, blocs: true, triads: true, compare: compare !== null };
  const openNow: Record<FindingKind, boolean> = { paths: question !== null, blocs: !!openAnalyses.blocs, triads: !!openAnalyses.balance, compare: compare !== null };
  const [picked, setPicked] = useState<Partial<Record<FindingKind, boolean>>>({});
  const chosen = new Set(FINDING_ORDER.filter((k) => available[k] && (picked[k] ?? openNow[k])));
  const toggle = () => {
    // Each opening starts from what is open now.
    if (!open) setPicked({});
    setOpen(!open);
  };
  const names = (ids: readonly string[]) => ids.map((id) => dataset.actors.find((a) => a.id === id)?.name ?? id).join(', ');

  // The briefing: the chosen findings answered in the worker, with the picture as it is now and the evidence behind every relation used.
  const exportBriefing = () =>
    run('the briefing', async () => {
      if (chosen.size === 0) throw new Error('choose at least one finding');
      const sections = await briefingSectionsInWorker(chosen, questions, { dataset, filter, evidence: props.evidence, window: props.timeWindow });
      const brief = buildBrief(
        { dataset, filter, evidence: props.evidence, report: props.evidenceReport, ...(props.timeWindow ? { window: props.timeWindow } : {}), sections },
        { date: new Date().toISOString(), author, viewLink: location.href },
      );
      const caption = 'The explorer’s view when the briefing was written: what the open tab showed on the graph (a chosen path, blocs or factions), the rest as drawn (legend in the picture).';
      const picture = { svg: viewSvg(canvas.picture(), legend()), caption, alt: 'The explorer’s view when the briefing was written, with its legend' };
      downloadText(`${base}-briefing.html`, briefHtml(brief, picture), 'text/html');
    });
  const FINDING_HINTS: Record<FindingKind, string> = {
    paths: question ? `${names([question.query.from])} to ${names([question.query.to])}` : 'ask one in the Paths tab first',
    blocs: `along ${(openAnalyses.blocs ?? DEFAULT_BLOCS_QUESTION).types!.join(' and ')}`,
    triads: openAnalyses.balance ? 'with the Balance tab’s signs' : 'partner, supplier, supporter +; threat −',
    compare: compare ? names(compare.actors) : 'choose two actors in the Compare tab first',
  };
  const what = [...chosen].map((k) => FINDING_LABELS[k]).join(', ');

  // A dialog of buttons rather than a menu: it also holds a checkbox, headings and a status line, which a menu may not.
  return (
    <div className="export" ref={box}>
      <button type="button" aria-expanded={open} aria-haspopup="dialog" onClick={toggle}>Export ▾</button>
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
          <fieldset className="brief-findings">
            <legend>Findings to put in</legend>
            {FINDING_ORDER.map((k) => (
              <label key={k} className={available[k] ? undefined : 'muted'}>
                <input
                  type="checkbox"
                  checked={chosen.has(k)}
                  disabled={!available[k]}
                  onChange={(e) => setPicked({ ...picked, [k]: e.target.checked })}
                />{' '}
                {FINDING_LABELS[k][0]!.toUpperCase() + FINDING_LABELS[k].slice(1)} <span className="muted">({FINDING_HINTS[k]})</span>
              </label>
            ))}
          </fieldset>
          <label className="brief-author">
            Author <input value={author} placeholder="your name" onChange={(e) => setAuthor(e.target.value)} />
          </label>
          <button type="button" disabled={chosen.size === 0} onClick={() => void exportBriefing()} aria-describedby="briefing-what">
            {chosen.size ? `Briefing (HTML): ${what}` : 'Briefing (HTML)'}
          </button>
          <p id="briefing-what" className="muted">
            {chosen.size
              ? 'One file to hand over: the picture, the findings, the claims behind every relation used, what the evidence setting left out. Prints to PDF.'
              : 'Choose at least one finding above.'}
          </p>
          {message && <p className="muted" role="status">{message}</p>}
        </div>
      )}
    </div>
  );
}
