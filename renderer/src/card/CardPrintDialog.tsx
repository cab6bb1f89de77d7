// The instruction's card as it prints (карточка поручения): the print document in a sandboxed frame
// that runs no scripts, printed by the desktop app through the system dialog or saved as PDF; in
// browser mode the browser prints it (and "Save as PDF" there makes the file).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PrintFrame } from '../common/PrintFrame';
import type { CardDocument, ReportOptions } from '../../../electron/api/contract';
import { useApi } from '../app/context';
import { useAnnounce } from '../common/Announcer';
import { Dialog } from '../common/Dialog';
import { describeError } from '../common/errors';
import '../reports/reports.css';

export function CardPrintDialog({ instructionId, onClose }: { instructionId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const [card, setCard] = useState<CardDocument | null>(null);
  const [options, setOptions] = useState<ReportOptions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [printKey, setPrintKey] = useState(0);

  useEffect(() => {
    let live = true;
    void Promise.all([api['reports.card']({ instructionId }), api['reports.options']({})]).then(
      ([doc, opts]) => {
        if (!live) return;
        setCard(doc);
        setOptions(opts);
      },
      (err: unknown) => live && setError(describeError(err, t)),
    );
    return () => {
      live = false;
    };
  }, [api, instructionId, t, i18n.language]);

  const run = async (task: () => Promise<void>) => {
    setError(null);
    try {
      await task();
    } catch (err) {
      const message = describeError(err, t);
      setError(message);
      announce(message, 'error');
    }
  };

  const print = () =>
    run(async () => {
      if (options?.canPrint) {
        const { printed } = await api['reports.printCard']({ instructionId });
        announce(printed ? t('reports.printed') : t('reports.notPrinted'));
      } else {
        setPrintKey((k) => k + 1);
        announce(t('reports.printOpened'));
      }
    });

  const savePdf = () =>
    run(async () => {
      const { path } = await api['reports.saveCardPdf']({ instructionId });
      announce(path ? t('reports.saved', { path }) : t('reports.notSaved'));
    });

  return (
    <Dialog title={card?.title ?? t('cardPrint.title')} onClose={onClose} wide testId="card-print-dialog">
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="reports-actions">
        <button type="button" className="primary" disabled={!card} onClick={() => void print()}>
          {t('cardPrint.print')}
        </button>
        {options?.canSave && (
          <button type="button" disabled={!card} onClick={() => void savePdf()}>
            {t('cardPrint.pdf')}
          </button>
        )}
      </div>
      {card ? (
        <iframe className="reports-frame card-print-frame" title={t('reports.previewTitle', { title: card.title })} sandbox="" srcDoc={card.html} data-testid="card-print-preview" />
      ) : (
        !error && <p>{t('cardPrint.preparing')}</p>
      )}
      {card && printKey > 0 && (
        <PrintFrame key={printKey} html={card.html} testId="card-print-frame" />
      )}
    </Dialog>
  );
}
