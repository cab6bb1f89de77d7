// The words of the reports, in the official's language: headings, column names, statuses, notes.
// English, Russian, Kazakh and Kyrgyz are all complete: a report never mixes languages. Dates and
// numbers are formatted here too, so that every format prints them the same way.
import type { Language, Priority, Status } from '../../../db/model';

type Plural = { one: string; few?: string; many?: string; other: string };

export interface ReportStrings {
  titles: { status: string; overdue: string; register: string };
  fileNames: { status: string; overdue: string; register: string; exchange: string };
  sections: { summary: string; instructions: string; overdue: string; overdueByOrg: string; register: string };
  sheets: { summary: string; instructions: string; overdue: string; overdueByOrg: string; register: string };
  meta: { meetings: string; selection: string; everything: string; instructions: string; asOf: string };
  meetingLine: string;
  meetingProtocol: string;
  asOf: string;
  prepared: string;
  /** The signature block the справка ends with, and the official named in the page footer. */
  signature: { prepared: string; approved: string; phone: string; footer: string };
  pageOf: string;
  previewLimited: string;
  empty: string;
  total: string;
  noLead: string;
  yes: string;
  no: string;
  columns: {
    organization: string;
    total: string;
    assigned: string;
    inProgress: string;
    reportSubmitted: string;
    resolved: string;
    overdue: string;
    extended: string;
    maxDaysOverdue: string;
    number: string;
    itemNumber: string;
    reopened: string;
    outcome: string;
    meeting: string;
    meetingDate: string;
    protocol: string;
    title: string;
    text: string;
    lead: string;
    leadPerson: string;
    controller: string;
    coexecutors: string;
    originalDue: string;
    due: string;
    extensions: string;
    extensionHistory: string;
    status: string;
    daysOverdue: string;
    workingDaysOverdue: string;
    latestReport: string;
    latestReportKind: string;
    latestReportDate: string;
    priority: string;
    onControl: string;
    topics: string;
    reports: string;
    resolution: string;
    resolvedAt: string;
    createdAt: string;
    updatedAt: string;
    archived: string;
    id: string;
  };
  print: { instruction: string; executors: string; deadline: string; status: string; progress: string; who: string; meeting: string };
  notes: {
    originally: string;
    coexecutorDue: string;
    controller: string;
    extensionLine: string;
    overdueBy: Plural;
    extendedTimes: Plural;
    reportLine: string;
    onControl: string;
    offControl: string;
    reopenedOn: string;
    onTime: string;
    lateBy: Plural;
  };
  status: Record<Status, string>;
  priority: Record<Priority, string>;
  reportKinds: { interim: string; final: string };
}

