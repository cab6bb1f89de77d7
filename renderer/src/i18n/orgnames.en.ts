// English strings of one ministry under every name: an organization's names per language in the
// directory, and the likely duplicates it suggests for a merge.
export const orgNamesEn = {
  orgNames: {
    originalHint: 'Shown wherever a language has no name of its own.',
    languageNames: 'Official names in each language',
    names: {
      en: 'Full name in English',
      ru: 'Full name in Russian',
      kk: 'Full name in Kazakh',
      ky: 'Full name in Kyrgyz',
    },
    shortNames: {
      en: 'Short name in English',
      ru: 'Short name in Russian',
      kk: 'Short name in Kazakh',
      ky: 'Short name in Kyrgyz',
    },
    duplicates: 'Possible duplicates',
    duplicatesIntro: 'These look like one organization under two names. Nothing is merged until you confirm.',
    reason: {
      sameName: '“{{merge}}” is also a name of “{{keep}}”.',
      similarName: '“{{merge}}” and “{{keep}}” differ by a few letters.',
      transliteration: '“{{merge}}” and “{{keep}}” are the same name in two alphabets.',
    },
    mergeAction: 'Merge…',
    mergeLabel: 'Merge “{{merge}}” and “{{keep}}”…',
    confirmTitle: 'Merge two organizations',
    confirmText: 'Every instruction, co-executor entry and official of the one merged moves to the one kept; the history keeps both. Which one is kept?',
    keep: 'Keep “{{name}}”',
    confirm: 'Merge',
  },
};
