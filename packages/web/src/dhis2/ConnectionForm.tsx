import {
  Alert,
  Button,
  Group,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { scheduleFields, scheduleOf, type ScheduleFields } from './schedule-fields.ts';
import type { Dhis2Connection, Dhis2ConnectionBody } from './types.ts';
import { useSaveDhis2Connection, useTestDhis2Connection } from './use-dhis2.ts';

export interface ConnectionFormProps {
  /** The stored connection, or null before one is saved. */
  readonly connection: Dhis2Connection | null;
}

/**
 * The connection: URL, a token or a username and password (write-only: the stored secret is
 * never shown; leave the field empty to keep it), root org unit and schedule; save and test.
 */
export function ConnectionForm({ connection }: ConnectionFormProps) {
  const { t } = useTranslation();
  const save = useSaveDhis2Connection();
  const test = useTestDhis2Connection();
  const [baseUrl, setBaseUrl] = useState(connection?.baseUrl ?? '');
  const [kind, setKind] = useState<'token' | 'basic'>(connection?.auth.kind ?? 'token');
  const [token, setToken] = useState('');
  const [username, setUsername] = useState(connection?.auth.username ?? '');
  const [password, setPassword] = useState('');
  const [rootOrgUnitId, setRootOrgUnitId] = useState(connection?.rootOrgUnitId ?? '');
  const [schedule, setSchedule] = useState<ScheduleFields>(scheduleFields(connection?.schedule));
  const storedKind = connection?.auth.kind;
  const secretStored = storedKind === kind;

  /** The URL and credentials to send: secrets only when typed. */
  const target = () => ({
    baseUrl: baseUrl.trim(),
    ...(kind === 'token'
      ? token === ''
        ? {}
        : { token }
      : { username: username.trim(), ...(password === '' ? {} : { password }) }),
  });
  const body = (): Dhis2ConnectionBody => ({
    ...target(),
    rootOrgUnitId: rootOrgUnitId.trim() === '' ? null : rootOrgUnitId.trim(),
    schedule: scheduleOf(schedule),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    test.reset();
    save.mutate(body(), {
      onSuccess: () => {
        setToken('');
        setPassword('');
      },
    });
  };
  const runTest = () => {
    save.reset();
    test.mutate(target());
  };
  const keepHint = t('Stored: leave empty to keep it');
  const scheduleLabels: Record<ScheduleFields['kind'], string> = {
    off: t('Off: pull only when asked'),
    interval: t('Every few hours'),
    daily: t('Every day at a set time (UTC)'),
  };
  return (
    <form onSubmit={submit} data-testid="dhis2-form">
      <Stack gap="sm" maw={560}>
        <TextInput
          label={t('DHIS2 address')}
          description={t('The base URL of the DHIS2 instance, e.g. https://dhis2.example.org')}
          value={baseUrl}
          onChange={(event) => setBaseUrl(event.currentTarget.value)}
          required
          type="url"
          autoComplete="url"
          data-testid="dhis2-base-url"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('Sign in to DHIS2 with')}
          </Text>
          <SegmentedControl
            value={kind}
            onChange={(value) => setKind(value === 'basic' ? 'basic' : 'token')}
            data={[
              { value: 'token', label: t('A personal access token') },
              { value: 'basic', label: t('A username and password') },
            ]}
            data-testid="dhis2-auth-kind"
          />
        </Stack>
        {kind === 'token' ? (
          <PasswordInput
            label={t('Personal access token')}
            placeholder={secretStored ? keepHint : 'd2pat_…'}
            value={token}
            onChange={(event) => setToken(event.currentTarget.value)}
            required={!secretStored}
            autoComplete="off"
            data-testid="dhis2-token"
          />
        ) : (
          <>
            <TextInput
              label={t('Username')}
              value={username}
              onChange={(event) => setUsername(event.currentTarget.value)}
              required
              autoComplete="off"
              data-testid="dhis2-username"
            />
            <PasswordInput
              label={t('Password')}
              placeholder={secretStored ? keepHint : undefined}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              required={!secretStored}
              autoComplete="new-password"
              data-testid="dhis2-password"
            />
          </>
        )}
        <TextInput
          label={t('Root org unit (optional)')}
          description={t(
            'The DHIS2 id of the org unit whose subtree is pulled; empty: every top-level org unit',
          )}
          value={rootOrgUnitId}
          onChange={(event) => setRootOrgUnitId(event.currentTarget.value)}
          maxLength={11}
          data-testid="dhis2-root"
        />
        <Select
          label={t('Pull automatically')}
          data={(['off', 'interval', 'daily'] as const).map((value) => ({
            value,
            label: scheduleLabels[value],
          }))}
          value={schedule.kind}
          onChange={(value) =>
            setSchedule({
              ...schedule,
              kind: value === 'interval' || value === 'daily' ? value : 'off',
            })
          }
          allowDeselect={false}
          data-testid="dhis2-schedule"
        />
        {schedule.kind === 'interval' && (
          <NumberInput
            label={t('Every how many hours')}
            min={1}
            max={168}
            allowDecimal={false}
            value={schedule.everyHours}
            onChange={(value) =>
              setSchedule({ ...schedule, everyHours: typeof value === 'number' ? value : 24 })
            }
            data-testid="dhis2-every-hours"
          />
        )}
        {schedule.kind === 'daily' && (
          <TextInput
            type="time"
            label={t('Time of day (UTC)')}
            value={schedule.at}
            onChange={(event) => setSchedule({ ...schedule, at: event.currentTarget.value })}
            required
            data-testid="dhis2-daily-at"
          />
        )}
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="dhis2-save">
            {t('Save')}
          </Button>
          <Button
            variant="default"
            onClick={runTest}
            loading={test.isPending}
            disabled={baseUrl.trim() === ''}
            data-testid="dhis2-test"
          >
            {t('Test connection')}
          </Button>
        </Group>
        {save.isSuccess && (
          <Alert color="teal" data-testid="dhis2-saved">
            {t('The connection is saved.')}
          </Alert>
        )}
        {save.error && <ErrorNotice error={save.error} testId="dhis2-save-error" />}
        {test.error && <ErrorNotice error={test.error} testId="dhis2-test-error" />}
        {test.data &&
          (test.data.ok && test.data.dhis2 !== null ? (
            <Alert color="teal" data-testid="dhis2-test-ok">
              {t('Connected to DHIS2 {{version}}; its clock says {{serverDate}}.', {
                version: test.data.dhis2.version,
                serverDate: test.data.dhis2.serverDate,
              })}
            </Alert>
          ) : (
            <Alert color="red" role="alert" data-testid="dhis2-test-failed">
              <Text size="sm" fw={600}>
                {test.data.error?.code === 'unauthorized'
                  ? t('DHIS2 refused the credentials.')
                  : t('Could not connect to DHIS2.')}
              </Text>
              <Text size="sm">{test.data.error?.message}</Text>
            </Alert>
          ))}
      </Stack>
    </form>
  );
}