const en: ReportStrings = {
  titles: {
    status: 'Report on the execution of instructions',
    overdue: 'Overdue instructions',
    register: 'Register of instructions',
  },
  fileNames: { status: 'status-report', overdue: 'overdue-instructions', register: 'register-of-instructions', exchange: 'ministry-tracker-exchange' },
  sections: {
    summary: 'Summary by lead organization',
    instructions: 'Progress of each instruction',
    overdue: 'Overdue instructions',
    overdueByOrg: 'Overdue instructions by lead organization',
    register: 'Register',
  },
  sheets: { summary: 'Summary', instructions: 'Instructions', overdue: 'Overdue', overdueByOrg: 'By organization', register: 'Register' },
  meta: { meetings: 'Source', selection: 'Selection', everything: 'all instructions', instructions: 'Instructions', asOf: 'As of' },
  meetingLine: '{title}, {date}',
  meetingProtocol: 'protocol No. {number}',
  asOf: 'As of {date}',
  prepared: 'Prepared on {date} at {time} by {actor}',
  signature: { prepared: 'Prepared by', approved: 'Approved by', phone: 'Tel. {phone}', footer: 'Prepared by {name}' },
  pageOf: 'Page {page} of {pages}',
  previewLimited: 'The preview shows the first {shown} of {total} rows; the exported file holds all of them.',
  empty: 'No instructions.',
  total: 'Total',
  noLead: 'No lead organization',
  yes: 'yes',
  no: 'no',
  columns: {
    organization: 'Lead organization',
    total: 'Total',
    assigned: 'Assigned',
    inProgress: 'In progress',
    reportSubmitted: 'Report submitted',
    resolved: 'Resolved',
    overdue: 'Overdue',
    extended: 'Extended',
    maxDaysOverdue: 'Most days overdue',
    number: 'Control No.',
    itemNumber: 'Item No.',
    reopened: 'Reopened',
    outcome: 'Outcome',
    meeting: 'Meeting',
    meetingDate: 'Meeting date',
    protocol: 'Protocol No.',
    title: 'Instruction',
    text: 'Text',
    lead: 'Lead organization',
    leadPerson: 'Responsible official',
    controller: 'Controller',
    coexecutors: 'Co-executors',
    originalDue: 'Original deadline',
    due: 'Deadline',
    extensions: 'Extensions',
    extensionHistory: 'Deadline changes',
    status: 'Status',
    daysOverdue: 'Days overdue',
    workingDaysOverdue: 'Working days overdue',
    latestReport: 'Latest report',
    latestReportKind: 'Report kind',
    latestReportDate: 'Report date',
    priority: 'Priority',
    onControl: 'On control',
    topics: 'Topics',
    reports: 'Reports',
    resolution: 'Final report',
    resolvedAt: 'Resolved on',
    createdAt: 'Created',
    updatedAt: 'Last changed',
    archived: 'Archived',
    id: 'ID',
  },
  print: {
    instruction: 'Instruction',
    executors: 'Executors',
    deadline: 'Deadline',
    status: 'Status',
    progress: 'Progress',
    who: 'Responsible',
    meeting: 'Meeting',
  },
  notes: {
    originally: 'originally {date}',
    coexecutorDue: '{name} (by {date})',
    controller: 'Controller: {name}',
    extensionLine: '{from} → {to}: {reason} ({by})',
    overdueBy: { one: 'overdue by {n} day', other: 'overdue by {n} days' },
    extendedTimes: { one: 'extended once', other: 'extended {n} times' },
    reportLine: '{kind}, {date}',
    onControl: 'on control',
    offControl: 'removed from control',
    reopenedOn: 'reopened {date}',
    onTime: 'resolved on time',
    lateBy: { one: 'resolved {n} day late', other: 'resolved {n} days late' },
  },
  status: { assigned: 'Assigned', in_progress: 'In progress', report_submitted: 'Report submitted', resolved: 'Resolved' },
  priority: { low: 'Low', normal: 'Normal', high: 'High', critical: 'Critical' },
  reportKinds: { interim: 'Progress report', final: 'Final report' },
};

