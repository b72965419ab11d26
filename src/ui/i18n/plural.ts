// The ICU plural block reader, for every language (English included): small, so it
// lives on the English page; each language brings its own rules for choosing a form.
import type { Params } from './t';

/** How a language picks a plural form, reads a count written out, and writes one. */
export interface PluralRules {
  category(n: number): string;
  read(text: string): number;
  write(n: number): string;
}

/** The matching brace of the `{` at `open`, or -1. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i += 1) {
    if (s[i] === '{') depth += 1;
    else if (s[i] === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

const PLURAL_HEAD = /\{(\w+), plural,/g;

/**
 * ICU plural blocks, the one piece of MessageFormat the catalogues use:
 * `{count, plural, one {# round} few {# раунда} many {# раундов} other {# rounds}}`,
 * `#` standing for the number; `=0 {…}` picks an exact value.
 */
export function expandPluralsWith(template: string, params: Params, rules: PluralRules): string {
  if (!template.includes(', plural,')) return template;
  let out = '';
  let from = 0;
  PLURAL_HEAD.lastIndex = 0;
  for (let m = PLURAL_HEAD.exec(template); m; m = PLURAL_HEAD.exec(template)) {
    const end = closing(template, m.index);
    if (end < 0) break;
    const raw = params[m[1]!];
    // A count may come in already formatted ("6 100", "1,490"): read it back for the plural rule and show it as given.
    const n = typeof raw === 'number' ? raw : rules.read(raw ?? '');
    const body = template.slice(m.index + m[0].length, end);
    const forms = new Map<string, string>();
    const option = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/g;
    for (let o = option.exec(body); o; o = option.exec(body)) {
      const open = o.index + o[0].length - 1;
      const close = closing(body, open);
      if (close < 0) break;
      forms.set(o[1]!, body.slice(open + 1, close));
      option.lastIndex = close + 1;
    }
    const chosen = forms.get(`=${n}`) ?? forms.get(rules.category(n)) ?? forms.get('other') ?? '';
    out += template.slice(from, m.index) + chosen.replace(/#/g, typeof raw === 'string' ? raw : rules.write(n));
    from = end + 1;
    PLURAL_HEAD.lastIndex = end + 1;
  }
  return out + template.slice(from);
}
