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
  followLanguage();
  i18next.on('languageChanged', followLanguage);
  return i18next;
}

/** The page's language and title (and so the window's title) follow the interface language. */
function followLanguage(): void {
  document.documentElement.lang = i18next.language;
  document.title = i18next.t('app.title');
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
}
