import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadDefaultDataset } from './data/default-dataset';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
try {
  const dataset = loadDefaultDataset();
  root.render(
    <StrictMode>
      <App dataset={dataset} />
    </StrictMode>,
  );
} catch (err) {
  root.render(<pre className="fatal">{err instanceof Error ? err.message : String(err)}</pre>);
}