const ru: ReportStrings = {
  titles: {
    status: 'Справка о ходе исполнения поручений',
    overdue: 'Перечень просроченных поручений',
    register: 'Реестр поручений',
  },
  fileNames: { status: 'справка-о-ходе-исполнения', overdue: 'просроченные-поручения', register: 'реестр-поручений', exchange: 'ministry-tracker-exchange' },
  sections: {
    summary: 'Сводка по головным исполнителям',
    instructions: 'Ход исполнения поручений',
    overdue: 'Просроченные поручения',
    overdueByOrg: 'Просроченные поручения по головным исполнителям',
    register: 'Реестр',
  },
  sheets: { summary: 'Сводка', instructions: 'Поручения', overdue: 'Просроченные', overdueByOrg: 'По исполнителям', register: 'Реестр' },
  meta: { meetings: 'Основание', selection: 'Отбор', everything: 'все поручения', instructions: 'Поручений', asOf: 'По состоянию на' },
  meetingLine: '{title} от {date}',
  meetingProtocol: 'протокол № {number}',
  asOf: 'По состоянию на {date}',
  prepared: 'Сформировано {date} в {time}, {actor}',
  signature: { prepared: 'Подготовил(а)', approved: 'Утверждаю', phone: 'Тел. {phone}', footer: 'Исполнитель: {name}' },
  pageOf: 'Стр. {page} из {pages}',
  previewLimited: 'В предпросмотре первые {shown} из {total} строк; в выгруженном файле — все.',
  empty: 'Поручений нет.',
  total: 'Итого',
  noLead: 'Головной исполнитель не назначен',
  yes: 'да',
  no: 'нет',
  columns: {
    organization: 'Головной исполнитель',
    total: 'Всего',
    assigned: 'Назначено',
    inProgress: 'В работе',
    reportSubmitted: 'Отчёт представлен',
    resolved: 'Исполнено',
    overdue: 'Просрочено',
    extended: 'Срок продлён',
    maxDaysOverdue: 'Наибольшая просрочка, дней',
    number: 'Контр. №',
    itemNumber: '№ пункта',
    reopened: 'Возобновлено',
    outcome: 'Итог',
    meeting: 'Совещание',
    meetingDate: 'Дата совещания',
    protocol: 'Протокол №',
    title: 'Поручение',
    text: 'Текст',
    lead: 'Головной исполнитель',
    leadPerson: 'Ответственное лицо',
    controller: 'Контролирующее лицо',
    coexecutors: 'Соисполнители',
    originalDue: 'Первоначальный срок',
    due: 'Срок',
    extensions: 'Продлений',
    extensionHistory: 'Переносы срока',
    status: 'Статус',
    daysOverdue: 'Дней просрочки',
    workingDaysOverdue: 'Рабочих дней просрочки',
    latestReport: 'Последний отчёт',
    latestReportKind: 'Вид отчёта',
    latestReportDate: 'Дата отчёта',
    priority: 'Приоритет',
    onControl: 'На контроле',
    topics: 'Темы',
    reports: 'Отчётов',
    resolution: 'Итоговый отчёт',
    resolvedAt: 'Дата исполнения',
    createdAt: 'Создано',
    updatedAt: 'Изменено',
    archived: 'В архиве',
    id: 'Идентификатор',
  },
  print: {
    instruction: 'Поручение',
    executors: 'Исполнители',
    deadline: 'Срок',
    status: 'Статус',
    progress: 'Ход исполнения',
    who: 'Ответственные',
    meeting: 'Совещание',
  },
  notes: {
    originally: 'первоначально {date}',
    coexecutorDue: '{name} (до {date})',
    controller: 'Контроль: {name}',
    extensionLine: '{from} → {to}: {reason} ({by})',
    overdueBy: { one: 'просрочено на {n} день', few: 'просрочено на {n} дня', many: 'просрочено на {n} дней', other: 'просрочено на {n} дня' },
    extendedTimes: { one: 'продлён {n} раз', few: 'продлён {n} раза', many: 'продлён {n} раз', other: 'продлён {n} раза' },
    reportLine: '{kind}, {date}',
    onControl: 'на контроле',
    offControl: 'снято с контроля',
    reopenedOn: 'возобновлено {date}',
    onTime: 'исполнено в срок',
    lateBy: { one: 'исполнено с опозданием на {n} день', few: 'исполнено с опозданием на {n} дня', many: 'исполнено с опозданием на {n} дней', other: 'исполнено с опозданием на {n} дня' },
  },
  status: { assigned: 'Назначено', in_progress: 'В работе', report_submitted: 'Отчёт представлен', resolved: 'Исполнено' },
  priority: { low: 'Низкий', normal: 'Обычный', high: 'Высокий', critical: 'Критический' },
  reportKinds: { interim: 'Промежуточный отчёт', final: 'Итоговый отчёт' },
};

