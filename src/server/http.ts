// What the game's one Node process answers over HTTP, besides Colyseus's own /matchmake routes:
// the security headers on every response, the built game (dist/) or Vite's dev server, and
// GET /net/info (the addresses other devices on the network can open). src/server/main.ts
// puts this on the express app that Colyseus's WebSocket transport owns.
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { cacheControl } from './cache';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { ViteDevServer } from 'vite';

/**
 * The policy of every response, the page's and the API's alike. Each source is one the game
 * uses (checked against index.html, vite.config.ts and the built dist/):
 * - script-src, worker-src 'self': the game's modules, and the class view's batch worker
 *   (a file of its own under /assets). No inline script, no eval, no blob: worker.
 * - style-src 'self' 'unsafe-inline': the built stylesheets, plus style attributes the UI
 *   sets (the link builder's layout, Phaser's iOS height probe); in development Vite's client
 *   also injects each CSS module as a <style> element, which this covers as well.
 * - img-src 'self' data:: Phaser's built-in textures (__DEFAULT, __MISSING, __WHITE) and its
 *   feature checks are data: PNGs; the favicon is `data:,`. Nothing makes blob: images.
 * - font-src 'self': every typeface is a .woff2/.woff file of the build (assetsInlineLimit 0).
 * - connect-src 'self' ws://HOST wss://HOST: fetches of the scenarios, map and language
 *   files, and the WebSocket of the rooms (and, in development, Vite's HMR socket, which
 *   shares the port). CSP Level 3 lets 'self' match ws:/wss: of the same origin; the explicit
 *   sources are for browsers older than that.
 * - frame-ancestors 'none' (with X-Frame-Options: DENY for old browsers), object-src 'none',
 *   base-uri 'none', form-action 'none': the game is never framed, has no plugins, no <base>
 *   and no form that submits anywhere.
 * Development (Vite's middleware) needs nothing beyond this, checked in Chromium: its client is
 * a module from the same origin, its CSS <style> elements are covered by 'unsafe-inline' and
 * its socket by connect-src; so both modes send the same policy.
 * index.html also carries a <meta> policy (for static hosts that set no headers); a browser
 * applies both, so a source the game needs must be allowed by both.
 */
export function contentSecurityPolicy(host: string | undefined): string {
  const origin = socketHost(host);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${origin ? ` ws://${origin} wss://${origin}` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The Host header as a CSP host-source ("name-or-ipv4[:port]"), or undefined when it is missing or
 * anything else (an IPv6 literal cannot be written in CSP; 'self' still covers that origin).
 */
function socketHost(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const h = host.toLowerCase();
  return /^[a-z0-9](?:[a-z0-9.-]{0,253})(?::\d{1,5})?$/.test(h) ? h : undefined;
}

/**
 * The security headers, as express middleware. Typed on Node's own request and response so the
 * same function also runs as a plain 'request' listener: Colyseus answers /matchmake before
 * express sees the request (src/server/main.ts installs it there too).
 */
export function securityHeaders(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(req.headers.host));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  next();
}

/** Runs `securityHeaders` first on every request the server receives, whoever answers it. */
export function secureEveryResponse(server: HttpServer): void {
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => securityHeaders(req, res, () => undefined));
}

type Interfaces = Record<string, readonly Pick<NetworkInterfaceInfo, 'address' | 'family' | 'internal'>[] | undefined>;

/**
 * The URLs another device on the network can open: http://<address>:<port>/ for each IPv4
 * address of this machine that is not internal (never 127.x). Pure given `interfaces`.
 */
export function lanUrls(port: number, interfaces: Interfaces = networkInterfaces()): string[] {
  const urls: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const a of list ?? []) {
      // Node 18.0–18.3 reported the family as the number 4.
      const v4 = a.family === 'IPv4' || (a.family as unknown) === 4;
      if (!v4 || a.internal || a.address.startsWith('127.')) continue;
      const url = `http://${a.address}:${port}/`;
      if (!urls.includes(url)) urls.push(url);
    }
  }
  return urls;
}

