import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../infra/config/config.js';
import { type Database, openDatabase } from '../infra/db/client.js';
import { runMigrations } from '../infra/db/migrate.js';
import { keepCompactHashes } from '../infra/redis/compact-hashes.js';
import {
  hasRedisServerBinary,
  type PrivateRedis,
  startPrivateRedis,
} from '../infra/redis/private-redis.js';
import { createRedis, redisAnswers } from '../infra/redis/redis-connection.js';
import { noProgress, type StartupProgress } from './startup-progress.js';

/** The connections one Baton process holds, and how to close them in order. */
export interface Infrastructure {
  readonly database: Database;
  readonly redis: Redis;
  readonly redisUrl: string;
  close(): Promise<void>;
}

/** A start-up failure with a message for the person at the terminal (no stack trace needed). */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

export async function openDatabaseAndMigrate(
  config: Config,
  logger: Logger,
  progress: StartupProgress = noProgress,
): Promise<Database> {
  progress(
    config.db.url === null
      ? `数据库迁移…（内置数据库，${config.db.dataDir}；首次启动可能需要一分钟）`
      : '数据库迁移…',
  );
  const database = await openDatabase({ url: config.db.url, dataDir: config.db.dataDir, logger });
  await runMigrations(database);
  logger.info(
    { database: database.kind, ...(database.kind === 'pglite' ? { dir: config.db.dataDir } : {}) },
    'database ready, migrations applied',
  );
  return database;
}

/**
 * Connects to Redis. When the default local Redis is not running and `redis-server` is on PATH,
 * starts a private one so `npm start` works on a bare machine; otherwise says how to get one.
 */
export async function connectRedis(
  config: Config,
  logger: Logger,
  progress: StartupProgress = noProgress,
): Promise<{ redis: Redis; url: string; privateRedis: PrivateRedis | null }> {
  let url = config.redis.url;
  progress(`连接 Redis…（${url}）`);
  let privateRedis: PrivateRedis | null = null;
  if (!(await redisAnswers(url))) {
    if (config.redis.explicit || !hasRedisServerBinary()) {
      throw new StartupError(
        `Redis at ${url} does not answer. Start one with \`docker compose up -d redis\` or ` +
          'install the OS package (`apt-get install redis-server`), or set REDIS_URL.',
      );
    }
    logger.warn({ url }, 'no Redis answers at the default address; starting a private one');
    progress('启动 Redis…（本机没有在运行的 Redis，启动一个私有实例）');
    privateRedis = await startPrivateRedis(config.db.dataDir, logger);
    url = privateRedis.url;
  }
  const redis = createRedis(url, logger);
  await redis.connect();
  if (config.redis.tuning) await keepCompactHashes(redis, logger);
  return { redis, url, privateRedis };
}

export async function openInfrastructure(
  config: Config,
  logger: Logger,
  progress: StartupProgress = noProgress,
): Promise<Infrastructure> {
  const database = await openDatabaseAndMigrate(config, logger, progress);
  let redisConnection: Awaited<ReturnType<typeof connectRedis>>;
  try {
    redisConnection = await connectRedis(config, logger, progress);
  } catch (err) {
    await database.close();
    throw err;
  }
  const { redis, url, privateRedis } = redisConnection;
  return {
    database,
    redis,
    redisUrl: url,
    async close() {
      redis.disconnect();
      await privateRedis?.stop();
      await database.close();
    },
  };
}
