// Kyrgyz strings of the officials' features (officials.en.ts is the reference).
import type { officialsEn, officialsErrorsEn } from './officials.en';
import type { MessagesOf } from './messages';

export const officialsKy = {
  profile: {
    legend: 'Сиздин профилиңиз',
    intro: 'Сиздин бардык өзгөртүүлөрүңүзгө, чечимдериңизге жана отчётторуңузга ушул профиль менен кол коюлат.',
    fullName: 'Аты-жөнү',
    position: 'Кызматы',
    organization: 'Уюм',
    phone: 'Телефон',
    nameRequired: 'Аты-жөнүңүздү жазыңыз: ар бир өзгөртүүгө ушуну менен кол коюлат.',
    signingAs: 'Кол коюучу',
    noProfile: 'Профиль жок',
    giveProfile: 'Профилди толтуруу',
    switched: 'Эми өзгөртүүлөргө {{name}} кол коёт.',
  },
  settings: {
    controlNumbers: {
      title: 'Көзөмөл номерлери',
      pattern: 'Жаңы көзөмөл номерлеринин үлгүсү',
      note: '{protocol} — кеңешменин протоколунун номери, {item} — пункттун номери, {year} — кеңешменин жылы, {n} — катар номери. Мисалы: {protocol}/{item} 12/3 берет. Берилген номерлер өзгөрбөйт; кеңешменин протокол номери жок болсо, катар номери алынат.',
      saved: 'Жаңы тапшырмалар {{pattern}} үлгүсү боюнча номер алат.',
    },
    title: 'Жөндөөлөр',
    profilesTitle: 'Ушул жумуш ордундагы профилдер',
    profilesNote: 'Бир жумуш ордунда профиль — каттоо эсеби эмес, кол тамга: ушул компьютердеги ар ким которо алат. Каттоо эсептери жана ролдор жалпы сервер менен келет.',
    inUse: 'колдонулууда',
    use: 'Тандоо',
    useProfile: '{{name}} профили менен иштөө',
    editProfile: '{{name}} профилин өзгөртүү',
    removeProfile: '{{name}} профилин өчүрүү',
    removeConfirm: '{{name}} профилин өчүрөсүзбү? Ал кол койгондор анын атын сактайт.',
    addTitle: 'Жаңы профиль',
    editTitle: 'Профилди өзгөртүү',
    add: 'Профиль кошуу',
    added: '{{name}} профили кошулду.',
    saved: 'Профиль сакталды.',
    removed: 'Профиль өчүрүлдү.',
    signaturesTitle: 'Маалымкаттардагы кол тамгалар',
    signaturesNote: 'Ар бир маалымкат аны ким даярдаганы жана ким бекитээри менен аяктайт. «Даярдаган» бош талаалары учурдагы профилден алынат.',
    kind: 'Маалымкат',
    signatureSaved: 'Кол тамга сакталды.',
  },
  signature: {
    legend: 'Кол тамга',
    prepared: 'Даярдаган',
    preparedName: 'Даярдаган: аты-жөнү',
    preparedPosition: 'Даярдаган: кызматы',
    preparedPhone: 'Даярдаган: телефону',
    approved: 'Бекитемин',
    approvedPosition: 'Бекитемин: кызматы',
    approvedName: 'Бекитемин: аты-жөнү',
    fromProfile: 'профилден: {{value}}',
  },
  signedKinds: {
    status: 'Аткарылыш жүрүшү жөнүндө маалымкат',
    overdue: 'Мөөнөтү өткөн тапшырмалардын тизмеси',
    register: 'Тапшырмалардын реестри',
    discipline: 'Аткаруу тартиби жөнүндө маалымкат',
    card: 'Тапшырманын карточкасы',
  },
  cardPrint: {
    button: 'Карточканы басып чыгаруу',
    title: 'Тапшырманын карточкасы',
    pdf: 'Карточканы PDF түрүндө жүктөө',
    print: 'Басып чыгаруу',
    preparing: 'Карточка даярдалууда…',
    ready: 'Карточка даяр.',
  },
} satisfies MessagesOf<typeof officialsEn>;

export const officialsErrorsKy = {
  profileNameRequired: 'Аты-жөнүн жазыңыз: ар бир өзгөртүүгө ушуну менен кол коюлат.',
  profilePhoneInvalid: '«{{phone}}» — телефон номери эмес: цифраларды, боштуктарды, +, кашааларды жана сызыкчаларды колдонуңуз (кошумча номер — «ички 123»).',
  profileNotFound: 'Бул профиль мындан ары жок; башкасын тандаңыз.',
  profileInUse: 'Бул профиль колдонулууда: аны өчүрүүдөн мурун башкасына которулуңуз.',
} satisfies MessagesOf<typeof officialsErrorsEn>;
