/**
 * `npm run bench`: prints each figure with its target, one table per engine. Every figure is
 * measured in this run; targets print as met / not met and never fail anything.
 * PostgreSQL figures need DATABASE_URL_TEST (default postgres://postgres@127.0.0.1:5432/test);
 * each run works in a database of its own that it drops afterwards.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import pg from 'pg';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const adminUrl = process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Figure {
  name: string;
  value: string;
  target: string;
  met: boolean;
}

function runImport(databaseUrl?: string) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/import-members.ts', String(ROWS), ...(databaseUrl ? [databaseUrl] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { rowsPerSecond: number; peakRssMb: number; seconds: number };
}

function importFigures(r: { rowsPerSecond: number; peakRssMb: number; seconds: number }): Figure[] {
  return [
    { name: `member import, ${ROWS.toLocaleString()} rows`, value: `${r.rowsPerSecond.toLocaleString()} rows/s (${r.seconds.toFixed(1)} s)`, target: '≥ 5,000 rows/s', met: r.rowsPerSecond >= 5000 },
    { name: 'member import, peak RSS', value: `${r.peakRssMb} MB`, target: '< 400 MB', met: r.peakRssMb < 400 },
  ];
}

async function withScratchPostgres<T>(fn: (url: string) => T): Promise<T | null> {
  const name = `gonghui_bench_${process.pid}`;
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    await client.query(`drop database if exists ${name}`);
    await client.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return fn(url.toString());
  } finally {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  }
}

function print(engine: string, figures: Figure[]) {
  console.log(`\n${engine}`);
  const w = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) console.log(`  ${f.name.padEnd(w)}  ${f.value.padEnd(26)} target ${f.target.padEnd(16)} ${f.met ? 'met' : 'NOT MET'}`);
}

async function main() {
  console.log(`gonghui benchmarks — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  print('SQLite (embedded)', importFigures(runImport()));
  const pgFigures = await withScratchPostgres((url) => importFigures(runImport(url)));
  if (pgFigures) print('PostgreSQL', pgFigures);
  else console.log(`\nPostgreSQL: not reachable at ${adminUrl}; skipped`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
