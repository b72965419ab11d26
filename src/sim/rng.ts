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

/** A set of live generators over a copy of the streams; `save()` hands back their new states. */
export class Dice {
  private readonly live = new Map<Stream, () => number>();
  private readonly prngs = new Map<Stream, { state(): RngState }>();

  constructor(private readonly states: Record<Stream, RngState>) {}

  next(stream: Stream): number {
    let gen = this.live.get(stream);
    if (!gen) {
      const prng = alea('', { state: this.states[stream] });
      this.prngs.set(stream, prng);
      gen = prng;
      this.live.set(stream, gen);
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
    if (this.prngs.size === 0) return this.states;
    const out = { ...this.states };
    for (const [name, prng] of this.prngs) out[name] = prng.state();
    return out;
  }
}
