// `rmctl serve`: the bundled proxy. Loads the compiled file, serves it, reloads on SIGHUP, drains on SIGTERM.
import { InvalidArgumentError, type Command } from 'commander';
import { EXIT } from '../../shared/errors.js';
import { createLogger, flushLogger } from '../../proxy/logging.js';
import { ConfigLoadError, ProxyServer } from '../../proxy/server.js';
import type { CliContext } from '../context.js';
import { formatText } from '../output.js';
import { explainServeDiagnostics } from '../serve-errors.js';
import { DEFAULT_COMPILED } from '../defaults.js';

interface ServeOptions {
  config: string;
  host: string;
  port: number;
  logLevel: string;
  drainTimeout: number;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parsePort(value: string): number {
  const port = Number(value);
  if (value.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('Expected an integer 0-65535.');
  return port;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) throw new InvalidArgumentError('Expected a number of seconds (0 or more).');
  return seconds;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .option('-c, --config <file>', 'compiled config to serve', DEFAULT_COMPILED)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .addOption(program.createOption('-p, --port <port>', 'port to listen on (0 picks a free one; the startup log line shows it)').default(4000).argParser(parsePort))
    .addOption(program.createOption('--log-level <level>', 'log level').choices(LOG_LEVELS).default('info'))
    .addOption(program.createOption('--drain-timeout <seconds>', 'longest wait for in-flight requests on SIGTERM').default(30).argParser(parseSeconds))
    .action(async (opts: ServeOptions) => {
      const logger = createLogger({ level: opts.logLevel });
      process.on('unhandledRejection', (reason) => {
        // A bug, never a reason to drop every in-flight request: log it loudly and keep serving.
        logger.error({ event: 'unhandled_rejection', err: reason instanceof Error ? { message: reason.message, stack: reason.stack } : String(reason) }, 'unhandled promise rejection');
      });
      let server: ProxyServer;
      try {
        server = await ProxyServer.create({ configPath: ctx.path(opts.config), logger, env: ctx.env, drainTimeoutMs: opts.drainTimeout * 1000 });
      } catch (err) {
        if (err instanceof ConfigLoadError) {
          // The file as the user named it; one line (and its fix) per problem, a count only when several.
          const shown = explainServeDiagnostics(err.diagnostics.map((d) => ({ ...d, file: opts.config })), ctx.path(opts.config), opts.config);
          for (const d of shown) ctx.err(formatText(d, ctx.color));
          if (shown.length > 1) ctx.err(`rmctl serve: not started: ${shown.length} problems in ${opts.config}`);
          await flushLogger(logger);
          ctx.exitCode = EXIT.invalid;
          return;
        }
        throw err;
      }
      try {
        await server.listen(opts.port, opts.host);
      } catch (err) {
        ctx.err(`rmctl serve: cannot listen on ${opts.host}:${opts.port}: ${err instanceof Error ? err.message : String(err)}`);
        await server.shutdown();
        await flushLogger(logger);
        ctx.exitCode = EXIT.operational;
        return;
      }
      // The startup line carries the bound address (port 0): write it out now, not with the next batch.
      await flushLogger(logger);
      process.on('SIGHUP', () => {
        void server.reload('SIGHUP').then(() => flushLogger(logger));
      });
      let stopping = false;
      const stop = (signal: string): void => {
        if (stopping) return;
        stopping = true;
        logger.info({ event: 'signal', signal }, `${signal} received`);
        server
          .shutdown()
          .then(() => flushLogger(logger))
          .then(() => ctx.exit(EXIT.ok))
          .catch(async (err: unknown) => {
            logger.error({ event: 'shutdown_failed', err: String(err) }, 'shutdown failed');
            await flushLogger(logger);
            ctx.exit(EXIT.operational);
          });
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
    });
}
