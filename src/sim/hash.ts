import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { GameState } from './types';

/** JSON with object keys sorted at every depth: one text per value, in Node and in the browser alike. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>).sort();
  const parts: string[] = [];
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) parts.push(`${JSON.stringify(k)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
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
