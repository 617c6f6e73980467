// `rmctl serve`: the bundled proxy. Loads the compiled file, serves it, reloads on SIGHUP, drains on SIGTERM.
import type { Command } from 'commander';
import { EXIT } from '../../shared/errors.js';
import { createLogger, flushLogger } from '../../proxy/logging.js';
import { ConfigLoadError, ProxyServer } from '../../proxy/server.js';

interface ServeOptions {
  config: string;
  host: string;
  port: string;
  logLevel: string;
  drainTimeout: string;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the compiled config as an OpenAI-compatible proxy (hot reload on SIGHUP, drain on SIGTERM)')
    .option('-c, --config <file>', 'compiled config to serve', 'generated/litellm-unified.yaml')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one; the startup log line shows it)', '4000')
    .option('--log-level <level>', 'fatal, error, warn, info, debug', 'info')
    .option('--drain-timeout <seconds>', 'longest wait for in-flight requests on SIGTERM', '30')
    .action(async (opts: ServeOptions) => {
      const port = Number(opts.port);
      const drain = Number(opts.drainTimeout);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`rmctl serve: --port must be an integer 0-65535, got "${opts.port}"\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      if (!Number.isFinite(drain) || drain < 0) {
        process.stderr.write(`rmctl serve: --drain-timeout must be a number of seconds, got "${opts.drainTimeout}"\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      const logger = createLogger({ level: opts.logLevel });
      process.on('unhandledRejection', (reason) => {
        // A bug, never a reason to drop every in-flight request: log it loudly and keep serving.
        logger.error({ event: 'unhandled_rejection', err: reason instanceof Error ? { message: reason.message, stack: reason.stack } : String(reason) }, 'unhandled promise rejection');
      });
      let server: ProxyServer;
      try {
        server = await ProxyServer.create({ configPath: opts.config, logger, drainTimeoutMs: drain * 1000 });
      } catch (err) {
        if (err instanceof ConfigLoadError) {
          for (const d of err.diagnostics) process.stderr.write(`${d.file}:${d.line}:${d.col} ${d.severity} ${d.code} ${d.message}\n`);
          process.stderr.write(`rmctl serve: ${err.message}\n`);
          await flushLogger(logger);
          process.exitCode = EXIT.invalid;
          return;
        }
        throw err;
      }
      try {
        await server.listen(port, opts.host);
      } catch (err) {
        process.stderr.write(`rmctl serve: cannot listen on ${opts.host}:${port}: ${err instanceof Error ? err.message : String(err)}\n`);
        await server.shutdown();
        await flushLogger(logger);
        process.exitCode = EXIT.operational;
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
          .then(() => process.exit(EXIT.ok))
          .catch(async (err: unknown) => {
            logger.error({ event: 'shutdown_failed', err: String(err) }, 'shutdown failed');
            await flushLogger(logger);
            process.exit(EXIT.operational);
          });
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
    });
}
