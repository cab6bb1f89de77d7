// Kazakh strings of one ministry under every name (orgnames.en.ts is the reference).
import type { orgNamesEn } from './orgnames.en';
import type { MessagesOf } from './messages';

export const orgNamesKk = {
  orgNames: {
    originalHint: 'Тілде өз атауы жоқ жерде көрсетіледі.',
    languageNames: 'Әр тілдегі ресми атаулары',
    names: {
      en: 'Ағылшынша толық атауы',
      ru: 'Орысша толық атауы',
      kk: 'Қазақша толық атауы',
      ky: 'Қырғызша толық атауы',
    },
    shortNames: {
      en: 'Ағылшынша қысқа атауы',
      ru: 'Орысша қысқа атауы',
      kk: 'Қазақша қысқа атауы',
      ky: 'Қырғызша қысқа атауы',
    },
    duplicates: 'Ықтимал қайталанулар',
    duplicatesIntro: 'Бұлар екі атаудағы бір ұйымға ұқсайды. Сіз растамайынша ештеңе біріктірілмейді.',
    reason: {
      sameName: '«{{merge}}» — «{{keep}}» ұйымының да атауы.',
      similarName: '«{{merge}}» мен «{{keep}}» бірнеше әріппен ғана ерекшеленеді.',
      transliteration: '«{{merge}}» мен «{{keep}}» — екі әліпбимен жазылған бір атау.',
    },
    mergeAction: 'Біріктіру…',
    mergeLabel: '«{{merge}}» және «{{keep}}» біріктіру…',
    confirmTitle: 'Екі ұйымды біріктіру',
    confirmText: 'Біріктірілетін ұйымның барлық тапсырмалары, бірлескен орындаушы жазбалары мен лауазымды адамдары сақталатын ұйымға өтеді; тарих екеуін де сақтайды. Қайсысы сақталады?',
    keep: '«{{name}}» сақтау',
    confirm: 'Біріктіру',
  },
} satisfies MessagesOf<typeof orgNamesEn>;
