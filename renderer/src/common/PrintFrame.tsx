// The hidden frame a printable document (a report, an instruction card) is printed from: sandboxed
// with no scripts (same origin only so the page can call print on it, modals for the print dialog).
import { useTranslation } from 'react-i18next';

export function PrintFrame({ html, testId }: { html: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <iframe
      className="reports-print-frame"
      title={t('reports.printFrameTitle')}
      aria-hidden="true"
      tabIndex={-1}
      sandbox="allow-same-origin allow-modals"
      srcDoc={html}
      data-testid={testId}
      onLoad={(e) => e.currentTarget.contentWindow?.print()}
    />
  );
}
