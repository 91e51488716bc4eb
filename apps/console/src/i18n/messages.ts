import { getLocale } from './locale';

/**
 * A catalogue per area (common texts here, each page's beside it): the zh-CN texts are complete
 * by type, other locales may be partial and fall back to zh-CN.
 */
export interface Catalogue<K extends string> {
  'zh-CN': Record<K, string>;
  'en-US': Partial<Record<K, string>>;
}

export type Params = Record<string, string | number>;
export type Translate<K extends string> = (key: K, params?: Params) => string;

export function defineMessages<K extends string>(catalogue: Catalogue<K>): Translate<K> {
  return (key, params) => {
    const text = catalogue[getLocale()][key] ?? catalogue['zh-CN'][key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}
