// The execution-discipline dashboard: a period, the figures per lead organization as a chart and a
// table, the monthly trend as a chart and a table, and the ten most overdue instructions. A bar, a
// figure in a table or a row of the list opens the board searched to exactly those instructions
// (the search language: org:, due: or created:, overdue:yes, resolved:ontime|late, extended:yes).
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DisciplineFigures, DisciplineReport, OrganizationFigures, PeriodBasis, TrendMonth } from '../../../db/discipline';
import { useApi } from '../app/context';
import { describeError } from '../common/errors';
import { formatDate, localeOf } from '../common/format';
import { DateInput } from '../common/DateInput';
import { Chart, type ChartOption } from './Chart';
import { figureQuery, monthEnd, periodQuery, presetPeriod, quoteValue, type Figure } from './queries';
import './dashboard.css';

export interface DashboardPeriod {
  from: string;
  to: string;
  basis: PeriodBasis;
}

interface Props {
  period: DashboardPeriod;
  onPeriod(period: DashboardPeriod): void;
  /** Opens the board with this search. */
  onOpenBoard(query: string): void;
  /** Opens the reports dialog on the discipline report of this period. */
  onReport(period: DashboardPeriod): void;
}

const COLORS = { due: '#8a94a6', onTime: '#2e7d32', late: '#ef6c00', overdue: '#c62828' };

function percent(share: number | null, language: string, t: TFunction): string {
  if (share === null) return t('dashboard.none');
  return t('dashboard.percent', { value: new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(share * 100) });
}

/** "October 2026" in English and Russian; 10.2026 in Kazakh and Kyrgyz, whose month names Chromium lacks. */
export function monthLabel(month: string, language: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (language === 'kk' || language === 'ky') return `${String(m).padStart(2, '0')}.${y}`;
  return new Intl.DateTimeFormat(localeOf(language), { month: 'long', year: 'numeric' }).format(new Date(y, m - 1, 1));
}

