import { ROLES, type Role } from '@sankofa/core';
import { createUser } from '@sankofa/server';
import { Command, Option } from 'commander';
import { randomBytes } from 'node:crypto';
import { processIo, writeLines, type CliIo } from '../cli-io.ts';
import { databaseOption, openMigratedDatabase } from '../database-option.ts';

interface UserAddOptions {
  email: string;
  name?: string;
  role: Role;
  orgUnit: string[];
  password?: string;
  locale?: 'en' | 'fr' | 'pt' | 'es';
  database?: string;
}

/** `sankofa user add`: create an account from the shell. */
export function userCommand(io: CliIo = processIo()): Command {
  const user = new Command('user').description('manage user accounts');
  user
    .command('add')
    .description('create a user with a role on one or more org units (by id or code)')
    .requiredOption('--email <email>', 'login email')
    .option('--name <name>', 'display name (default: the part of the email before @)')
    .addOption(
      new Option('--role <role>', 'role on each org unit')
        .choices([...ROLES])
        .makeOptionMandatory(),
    )
    .requiredOption(
      '--org-unit <id...>',
      'org unit id(s) or code(s) the role covers, with their subtrees',
    )
    .option('--password <password>', 'password (default: a random one, printed)')
    .addOption(
      new Option('--locale <locale>', 'interface language').choices(['en', 'fr', 'pt', 'es']),
    )
    .addOption(databaseOption())
    .action(async (options: UserAddOptions) => {
      const adapter = await openMigratedDatabase(options.database, io.env);
      try {
        const orgUnitIds: string[] = [];
        for (const ref of options.orgUnit) {
          const unit = await adapter.db
            .selectFrom('orgUnits')
            .select('id')
            .where((eb) => eb.or([eb('id', '=', ref), eb('code', '=', ref)]))
            .executeTakeFirst();
          if (unit === undefined) {
            throw new Error(`--org-unit ${ref}: no org unit has this id or code`);
          }
          orgUnitIds.push(unit.id);
        }
        const password = options.password ?? randomBytes(9).toString('base64url');
        const created = await createUser(adapter.db, {
          email: options.email,
          name: options.name ?? options.email.split('@')[0],
          password,
          locale: options.locale,
          roles: orgUnitIds.map((orgUnitId) => ({ role: options.role, orgUnitId })),
          createdBy: { userId: null, actor: 'cli' },
        });
        writeLines(
          io.stdout,
          `created ${created.email} (${created.id}) as ${options.role} on ${orgUnitIds.join(', ')}`,
        );
        if (options.password === undefined) {
          writeLines(io.stdout, `password: ${password}`);
        }
      } finally {
        await adapter.close();
      }
    });
  return user;
}
