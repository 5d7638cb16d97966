/** Reads dropped or picked files as text, reporting bytes read so big files show progress. */
import type { InputFile } from '../../graph';

export interface ReadProgress {
  loaded: number;
  total: number;
}

function readOne(file: File, onProgress: (loaded: number) => void): Promise<InputFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.loaded);
    reader.onerror = () => reject(new Error(`${file.name}: ${reader.error?.message ?? 'could not be read'}`));
    reader.onload = () => resolve({ name: file.name, text: String(reader.result ?? '') });
    reader.readAsText(file, 'utf-8');
  });
}

export async function readFiles(files: readonly File[], onProgress: (p: ReadProgress) => void): Promise<InputFile[]> {
  const total = files.reduce((n, f) => n + f.size, 0);
  let done = 0;
  const out: InputFile[] = [];
  for (const file of files) {
    out.push(await readOne(file, (loaded) => onProgress({ loaded: done + loaded, total })));
    done += file.size;
    onProgress({ loaded: done, total });
  }
  return out;
}

/** A dataset file from the web (?data= or the URL field): http(s) only, same rules as any file. */
export async function fetchFile(url: string): Promise<InputFile> {
  const parsed = new URL(url, location.href);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`${url}: only http(s) addresses can be opened`);
  let response: Response;
  try {
    response = await fetch(parsed.toString());
  } catch (err) {
    throw new Error(`Could not fetch ${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!response.ok) throw new Error(`Could not fetch ${url}: HTTP ${response.status}`);
  const name = decodeURIComponent(parsed.pathname.split('/').pop() || 'download');
  return { name, text: await response.text() };
}
