// Kyrgyz strings of one ministry under every name (orgnames.en.ts is the reference).
import type { orgNamesEn } from './orgnames.en';
import type { MessagesOf } from './messages';

export const orgNamesKy = {
  orgNames: {
    originalHint: 'Тилде өз аталышы жок жерде көрсөтүлөт.',
    languageNames: 'Ар бир тилдеги расмий аталыштары',
    names: {
      en: 'Англисче толук аталышы',
      ru: 'Орусча толук аталышы',
      kk: 'Казакча толук аталышы',
      ky: 'Кыргызча толук аталышы',
    },
    shortNames: {
      en: 'Англисче кыска аталышы',
      ru: 'Орусча кыска аталышы',
      kk: 'Казакча кыска аталышы',
      ky: 'Кыргызча кыска аталышы',
    },
    duplicates: 'Мүмкүн болгон кайталоолор',
    duplicatesIntro: 'Булар эки аталыштагы бир уюмга окшош. Сиз ырастамайынча эч нерсе бириктирилбейт.',
    reason: {
      sameName: '«{{merge}}» — «{{keep}}» уюмунун да аталышы.',
      similarName: '«{{merge}}» менен «{{keep}}» бир нече тамга менен гана айырмаланат.',
      transliteration: '«{{merge}}» менен «{{keep}}» — эки алфавит менен жазылган бир аталыш.',
    },
    mergeAction: 'Бириктирүү…',
    mergeLabel: '«{{merge}}» жана «{{keep}}» бириктирүү…',
    confirmTitle: 'Эки уюмду бириктирүү',
    confirmText: 'Бириктирилүүчү уюмдун бардык тапшырмалары, биргелешкен аткаруучу жазуулары жана кызмат адамдары сакталуучу уюмга өтөт; тарых экөөнү тең сактайт. Кайсынысы калат?',
    keep: '«{{name}}» калтыруу',
    confirm: 'Бириктирүү',
  },
} satisfies MessagesOf<typeof orgNamesEn>;