export interface GameRoutes {
  /** The built game (served in production, when `vite` is not given). */
  distDir: string;
  /** Vite's dev server in middleware mode: it serves the sources, index.html and the SPA fallback. */
  vite?: ViteDevServer;
  /** What GET /net/info reports, asked at each request (a laptop may have joined a network since). */
  lan: () => string[];
}

/**
 * The mark the game's own server puts in the page it serves: the page then offers matches
 * across devices (a static copy of the game, without it, does not, and asks nothing).
 */
export const SERVER_MARK = '<meta name="up-server" content="rooms">';
export const markPage = (html: string): string => html.replace(/<head>/i, (head) => `${head}${SERVER_MARK}`);

/** Paths the server itself owns: an unknown one is a 404, never the game's page. */
const RESERVED = ['/matchmake', '/net', '/__healthcheck'];

/** Adds the game's routes to an express app (Colyseus's, in src/server/main.ts). */
export function mountGame(app: express.Application, routes: GameRoutes): void {
  app.disable('x-powered-by');
  app.use(securityHeaders, sameOriginOnly);
  app.get('/net/info', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ lan: routes.lan() });
  });
  app.use(RESERVED, notFound);
  if (routes.vite) app.use(routes.vite.middlewares);
  else {
    const root = resolve(routes.distDir);
    // The page (marked as this server's) for "/", /index.html and any path without an extension, so
    // /?match=CODE and deep links open the game.
    const page = join(root, 'index.html');
    app.use((req, res, next) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || (/\.[^/]*$/.test(req.path) && req.path !== '/index.html')) return next();
      // Read at each request: a rebuild of dist/ while the server runs is served as it is.
      readFile(page, 'utf8').then(
        (html) => res.set('Cache-Control', 'no-cache').type('html').send(markPage(html)),
        (error: unknown) => next(error),
      );
    });
    app.use(
      express.static(root, {
        index: false, // "/" is the page below, with its own cache rule
        redirect: false,
        setHeaders(res, file) {
          res.setHeader('Cache-Control', cacheControl(root, file));
        },
      }),
    );
  }
  app.use(notFound);
  app.use(onError);
}

/**
 * Colyseus puts `Access-Control-Allow-Origin: *` (with credentials) on every response of its
 * server before handing the request to express. Its /matchmake routes keep that; what express
 * answers (the game's files, /net/info with this machine's addresses) is for the game's own
 * pages only, so another site open in the same browser cannot read it.
 */
const sameOriginOnly: RequestHandler = (_req, res, next) => {
  for (const name of res.getHeaderNames()) if (name.startsWith('access-control-')) res.removeHeader(name);
  next();
};

const notFound: RequestHandler = (_req, res) => {
  // Express's own 404 page would replace the policy with its own; this one keeps the headers.
  res.status(404).type('text/plain').send('Not found\n');
};

const onError: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status = (error as { status?: unknown }).status;
  const code = typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
  if (code >= 500) console.error(error);
  res.status(code).type('text/plain').send(code === 404 ? 'Not found\n' : code < 500 ? 'Bad request\n' : 'Server error\n');
};

/** Vite's dev server in middleware mode, its HMR socket on the game's own HTTP server. Closing it is the caller's. */
export async function createViteDev(root: string, server: HttpServer, quiet: boolean): Promise<ViteDevServer> {
  const { createServer } = await import('vite');
  return createServer({
    root,
    // Vite 8 moved the HMR socket's options from server.hmr to server.ws.
    server: { middlewareMode: true, ws: { server } },
    appType: 'spa',
    plugins: [{ name: 'up-server-mark', transformIndexHtml: (html: string) => markPage(html) }],
    logLevel: quiet ? 'error' : 'info',
  });
}

/** A WebSocket upgrade that is Vite's (HMR, or its ping), not a Colyseus room's. */
export function isViteSocket(req: IncomingMessage): boolean {
  const protocol = req.headers['sec-websocket-protocol'];
  return protocol === 'vite-hmr' || protocol === 'vite-ping';
}
