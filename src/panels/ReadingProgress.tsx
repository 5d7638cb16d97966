/** Bytes read of a file or download, as words and a bar: the import dialog and the ?data= start-up share it. */
import type { ReadProgress } from '../io/read-files';

export function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function ReadingProgress({ progress, label }: { progress: ReadProgress; label: string }) {
  const { loaded, total } = progress;
  return (
    <>
      <p>Reading… {formatBytes(loaded)}{total > 0 ? ` of ${formatBytes(total)}` : ''}</p>
      {/* Without a known size the bar is indeterminate rather than a guess. */}
      {total > 0 ? <progress max={total} value={loaded} aria-label={label} /> : <progress aria-label={label} />}
    </>
  );
}
