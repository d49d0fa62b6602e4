import { loadConfig, loadDotEnv } from './config';
import { createLogger, startServer } from './server';

/** Entry point: `npm start` (through scripts/start.mjs) runs this. */
loadDotEnv();
const config = loadConfig();
const logger = createLogger(config);

try {
  const running = await startServer(config, logger);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  logger.fatal({ err }, 'start failed');
  process.exit(1);
}