const kk: ReportStrings = {
  titles: {
    status: 'Тапсырмалардың орындалу барысы туралы анықтама',
    overdue: 'Мерзімі өткен тапсырмалар тізбесі',
    register: 'Тапсырмалар тізілімі',
  },
  fileNames: { status: 'орындалу-барысы-туралы-анықтама', overdue: 'мерзімі-өткен-тапсырмалар', register: 'тапсырмалар-тізілімі', exchange: 'ministry-tracker-exchange' },
  sections: {
    summary: 'Бас орындаушылар бойынша жиынтық',
    instructions: 'Тапсырмалардың орындалу барысы',
    overdue: 'Мерзімі өткен тапсырмалар',
    overdueByOrg: 'Бас орындаушылар бойынша мерзімі өткен тапсырмалар',
    register: 'Тізілім',
  },
  sheets: { summary: 'Жиынтық', instructions: 'Тапсырмалар', overdue: 'Мерзімі өткендер', overdueByOrg: 'Орындаушылар бойынша', register: 'Тізілім' },
  meta: { meetings: 'Негіздеме', selection: 'Іріктеу', everything: 'барлық тапсырмалар', instructions: 'Тапсырмалар саны', asOf: 'Жағдай күні' },
  meetingLine: '{title}, {date}',
  meetingProtocol: '№ {number} хаттама',
  asOf: '{date} жағдай бойынша',
  prepared: 'Қалыптастырылды: {date}, сағ. {time}, {actor}',
  signature: { prepared: 'Дайындаған', approved: 'Бекітемін', phone: 'Тел. {phone}', footer: 'Орындаушы: {name}' },
  pageOf: '{pages} беттің {page}-беті',
  previewLimited: 'Алдын ала қарауда {total} жолдың алғашқы {shown} жолы көрсетілген; экспортталған файлда — барлығы.',
  empty: 'Тапсырмалар жоқ.',
  total: 'Барлығы',
  noLead: 'Бас орындаушы тағайындалмаған',
  yes: 'иә',
  no: 'жоқ',
  columns: {
    organization: 'Бас орындаушы',
    total: 'Жалпы саны',
    assigned: 'Тағайындалды',
    inProgress: 'Орындалуда',
    reportSubmitted: 'Есеп ұсынылды',
    resolved: 'Орындалды',
    overdue: 'Мерзімі өткен',
    extended: 'Мерзімі ұзартылған',
    maxDaysOverdue: 'Ең ұзақ кешігу, күн',
    number: 'Бақылау №',
    itemNumber: 'Тармақ №',
    reopened: 'Қайта ашылды',
    outcome: 'Нәтиже',
    meeting: 'Кеңес',
    meetingDate: 'Кеңестің өткен күні',
    protocol: 'Хаттама №',
    title: 'Тапсырма',
    text: 'Мәтіні',
    lead: 'Бас орындаушы',
    leadPerson: 'Жауапты лауазымды тұлға',
    controller: 'Бақылаушы',
    coexecutors: 'Бірлесіп орындаушылар',
    originalDue: 'Бастапқы мерзім',
    due: 'Мерзімі',
    extensions: 'Ұзартулар саны',
    extensionHistory: 'Мерзімнің өзгерістері',
    status: 'Мәртебесі',
    daysOverdue: 'Кешіктірілген күндер',
    workingDaysOverdue: 'Кешіктірілген жұмыс күндері',
    latestReport: 'Соңғы есеп',
    latestReportKind: 'Есеп түрі',
    latestReportDate: 'Есеп күні',
    priority: 'Басымдық',
    onControl: 'Бақылауда',
    topics: 'Тақырыптар',
    reports: 'Есептер саны',
    resolution: 'Қорытынды есеп',
    resolvedAt: 'Орындалған күні',
    createdAt: 'Құрылған күні',
    updatedAt: 'Соңғы өзгеріс',
    archived: 'Мұрағатта',
    id: 'Сәйкестендіргіш',
  },
  print: {
    instruction: 'Тапсырма',
    executors: 'Орындаушылар',
    deadline: 'Мерзімі',
    status: 'Мәртебесі',
    progress: 'Орындалу барысы',
    who: 'Жауаптылар',
    meeting: 'Кеңес',
  },
  notes: {
    originally: 'бастапқыда {date}',
    coexecutorDue: '{name} (мерзімі: {date})',
    controller: 'Бақылаушы: {name}',
    extensionLine: '{from} → {to}: {reason} ({by})',
    overdueBy: { one: '{n} күнге кешіктірілді', other: '{n} күнге кешіктірілді' },
    extendedTimes: { one: 'бір рет ұзартылды', other: '{n} рет ұзартылды' },
    reportLine: '{kind}, {date}',
    onControl: 'бақылауда',
    offControl: 'бақылаудан алынды',
    reopenedOn: '{date} қайта ашылды',
    onTime: 'мерзімінде орындалды',
    lateBy: { one: '{n} күн кешігіп орындалды', other: '{n} күн кешігіп орындалды' },
  },
  status: { assigned: 'Тағайындалды', in_progress: 'Орындалуда', report_submitted: 'Есеп ұсынылды', resolved: 'Орындалды' },
  priority: { low: 'Төмен', normal: 'Қалыпты', high: 'Жоғары', critical: 'Шұғыл' },
  reportKinds: { interim: 'Аралық есеп', final: 'Қорытынды есеп' },
};

