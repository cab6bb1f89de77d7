// The reports channels over the report service (electron/services/reports), which the app core
// wires to the shell's save dialog and print engine.
import type { ReportService } from '../../services/reports/service';
import type { Handlers } from '../dispatch';
import type { reportChannels } from './channels';

export function createReportHandlers(reports: ReportService): Pick<Handlers, keyof typeof reportChannels> {
  return {
    'reports.options': () => reports.options(),
    'reports.card': (input) => reports.card(input),
    'reports.printCard': (input) => reports.printCard(input),
    'reports.saveCardPdf': (input) => reports.saveCardPdf(input),
    'reports.preview': (input) => reports.preview(input),
    'reports.start': (input) => reports.start(input),
    'reports.job': ({ jobId }) => reports.job(jobId),
    'reports.cancel': ({ jobId }) => reports.cancel(jobId),
    'reports.save': ({ jobId }) => reports.save(jobId),
    'reports.print': ({ jobId }) => reports.print(jobId),
  };
}
