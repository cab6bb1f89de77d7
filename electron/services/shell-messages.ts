// What the Electron shell says in its own dialogs, before the window exists (a start that cannot
// open the store) and after it is gone (a shutdown that could not finish writing). The window's
// texts live in the renderer's i18n; these few are the shell's, in the same four languages.
import { StoreError } from '../../db/errors';
import type { CloseReport } from '../../db/connection';
import type { Language } from '../../db/model';

interface ShellTexts {
  cannotStartTitle: string;
  shutdownTitle: string;
  unexpected: string;
  storeLocked: string;
  databaseFromFuture: string;
  cannotOpenFile: string;
  cannotOpen: string;
  readOnly: string;
  diskFull: string;
  diskError: string;
  busy: string;
  shutdownDiskFull: string;
  shutdownDiskError: string;
}

const TEXTS: Record<Language, ShellTexts> = {
  en: {
    cannotStartTitle: 'Ministry Action Tracker cannot start',
    shutdownTitle: 'Ministry Action Tracker',
    unexpected: 'An unexpected error stopped the start; nothing was changed. The details were written to the log.',
    storeLocked: 'The data is already open in another copy of the app (process {pid} on {host}, since {since}). Close that copy first; nothing was changed.',
    databaseFromFuture: '{file} was written by a newer version of this app (data version {version}; this version reads up to {supported}). Install the newer version; the file was left untouched.',
    cannotOpenFile: 'The data file {file} cannot be reached: its folder is missing or you have no permission there. Nothing was changed.',
    cannotOpen: 'The data file cannot be opened: its folder is missing or you have no permission there. Nothing was changed.',
    readOnly: 'The data file cannot be written (a read-only disk or no permission). Nothing was changed.',
    diskFull: 'The disk is full, so the app cannot start. Free some space and start again; nothing stored was lost.',
    diskError: 'The disk reported an error while opening the data file. Nothing was changed; check the disk or the network folder.',
    busy: 'Another program is using the data file. Close it and start again.',
    shutdownDiskFull: 'The disk is full. Your last changes are kept in {wal} and are applied at the next start. Free some space before then.',
    shutdownDiskError: 'A disk error at shutdown. Your last changes are kept in {wal} and are applied at the next start.',
  },
  ru: {
    cannotStartTitle: 'Контроль поручений не может запуститься',
    shutdownTitle: 'Контроль поручений',
    unexpected: 'Запуск остановлен непредвиденной ошибкой; ничего не изменено. Подробности записаны в журнал.',
    storeLocked: 'Данные уже открыты в другой копии программы (процесс {pid} на {host}, с {since}). Сначала закройте ту копию; ничего не изменено.',
    databaseFromFuture: 'Файл {file} записан более новой версией программы (версия данных {version}; эта версия читает до {supported}). Установите новую версию; файл не тронут.',
    cannotOpenFile: 'Файл данных {file} недоступен: папки нет или у вас нет к ней доступа. Ничего не изменено.',
    cannotOpen: 'Файл данных не открывается: папки нет или у вас нет к ней доступа. Ничего не изменено.',
    readOnly: 'В файл данных нельзя записывать (диск только для чтения или нет прав). Ничего не изменено.',
    diskFull: 'Диск заполнен, программа не может запуститься. Освободите место и запустите снова; сохранённое не потеряно.',
    diskError: 'Ошибка диска при открытии файла данных. Ничего не изменено; проверьте диск или сетевую папку.',
    busy: 'Файл данных занят другой программой. Закройте её и запустите снова.',
    shutdownDiskFull: 'Диск заполнен. Последние изменения сохранены в {wal} и будут применены при следующем запуске. Освободите место до него.',
    shutdownDiskError: 'Ошибка диска при закрытии. Последние изменения сохранены в {wal} и будут применены при следующем запуске.',
  },
  kk: {
    cannotStartTitle: 'Тапсырмаларды бақылау іске қосылмайды',
    shutdownTitle: 'Тапсырмаларды бақылау',
    unexpected: 'Іске қосу күтпеген қатемен тоқтады; ештеңе өзгертілмеді. Толығырақ журналға жазылды.',
    storeLocked: 'Деректер бағдарламаның басқа данасында ашық тұр ({host} компьютеріндегі {pid} процесі, {since} бастап). Алдымен сол дананы жабыңыз; ештеңе өзгертілмеді.',
    databaseFromFuture: '{file} файлын бағдарламаның жаңарақ нұсқасы жазған (деректер нұсқасы {version}; бұл нұсқа {supported} дейін оқиды). Жаңа нұсқаны орнатыңыз; файлға тиіспеді.',
    cannotOpenFile: '{file} деректер файлына қол жетпейді: қалта жоқ немесе оған құқығыңыз жоқ. Ештеңе өзгертілмеді.',
    cannotOpen: 'Деректер файлы ашылмайды: қалта жоқ немесе оған құқығыңыз жоқ. Ештеңе өзгертілмеді.',
    readOnly: 'Деректер файлына жазу мүмкін емес (диск тек оқуға арналған немесе құқық жоқ). Ештеңе өзгертілмеді.',
    diskFull: 'Дискіде орын жоқ, бағдарлама іске қосылмайды. Орын босатып, қайта іске қосыңыз; сақталғандар жоғалған жоқ.',
    diskError: 'Деректер файлын ашқанда дискіде қате болды. Ештеңе өзгертілмеді; дискіні немесе желілік қалтаны тексеріңіз.',
    busy: 'Деректер файлын басқа бағдарлама пайдаланып тұр. Оны жауып, қайта іске қосыңыз.',
    shutdownDiskFull: 'Дискіде орын жоқ. Соңғы өзгерістер {wal} файлында сақталды және келесі іске қосқанда қолданылады. Оған дейін орын босатыңыз.',
    shutdownDiskError: 'Жабу кезінде дискіде қате болды. Соңғы өзгерістер {wal} файлында сақталды және келесі іске қосқанда қолданылады.',
  },
  ky: {
    cannotStartTitle: 'Тапшырмаларды көзөмөлдөө иштебей жатат',
    shutdownTitle: 'Тапшырмаларды көзөмөлдөө',
    unexpected: 'Иштетүү күтүлбөгөн ката менен токтоду; эч нерсе өзгөргөн жок. Толугураак журналга жазылды.',
    storeLocked: 'Маалыматтар программанын башка нускасында ачык турат ({host} компьютериндеги {pid} процесси, {since} тартып). Адегенде ошол нусканы жабыңыз; эч нерсе өзгөргөн жок.',
    databaseFromFuture: '{file} файлын программанын жаңыраак версиясы жазган (маалымат версиясы {version}; бул версия {supported} чейин окуйт). Жаңы версияны орнотуңуз; файлга тийилген жок.',
    cannotOpenFile: '{file} маалымат файлына жетүү мүмкүн эмес: папка жок же ага уруксатыңыз жок. Эч нерсе өзгөргөн жок.',
    cannotOpen: 'Маалымат файлы ачылбайт: папка жок же ага уруксатыңыз жок. Эч нерсе өзгөргөн жок.',
    readOnly: 'Маалымат файлына жазууга болбойт (диск окуу үчүн гана же уруксат жок). Эч нерсе өзгөргөн жок.',
    diskFull: 'Дискте орун жок, программа иштей албайт. Орун бошотуп, кайра иштетиңиз; сакталгандар жоголгон жок.',
    diskError: 'Маалымат файлын ачууда дискте ката чыкты. Эч нерсе өзгөргөн жок; дискти же тармактык папканы текшериңиз.',
    busy: 'Маалымат файлын башка программа колдонуп жатат. Аны жаап, кайра иштетиңиз.',
    shutdownDiskFull: 'Дискте орун жок. Акыркы өзгөртүүлөр {wal} файлында сакталды жана кийинки иштетүүдө колдонулат. Ага чейин орун бошотуңуз.',
    shutdownDiskError: 'Жабууда дискте ката чыкты. Акыркы өзгөртүүлөр {wal} файлында сакталды жана кийинки иштетүүдө колдонулат.',
  },
};