const ky: ReportStrings = {
  titles: {
    status: 'Тапшырмалардын аткарылышынын жүрүшү жөнүндө маалымкат',
    overdue: 'Мөөнөтү өткөн тапшырмалардын тизмеси',
    register: 'Тапшырмалардын реестри',
  },
  fileNames: { status: 'аткарылыш-жүрүшү-жөнүндө-маалымкат', overdue: 'мөөнөтү-өткөн-тапшырмалар', register: 'тапшырмалардын-реестри', exchange: 'ministry-tracker-exchange' },
  sections: {
    summary: 'Башкы аткаруучулар боюнча жыйынтык',
    instructions: 'Тапшырмалардын аткарылыш жүрүшү',
    overdue: 'Мөөнөтү өткөн тапшырмалар',
    overdueByOrg: 'Башкы аткаруучулар боюнча мөөнөтү өткөн тапшырмалар',
    register: 'Реестр',
  },
  sheets: { summary: 'Жыйынтык', instructions: 'Тапшырмалар', overdue: 'Мөөнөтү өткөндөр', overdueByOrg: 'Аткаруучулар боюнча', register: 'Реестр' },
  meta: { meetings: 'Негиз', selection: 'Тандоо', everything: 'бардык тапшырмалар', instructions: 'Тапшырмалардын саны', asOf: 'Абалдын датасы' },
  meetingLine: '{title}, {date}',
  meetingProtocol: '№ {number} протокол',
  asOf: '{date} абалы боюнча',
  prepared: 'Түзүлдү: {date}, саат {time}, {actor}',
  signature: { prepared: 'Даярдаган', approved: 'Бекитемин', phone: 'Тел. {phone}', footer: 'Аткаруучу: {name}' },
  pageOf: '{pages} беттин {page}-бети',
  previewLimited: 'Алдын ала көрүүдө {total} саптын алгачкы {shown} сабы көрсөтүлдү; экспорттолгон файлда — баары.',
  empty: 'Тапшырмалар жок.',
  total: 'Бардыгы',
  noLead: 'Башкы аткаруучу дайындалган эмес',
  yes: 'ооба',
  no: 'жок',
  columns: {
    organization: 'Башкы аткаруучу',
    total: 'Жалпы саны',
    assigned: 'Дайындалды',
    inProgress: 'Аткарылууда',
    reportSubmitted: 'Отчёт берилди',
    resolved: 'Аткарылды',
    overdue: 'Мөөнөтү өткөн',
    extended: 'Мөөнөтү узартылган',
    maxDaysOverdue: 'Эң узак кечигүү, күн',
    number: 'Көзөмөл №',
    itemNumber: 'Пункт №',
    reopened: 'Кайра ачылды',
    outcome: 'Жыйынтык',
    meeting: 'Жыйналыш',
    meetingDate: 'Жыйналыштын өткөн күнү',
    protocol: 'Протокол №',
    title: 'Тапшырма',
    text: 'Тексти',
    lead: 'Башкы аткаруучу',
    leadPerson: 'Жооптуу кызмат адамы',
    controller: 'Көзөмөлдөөчү',
    coexecutors: 'Тең аткаруучулар',
    originalDue: 'Баштапкы мөөнөт',
    due: 'Мөөнөтү',
    extensions: 'Узартуулардын саны',
    extensionHistory: 'Мөөнөттүн өзгөрүүлөрү',
    status: 'Абалы',
    daysOverdue: 'Кечиктирилген күндөр',
    workingDaysOverdue: 'Кечиктирилген жумуш күндөрү',
    latestReport: 'Акыркы отчёт',
    latestReportKind: 'Отчёттун түрү',
    latestReportDate: 'Отчёттун датасы',
    priority: 'Артыкчылык',
    onControl: 'Көзөмөлдө',
    topics: 'Темалар',
    reports: 'Отчёттордун саны',
    resolution: 'Жыйынтыктоочу отчёт',
    resolvedAt: 'Аткарылган күнү',
    createdAt: 'Түзүлгөн күнү',
    updatedAt: 'Акыркы өзгөртүү',
    archived: 'Архивде',
    id: 'Идентификатор',
  },
  print: {
    instruction: 'Тапшырма',
    executors: 'Аткаруучулар',
    deadline: 'Мөөнөтү',
    status: 'Абалы',
    progress: 'Аткарылыш жүрүшү',
    who: 'Жооптуулар',
    meeting: 'Жыйналыш',
  },
  notes: {
    originally: 'алгач {date}',
    coexecutorDue: '{name} (мөөнөтү: {date})',
    controller: 'Көзөмөлдөөчү: {name}',
    extensionLine: '{from} → {to}: {reason} ({by})',
    overdueBy: { one: '{n} күнгө кечиктирилди', other: '{n} күнгө кечиктирилди' },
    extendedTimes: { one: 'бир жолу узартылды', other: '{n} жолу узартылды' },
    reportLine: '{kind}, {date}',
    onControl: 'көзөмөлдө',
    offControl: 'көзөмөлдөн алынды',
    reopenedOn: '{date} кайра ачылды',
    onTime: 'мөөнөтүндө аткарылды',
    lateBy: { one: '{n} күн кечигип аткарылды', other: '{n} күн кечигип аткарылды' },
  },
  status: { assigned: 'Дайындалды', in_progress: 'Аткарылууда', report_submitted: 'Отчёт берилди', resolved: 'Аткарылды' },
  priority: { low: 'Төмөн', normal: 'Кадимки', high: 'Жогору', critical: 'Шашылыш' },
  reportKinds: { interim: 'Аралык отчёт', final: 'Жыйынтыктоочу отчёт' },
};

