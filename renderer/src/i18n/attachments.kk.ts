// Kazakh strings of attachments (attachments.en.ts is the reference).
import type { attachmentsEn, attachmentsErrorsEn } from './attachments.en';
import type { MessagesOf } from './messages';

export const attachmentsKk = {
  attachments: {
    title: 'Тіркемелер',
    meetingTitle: 'Кеңестің тіркемелері',
    reportTitle: 'Есептің тіркемелері',
    tab: 'Тіркемелер ({{count}})',
    none: 'Файл тіркелмеген.',
    meta: '{{size}} · {{date}} қосқан: {{who}}',
    add: 'Файл тіркеу…',
    limit: '{{limitMb}} МБ-қа дейінгі кез келген файл.',
    added: '«{{name}}» тіркелді.',
    open: 'Ашу',
    openNamed: '{{name}} ашу',
    download: 'Жүктеп алу',
    downloadNamed: '{{name}} жүктеп алу',
    downloaded: '«{{name}}» жүктеп алынды.',
    save: 'Көшірмесін сақтау…',
    saveNamed: '{{name}} көшірмесін сақтау',
    saved: 'Сақталды: {{path}}.',
    removeNamed: '{{name}} жою',
    removeConfirm: '«{{name}}» тіркемесін жою керек пе? Файлға басқа ештеңе сілтемесе, ол жойылады; сақтық көшірмелерде оның көшірмесі қалады.',
    removed: '«{{name}}» жойылды.',
    tooLarge: '«{{name}}» тым үлкен ({{sizeMb}} МБ): {{limitMb}} МБ-қа дейінгі файлды тіркеуге болады. Ештеңе жіберілмеді.',
    packageCount_one: 'Пакетте {{count}} тіркеме бар; әр файл өз хеш-сомасымен салыстырылды.',
    packageCount_other: 'Пакетте {{count}} тіркеме бар; әр файл өз хеш-сомасымен салыстырылды.',
    plainJson: 'Кәдімгі JSON алмасу файлында тіркемелер болмайды. Файлдарды беру үшін тіркемелері бар пакетті (ZIP) экспорттаңыз.',
    importedAttachments_one: '{{count}} тіркеме қосылды.',
    importedAttachments_other: '{{count}} тіркеме қосылды.',
    restoreMissing_one: 'Сақтық көшірменің жанынан {{count}} тіркелген файл табылмады: тіркеме тізімде бар, бірақ файлы жоқ.',
    restoreMissing_other: 'Сақтық көшірменің жанынан {{count}} тіркелген файл табылмады: тіркемелер тізімде бар, бірақ файлдары жоқ.',
  },
} satisfies MessagesOf<typeof attachmentsEn>;

export const attachmentsErrorsKk = {
  attachmentTooLarge: 'Файл тым үлкен: {{limitMb}} МБ-қа дейінгі файлды тіркеуге болады. Ештеңе тіркелмеді.',
  attachmentOwnerNotFound: 'Файл тіркелетін жазба енді жоқ. Ештеңе тіркелмеді.',
  attachmentInvalid: 'Файлды анықтау мүмкін болмады. Ештеңе тіркелмеді.',
  attachmentNotFound: 'Бұл тіркеме енді жоқ (ол жойылған).',
  attachmentEmpty: '«{{name}}» бос. Ештеңе тіркелмеді.',
  attachmentReceiveFailed: 'Файлды қабылдау мүмкін болмады ({{reason}}). Ештеңе тіркелмеді.',
  attachmentFileMissing: '«{{name}}» файлы тіркемелер қалтасында жоқ. Ол бар сақтық көшірмені қалпына келтіріңіз.',
  attachmentFileGone: 'Файл енді тіркеуді күтіп тұрған жоқ. Оны қайта таңдаңыз.',
  attachmentNotOpenable: '«{{name}}» — қолданба ашатын құжат не сурет емес (бағдарламалар мен сценарийлер ешқашан ашылмайды). Оның орнына көшірмесін сақтаңыз.',
  attachmentContentMismatch: '«{{name}}» атауы айтқандай емес (мазмұны сол түрдегі құжат не сурет емес), сондықтан ашылмайды. Оның орнына көшірмесін сақтаңыз.',
  attachmentOpenFailed: '«{{name}}» ашу мүмкін болмады: {{reason}}',
  attachmentsUnavailable: 'Қолданбаның бұл көшірмесі тіркемелерді сақтамайды.',
  packageFileChanged: 'Пакеттегі «{{name}}» тіркемесі экспортталған файл емес: мазмұны SHA-256 хеш-сомасына сәйкес келмейді (пакет өзгертілген не бүлінген). Ештеңе импортталмады.',
  notPackage: 'Бұл ZIP файлы — осы қолданбаның алмасу пакеті емес ({{detail}}). Ештеңе импортталмады.',
} satisfies MessagesOf<typeof attachmentsErrorsEn>;
