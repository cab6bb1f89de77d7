// Kyrgyz strings of the shared form parts: the date field, field rules, inline additions.
import type { dateInputEn, formsEn } from './forms.en';
import type { MessagesOf } from './messages';

export const dateInputKy = {
  format: 'кк.аа.жжжж',
  hint: 'Күнү {{format}} форматында',
  unreadable: '«{{text}}» — күн эмес. Аны {{format}} форматында жазыңыз, мисалы 05.12.2026.',
  impossible_one: '{{text}} деген күн жок: «{{month}} {{year}}» айында {{count}} күн бар.',
  impossible_other: '{{text}} деген күн жок: «{{month}} {{year}}» айында {{count}} күн бар.',
  months: 'январь,февраль,март,апрель,май,июнь,июль,август,сентябрь,октябрь,ноябрь,декабрь',
  weekdays: 'дүйшөмбү,шейшемби,шаршемби,бейшемби,жума,ишемби,жекшемби',
  weekdaysShort: 'Дш,Шш,Шр,Бш,Жм,Иш,Жк',
  monthYear: '{{year}}-ж. {{month}}',
  dayLabel: '{{year}}-ж. {{day}}-{{month}}, {{weekday}}',
  open: 'Календарды ачуу',
  previousMonth: 'Мурунку ай',
  nextMonth: 'Кийинки ай',
  today: 'Бүгүн',
} satisfies MessagesOf<typeof dateInputEn>;

export const formsKy = {
  titleRequired: 'Аталышын жазыңыз: аталышсыз тапшырма түзүлбөйт.',
  titleRequiredSave: 'Аталышын жазыңыз: аталышсыз тапшырма сакталбайт.',
  tooLong: 'Өтө узун — белгилер: {{length}}, эң көп {{limit}} уруксат. Кыскартыңыз; эч нерсе кесилген жок.',
  counter: 'Белгилер: {{length}} / {{limit}}',
  textRequired: 'Адегенде текстти жазыңыз: талаа толтурулганда баскыч жеткиликтүү болот.',
  addOrganization: 'Уюм кошуу…',
  newOrganization: 'Жаңы уюм',
  newOrganizationName: 'Жаңы уюмдун аталышы',
  addOrganizationConfirm: 'Тизмеге кошуу',
  organizationNameRequired: 'Уюмдун аталышын жазыңыз.',
  organizationDuplicate: '«{{name}}» тизмеде бар. Аны ошол жерден тандаңыз.',
  organizationAdded: '«{{name}}» уюму кошулду.',
  coexecutors: 'Тең аткаруучулар',
  coexecutorToAdd: 'Кошула турган тең аткаруучу',
  addCoexecutor: 'Тең аткаруучу кошуу',
  noCoexecutors: 'Тең аткаруучулар жок.',
  removeCoexecutor: 'Алып салуу: {{name}}',
  coexecutorIsLead: 'Башкы уюм бир эле учурда тең аткаруучу боло албайт.',
} satisfies MessagesOf<typeof formsEn>;
