// The team server's command line (`npm run team-server -- …`):
//   --database <postgres URL> --listen <host:port> [--tls-cert F --tls-key F]   serve
//   add-user --database URL --login L --role R [--organization ID]              password from stdin or a prompt
//   migrate --database URL                                                      bring the schema up to date
// Plain HTTP is refused beyond this machine (127.0.0.1, ::1): give a certificate and key.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { addUser, TeamError } from './accounts';
import { migrate, NewerSchemaError } from './migrations';
import { createTeamServer, isLoopback, parseListen } from './server';

/** Exit codes: 2 bad arguments, 3 refused (plain HTTP beyond loopback), 4 database, 1 anything else. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

const USAGE = `Usage:
  npm run team-server -- --database postgres://user@host/db --listen 127.0.0.1:8443 [--tls-cert cert.pem --tls-key key.pem]
  npm run team-server -- add-user --database URL --login LOGIN --role administrator|controller|executor|viewer [--organization ID]
  npm run team-server -- migrate --database URL`;

async function readPassword(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(c as Buffer);
    return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trim();
  }
  process.stderr.write('Password (not shown): ');
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(text);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          reject(new UsageError('Cancelled.', 130));
          return;
        }
        if (ch === '\u007f') text = [...text].slice(0, -1).join('');
        else text += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function openPool(url: string | undefined): Promise<pg.Pool> {
  if (!url) throw new UsageError(`Give --database <postgres URL>.\n${USAGE}`);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', (e) => console.error(`PostgreSQL: ${e.message}`));
  const client = await pool.connect().catch((e: Error) => {
    throw new UsageError(`Cannot reach the database at ${url.replace(/:[^:@/]*@/, ':***@')}: ${e.message}`, 4);
  });
  try {
    await migrate(client);
  } finally {
    client.release();
  }
  return pool;
}

async function main(argv: string[]): Promise<void> {
  const command = argv[0] && !argv[0].startsWith('-') ? argv[0] : 'serve';
  const rest = command === 'serve' && argv[0] !== 'serve' ? argv : argv.slice(1);
  const { values } = parseArgs({
    args: rest,
    options: {
      database: { type: 'string' },
      listen: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      login: { type: 'string' },
      role: { type: 'string' },
      organization: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (command === 'add-user') {
    if (!values.login || !values.role) throw new UsageError(`Give --login and --role.\n${USAGE}`);
    const password = await readPassword();
    const pool = await openPool(values.database);
    try {
      const account = await addUser(pool, { login: values.login, role: values.role, organizationId: values.organization ?? null, password });
      console.log(`Account ${account.login} (${account.role}${account.organizationId ? `, organization ${account.organizationId}` : ''}) created.`);
    } finally {
      await pool.end();
    }
    return;
  }
  if (command === 'migrate') {
    const pool = await openPool(values.database);
    await pool.end();
    console.log('The team database is up to date.');
    return;
  }
  if (command !== 'serve') throw new UsageError(`Unknown command ${command}.\n${USAGE}`);
  const listen = parseListen(values.listen ?? '');
  if (!listen) throw new UsageError(`Give --listen <host:port>, e.g. 127.0.0.1:8443.\n${USAGE}`);
  const certFile = values['tls-cert'];
  const keyFile = values['tls-key'];
  if ((certFile === undefined) !== (keyFile === undefined)) throw new UsageError('Give both --tls-cert and --tls-key, or neither.');
  if (!certFile && !isLoopback(listen.host)) {
    throw new UsageError(
      `Refusing to listen on ${listen.host} without TLS: passwords and the register would cross the network in clear text. Give --tls-cert and --tls-key, or listen on 127.0.0.1 or ::1.`,
      3,
    );
  }
  let tls: { cert: Buffer; key: Buffer } | undefined;
  if (certFile && keyFile) {
    try {
      tls = { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) };
    } catch (e) {
      throw new UsageError(`Cannot read the TLS certificate or key: ${(e as Error).message}`);
    }
  }
  const pool = await openPool(values.database);
  const server = createTeamServer({ pool, ...(tls ? { tls } : {}) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => reject(new UsageError(`Cannot listen on ${listen.host}:${listen.port}: ${e.message}`, 1)));
    server.listen(listen.port, listen.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : listen.port;
  const shown = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  console.log(JSON.stringify({ listening: `${tls ? 'https' : 'http'}://${shown}:${port}`, port }));
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void pool.end().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(error.code);
  }
  if (error instanceof TeamError || error instanceof NewerSchemaError) {
    console.error(error.message);
    process.exit(error instanceof NewerSchemaError ? 4 : 2);
  }
  if (error instanceof Error && /^Unknown option|^Option/.test(error.message)) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
