// Where the server keeps its matches and classes between restarts: files on disk by default
// (<data>/matches/CODE.json, <data>/classes/CODE.json), or Redis hashes when UP_REDIS_URL is
// set, so processes on several machines share them. Each record is the whole file's JSON;
// a match's is its action log (the replay's moves), so nothing but the moves is kept.
import { existsSync, mkdirSync } from 'node:fs';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export type Kind = 'matches' | 'classes';

export interface Keeper {
  /** Writes are queued per record, in order: the last one written is the one kept. */
  write(kind: Kind, code: string, json: string): Promise<void>;
  read(kind: Kind, code: string): Promise<string | null>;
  exists(kind: Kind, code: string): Promise<boolean>;
  list(kind: Kind): Promise<string[]>;
  close(): Promise<void>;
}

const CODE_FILE = /^[0-9A-Z]+\.json$/;

export class DiskKeeper implements Keeper {
  constructor(private readonly dir: string) {
    for (const kind of ['matches', 'classes'] as const) mkdirSync(join(dir, kind), { recursive: true });
  }

  private path(kind: Kind, code: string): string {
    return join(this.dir, kind, `${code}.json`);
  }

  /** Whole to a temporary file, then renamed: a crash mid-write never leaves half a record. */
  async write(kind: Kind, code: string, json: string): Promise<void> {
    const path = this.path(kind, code);
    await writeFile(`${path}.tmp`, `${json}\n`);
    await rename(`${path}.tmp`, path);
  }

  async read(kind: Kind, code: string): Promise<string | null> {
    try {
      return await readFile(this.path(kind, code), 'utf8');
    } catch {
      return null;
    }
  }

  exists(kind: Kind, code: string): Promise<boolean> {
    return Promise.resolve(existsSync(this.path(kind, code)));
  }

  async list(kind: Kind): Promise<string[]> {
    return (await readdir(join(this.dir, kind)))
      .filter((f) => CODE_FILE.test(f))
      .map((f) => f.slice(0, -5))
      .sort();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

export class RedisKeeper implements Keeper {
  private readonly redis: Redis;
  constructor(url: string) {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
  }

  private key(kind: Kind): string {
    return `up:${kind}`;
  }

  async write(kind: Kind, code: string, json: string): Promise<void> {
    await this.redis.hset(this.key(kind), code, json);
  }

  read(kind: Kind, code: string): Promise<string | null> {
    return this.redis.hget(this.key(kind), code);
  }

  async exists(kind: Kind, code: string): Promise<boolean> {
    return (await this.redis.hexists(this.key(kind), code)) === 1;
  }

  async list(kind: Kind): Promise<string[]> {
    return (await this.redis.hkeys(this.key(kind))).sort();
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}

/** Queues writes so each record's are applied in the order they were made. */
export class WriteQueue {
  private last = new Map<string, Promise<void>>();
  constructor(private readonly keeper: Keeper) {}

  write(kind: Kind, code: string, json: string): Promise<void> {
    const key = `${kind}/${code}`;
    const next = (this.last.get(key) ?? Promise.resolve()).then(() => this.keeper.write(kind, code, json)).catch((error: unknown) => {
      console.error(`could not keep ${key}: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.last.set(key, next);
    return next;
  }

  /** Resolves once every write made so far has landed. */
  async flush(): Promise<void> {
    await Promise.all(this.last.values());
  }
}
