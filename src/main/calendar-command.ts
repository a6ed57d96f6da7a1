import type { Logger } from 'pino';
import type { Config } from '../infra/config/config.js';
import { importCalendarSchedule } from '../infra/db/repositories/org-import.drizzle.js';
import { createOrgStore } from '../infra/db/repositories/org-store.drizzle.js';
import { tenants } from '../infra/db/schema/index.js';
import { formatCalendarStatus } from '../infra/org/calendar-status.js';
import { readCalendarFile } from '../infra/org/org-file.parser.js';
import { openDatabaseAndMigrate } from './infrastructure.js';

const USAGE = 'Usage: baton calendar [import <file>]\n';

/**
 * `baton calendar`: per tenant and year, which official schedule is loaded and from where.
 * `baton calendar import <file>`: loads one year of the State Council's schedule (a file like
 * those in `calendars/`) into every tenant's calendar.
 */
export async function calendarCommand(
  args: readonly string[],
  config: Config,
  logger: Logger,
): Promise<number> {
  const [sub, file, ...extra] = args;
  const importing = sub === 'import' && file !== undefined && extra.length === 0;
  if (!importing && args.length > 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const calendarFile = importing ? await readCalendarFile(file) : null;
  const database = await openDatabaseAndMigrate(config, logger);
  try {
    if (calendarFile && file) {
      const changed = await importCalendarSchedule(database.db, {
        year: calendarFile.year,
        holidays: [...calendarFile.holidays].sort(),
        workdays: [...calendarFile.workdays].sort(),
        origin: 'import',
        source: calendarFile.source ? `${file}（${calendarFile.source}）` : file,
      });
      process.stdout.write(
        `${calendarFile.year}: ${changed.length > 0 ? `loaded for ${changed.join(', ')}` : 'already loaded, nothing changed'}\n`,
      );
    }
    const store = createOrgStore(database.db);
    const thisYear = new Date().getFullYear();
    for (const { id, name } of await database.db.select().from(tenants).orderBy(tenants.id)) {
      const org = await store.loadOrg(id);
      if (!org) continue;
      process.stdout.write(`${id} (${name})\n`);
      for (const line of formatCalendarStatus(org.calendar, thisYear - 1, thisYear + 2)) {
        process.stdout.write(`${line}\n`);
      }
    }
    return 0;
  } finally {
    await database.close();
  }
}
