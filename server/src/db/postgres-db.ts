import pg from 'pg';
import { assertChannelName, type Db, type ListenHandlers, type Listener, type Queryable, type QueryResult } from './db';

interface PgQueryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

function wrap(target: PgQueryable): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query(sql, [...params]);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      // Without parameters pg uses the simple query protocol, which accepts several statements.
      await target.query(sql);
    },
  };
}

export interface PostgresOptions {
  connectionString: string;
  /** Schema search path, e.g. a per-test schema followed by public. */
  searchPath?: string[];
  max?: number;
  /** `application_name` of the pooled connections (pg_stat_activity); the listening one adds `:listener`. */
  applicationName?: string;
}

/** Reconnection delays of the listening connection: doubling from the first to the last. */
const RECONNECT_DELAY_MS = { first: 100, last: 5000 };

const DEFAULT_APPLICATION_NAME = 'lao-cai-so';

/**
 * One channel's dedicated connection: it LISTENs, and when it is lost it reports so and connects again (with
 * growing delays) until closed; each time it listens again it says so, since notifications were missed meanwhile.
 */
class DedicatedListener implements Listener {
  private client: pg.Client | undefined;
  private closed = false;
  private delay = RECONNECT_DELAY_MS.first;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly clientConfig: pg.ClientConfig,
    private readonly channel: string,
    private readonly handlers: ListenHandlers,
  ) {}

  /** The first connection: its failure is the caller's error. */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ ...this.clientConfig, application_name: `${this.clientConfig.application_name}:listener` });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.handlers.onNotification(message.payload ?? '');
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('The listening connection ended')));
    try {
      await client.connect();
      await client.query(`listen ${this.channel}`);
    } catch (error) {
      this.lost(client, error as Error, false);
      throw error;
    }
    if (this.client !== client) return;
    this.delay = RECONNECT_DELAY_MS.first;
    this.handlers.onListening?.();
  }

  private lost(client: pg.Client, error: Error, reconnect = true): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.handlers.onInterrupted?.(error);
    if (reconnect) this.reconnectLater();
  }

  private reconnectLater(): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.closed) return;
      this.connect().catch(() => this.reconnectLater());
    }, this.delay);
    this.timer.unref();
    this.delay = Math.min(this.delay * 2, RECONNECT_DELAY_MS.last);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    if (client) await client.end().catch(() => undefined);
  }
}

export async function openPostgresDb(options: PostgresOptions): Promise<Db> {
  const clientConfig: pg.ClientConfig = {
    connectionString: options.connectionString,
    // Fail fast instead of queueing forever when the server is gone, so /readyz can answer.
    connectionTimeoutMillis: 5000,
    options: options.searchPath ? `-c search_path=${options.searchPath.join(',')}` : undefined,
    application_name: options.applicationName ?? DEFAULT_APPLICATION_NAME,
  };
  const pool = new pg.Pool({ ...clientConfig, max: options.max ?? 10 });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  let closed = false;

  // Read-your-writes: while anything listens, every pooled connection LISTENs too before it is used. PostgreSQL
  // sends a session its own notifications right after its transaction commits, before the command completes, so
  // the handlers have run by the time `query()` or `transaction()` resolves — a process never reads a copy its
  // own committed write has outdated. (The dedicated connection still carries every other process's writes.)
  const handlersByChannel = new Map<string, Set<ListenHandlers>>();
  const channelsOf = new WeakMap<pg.PoolClient, Set<string>>();
  const dispatch = (message: pg.Notification) => {
    for (const handlers of handlersByChannel.get(message.channel) ?? []) handlers.onNotification(message.payload ?? '');
  };
  async function listenOn(client: pg.PoolClient): Promise<void> {
    if (handlersByChannel.size === 0) return;
    let channels = channelsOf.get(client);
    if (!channels) {
      channels = new Set();
      channelsOf.set(client, channels);
      client.on('notification', dispatch);
    }
    for (const channel of handlersByChannel.keys()) {
      if (channels.has(channel)) continue;
      await client.query(`listen ${channel}`);
      channels.add(channel);
    }
  }

  /** Runs `fn` on a pooled connection that listens (pool.query's way: a connection whose query failed is dropped). */
  async function onListeningClient<T>(fn: (client: PgQueryable) => Promise<T>): Promise<T> {
    if (handlersByChannel.size === 0) return fn(pool);
    const client = await pool.connect();
    let failure: Error | undefined;
    try {
      await listenOn(client);
      return await fn(client);
    } catch (error) {
      failure = error as Error;
      throw error;
    } finally {
      client.release(failure);
    }
  }

  return {
    kind: 'postgres',
    raw: { kind: 'postgres', pool },
    query: (sql, params) => onListeningClient((client) => wrap(client).query(sql, params)),
    exec: (sql) => onListeningClient((client) => wrap(client).exec(sql)),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await listenOn(client);
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, handlers) {
      assertChannelName(channel);
      const listener = new DedicatedListener(clientConfig, channel, handlers);
      await listener.start();
      let set = handlersByChannel.get(channel);
      if (!set) {
        set = new Set();
        handlersByChannel.set(channel, set);
      }
      set.add(handlers);
      return {
        async close() {
          set.delete(handlers);
          if (set.size === 0 && handlersByChannel.get(channel) === set) handlersByChannel.delete(channel);
          await listener.close();
        },
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