const TABLES: Record<Language, ReportStrings> = { en, ru, kk, ky };

export function reportStrings(language: Language): ReportStrings {
  return TABLES[language] ?? en;
}

/** Replaces `{name}` placeholders. */
/** Templates split once into text and `{name}` slots: a report fills the same few thousands of times. */
const TEMPLATES = new Map<string, string[]>();

export function fill(template: string, params: Record<string, string | number>): string {
  let parts = TEMPLATES.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    TEMPLATES.set(template, parts);
  }
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    out += (name in params ? String(params[name]) : `{${name}}`) + (parts[i + 1] as string);
  }
  return out;
}

const LOCALES: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ', ky: 'ky-KG' };

export function localeOf(language: Language): string {
  return LOCALES[language] ?? 'en-GB';
}

const PLURAL_RULES = new Map<Language, Intl.PluralRules>();

export function plural(forms: Plural, n: number, language: Language): string {
  let rules = PLURAL_RULES.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(localeOf(language));
    PLURAL_RULES.set(language, rules);
  }
  const category = rules.select(n) as keyof Plural;
  return fill(forms[category] ?? forms.other, { n });
}

const EN_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 5 Nov 2021 in English; 05.11.2021 in Russian, Kazakh and Kyrgyz (as official documents write it). */
export function formatDate(iso: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  if (language === 'en') return EN_DATE.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/** An instant as the local calendar date and time of the machine making the report. */
export function localParts(timestamp: string): { date: string; time: string } {
  const at = new Date(timestamp);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`, time: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
}

export function formatDateTime(timestamp: string, language: Language): string {
  const { date, time } = localParts(timestamp);
  return `${formatDate(date, language)} ${time}`;
}

const NUMBER_FORMATS = new Map<Language, Intl.NumberFormat>();

export function formatNumber(n: number, language: Language): string {
  let format = NUMBER_FORMATS.get(language);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(language));
    NUMBER_FORMATS.set(language, format);
  }
  return format.format(n);
}
