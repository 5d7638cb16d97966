/** An id made from a name: lower-case letters and digits joined by hyphens, accents dropped, made unique with -2, -3, … */
export function idFromName(name: string, used: ReadonlySet<string>, fallback: string, maxLength = Infinity): string {
  const slug = name.trim().toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  const base = slug.slice(0, maxLength).replace(/-+$/, '') || fallback;
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
