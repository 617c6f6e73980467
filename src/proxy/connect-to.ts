// RAINYMODEL_CONNECT_TO: connect to another address for a given upstream host and port, as curl's
// `--connect-to HOST1:PORT1:HOST2:PORT2` does, without editing the config. The request is otherwise
// unchanged: the Host header, TLS server name and certificate check stay those of HOST1, so a test (or an
// operator reaching a provider through a private address) serves a file with public https URLs from local
// servers. Several rules are separated by commas; an empty HOST1 or PORT1 matches any.
import { isIP } from 'node:net';
import { buildConnector, Pool } from 'undici';

export const CONNECT_TO_VARIABLE = 'RAINYMODEL_CONNECT_TO';

export interface ConnectRule {
  fromHost: string;
  fromPort: string;
  toHost: string;
  toPort: string;
}

/** Splits `host:port` pairs where the host may be a bracketed IPv6 address. */
function splitHostPorts(text: string): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i <= text.length) {
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) return [];
      parts.push(text.slice(i + 1, close));
      i = close + 2;
      continue;
    }
    const colon = text.indexOf(':', i);
    const end = colon < 0 ? text.length : colon;
    parts.push(text.slice(i, end));
    i = end + 1;
  }
  return parts;
}

/** Parses the variable's value; throws a message naming the bad rule and the expected form. */
export function parseConnectTo(value: string | undefined): ConnectRule[] {
  if (!value || value.trim() === '') return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((rule) => {
      const [fromHost, fromPort, toHost, toPort, ...extra] = splitHostPorts(rule);
      if (
        extra.length > 0 ||
        fromHost === undefined ||
        fromPort === undefined ||
        !toHost ||
        toPort === undefined ||
        !/^\d+$/.test(toPort) ||
        (fromPort !== '' && !/^\d+$/.test(fromPort))
      ) {
        throw new Error(`${CONNECT_TO_VARIABLE}: "${rule}" is not HOST1:PORT1:HOST2:PORT2 (for example router.huggingface.co:443:127.0.0.1:8443)`);
      }
      return { fromHost: fromHost.toLowerCase(), fromPort, toHost, toPort };
    });
}

function defaultPort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/** The rule for an origin, if any: the first whose host and port match. */
export function ruleFor(rules: readonly ConnectRule[], origin: string): ConnectRule | undefined {
  if (rules.length === 0) return undefined;
  const url = new URL(origin);
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = defaultPort(url);
  return rules.find((r) => (r.fromHost === '' || r.fromHost === host) && (r.fromPort === '' || r.fromPort === port));
}

/** A keep-alive pool for one upstream origin, connecting where a rule says. */
export function createPool(origin: string, rules: readonly ConnectRule[]): Pool {
  const options = { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000 };
  const rule = ruleFor(rules, origin);
  if (!rule) return new Pool(origin, options);
  const connector = buildConnector({});
  const host = new URL(origin).hostname;
  // TLS still names (and checks the certificate of) the configured host, never the address connected to.
  const servername = isIP(host.replace(/^\[|\]$/g, '')) ? undefined : host;
  return new Pool(origin, {
    ...options,
    connect: (opts, callback) => connector({ ...opts, hostname: rule.toHost, port: rule.toPort, servername: opts.servername ?? servername }, callback),
  });
}
