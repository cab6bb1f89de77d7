// Russian strings of the officials' features (officials.en.ts is the reference).
import type { officialsEn, officialsErrorsEn } from './officials.en';
import type { MessagesOf } from './messages';

export const officialsRu = {
  profile: {
    legend: 'Ваш профиль',
    intro: 'Им подписываются все ваши изменения, решения и отчёты.',
    fullName: 'ФИО',
    position: 'Должность',
    organization: 'Организация',
    phone: 'Телефон',
    nameRequired: 'Укажите ФИО: им подписывается каждое изменение.',
    signingAs: 'Подписывает',
    noProfile: 'Профиль не задан',
    giveProfile: 'Указать профиль',
    switched: 'Теперь изменения подписывает {{name}}.',
  },
  settings: {
    controlNumbers: {
      title: 'Контрольные номера',
      pattern: 'Шаблон новых контрольных номеров',
      note: '{protocol} — номер протокола совещания, {item} — номер пункта, {year} — год совещания, {n} — порядковый номер. Пример: {protocol}/{item} даёт 12/3. Уже присвоенные номера не меняются; если у совещания нет номера протокола, берётся порядковый номер.',
      saved: 'Новые поручения получают номера по шаблону {{pattern}}.',
    },
    title: 'Настройки',
    profilesTitle: 'Профили на этом рабочем месте',
    profilesNote: 'На одном рабочем месте профиль — это подпись, а не учётная запись: переключиться может любой за этим компьютером. Учётные записи и роли появятся с командным сервером.',
    inUse: 'используется',
    use: 'Выбрать',
    useProfile: 'Работать под профилем {{name}}',
    editProfile: 'Изменить профиль {{name}}',
    removeProfile: 'Удалить профиль {{name}}',
    removeConfirm: 'Удалить профиль {{name}}? Подписанное им сохранит его имя.',
    addTitle: 'Новый профиль',
    editTitle: 'Изменение профиля',
    add: 'Добавить профиль',
    added: 'Профиль {{name}} добавлен.',
    saved: 'Профиль сохранён.',
    removed: 'Профиль удалён.',
    signaturesTitle: 'Подписи в справках',
    signaturesNote: 'Каждая справка заканчивается тем, кто её подготовил и кто утверждает. Незаполненные поля «Подготовил» берутся из текущего профиля.',
    kind: 'Справка',
    signatureSaved: 'Подпись сохранена.',
  },
  signature: {
    legend: 'Подпись',
    prepared: 'Подготовил',
    preparedName: 'Подготовил: ФИО',
    preparedPosition: 'Подготовил: должность',
    preparedPhone: 'Подготовил: телефон',
    approved: 'Утверждаю',
    approvedPosition: 'Утверждаю: должность',
    approvedName: 'Утверждаю: ФИО',
    fromProfile: 'из профиля: {{value}}',
  },
  signedKinds: {
    status: 'Справка о ходе исполнения',
    overdue: 'Перечень просроченных поручений',
    register: 'Реестр поручений',
    discipline: 'Справка об исполнительской дисциплине',
    card: 'Карточка поручения',
  },
  cardPrint: {
    button: 'Печать карточки',
    title: 'Карточка поручения',
    pdf: 'Скачать карточку в PDF',
    print: 'Печать',
    preparing: 'Карточка готовится…',
    ready: 'Карточка готова.',
  },
} satisfies MessagesOf<typeof officialsEn>;

export const officialsErrorsRu = {
  profileNameRequired: 'Укажите ФИО: им подписывается каждое изменение.',
  profilePhoneInvalid: '«{{phone}}» — не номер телефона: используйте цифры, пробелы, +, скобки и дефисы (добавочный — «доб. 123»).',
  profileNotFound: 'Этого профиля больше нет; выберите другой.',
  profileInUse: 'Этот профиль используется: переключитесь на другой, прежде чем удалять его.',
} satisfies MessagesOf<typeof officialsErrorsEn>;
