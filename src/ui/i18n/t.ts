import { en, type MessageKey } from './en';

type Params = Record<string, string | number>;
const catalogue: Record<MessageKey, string> = en;

/** Looks a message up and fills its {placeholders}; values go in as plain text. */
export function t(key: MessageKey, params: Params = {}): string {
  const template = catalogue[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    return v === undefined ? `{${name}}` : String(v);
  });
}

/** For keys built from data (e.g. `status.${id}`), checked at run time. */
export function tk(key: string, params: Params = {}): string {
  return key in catalogue ? t(key as MessageKey, params) : key;
}

/**
 * Numbers as the English catalogue writes them (1,234.5): at most `digits`
 * decimals, no trailing zeros, commas between thousands. Written out rather
 * than through Intl.NumberFormat, whose first use starts ICU's number data
 * (~40 ms) on the title's loading path; a catalogue for another language can
 * bring its own.
 */
export function formatNumber(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Math.abs(n).toFixed(digits);
  const [whole = '0', frac = ''] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = frac.replace(/0+$/, '');
  const body = decimals ? `${grouped}.${decimals}` : grouped;
  return n < 0 && Number(fixed) !== 0 ? `-${body}` : body;
}
