import type { ImportJob } from '@sankofa/core';
import { Alert, Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { useMe } from '../api/me.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { canImport } from './can-import.ts';
import { ImportForm } from './ImportForm.tsx';
import { ImportSummaryView } from './ImportSummaryView.tsx';
import { RecentImports } from './RecentImports.tsx';
import { uploadImport, type ImportUploadOptions } from './upload-import.ts';
import { isJobActive, useImportJob } from './use-import-job.ts';
import { recentImportsKey } from './use-recent-imports.ts';

/** Upload a data value file, follow the import, and read its summary. Managers and admins. */
export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('Import data')} · Sankofa`);
  const me = useMe();
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useImportJob(jobId);
  const client = useQueryClient();
  const ended = job.data !== undefined && !isJobActive(job.data);
  useEffect(() => {
    void client.invalidateQueries({ queryKey: recentImportsKey });
  }, [jobId, ended, client]);

  if (me.data === undefined || me.data === null) {
    return null;
  }
  if (!canImport(me.data.user)) {
    return (
      <Alert color="gray" data-testid="import-not-allowed">
        {t('Only managers and admins can import data files.')}
      </Alert>
    );
  }
  const csrfToken = me.data.csrfToken;
  const uploading = uploaded !== null && jobId === null && uploadError === null;
  const submit = (file: File, options: ImportUploadOptions) => {
    setJobId(null);
    setUploadError(null);
    setUploaded(0);
    uploadImport(file, options, csrfToken, setUploaded)
      .then((created) => setJobId(created.id))
      .catch((error: unknown) => setUploadError(error));
  };
  const running = jobId !== null && isJobActive(job.data);
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1}>{t('Import data')}</Title>
        <Text c="dimmed">
          {t(
            'Data values from DHIS2 or another system. Values for org units outside your roles are reported as conflicts.',
          )}
        </Text>
      </Stack>
      <ImportForm busy={uploading || running} onSubmit={submit} />
      {uploading && (
        <Stack gap={4} maw={560} data-testid="import-upload-progress">
          <Text size="sm">{t('Uploading…')}</Text>
          <Progress value={Math.round((uploaded ?? 0) * 100)} animated />
        </Stack>
      )}
      {uploadError !== null &&
        (uploadError instanceof ApiError && uploadError.status === 413 ? (
          <Alert color="red" role="alert" data-testid="import-upload-error">
            {t('The file is too large to upload. Split it, or import it with the sankofa command.')}
          </Alert>
        ) : (
          <ErrorNotice error={uploadError} testId="import-upload-error" />
        ))}
      {job.error && <ErrorNotice error={job.error} onRetry={() => void job.refetch()} />}
      {job.data && <JobStatus job={job.data} />}
      <RecentImports
        onOpen={(id) => {
          setUploaded(null);
          setUploadError(null);
          setJobId(id);
        }}
      />
    </Stack>
  );
}

function JobStatus({ job }: { readonly job: ImportJob }) {
  const { t } = useTranslation();
  const statusLabel = {
    queued: t('Waiting to start'),
    running: t('Importing'),
    succeeded: t('Finished'),
    failed: t('Failed'),
  }[job.status];
  const progress = job.progress;
  const fraction =
    progress !== null && progress.totalBytes > 0 ? progress.bytes / progress.totalBytes : null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="import-job" data-status={job.status}>
      <Stack gap="md">
        <Group gap="sm">
          <Text fw={600}>{job.fileName ?? t('Uploaded file')}</Text>
          <Badge variant="light" data-testid="import-job-status">
            {statusLabel}
          </Badge>
          {job.format !== 'auto' && (
            <Text size="sm" c="dimmed">
              {job.format}
            </Text>
          )}
        </Group>
        {isJobActive(job) && (
          <Stack gap={4}>
            <Text size="sm">
              {t('{{rows}} rows read', { rows: (progress?.rows ?? 0).toLocaleString() })}
            </Text>
            <Progress value={fraction === null ? 100 : Math.round(fraction * 100)} animated />
          </Stack>
        )}
        {job.status === 'failed' && (
          <Alert color="red" role="alert" data-testid="import-job-error">
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {job.error ?? t('The import failed.')}
            </Text>
          </Alert>
        )}
        {job.summary !== null && <ImportSummaryView summary={job.summary} />}
      </Stack>
    </Paper>
  );
}
