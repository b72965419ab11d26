// An in-memory localStorage for the save tests: the real Storage interface, and a quota that can be set.
export class MemoryStorage {
  readonly map = new Map<string, string>();
  /** Characters (keys and values) the storage holds at most; Infinity for no limit. */
  quota = Infinity;
  /** Keys whose writes fail as if storage were full, whatever the quota. */
  full = new Set<string>();

  get length(): number {
    return this.map.size;
  }
  key(i: number): string | null {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    const value = String(v);
    const used = [...this.map].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0);
    if (this.full.has(k) || used + k.length + value.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(k, value);
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
  clear(): void {
    this.map.clear();
  }
}
