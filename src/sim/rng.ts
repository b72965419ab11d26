import alea from 'seedrandom/lib/alea';
import { STREAMS, type RngState, type Stream } from './types';

// Named streams, so adding a draw in one place does not shift every other
// draw. alea's state is four numbers: cheap to store in the game state and to
// restore, which is what lets a persisted game resume the exact sequence.

export function seedStreams(seed: string): Record<Stream, RngState> {
  const out = {} as Record<Stream, RngState>;
  for (const name of STREAMS) out[name] = alea(`${seed}/${name}`, { state: true }).state();
  return out;
}

/** Each stream's place in STREAMS: the live generators are kept in an array, not a Map, as a draft makes one Dice per transition. */
const STREAM_INDEX = Object.fromEntries(STREAMS.map((name, i) => [name, i])) as Record<Stream, number>;

type Prng = (() => number) & { state(): RngState };

/** A set of live generators over a copy of the streams; `save()` hands back their new states. */
export class Dice {
  /** The generators drawn from so far, by stream index; none until the first draw. */
  private live: (Prng | undefined)[] | null = null;

  constructor(private readonly states: Record<Stream, RngState>) {}

  next(stream: Stream): number {
    const i = STREAM_INDEX[stream];
    const live = (this.live ??= new Array<Prng | undefined>(STREAMS.length));
    let gen = live[i];
    if (!gen) {
      gen = alea('', { state: this.states[stream] }) as Prng;
      live[i] = gen;
    }
    return gen();
  }

  /** A roll against probability p: returns the roll and whether it came out yes. */
  chance(stream: Stream, p: number): { roll: number; yes: boolean } {
    const roll = this.next(stream);
    return { roll, yes: roll < p };
  }

  /** Uniform in [low, high]. */
  between(stream: Stream, low: number, high: number): number {
    return low + (high - low) * this.next(stream);
  }

  /**
   * Roughly standard normal (Irwin–Hall over four draws). Plain arithmetic on
   * purpose: no transcendental functions, so every engine rounds it alike.
   */
  normal(stream: Stream): number {
    const sum = this.next(stream) + this.next(stream) + this.next(stream) + this.next(stream);
    return (sum - 2) * Math.sqrt(3);
  }

  save(): Record<Stream, RngState> {
    const live = this.live;
    if (!live) return this.states;
    const out = { ...this.states };
    for (let i = 0; i < STREAMS.length; i += 1) {
      const gen = live[i];
      if (gen) out[STREAMS[i]!] = gen.state();
    }
    return out;
  }
}
