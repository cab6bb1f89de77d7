// Kazakh strings of the officials' features (officials.en.ts is the reference).
import type { officialsEn, officialsErrorsEn } from './officials.en';
import type { MessagesOf } from './messages';

export const officialsKk = {
  profile: {
    legend: 'Сіздің профиліңіз',
    intro: 'Сіздің барлық өзгерістеріңізге, шешімдеріңізге және есептеріңізге осы профильмен қол қойылады.',
    fullName: 'Аты-жөні',
    position: 'Лауазымы',
    organization: 'Ұйым',
    phone: 'Телефон',
    nameRequired: 'Аты-жөніңізді енгізіңіз: әр өзгеріске осымен қол қойылады.',
    signingAs: 'Қол қоюшы',
    noProfile: 'Профиль жоқ',
    giveProfile: 'Профильді толтыру',
    switched: 'Енді өзгерістерге {{name}} қол қояды.',
  },
  settings: {
    controlNumbers: {
      title: 'Бақылау нөмірлері',
      pattern: 'Жаңа бақылау нөмірлерінің үлгісі',
      note: '{protocol} — кеңес хаттамасының нөмірі, {item} — тармақ нөмірі, {year} — кеңес жылы, {n} — реттік нөмір. Мысалы: {protocol}/{item} 12/3 береді. Берілген нөмірлер өзгермейді; кеңестің хаттама нөмірі болмаса, реттік нөмір алынады.',
      saved: 'Жаңа тапсырмалар {{pattern}} үлгісі бойынша нөмір алады.',
    },
    title: 'Баптаулар',
    profilesTitle: 'Осы жұмыс орнындағы профильдер',
    profilesNote: 'Бір жұмыс орнында профиль — тіркелгі емес, қолтаңба: осы компьютердегі кез келген адам ауыстыра алады. Тіркелгілер мен рөлдер ортақ сервермен бірге келеді.',
    inUse: 'қолданыста',
    use: 'Таңдау',
    useProfile: '{{name}} профилімен жұмыс істеу',
    editProfile: '{{name}} профилін өзгерту',
    removeProfile: '{{name}} профилін жою',
    removeConfirm: '{{name}} профилін жоясыз ба? Оның қол қойғандары атын сақтайды.',
    addTitle: 'Жаңа профиль',
    editTitle: 'Профильді өзгерту',
    add: 'Профиль қосу',
    added: '{{name}} профилі қосылды.',
    saved: 'Профиль сақталды.',
    removed: 'Профиль жойылды.',
    signaturesTitle: 'Анықтамалардағы қолтаңбалар',
    signaturesNote: 'Әр анықтама оны кім дайындағанымен және кім бекітетінімен аяқталады. «Дайындаған» бос өрістері қолданыстағы профильден алынады.',
    kind: 'Анықтама',
    signatureSaved: 'Қолтаңба сақталды.',
  },
  signature: {
    legend: 'Қолтаңба',
    prepared: 'Дайындаған',
    preparedName: 'Дайындаған: аты-жөні',
    preparedPosition: 'Дайындаған: лауазымы',
    preparedPhone: 'Дайындаған: телефоны',
    approved: 'Бекітемін',
    approvedPosition: 'Бекітемін: лауазымы',
    approvedName: 'Бекітемін: аты-жөні',
    fromProfile: 'профильден: {{value}}',
  },
  signedKinds: {
    status: 'Орындалу барысы туралы анықтама',
    overdue: 'Мерзімі өткен тапсырмалар тізбесі',
    register: 'Тапсырмалар тізілімі',
    discipline: 'Атқарушылық тәртіп туралы анықтама',
    card: 'Тапсырма карточкасы',
  },
  cardPrint: {
    button: 'Карточканы басып шығару',
    title: 'Тапсырма карточкасы',
    pdf: 'Карточканы PDF түрінде жүктеу',
    print: 'Басып шығару',
    preparing: 'Карточка дайындалуда…',
    ready: 'Карточка дайын.',
  },
} satisfies MessagesOf<typeof officialsEn>;

export const officialsErrorsKk = {
  profileNameRequired: 'Аты-жөнін енгізіңіз: әр өзгеріске осымен қол қойылады.',
  profilePhoneInvalid: '«{{phone}}» — телефон нөмірі емес: цифрларды, бос орындарды, +, жақшаларды және сызықшаларды пайдаланыңыз (қосымша нөмір — «ішкі 123»).',
  profileNotFound: 'Бұл профиль енді жоқ; басқасын таңдаңыз.',
  profileInUse: 'Бұл профиль қолданыста: оны жоймас бұрын басқасына ауысыңыз.',
} satisfies MessagesOf<typeof officialsErrorsEn>;
