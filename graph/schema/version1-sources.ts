/**
 * Sources written before sources had ids (version 1's meta.sources, a version
 * 1 export's `source` rows): each gets one from its title, and an interviewee
 * becomes the source's speaker. The version 1 → 2 migration and the readers of
 * older exports both use it, so the claims citing them join them alike.
 */
import { sourceIdFromTitle } from '../sources/citation';

export function withSourceIds(sources: readonly unknown[]): unknown[] {
  const used = new Set<string>();
  for (const s of sources) if (isRecord(s) && typeof s.id === 'string') used.add(s.id);
  return sources.map((s) => {
    if (!isRecord(s) || s.id !== undefined) return s;
    const id = sourceIdFromTitle(typeof s.title === 'string' ? s.title : 'source', used);
    used.add(id);
    const { interviewee, ...rest } = s;
    return { id, ...rest, ...(interviewee !== undefined && rest.speaker === undefined ? { speaker: interviewee } : {}) };
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
