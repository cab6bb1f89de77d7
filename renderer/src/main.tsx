// The shared styles first: each feature's own stylesheet, imported by its components, comes after.
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/transport';
import { ApiContext } from './app/context';
import { App } from './app/App';
import { AnnouncerProvider } from './common/Announcer';
import { initI18n } from './i18n/index';

async function boot(): Promise<void> {
  const root = document.getElementById('root') as HTMLElement;
  const api = createApi();
  let info;
  try {
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
