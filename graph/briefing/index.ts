/**
 * Briefings: findings (the path question, blocs, unbalanced triads, compared
 * actors) answered with their evidence, as one HTML file (brief.ts the
 * content, one *-brief.ts per finding, footnotes.ts the one numbering,
 * brief-html.ts the file with one *-html.ts per finding).
 */
export { buildBrief, buildPathBrief, findingOf, FINDING_ORDER, type Brief, type BriefInput, type BriefOptions, type Finding, type FindingKind, type Section } from './brief';
export { type PathQuestion, type PathFinding, type PathSection } from './path-brief';
export { blocTies, type BlocsFinding, type BlocsSection } from './blocs-brief';
export { triadOutcome, type TriadsFinding, type TriadsSection, type TriadOutcome } from './triads-brief';
export { type CompareFinding, type CompareSection } from './compare-brief';
export { footnoteBook, type Footnote, type FootnoteBook, type BriefRelation } from './footnotes';
export { briefHtml, type BriefPicture } from './brief-html';
export { pathPicture } from './path-picture';
export { pathViewLink, type PathView } from './view-link';
export { contentHash, canonicalJson } from './content-hash';
export { sensitivity, datasetAtGrade, relationAtGrade, SENSITIVITY_GRADE, type Sensitivity } from './sensitivity';
