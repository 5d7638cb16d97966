import { formatProblem, type Problem } from '../../../graph';

/** Problems from a refused edit or import, as text (never markup). */
export function ProblemList({ problems, title }: { problems: readonly Problem[]; title: string }) {
  if (problems.length === 0) return null;
  return (
    <div className="problems" role="alert">
      <strong>{title}</strong>
      <ul>
        {problems.map((p, i) => (
          <li key={i} className={p.severity}>{formatProblem(p)}</li>
        ))}
      </ul>
    </div>
  );
}
