import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';

export type Language = 'zh' | 'en';

/** Shared by the console and the member portal, so one choice follows the user across both. */
const STORAGE_KEY = 'gonghui.language';

export function savedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

/** Starts i18next with one app's messages, in the saved language (Chinese unless English was chosen). */
export async function startI18n(resources: Resource): Promise<typeof i18next> {
  const language = savedLanguage();
  setApiLanguage(language);
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'zh',
    interpolation: { escapeValue: false },
  });
  return i18next;
}

export async function switchLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  setApiLanguage(language);
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
  await i18next.changeLanguage(language);
}
