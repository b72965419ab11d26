import { describe, expect, it } from 'vitest';
import { netBench } from '../../src/cli/bench/net';

// The bench's network figure, small: three matches (six SDK clients) against the real server
// on a free port, each played to its end. Timings are printed by the bench, never asserted here.

describe('bench network figure', () => {
  it('plays every match to its end over WebSocket and reports round trips and memory', async () => {
    const lines: string[] = [];
    const net = await netBench({ matches: 3, log: (s) => lines.push(s) });
    expect(net.errorList).toEqual([]);
    expect(net.errors).toBe(0);
    expect(net.matches).toBe(3);
    expect(net.clients).toBe(6);
    expect(net.finished).toBe(3);
    // A whole game is dozens of moves; every round trip was measured.
    expect(net.moves).toBeGreaterThan(3 * 10);
    expect(net.rttMs.p50).toBeGreaterThan(0);
    expect(net.rttMs.p50).toBeLessThanOrEqual(net.rttMs.p95);
    expect(net.rttMs.p95).toBeLessThanOrEqual(net.rttMs.max);
    expect(net.slowest[0]?.ms).toBe(net.rttMs.max);
    expect(Number.isFinite(net.memory.rssPerMatch) && net.memory.rssPerMatch > 0).toBe(true);
    expect(Number.isFinite(net.memory.heapUsedPerMatch) && net.memory.heapUsedPerMatch > 0).toBe(true);
    expect(net.memory.peak.heapUsed).toBeGreaterThan(net.memory.before.heapUsed);
    expect(net.sameProcess).toBe(true);
    expect(lines.some((l) => l.includes('opening 3 matches (6 clients)'))).toBe(true);
  });
});
