/**
 * The console's locale: zh-CN unless the admin picked another (stored), because its users are
 * district staff; a browser set to English must not switch the UI by surprise.
 */
export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'yizhan.console.locale';

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let current: Locale = storedLocale();

export function getLocale(): Locale {
  return current;
}

/** Stores the choice; the caller reloads the page so every text switches at once. */
export function setLocale(locale: Locale): void {
  current = locale;
  localStorage.setItem(STORAGE_KEY, locale);
}
