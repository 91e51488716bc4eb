import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfigOrExit } from '../config/load-config';
import { createDataSource, ensureDatabaseDirectory } from '../database/data-source';
import { checkLedger } from '../modules/ledger/ledger-check';
import { seedDemo } from './seed/demo-seed';

/** `node dist/cli/main.js <command>` (or `pnpm --filter @yizhan/api cli <command>`). */
const COMMANDS: Record<
  string,
  { summary: string; run: (dataSource: DataSource) => Promise<number | void> }
> = {
  migrate: {
    summary: 'apply pending migrations',
    run: async (dataSource) => {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      say(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'up to date');
    },
  },
  'seed:demo': {
    summary: 'apply migrations, then load the demo regions and stations (idempotent)',
    run: async (dataSource) => {
      await dataSource.runMigrations({ transaction: 'each' });
      const report = await seedDemo(dataSource);
      for (const [name, counts] of Object.entries(report)) {
        say(
          `${name}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`,
        );
      }
    },
  },
  'ledger:check': {
    summary: 'recompute every cached points balance from its transfers (exit 1 on a mismatch)',
    run: async (dataSource) => {
      const isMysql = dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
      // One snapshot, so the totals describe one moment even while the API keeps writing.
      const result = await (isMysql
        ? dataSource.transaction('REPEATABLE READ', (manager) => checkLedger(manager, new Date()))
        : dataSource.transaction((manager) => checkLedger(manager, new Date())));
      say(JSON.stringify(result, null, 2));
      return result.mismatches.length === 0 ? 0 : 1;
    },
  },
};

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function usage(): string {
  const lines = Object.entries(COMMANDS).map(
    ([name, { summary }]) => `  ${name.padEnd(12)} ${summary}`,
  );
  return `usage: cli <command>\ncommands:\n${lines.join('\n')}\n`;
}

async function main(argv: readonly string[]): Promise<number> {
  const name = argv[0];
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    process.stderr.write(name ? `unknown command: ${name}\n${usage()}` : usage());
    return 2;
  }
  const config = loadConfigOrExit(process.env);
  ensureDatabaseDirectory(config.database);
  const dataSource = await createDataSource(config.database);
  await dataSource.initialize();
  try {
    return (await command.run(dataSource)) ?? 0;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
