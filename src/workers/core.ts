/** The app's one core worker, created on first use and shared by every panel. */
import { CoreClient } from './core-client';

let client: CoreClient | null = null;

export function core(): CoreClient {
  client ??= new CoreClient();
  return client;
}