export function DashboardScreen({ period, onPeriod, onOpenBoard, onReport }: Props) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const id = useId();
  const [report, setReport] = useState<DisciplineReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const language = i18n.language;

  useEffect(() => {
    let live = true;
    setError(null);
    api['discipline.figures']({ from: period.from, to: period.to, basis: period.basis }).then(
      (r) => live && setReport(r),
      (err: unknown) => {
        if (!live) return;
        setReport(null);
        setError(describeError(err, t));
      },
    );
    return () => {
      live = false;
    };
  }, [api, period, t]);

  const base = periodQuery(period);
  const orgName = (o: OrganizationFigures) => o.name ?? t('dashboard.noLead');
  const orgQuery = (o: OrganizationFigures, figure: Figure) => [o.name === null ? null : `org:${quoteValue(o.name)}`, base, figureQuery(figure)].filter(Boolean).join(' ');
  const totalQuery = (figure: Figure) => [base, figureQuery(figure)].filter(Boolean).join(' ');
  // The row without a lead organization cannot be searched for by name; its figures are shown only.
  const named = report?.organizations.filter((o) => o.name !== null) ?? [];

  const orgChart = useMemo((): ChartOption | null => {
    if (!report) return null;
    const series = (['onTime', 'late', 'overdue'] as const).map((key) => ({
      type: 'bar' as const,
      name: t(`dashboard.columns.${key}`),
      stack: 'figures',
      itemStyle: { color: COLORS[key] },
      data: named.map((o) => (key === 'onTime' ? o.resolvedOnTime : key === 'late' ? o.resolvedLate : o.overdue)),
    }));
    return {
      aria: { enabled: false },
      animation: false,
      // Drawn on the canvas: the HTML tooltip writes style attributes, which the app's CSP refuses.
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: named.map(orgName), axisLabel: { interval: 0, width: 120, overflow: 'truncate' } },
      yAxis: { type: 'value', minInterval: 1 },
      series,
    } as ChartOption;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- named and orgName follow report and the language
  }, [report, language]);

  const trendChart = useMemo((): ChartOption | null => {
    if (!report) return null;
    return {
      animation: false,
      // Drawn on the canvas: the HTML tooltip writes style attributes, which the app's CSP refuses.
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: report.trend.map((m) => monthLabel(m.month, language)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: (['due', 'onTime', 'late', 'overdue'] as const).map((key) => ({
        type: 'bar' as const,
        name: t(`dashboard.trendColumns.${key}`),
        itemStyle: { color: COLORS[key] },
        data: report.trend.map((m) => m[key]),
      })),
    } as ChartOption;
  }, [report, language, t]);

  const monthQuery = (m: TrendMonth, figure: Figure) => {
    // The month's deadlines, within the period's own bounds (and its basis).
    const from = `${m.month}-01` < period.from && period.basis === 'deadline' ? period.from : `${m.month}-01`;
    const to = monthEnd(m.month) > period.to && period.basis === 'deadline' ? period.to : monthEnd(m.month);
    const created = period.basis === 'created' ? base : '';
    return [created, `due:>=${from} due:<=${to}`, figureQuery(figure)].filter(Boolean).join(' ');
  };

  const setField = (patch: Partial<DashboardPeriod>) => onPeriod({ ...period, ...patch });
  const basisText = t(`dashboard.basis.${period.basis}`);

  return (
    <section className="screen dashboard" aria-labelledby={`${id}-title`}>
      <div className="screen-head">
        <h2 id={`${id}-title`}>{t('dashboard.title')}</h2>
        <button type="button" className="primary" onClick={() => onReport(period)}>
          {t('dashboard.report')}
        </button>
      </div>

      <fieldset className="dashboard-period">
        <legend>{t('dashboard.periodLegend')}</legend>
        <label htmlFor={`${id}-from`}>{t('dashboard.from')}</label>
        <DateInput id={`${id}-from`} value={period.from} required onChange={(from) => from && setField({ from })} testId="dashboard-from" />
        <label htmlFor={`${id}-to`}>{t('dashboard.to')}</label>
        <DateInput id={`${id}-to`} value={period.to} required onChange={(to) => to && setField({ to })} testId="dashboard-to" />
        <label htmlFor={`${id}-basis`}>{t('dashboard.basisLabel')}</label>
        <select id={`${id}-basis`} value={period.basis} onChange={(e) => setField({ basis: e.target.value as PeriodBasis })}>
          <option value="deadline">{t('dashboard.basis.deadline')}</option>
          <option value="created">{t('dashboard.basis.created')}</option>
        </select>
        <span className="dashboard-presets">
          {(['month', 'quarter', 'year'] as const).map((p) => (
            <button key={p} type="button" onClick={() => onPeriod({ ...presetPeriod(p, new Date()), basis: period.basis })}>
              {t(`dashboard.presets.${p}`)}
            </button>
          ))}
        </span>
      </fieldset>

      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {!report && !error && <p className="muted">{t('dashboard.loading')}</p>}
      {report && (
        <>
          {report.missingYears.length > 0 && <p className="muted">{t('dashboard.missingYears', { years: report.missingYears.join(', ') })}</p>}
          <p className="muted dashboard-definitions">{t('dashboard.definitions')}</p>
          <h3>{t('dashboard.byOrganization')}</h3>
          {report.organizations.length === 0 ? (
            <p className="muted">{t('dashboard.empty')}</p>
          ) : (
            <div className="dashboard-stack">
              {orgChart && (
                <Chart
                  option={orgChart}
                  label={t('dashboard.chartLabel')}
                  testId="discipline-chart"
                  onBarClick={(dataIndex, seriesIndex) => {
                    const o = named[dataIndex];
                    if (o) onOpenBoard(orgQuery(o, (['onTime', 'late', 'overdue'] as const)[seriesIndex] ?? 'all'));
                  }}
                />
              )}
              <OrganizationTable report={report} period={period} basisText={basisText} orgName={orgName} orgQuery={orgQuery} totalQuery={totalQuery} onOpenBoard={onOpenBoard} t={t} language={language} />
            </div>
          )}

          <h3>{t('dashboard.trend')}</h3>
          <div className="dashboard-pair">
            {trendChart && (
              <Chart
                option={trendChart}
                label={t('dashboard.trendChartLabel')}
                testId="trend-chart"
                height={260}
                onBarClick={(dataIndex, seriesIndex) => {
                  const m = report.trend[dataIndex];
                  if (m) onOpenBoard(monthQuery(m, (['all', 'onTime', 'late', 'overdue'] as const)[seriesIndex] ?? 'all'));
                }}
              />
            )}
            <table className="record-table dashboard-table" data-testid="trend-table">
              <caption>{t('dashboard.trendCaption')}</caption>
              <thead>
                <tr>
                  {(['month', 'due', 'onTime', 'late', 'overdue'] as const).map((c) => (
                    <th key={c} scope="col" className={c === 'month' ? undefined : 'num'}>
                      {t(`dashboard.trendColumns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.trend.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{monthLabel(m.month, language)}</th>
                    {(['due', 'onTime', 'late', 'overdue'] as const).map((key) => (
                      <td key={key} className="num">
                        {m[key] === 0 ? (
                          '0'
                        ) : (
                          <button type="button" className="link-button" aria-label={t('dashboard.openBoard', { what: `${monthLabel(m.month, language)}, ${t(`dashboard.trendColumns.${key}`)}: ${m[key]}` })} onClick={() => onOpenBoard(monthQuery(m, key === 'due' ? 'all' : key))}>
                            {m[key]}
                          </button>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h3>{t('dashboard.worst')}</h3>
          {report.worst.length === 0 ? (
            <p className="muted">{t('dashboard.worstEmpty')}</p>
          ) : (
            <table className="record-table dashboard-table" data-testid="worst-table">
              <caption>{t('dashboard.worstCaption')}</caption>
              <thead>
                <tr>
                  {(['number', 'title', 'lead', 'due', 'days'] as const).map((c) => (
                    <th key={c} scope="col" className={c === 'days' ? 'num' : undefined}>
                      {t(`dashboard.worstColumns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.worst.map((w) => (
                  <tr key={w.id}>
                    <td>{w.controlNumber ?? ''}</td>
                    <td>
                      <button type="button" className="link-button" onClick={() => onOpenBoard(w.controlNumber ? `№${w.controlNumber}` : w.title)}>
                        {w.title}
                      </button>
                    </td>
                    <td>{w.organizationName ?? t('dashboard.noLead')}</td>
                    <td>{formatDate(w.dueDate, language)}</td>
                    <td className="num">{t('dashboard.days', { calendar: w.calendarDays, working: w.workingDays })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

interface TableProps {
  report: DisciplineReport;
  period: DashboardPeriod;
  basisText: string;
  orgName(o: OrganizationFigures): string;
  orgQuery(o: OrganizationFigures, figure: Figure): string;
  totalQuery(figure: Figure): string;
  onOpenBoard(query: string): void;
  t: TFunction;
  language: string;
}

function OrganizationTable({ report, period, basisText, orgName, orgQuery, totalQuery, onOpenBoard, t, language }: TableProps) {
  const cells = (f: DisciplineFigures, name: string, query: ((figure: Figure) => string) | null) => {
    const count = (value: number, figure: Figure, column: string) =>
      value === 0 || query === null ? (
        String(value)
      ) : (
        <button type="button" className="link-button" aria-label={t('dashboard.openBoard', { what: `${name}, ${t(`dashboard.columns.${column}`)}: ${value}` })} onClick={() => onOpenBoard(query(figure))}>
          {value}
        </button>
      );
    return (
      <>
        <td className="num">{count(f.instructions, 'all', 'instructions')}</td>
        <td className="num">{count(f.resolvedOnTime, 'onTime', 'onTime')}</td>
        <td className="num">{count(f.resolvedLate, 'late', 'late')}</td>
        <td className="num">{count(f.overdue, 'overdue', 'overdue')}</td>
        <td className="num">{t('dashboard.days', { calendar: f.overdueCalendarDays, working: f.overdueWorkingDays })}</td>
        <td className="num">
          {count(f.extended, 'extended', 'extended')}
          {f.extendedShare !== null && ` (${percent(f.extendedShare, language, t)})`}
        </td>
        <td className="num">{percent(f.onTimeRate, language, t)}</td>
        <td className="num">{percent(f.onTimeRateOriginal, language, t)}</td>
        <td className="num">{f.averageDelay === null ? t('dashboard.none') : new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(f.averageDelay)}</td>
      </>
    );
  };
  const columns = ['organization', 'instructions', 'onTime', 'late', 'overdue', 'overdueDays', 'extended', 'onTimeRate', 'onTimeRateOriginal', 'averageDelay'] as const;
  return (
    <table className="record-table dashboard-table" data-testid="discipline-table">
      <caption>{t('dashboard.tableCaption', { from: formatDate(period.from, language), to: formatDate(period.to, language), basis: basisText })}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col" className={c === 'organization' ? 'org-column' : 'num'}>
              {t(`dashboard.columns.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.organizations.map((o) => (
          <tr key={o.organizationId ?? 'none'}>
            <th scope="row">
              {o.name === null ? (
                orgName(o)
              ) : (
                <button type="button" className="link-button" onClick={() => onOpenBoard(orgQuery(o, 'all'))}>
                  {orgName(o)}
                </button>
              )}
            </th>
            {cells(o, orgName(o), o.name === null ? null : (figure) => orgQuery(o, figure))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('dashboard.total')}</th>
          {cells(report.total, t('dashboard.total'), totalQuery)}
        </tr>
      </tfoot>
    </table>
  );
}
