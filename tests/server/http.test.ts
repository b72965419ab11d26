// The game's one server (src/server/main.ts, src/server/http.ts) in production mode on a free
// port, serving a small dist/ written here, with a rooms stub that defines no room: the
// security headers on every kind of response (the page, a 404, Colyseus's /matchmake, the
// API), what is served for which path, and the LAN addresses.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, lanUrls, markPage, SERVER_MARK } from '../../src/server/http';
import { parseCli, startServer, type RunningServer } from '../../src/server/main';

const PAGE = '<!doctype html><html><head><title>Unfinished Peace</title></head><body><p id="marker">the game page</p></body></html>';
const SCRIPT = 'export const ok = 1;\n';

let dir: string;
let server: RunningServer;
const roomsCalls: { scenariosDir: string; dataDir: string }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'up-http-'));
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), PAGE);
  writeFileSync(join(dist, 'assets', 'index-AbCd12_-.js'), SCRIPT);
  writeFileSync(join(dist, 'assets', 'moscow-2019-DxMgodAl.json'), '{"id":"moscow-2019"}');
  writeFileSync(join(dist, 'assets', 'plex-CDDApCn2.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(dist, 'notes.txt'), 'not hashed');
  writeFileSync(join(dir, 'secret.txt'), 'outside dist');
  // 0.0.0.0, as `npm start` listens, so /net/info has addresses to report.
  server = await startServer({
    mode: 'prod',
    port: 0,
    host: '0.0.0.0',
    distDir: dist,
    dataDir: join(dir, 'data'),
    quiet: true,
    defineRooms: (_gs, opts) => {
      roomsCalls.push(opts);
    },
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit): Promise<Response> => fetch(new URL(path, server.url), init);

function expectSecurityHeaders(res: Response): void {
  const csp = res.headers.get('content-security-policy') ?? '';
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('connect-src')).toEqual(["'self'", `ws://127.0.0.1:${server.port}`, `wss://127.0.0.1:${server.port}`]);
  expect(csp).not.toMatch(/unsafe-eval|\*/);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
}

describe('the production server', () => {
  it('reports where it listens, and defines the rooms with the scenarios and data folders', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
    expect(roomsCalls).toEqual([{ scenariosDir: expect.stringMatching(/scenarios$/), dataDir: join(dir, 'data') }]);
  });

  it('serves the page at / with the security headers, not cached', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(markPage(PAGE));
    expectSecurityHeaders(res);
    // Colyseus's blanket CORS stays on /matchmake: the game's own files are not readable from other sites.
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the page for a match link and for a path without an extension', async () => {
    for (const path of ['/?match=ABC', '/join/ABC', '/index.html']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      // Marked as this server's page: the game then offers matches across devices.
      expect(await res.text(), path).toBe(markPage(PAGE));
      expect(markPage(PAGE)).toContain(SERVER_MARK);
      expectSecurityHeaders(res);
    }
  });

  it('serves hashed assets with their types, cached for good', async () => {
    const cases: [string, string, string][] = [
      ['/assets/index-AbCd12_-.js', 'text/javascript; charset=utf-8', SCRIPT],
      ['/assets/moscow-2019-DxMgodAl.json', 'application/json; charset=utf-8', '{"id":"moscow-2019"}'],
      ['/assets/plex-CDDApCn2.woff2', 'font/woff2', 'wOF2'],
    ];
    for (const [path, type, body] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe(type);
      expect(res.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
      expect(await res.text(), path).toBe(body);
      expectSecurityHeaders(res);
    }
    const plain = await get('/notes.txt');
    expect(plain.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing file with a 404 that keeps the headers', async () => {
    for (const path of ['/assets/missing-12345678.js', '/nope.css', '/net/nothing', '/matchmake/joinOrCreate/none']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('the game page');
      expectSecurityHeaders(res);
    }
  });

  it('serves nothing outside dist/', async () => {
    const status = await new Promise<number>((ok, fail) => {
      request(new URL('/..%2fsecret.txt', server.url), (res) => {
        res.resume();
        ok(res.statusCode ?? 0);
      })
        .on('error', fail)
        .end();
    });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(await (await get('/assets/..%2f..%2fsecret.txt')).text()).not.toContain('outside dist');
  });

  it("puts the headers on Colyseus's own /matchmake answers and its preflight", async () => {
    const res = await get('/matchmake/joinOrCreate/none', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    // Colyseus's router answered (not express): its error for a room type nobody defined.
    expect(res.status).toBe(520);
    expect(await res.json()).toMatchObject({ error: expect.stringContaining('not defined') });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expectSecurityHeaders(res);
    const preflight = await get('/matchmake/joinOrCreate/none', { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expectSecurityHeaders(preflight);
  });

  it('GET /net/info lists the LAN URLs, never loopback', async () => {
    const res = await get('/net/info');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expectSecurityHeaders(res);
    const info = (await res.json()) as { lan: string[] };
    expect(info).toEqual({ lan: lanUrls(server.port) });
    expect(server.lan).toEqual(info.lan);
    for (const url of info.lan) expect(url).toMatch(new RegExp(`^http://\\d+\\.\\d+\\.\\d+\\.\\d+:${server.port}/$`));
    expect(info.lan.join()).not.toContain('127.0.0.1');
  });

  it('accepts a WebSocket upgrade for the rooms on the same port', async () => {
    expect((await upgrade(server.url, undefined, 0)).status).toBe(101);
  });
});

describe('starting and stopping', () => {
  it('refuses to serve production without a build', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'up-nodist-'));
    try {
      await expect(startServer({ mode: 'prod', port: 0, host: '127.0.0.1', distDir: empty, dataDir: join(empty, 'data'), quiet: true, defineRooms: () => undefined })).rejects.toThrow(
        /index\.html is missing: run npm run build first/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('reads the command line: --prod, --port, --host, PORT and UP_DATA_DIR', () => {
    expect(parseCli([], {})).toMatchObject({ mode: 'dev', port: 5173, host: '0.0.0.0', dataDir: expect.stringMatching(/\.data$/) });
    expect(parseCli(['--prod'], {})).toMatchObject({ mode: 'prod', port: 4173 });
    expect(parseCli(['--prod'], { PORT: '8080', UP_DATA_DIR: '/srv/up' })).toMatchObject({ port: 8080, dataDir: '/srv/up' });
    expect(parseCli(['--port', '9000', '--host', '127.0.0.1'], { PORT: '8080' })).toMatchObject({ port: 9000, host: '127.0.0.1' });
    expect(parseCli(['--port', 'x'], {})).toMatch(/not a port number/);
    expect(parseCli(['--port', '70000'], {})).toMatch(/not a port number/);
    expect(parseCli(['--frobnicate'], {})).toMatch(/--frobnicate/);
  });

  it('says so when the port is taken, and close() frees the port', async () => {
    const opts = { mode: 'prod', host: '127.0.0.1', distDir: join(dir, 'dist'), dataDir: join(dir, 'data'), quiet: true, defineRooms: () => undefined } as const;
    // Colyseus keeps one matchmaker per process: the second server is started after the first is closed.
    await server.close();
    const first = await startServer({ ...opts, port: 0 });
    await expect(startServer({ ...opts, port: first.port })).rejects.toThrow(/is in use/);
    await first.close();
    await expect(fetch(first.url)).rejects.toThrow();
  });

  it('passes on an error of the rooms definition', async () => {
    const opts = { mode: 'prod', port: 0, host: '127.0.0.1', distDir: join(dir, 'dist'), dataDir: join(dir, 'data'), quiet: true } as const;
    await expect(startServer({ ...opts, defineRooms: () => { throw new Error('no scenarios here'); } })).rejects.toThrow('no scenarios here');
  });
});

/** A WebSocket handshake on `url`; what came back in the first `ms` milliseconds. */
function upgrade(url: string, protocol?: string, ms = 250): Promise<{ status: number; protocol?: string; data: string }> {
  return new Promise((ok, fail) => {
    const headers: Record<string, string> = { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' };
    if (protocol) headers['Sec-WebSocket-Protocol'] = protocol;
    const req = request(url, { headers });
    req.on('upgrade', (res, socket, head) => {
      let data = head.toString('latin1');
      socket.on('data', (d: Buffer) => (data += d.toString('latin1')));
      setTimeout(() => {
        socket.destroy();
        ok({ status: res.statusCode ?? 0, protocol: res.headers['sec-websocket-protocol'], data });
      }, ms);
    });
    req.on('response', (res) => {
      res.resume();
      ok({ status: res.statusCode ?? 0, data: '' });
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the development server (Vite in middleware mode)', () => {
  it("serves Vite's page with the headers, and shares the port between Vite's HMR socket and the rooms'", async () => {
    const dev = await startServer({ mode: 'dev', port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), quiet: true, defineRooms: () => undefined });
    try {
      const res = await fetch(new URL('/?match=ABC', dev.url));
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('/@vite/client');
      expect(res.headers.get('content-security-policy')).toContain(`connect-src 'self' ws://127.0.0.1:${dev.port} wss://127.0.0.1:${dev.port};`);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      // Vite's socket is answered by Vite alone: one handshake, then Vite's greeting.
      const hmr = await upgrade(dev.url, 'vite-hmr');
      expect(hmr.status).toBe(101);
      expect(hmr.protocol).toBe('vite-hmr');
      expect(hmr.data).toContain('{"type":"connected"}');
      expect(hmr.data).not.toContain('HTTP/1.1');
      // Any other upgrade is Colyseus's.
      expect((await upgrade(dev.url)).status).toBe(101);
    } finally {
      await dev.close();
    }
    await expect(fetch(dev.url)).rejects.toThrow();
  });
});

describe('lanUrls', () => {
  it('keeps the non-internal IPv4 addresses, as http://address:port/', () => {
    const interfaces = {
      lo: [
        { address: '127.0.0.1', family: 'IPv4', internal: true },
        { address: '::1', family: 'IPv6', internal: true },
      ],
      wlan0: [
        { address: '192.168.1.23', family: 'IPv4', internal: false },
        { address: 'fe80::1c2d:3e4f', family: 'IPv6', internal: false },
        { address: '2001:db8::5', family: 'IPv6', internal: false },
      ],
      eth0: [{ address: '10.0.4.7', family: 'IPv4', internal: false }],
      odd: [{ address: '127.0.1.1', family: 'IPv4', internal: false }],
      gone: undefined,
    } as const;
    expect(lanUrls(5173, interfaces)).toEqual(['http://192.168.1.23:5173/', 'http://10.0.4.7:5173/']);
    expect(lanUrls(4173, { lo: interfaces.lo })).toEqual([]);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows the WebSocket of the host the page came from, and only a well-formed one', () => {
    expect(contentSecurityPolicy('class.example.org')).toContain("connect-src 'self' ws://class.example.org wss://class.example.org;");
    expect(contentSecurityPolicy('192.168.1.23:4173')).toContain("connect-src 'self' ws://192.168.1.23:4173 wss://192.168.1.23:4173;");
    for (const bad of [undefined, '', 'evil.org; script-src *', '[::1]:4173', 'a b']) expect(contentSecurityPolicy(bad)).toContain("connect-src 'self';");
  });
});
