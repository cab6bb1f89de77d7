// Kyrgyz strings of attachments (attachments.en.ts is the reference).
import type { attachmentsEn, attachmentsErrorsEn } from './attachments.en';
import type { MessagesOf } from './messages';

export const attachmentsKy = {
  attachments: {
    title: 'Тиркемелер',
    meetingTitle: 'Кеңешменин тиркемелери',
    reportTitle: 'Отчёттун тиркемелери',
    tab: 'Тиркемелер ({{count}})',
    none: 'Файл тиркелген эмес.',
    meta: '{{size}} · {{date}} кошкон: {{who}}',
    add: 'Файл тиркөө…',
    limit: '{{limitMb}} МБга чейинки каалаган файл.',
    added: '«{{name}}» тиркелди.',
    open: 'Ачуу',
    openNamed: '{{name}} ачуу',
    download: 'Жүктөп алуу',
    downloadNamed: '{{name}} жүктөп алуу',
    downloaded: '«{{name}}» жүктөлүп алынды.',
    save: 'Көчүрмөсүн сактоо…',
    saveNamed: '{{name}} көчүрмөсүн сактоо',
    saved: 'Сакталды: {{path}}.',
    removeNamed: '{{name}} өчүрүү',
    removeConfirm: '«{{name}}» тиркемесин өчүрөсүзбү? Файлга башка эч нерсе шилтебесе, ал өчүрүлөт; камдык көчүрмөлөрдө анын көчүрмөсү калат.',
    removed: '«{{name}}» өчүрүлдү.',
    tooLarge: '«{{name}}» өтө чоң ({{sizeMb}} МБ): {{limitMb}} МБга чейинки файлды тиркөөгө болот. Эч нерсе жөнөтүлгөн жок.',
    packageCount_one: 'Пакетте {{count}} тиркеме бар; ар бир файл өз хеш-суммасы менен салыштырылды.',
    packageCount_other: 'Пакетте {{count}} тиркеме бар; ар бир файл өз хеш-суммасы менен салыштырылды.',
    plainJson: 'Жөнөкөй JSON алмашуу файлында тиркемелер болбойт. Файлдарды өткөрүү үчүн тиркемелери бар пакетти (ZIP) экспорттоңуз.',
    importedAttachments_one: '{{count}} тиркеме кошулду.',
    importedAttachments_other: '{{count}} тиркеме кошулду.',
    restoreMissing_one: 'Камдык көчүрмөнүн жанынан {{count}} тиркелген файл табылган жок: тиркеме тизмеде бар, бирок файлы жок.',
    restoreMissing_other: 'Камдык көчүрмөнүн жанынан {{count}} тиркелген файл табылган жок: тиркемелер тизмеде бар, бирок файлдары жок.',
  },
} satisfies MessagesOf<typeof attachmentsEn>;

export const attachmentsErrorsKy = {
  attachmentTooLarge: 'Файл өтө чоң: {{limitMb}} МБга чейинки файлды тиркөөгө болот. Эч нерсе тиркелген жок.',
  attachmentOwnerNotFound: 'Файл тиркеле турган жазуу мындан ары жок. Эч нерсе тиркелген жок.',
  attachmentInvalid: 'Файлды аныктоо мүмкүн болгон жок. Эч нерсе тиркелген жок.',
  attachmentNotFound: 'Бул тиркеме мындан ары жок (ал өчүрүлгөн).',
  attachmentEmpty: '«{{name}}» бош. Эч нерсе тиркелген жок.',
  attachmentReceiveFailed: 'Файлды кабыл алуу мүмкүн болгон жок ({{reason}}). Эч нерсе тиркелген жок.',
  attachmentFileMissing: '«{{name}}» файлы тиркемелер папкасында жок. Ал бар камдык көчүрмөнү калыбына келтириңиз.',
  attachmentFileGone: 'Файл мындан ары тиркөөнү күтүп турган жок. Аны кайра тандаңыз.',
  attachmentNotOpenable: '«{{name}}» — колдонмо ача турган документ же сүрөт эмес (программалар жана сценарийлер эч качан ачылбайт). Анын ордуна көчүрмөсүн сактаңыз.',
  attachmentContentMismatch: '«{{name}}» аты айткандай эмес (мазмуну ошол түрдөгү документ же сүрөт эмес), ошондуктан ачылбайт. Анын ордуна көчүрмөсүн сактаңыз.',
  attachmentOpenFailed: '«{{name}}» ачуу мүмкүн болгон жок: {{reason}}',
  attachmentsUnavailable: 'Колдонмонун бул көчүрмөсү тиркемелерди сактабайт.',
  packageFileChanged: 'Пакеттеги «{{name}}» тиркемеси экспорттолгон файл эмес: мазмуну SHA-256 хеш-суммасына дал келбейт (пакет өзгөртүлгөн же бузулган). Эч нерсе импорттолгон жок.',
  notPackage: 'Бул ZIP файлы — ушул колдонмонун алмашуу пакети эмес ({{detail}}). Эч нерсе импорттолгон жок.',
} satisfies MessagesOf<typeof attachmentsErrorsEn>;
