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

export function formatNumber(n: number, digits = 0): string {
  return n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}
