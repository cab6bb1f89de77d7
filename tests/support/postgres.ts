// A throwaway PostgreSQL 15 cluster for the team server's tests: a fresh data folder, a free port,
// a Unix socket in the same temporary folder, stopped and removed afterwards (also when a test
// fails). initdb refuses to run as root, so as root the cluster belongs to the `postgres` user the
// Debian package creates; as anyone else it runs as that user.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  port: number;
  dir: string;
  /** A URL for the `postgres` superuser on a database, over TCP on 127.0.0.1. */
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function asPostgres(command: string, args: string[]): string[] {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return root ? ['runuser', '-u', 'postgres', '--', command, ...args] : [command, ...args];
}

function run(command: string, args: string[]): void {
  const [file, ...rest] = asPostgres(command, args) as [string, ...string[]];
  const result = spawnSync(file, rest, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

export async function startPostgres(): Promise<PostgresCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-pg-'));
  const data = path.join(dir, 'data');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root) execFileSync('chown', ['postgres:postgres', dir]);
  let started = false;
  const stop = () => {
    if (started) {
      const [file, ...args] = asPostgres(path.join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']) as [string, ...string[]];
      spawnSync(file, args);
      started = false;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(path.join(BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C.UTF-8']);
    const port = await freePort();
    run(path.join(BIN, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      path.join(dir, 'log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      'start',
    ]);
    started = true;
    const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
    return {
      port,
      dir,
      url,
      async createDatabase(name: string) {
        const client = new pg.Client({ connectionString: url('postgres') });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
        } finally {
          await client.end();
        }
        return url(name);
      },
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}
