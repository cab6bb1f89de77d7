// Russian strings of one ministry under every name (orgnames.en.ts is the reference).
import type { orgNamesEn } from './orgnames.en';
import type { MessagesOf } from './messages';

export const orgNamesRu = {
  orgNames: {
    originalHint: 'Показывается там, где на языке нет своего названия.',
    languageNames: 'Официальные названия на каждом языке',
    names: {
      en: 'Полное название на английском',
      ru: 'Полное название на русском',
      kk: 'Полное название на казахском',
      ky: 'Полное название на кыргызском',
    },
    shortNames: {
      en: 'Краткое название на английском',
      ru: 'Краткое название на русском',
      kk: 'Краткое название на казахском',
      ky: 'Краткое название на кыргызском',
    },
    duplicates: 'Возможные дубликаты',
    duplicatesIntro: 'Похоже, это одна организация под двумя названиями. Ничего не объединяется без вашего подтверждения.',
    reason: {
      sameName: '«{{merge}}» — это и название «{{keep}}».',
      similarName: '«{{merge}}» и «{{keep}}» различаются несколькими буквами.',
      transliteration: '«{{merge}}» и «{{keep}}» — одно название, записанное разными алфавитами.',
    },
    mergeAction: 'Объединить…',
    mergeLabel: 'Объединить «{{merge}}» и «{{keep}}»…',
    confirmTitle: 'Объединение двух организаций',
    confirmText: 'Все поручения, записи соисполнителей и должностные лица объединяемой организации переходят к сохраняемой; история сохраняет обе. Какую оставить?',
    keep: 'Оставить «{{name}}»',
    confirm: 'Объединить',
  },
} satisfies MessagesOf<typeof orgNamesEn>;
