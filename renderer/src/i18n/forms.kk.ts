// Kazakh strings of the shared form parts: the date field, field rules, inline additions.
import type { dateInputEn, formsEn } from './forms.en';
import type { MessagesOf } from './messages';

export const dateInputKk = {
  format: 'кк.аа.жжжж',
  hint: 'Күні {{format}} пішімінде',
  unreadable: '«{{text}}» — күн емес. Оны {{format}} пішімінде енгізіңіз, мысалы 05.12.2026.',
  impossible_one: '{{text}} деген күн жоқ: «{{month}} {{year}}» айында {{count}} күн бар.',
  impossible_other: '{{text}} деген күн жоқ: «{{month}} {{year}}» айында {{count}} күн бар.',
  months: 'қаңтар,ақпан,наурыз,сәуір,мамыр,маусым,шілде,тамыз,қыркүйек,қазан,қараша,желтоқсан',
  weekdays: 'дүйсенбі,сейсенбі,сәрсенбі,бейсенбі,жұма,сенбі,жексенбі',
  weekdaysShort: 'Дс,Сс,Ср,Бс,Жм,Сн,Жс',
  monthYear: '{{year}} ж. {{month}}',
  dayLabel: '{{year}} ж. {{day}} {{month}}, {{weekday}}',
  open: 'Күнтізбені ашу',
  previousMonth: 'Алдыңғы ай',
  nextMonth: 'Келесі ай',
  today: 'Бүгін',
} satisfies MessagesOf<typeof dateInputEn>;

export const formsKk = {
  titleRequired: 'Тақырыпты жазыңыз: онсыз тапсырма жасалмайды.',
  titleRequiredSave: 'Тақырыпты жазыңыз: онсыз тапсырма сақталмайды.',
  tooLong: 'Тым ұзын — таңбалар: {{length}}, ең көбі {{limit}} рұқсат. Қысқартыңыз; ештеңе кесілмеді.',
  counter: 'Таңбалар: {{length}} / {{limit}}',
  textRequired: 'Алдымен мәтінді жазыңыз: өріс толтырылғанда батырма қолжетімді болады.',
  addOrganization: 'Ұйым қосу…',
  newOrganization: 'Жаңа ұйым',
  newOrganizationName: 'Жаңа ұйымның атауы',
  addOrganizationConfirm: 'Тізімге қосу',
  organizationNameRequired: 'Ұйымның атауын жазыңыз.',
  organizationDuplicate: '«{{name}}» тізімде бар. Оны сол жерден таңдаңыз.',
  organizationAdded: '«{{name}}» ұйымы қосылды.',
  coexecutors: 'Бірлесіп орындаушылар',
  coexecutorToAdd: 'Қосылатын бірлесіп орындаушы',
  addCoexecutor: 'Бірлесіп орындаушы қосу',
  noCoexecutors: 'Бірлесіп орындаушылар жоқ.',
  removeCoexecutor: 'Алып тастау: {{name}}',
  coexecutorIsLead: 'Бас орындаушы ұйым бір мезгілде бірлесіп орындаушы бола алмайды.',
} satisfies MessagesOf<typeof formsEn>;
