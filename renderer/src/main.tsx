// The shared styles first: each feature's own stylesheet, imported by its components, comes after.
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/transport';
import { ApiContext } from './app/context';
import { App } from './app/App';
import { AnnouncerProvider } from './common/Announcer';
import { initI18n, SUPPORTED_LANGUAGES } from './i18n/index';
import { RecoveryScreen } from './app/RecoveryScreen';
import type { Language } from '../../db/model';

/** Without a store there are no settings: the browser's (the system's) language, else the app's guess. */
function browserLanguage(fallback: Language): Language {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0] as Language;
    if (SUPPORTED_LANGUAGES.includes(base)) return base;
  }
  return fallback;
}

async function boot(): Promise<void> {
  const root = document.getElementById('root') as HTMLElement;
  const api = createApi();
  let info;
  try {
    const status = await api['recovery.status']({});
    if (status.state === 'unavailable') {
      await initI18n(browserLanguage(status.language));
      createRoot(root).render(
        <StrictMode>
          <ApiContext.Provider value={api}>
            <RecoveryScreen status={status} />
          </ApiContext.Provider>
        </StrictMode>,
      );
      return;
    }
    info = await api['app.info']({});
  } catch (err) {
    root.textContent = `The app could not start: ${err instanceof Error ? err.message : String(err)}`;
    return;
  }
  await initI18n(info.language);
  createRoot(root).render(
    <StrictMode>
      <ApiContext.Provider value={api}>
        <AnnouncerProvider>
          <App initialInfo={info} />
        </AnnouncerProvider>
      </ApiContext.Provider>
    </StrictMode>,
  );
}

void boot();