type MessageKey = Exclude<keyof ShellTexts, 'cannotStartTitle' | 'shutdownTitle'>;

function fill(text: string, params: Record<string, unknown>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function isMessageKey(key: string | undefined): key is MessageKey {
  return key !== undefined && key in TEXTS.en && key !== 'cannotStartTitle' && key !== 'shutdownTitle';
}

/** The dialog for a start that failed: a typed refusal in the official's words, anything else as "unexpected". */
export function startFailureDialog(err: unknown, language: Language): { title: string; content: string } {
  const texts = TEXTS[language];
  let content = texts.unexpected;
  if (err instanceof StoreError) content = isMessageKey(err.key) ? fill(texts[err.key], err.params ?? {}) : err.message;
  return { title: texts.cannotStartTitle, content };
}

/** The dialog after a shutdown whose last write did not finish, or null when it closed cleanly. */
export function shutdownDialog(report: CloseReport, language: Language): { title: string; content: string } | null {
  if (report.problem === null) return null;
  const texts = TEXTS[language];
  const key = report.problem === 'disk_full' ? 'shutdownDiskFull' : 'shutdownDiskError';
  return { title: texts.shutdownTitle, content: fill(texts[key], { wal: report.walFile }) };
}

export const SHELL_MESSAGE_KEYS = Object.keys(TEXTS.en) as (keyof ShellTexts)[];
export const SHELL_TEXTS = TEXTS;
