import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { GameState } from './types';

/** JSON with object keys sorted at every depth: one text per value, in Node and in the browser alike. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}

// Appends to one buffer rather than building and joining a string per node:
// batch runs hash every game, and this was most of the hashing time.
function write(value: unknown, out: string[]): void {
  if (value === null || value === undefined) {
    out.push('null');
  } else if (typeof value === 'number') {
    out.push(Number.isFinite(value) ? String(value) : 'null');
  } else if (typeof value === 'string') {
    out.push(JSON.stringify(value));
  } else if (typeof value === 'boolean') {
    out.push(value ? 'true' : 'false');
  } else if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out.push(',');
      write(value[i], out);
    }
    out.push(']');
  } else if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    out.push('{');
    let first = true;
    for (const k of keys) {
      const v = record[k];
      if (v === undefined) continue;
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(k), ':');
      write(v, out);
    }
    out.push('}');
  } else {
    out.push('null');
  }
}

export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

/**
 * The fingerprint of a game: its phase and every part of its state that the
 * rules read. The narration and the ledger are left out, so a batch run with
 * them switched off hashes the same.
 */
export function stateHash(phase: string, state: GameState): string {
  const { log: _log, ledger: _ledger, ledgerOn: _on, seq: _seq, ...rest } = state;
  return sha256Hex(canonicalJson({ phase, state: rest }));
}
