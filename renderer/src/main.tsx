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
import type { AppInfo, Language } from '../../db/model';

/** Without a store there are no settings: the browser's (the system's) language, else the app's guess. */
function browserLanguage(fallback: Language): Language {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split(/[-_]/)[0] as Language;
    if (SUPPORTED_LANGUAGES.includes(base)) return base;
  }
  return fallback;
}

/**
 * The first start speaks the system's language: until a language is chosen in the app, a browser
 * (or Electron's Chromium) that prefers Russian, Kazakh or Kyrgyz sets it. English stays the
 * app's own guess's business (the store's side reads the system's languages too).
 */
async function startingLanguage(api: ReturnType<typeof createApi>, info: AppInfo): Promise<AppInfo> {
  if (!info.firstRun || info.languageChosen) return info;
  const preferred = browserLanguage(info.language);
  if (preferred === 'en' || preferred === info.language) return info;
  try {
    return await api['app.setLanguage']({ language: preferred });
  } catch {
    return info;
  }
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
    info = await startingLanguage(api, await api['app.info']({}));
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
