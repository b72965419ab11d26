import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { GameState } from './types';

/** JSON with object keys sorted at every depth: one text per value, in Node and in the browser alike. */
export function canonicalJson(value: unknown): string {
  return write(value);
}

// One string grown by concatenation (V8 joins the pieces once, when the text is hashed), and
// plain ASCII strings quoted without JSON.stringify: twice as fast as a buffer of pieces joined
// at the end, on the states of real games (the fuzz and the batch runs hash after every move).
function write(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'string':
      return quote(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i += 1) {
          if (i > 0) out += ',';
          out += write(value[i]);
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      let out = '{';
      let first = true;
      for (const k of Object.keys(record).sort()) {
        const v = record[k];
        if (v === undefined) continue;
        if (!first) out += ',';
        first = false;
        out += `${quote(k)}:${write(v)}`;
      }
      return `${out}}`;
    }
    default:
      return 'null';
  }
}

/** JSON.stringify of a string: printable ASCII without a quote or backslash needs no escaping. */
function quote(s: string): string {
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) return JSON.stringify(s);
  }
  return `"${s}"`;
}

export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

/**
 * The fingerprint of a game: its phase and every part of its state that the
 * rules read. The narration and the ledger are left out, so a batch run with
 * them switched off hashes the same.
 */
export function stateHash(phase: string, state: GameState): string {
  return sha256Hex(stateText(phase, state));
}

/**
 * The canonical text stateHash is taken of: two games hash alike exactly when their texts are
 * equal. Compared as text it needs no SHA-256 (the fuzz compares it around every refused event),
 * and two texts that differ show where two games parted.
 */
export function stateText(phase: string, state: GameState): string {
  const { log: _log, ledger: _ledger, ledgerOn: _on, seq: _seq, ...rest } = state;
  return canonicalJson({ phase, state: rest });
}
