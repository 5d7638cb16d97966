/** Briefings: a question answered with its evidence, as one HTML file (path-brief.ts the content, brief-html.ts the file). */
export { buildPathBrief, type Brief, type BriefOptions, type PathBriefInput, type PathQuestion } from './path-brief';
export { briefHtml } from './brief-html';
export { pathPicture } from './path-picture';
export { pathViewLink, type PathView } from './view-link';
export { contentHash, canonicalJson } from './content-hash';
export { sensitivity, SENSITIVITY_GRADE, type Sensitivity } from './sensitivity';
