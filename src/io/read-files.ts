/**
 * Reads dropped, picked and fetched files as bytes, reporting bytes read so
 * big files show progress, and stopping when the caller's AbortSignal says.
 * The core's worker decodes the bytes (graph/io/decode.ts), so the encoding's
 * warnings land in the import report as they do on the command line.
 */
import type { ByteFile } from '../../graph';

export interface ReadProgress {
  loaded: number;
  /** 0 when the size is not known (a download without Content-Length). */
  total: number;
}

const aborted = () => new DOMException('Cancelled', 'AbortError');

function readOne(file: File, onProgress: (loaded: number) => void, signal?: AbortSignal): Promise<ByteFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    const onAbort = () => reader.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    reader.onprogress = (e) => onProgress(e.loaded);
    reader.onabort = () => reject(aborted());
    reader.onerror = () => reject(new Error(`${file.name}: ${reader.error?.message ?? 'could not be read'}`));
    reader.onload = () => {
      signal?.removeEventListener('abort', onAbort);
      resolve({ name: file.name, bytes: new Uint8Array(reader.result as ArrayBuffer) });
    };
    reader.readAsArrayBuffer(file);
  });
}

export async function readFiles(files: readonly File[], onProgress: (p: ReadProgress) => void, signal?: AbortSignal): Promise<ByteFile[]> {
  const total = files.reduce((n, f) => n + f.size, 0);
  let done = 0;
  const out: ByteFile[] = [];
  for (const file of files) {
    if (signal?.aborted) throw aborted();
    out.push(await readOne(file, (loaded) => onProgress({ loaded: done + loaded, total }), signal));
    done += file.size;
    onProgress({ loaded: done, total });
  }
  return out;
}

/** Is this the rejection of a read or fetch that the user cancelled? */
export const isCancelled = (err: unknown): boolean => err instanceof DOMException && err.name === 'AbortError';

/**
 * A dataset file from the web (?data= or the URL field): http(s) only, same
 * rules as any file. The body is read as a stream, so progress shows bytes
 * read (of Content-Length when the server gives it); `signal` cancels it.
 */
export async function fetchFile(url: string, onProgress: (p: ReadProgress) => void = () => {}, signal?: AbortSignal): Promise<ByteFile> {
  const parsed = new URL(url, location.href);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`${url}: only http(s) addresses can be opened`);
  let response: Response;
  try {
    response = await fetch(parsed.toString(), { signal });
  } catch (err) {
    if (isCancelled(err)) throw err;
    throw new Error(`Could not fetch ${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!response.ok) throw new Error(`Could not fetch ${url}: HTTP ${response.status}`);
  const name = decodeURIComponent(parsed.pathname.split('/').pop() || 'download');
  // Content-Length counts the bytes as sent: with a Content-Encoding they are compressed, so it is no total then.
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 && !response.headers.get('content-encoding') ? length : 0;
  if (!response.body) return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress({ loaded, total });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      onProgress({ loaded, total });
    }
  } catch (err) {
    if (isCancelled(err) || signal?.aborted) throw aborted();
    throw new Error(`Could not fetch ${url}: the download stopped after ${loaded} bytes (${err instanceof Error ? err.message : String(err)})`);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { name, bytes };
}
