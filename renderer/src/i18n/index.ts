import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../db/model';
import { en } from './en';
import { ru } from './ru';
import { kk } from './kk';
import { ky } from './ky';

export const SUPPORTED_LANGUAGES: readonly Language[] = ['en', 'ru', 'kk', 'ky'];

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: language,
    // Kazakh and Kyrgyz readers of official documents read Russian; English is the last resort.
    fallbackLng: { kk: ['ru', 'en'], ky: ['ru', 'en'], default: ['en'] },
    resources: {
      en: { translation: en },
      ru: { translation: ru },
      kk: { translation: kk },
      ky: { translation: ky },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
