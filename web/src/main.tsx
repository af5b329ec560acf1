import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createI18n, loadLanguage, readStoredLanguage } from './lib/i18n';
import { createQueryClient } from './lib/query-client';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// English texts come in their own chunk: fetched before the first render when English was chosen.
const language = readStoredLanguage();
void loadLanguage(language)
  .catch(() => undefined) // offline: the app opens in Indonesian, the fallback
  .then(() => {
    createRoot(container).render(
      <StrictMode>
        <App i18n={createI18n(language)} queryClient={createQueryClient()} />
      </StrictMode>,
    );
  });
