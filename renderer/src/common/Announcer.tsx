import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

type Announce = (text: string, tone?: Notice['tone']) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}

let nextId = 1;

/** Visible notices that are also read out by screen readers (polite for info, assertive for errors). */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const announce = useCallback<Announce>((text, tone = 'info') => {
    const id = nextId++;
    setNotices((list) => [...list.slice(-2), { id, text, tone }]);
    window.setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), tone === 'error' ? 9000 : 5000);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="notices" role="status" aria-live="polite" data-testid="notices">
        {notices
          .filter((n) => n.tone === 'info')
          .map((n) => (
            <p key={n.id} className="notice">
              {n.text}
            </p>
          ))}
      </div>
      <div className="notices notices-error" role="alert" aria-live="assertive" data-testid="errors">
        {notices
          .filter((n) => n.tone === 'error')
          .map((n) => (
            <p key={n.id} className="notice notice-error">
              {n.text}
            </p>
          ))}
      </div>
    </AnnounceContext.Provider>
  );
}
