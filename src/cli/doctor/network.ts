// Reachability of one upstream origin, step by step so a failure names its layer: DNS (the host name
// resolves), TCP (a connection opens) and TLS (the handshake completes and the certificate verifies).
import { lookup, Resolver } from 'node:dns/promises';
import { isIP, connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

export type CheckStatus = 'ok' | 'fail' | 'warn' | 'skip';

export interface Check {
  status: CheckStatus;
  /** Milliseconds the step took, when it ran. */
  ms?: number;
  detail: string;
}

export interface Reachability {
  dns: Check;
  tcp: Check;
  tls: Check;
}

function elapsed(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string, onTimeout?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout?.();
      reject(new Error(`${what}: no answer within ${ms} ms`));
    }, ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

function reason(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}

function openSocket(host: string, port: number, timeoutMs: number): Promise<Socket> {
  const socket = tcpConnect({ host, port });
  const opened = new Promise<Socket>((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
  return withTimeout(opened, timeoutMs, `connect ${host}:${port}`, () => socket.destroy());
}

function handshake(socket: Socket, host: string, timeoutMs: number): Promise<string> {
  // `host` is what the certificate is checked against; SNI carries names only, never an IP literal.
  const tls = tlsConnect({ socket, host, servername: isIP(host) === 0 ? host : undefined, ALPNProtocols: ['http/1.1'] });
  const done = new Promise<string>((resolve, reject) => {
    tls.once('secureConnect', () => {
      const cert = tls.getPeerCertificate();
      const until = cert?.valid_to ? `, certificate valid until ${cert.valid_to}` : '';
      resolve(`${tls.getProtocol() ?? 'TLS'}${until}`);
      tls.destroy();
    });
    tls.once('error', (err) => {
      tls.destroy();
      reject(err);
    });
  });
  return withTimeout(done, timeoutMs, 'TLS handshake', () => tls.destroy());
}

/** The system's resolver (getaddrinfo: hosts file, then DNS), or one DNS server asked directly. */
export type Resolve = (host: string) => Promise<string>;

export const systemResolve: Resolve = async (host) => (await lookup(host)).address;

/** `ip` or `ip:port` of a DNS server: A records first, AAAA when the name has none. */
export function dnsServerResolve(server: string): Resolve {
  const resolver = new Resolver({ timeout: 2000, tries: 1 });
  resolver.setServers([server]);
  return async (host) => {
    try {
      const [v4] = await resolver.resolve4(host);
      if (v4 !== undefined) return v4;
    } catch (err) {
      if ((err as { code?: string }).code !== 'ENODATA') throw err;
    }
    const [v6] = await resolver.resolve6(host);
    if (v6 === undefined) throw Object.assign(new Error(`no A or AAAA record for ${host}`), { code: 'ENODATA' });
    return v6;
  };
}

type LookupCallback = (err: Error | null, address?: string | Array<{ address: string; family: number }>, family?: number) => void;

/** A net.connect `lookup` that resolves through `resolve`, so HTTP probes land where the DNS check said. */
export function lookupVia(resolve: Resolve): (host: string, options: { all?: boolean }, callback: LookupCallback) => void {
  return (host, options, callback) => {
    resolve(host).then(
      (address) => (options?.all ? callback(null, [{ address, family: isIP(address) }]) : callback(null, address, isIP(address))),
      (err: Error) => callback(err),
    );
  };
}

/** Probes `origin` (scheme://host:port); later steps are skipped once one fails. */
export async function probeReachability(origin: string, timeoutMs: number, resolve: Resolve = systemResolve): Promise<Reachability> {
  const url = new URL(origin);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const https = url.protocol === 'https:';
  const port = Number(url.port || (https ? 443 : 80));
  const skipped = (why: string): Check => ({ status: 'skip', detail: why });

  let address = host;
  let dns: Check;
  if (isIP(host) !== 0) {
    dns = { status: 'skip', detail: 'address is an IP literal' };
  } else {
    const start = performance.now();
    try {
      address = await withTimeout(resolve(host), timeoutMs, `resolve ${host}`);
      dns = { status: 'ok', ms: elapsed(start), detail: `${host} -> ${address}` };
    } catch (err) {
      return { dns: { status: 'fail', ms: elapsed(start), detail: `cannot resolve ${host}: ${reason(err)}` }, tcp: skipped('DNS failed'), tls: skipped('DNS failed') };
    }
  }

  let socket: Socket;
  const tcpStart = performance.now();
  try {
    socket = await openSocket(address, port, timeoutMs);
  } catch (err) {
    return { dns, tcp: { status: 'fail', ms: elapsed(tcpStart), detail: `cannot connect to ${address}:${port}: ${reason(err)}` }, tls: skipped('TCP failed') };
  }
  const tcp: Check = { status: 'ok', ms: elapsed(tcpStart), detail: `connected to ${address}:${port}` };
  if (!https) {
    socket.destroy();
    return { dns, tcp, tls: skipped('plain http') };
  }
  const tlsStart = performance.now();
  try {
    const detail = await handshake(socket, host, timeoutMs);
    return { dns, tcp, tls: { status: 'ok', ms: elapsed(tlsStart), detail } };
  } catch (err) {
    socket.destroy();
    return { dns, tcp, tls: { status: 'fail', ms: elapsed(tlsStart), detail: `TLS with ${host} failed: ${reason(err)}` } };
  }
}
