// Russian strings of the shared form parts: the date field, field rules, inline additions.
import type { dateInputEn, formsEn } from './forms.en';
import type { MessagesOf } from './messages';

export const dateInputRu = {
  format: 'дд.мм.гггг',
  hint: 'Дата в формате {{format}}',
  unreadable: '«{{text}}» — не дата. Введите её в формате {{format}}, например 05.12.2026.',
  impossible_one: 'Даты {{text}} не существует: в месяце «{{month}} {{year}}» {{count}} день.',
  impossible_few: 'Даты {{text}} не существует: в месяце «{{month}} {{year}}» {{count}} дня.',
  impossible_many: 'Даты {{text}} не существует: в месяце «{{month}} {{year}}» {{count}} дней.',
  impossible_other: 'Даты {{text}} не существует: в месяце «{{month}} {{year}}» {{count}} дня.',
  months: 'январь,февраль,март,апрель,май,июнь,июль,август,сентябрь,октябрь,ноябрь,декабрь',
  weekdays: 'понедельник,вторник,среда,четверг,пятница,суббота,воскресенье',
  weekdaysShort: 'Пн,Вт,Ср,Чт,Пт,Сб,Вс',
  monthYear: '{{month}} {{year}}',
  dayLabel: '{{weekday}}, {{day}} ({{month}} {{year}})',
  open: 'Открыть календарь',
  previousMonth: 'Предыдущий месяц',
  nextMonth: 'Следующий месяц',
  today: 'Сегодня',
} satisfies MessagesOf<typeof dateInputEn>;

export const formsRu = {
  titleRequired: 'Введите заголовок: без него поручение не создать.',
  titleRequiredSave: 'Введите заголовок: без него поручение не сохранить.',
  tooLong: 'Слишком длинно — символов: {{length}}, допустимо не более {{limit}}. Сократите текст; ничего не обрезано.',
  counter: 'Символов: {{length}} из {{limit}}',
  textRequired: 'Сначала введите текст: кнопка станет доступна, когда поле заполнено.',
  addOrganization: 'Добавить организацию…',
  newOrganization: 'Новая организация',
  newOrganizationName: 'Название новой организации',
  addOrganizationConfirm: 'Добавить в список',
  organizationNameRequired: 'Введите название организации.',
  organizationDuplicate: '«{{name}}» уже есть в списке. Выберите её там.',
  organizationAdded: 'Организация «{{name}}» добавлена.',
  coexecutors: 'Соисполнители',
  coexecutorToAdd: 'Добавляемый соисполнитель',
  addCoexecutor: 'Добавить соисполнителя',
  noCoexecutors: 'Соисполнителей нет.',
  removeCoexecutor: 'Убрать: {{name}}',
  coexecutorIsLead: 'Головная организация не может быть одновременно соисполнителем.',
} satisfies MessagesOf<typeof formsEn>;
