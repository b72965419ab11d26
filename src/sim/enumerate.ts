import { ISSUE_IDS, ISSUES, type IssueId, type Package } from '../scenario/vocabulary';
import type { LegalMoves } from './legal';
import { coherent } from './packages';
import type { Action } from './types';

/**
 * Legal moves → concrete actions: every action the side to move may take,
 * in a fixed order (the order of `legal.types`, then of each parameter's
 * values). Offers are the packages given (made coherent, duplicates
 * dropped): the whole space of packages is the product of the options per
 * issue, thousands of them, so callers say which they want — `everyPackage`
 * walks all of them lazily. An action listed here may still be refused by
 * the session (a package that combines options its red lines forbid, a
 * counter-offer equal to the last): check `session.refusal(action)`.
 */
export function enumerateActions(legal: LegalMoves, offers: Iterable<Package> = []): Action[] {
  const side = legal.side;
  const out: Action[] = [];
  for (const type of legal.types) {
    switch (type) {
      case 'agenda':
        for (const sequencing of legal.sequencings) for (const prepare of ISSUE_IDS) out.push({ type, side, sequencing, prepare });
        break;
      case 'offer': {
        const seen = new Set<string>();
        for (const pkg of offers) {
          const p = coherent(pkg, legal.options);
          const key = ISSUE_IDS.map((i) => p[i]).join('|');
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ type, side, package: p });
        }
        break;
      }
      case 'homeFront':
        for (const faction of legal.factions) out.push({ type, side, faction });
        break;
      case 'statement':
        for (const tone of legal.tones) out.push({ type, side, tone });
        break;
      case 'ratify':
        for (const approach of legal.approaches) out.push({ type, side, approach });
        break;
      case 'accept':
      case 'stall':
      case 'walkOut':
        out.push({ type, side });
        break;
    }
  }
  return out;
}

/** Every package made of options offerable now, in a fixed order (islands slowest); lazily, as there are thousands. */
export function* everyPackage(options: Record<IssueId, readonly string[]>): Generator<Package> {
  const lists = ISSUE_IDS.map((issue) => options[issue]);
  if (lists.some((l) => l.length === 0)) return;
  const at = ISSUE_IDS.map(() => 0);
  for (;;) {
    yield Object.fromEntries(ISSUE_IDS.map((issue, k) => [issue, lists[k]![at[k]!]])) as Package;
    let k = ISSUE_IDS.length - 1;
    while (k >= 0 && at[k] === lists[k]!.length - 1) at[k--] = 0;
    if (k < 0) return;
    at[k]! += 1;
  }
}

/** One package from the offerable options, each issue's option chosen by `pick(n)` (an integer in 0..n-1). */
export function pickPackage(options: Record<IssueId, readonly string[]>, pick: (n: number) => number): Package {
  const out = {} as Record<IssueId, string>;
  for (const issue of ISSUE_IDS) {
    const list = options[issue].length > 0 ? options[issue] : (ISSUES[issue] as readonly string[]);
    out[issue] = list[pick(list.length)]!;
  }
  return out as Package;
}

/** A deterministic index chooser (xorshift32), independent of the game's own streams. */
export function chooser(seed: number): (n: number) => number {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}
