import { defineMessages } from '../../i18n/messages';
import { getLocale } from '../../i18n/locale';

const t = defineMessages({
  'zh-CN': { hours: '{value} 小时', none: '—' },
  'en-US': { hours: '{value} h' },
});

function numberFormat(options?: Intl.NumberFormatOptions) {
  return new Intl.NumberFormat(getLocale(), options);
}

/** A count with thousands separators: 8100 → "8,100". */
export function formatCount(value: number): string {
  return numberFormat({ maximumFractionDigits: 0 }).format(value);
}

/** A share 0–1 as a percentage with at most one decimal: 0.125 → "12.5%"; null → "—". */
export function formatShare(value: number | null): string {
  if (value === null) return t('none');
  return numberFormat({ style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** Hours with at most one decimal: 4.5 → "4.5 小时"; null → "—". */
export function formatHours(value: number | null): string {
  if (value === null) return t('none');
  return t('hours', { value: numberFormat({ maximumFractionDigits: 1 }).format(value) });
}

/** A month `YYYY-MM` as readers write it: "2026年7月". */
export function formatMonth(period: string): string {
  const [year, month] = period.split('-');
  return getLocale() === 'zh-CN' ? `${year}年${Number(month)}月` : period;
}
