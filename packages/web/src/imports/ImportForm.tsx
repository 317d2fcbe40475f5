import { Button, Checkbox, FileInput, Group, Select, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportUploadOptions } from './upload-import.ts';

export interface ImportFormProps {
  readonly busy: boolean;
  readonly onSubmit: (file: File, options: ImportUploadOptions) => void;
}

const FORMAT_VALUES = ['auto', 'dhis2-json', 'dhis2-csv', 'dhis2-xml', 'adx', 'fhir', 'csv'];
const STRATEGY_VALUES = ['CREATE_AND_UPDATE', 'CREATE', 'UPDATE', 'DELETE'];

/** The file, its format (detected by default) and the import options. */
export function ImportForm({ busy, onSubmit }: ImportFormProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('auto');
  const [importStrategy, setImportStrategy] = useState('CREATE_AND_UPDATE');
  const [dryRun, setDryRun] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [mapping, setMapping] = useState('');
  const formatLabels: Record<string, string> = {
    auto: t('Detect from the file'),
    'dhis2-json': t('DHIS2 JSON data value set'),
    'dhis2-csv': t('DHIS2 CSV'),
    'dhis2-xml': t('DHIS2 XML (DXF2)'),
    adx: t('ADX (XML)'),
    fhir: t('FHIR MeasureReport'),
    csv: t('CSV with a column mapping'),
  };
  const strategyLabels: Record<string, string> = {
    CREATE_AND_UPDATE: t('Add new values and update existing ones'),
    CREATE: t('Only add new values'),
    UPDATE: t('Only update existing values'),
    DELETE: t('Delete the values in the file'),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file !== null) {
      onSubmit(file, {
        format,
        importStrategy,
        dryRun,
        skipInvalid,
        ...(format === 'csv' ? { mapping } : {}),
      });
    }
  };
  return (
    <form onSubmit={submit} data-testid="import-form">
      <Stack gap="sm" maw={560}>
        <FileInput
          label={t('File')}
          placeholder={t('Choose a file')}
          description={t('DHIS2 JSON, CSV or XML, ADX, or FHIR MeasureReport')}
          value={file}
          onChange={setFile}
          clearable
          required
          data-testid="import-file"
        />
        <Select
          label={t('Format')}
          data={FORMAT_VALUES.map((value) => ({ value, label: formatLabels[value] }))}
          value={format}
          onChange={(value) => setFormat(value ?? 'auto')}
          allowDeselect={false}
          data-testid="import-format"
        />
        {format === 'csv' && (
          <Textarea
            label={t('Column mapping (JSON)')}
            description={t('Which column gives each field, for example:')}
            placeholder='{ "dataElement": "indicator", "orgUnit": "facility", "period": "month", "value": "count" }'
            value={mapping}
            onChange={(event) => setMapping(event.currentTarget.value)}
            autosize
            minRows={3}
            ff="monospace"
            required
            data-testid="import-mapping"
          />
        )}
        <Select
          label={t('What to do with the values')}
          data={STRATEGY_VALUES.map((value) => ({ value, label: strategyLabels[value] }))}
          value={importStrategy}
          onChange={(value) => setImportStrategy(value ?? 'CREATE_AND_UPDATE')}
          allowDeselect={false}
          data-testid="import-strategy"
        />
        <Checkbox
          label={t('Dry run: check the file without writing anything')}
          checked={dryRun}
          onChange={(event) => setDryRun(event.currentTarget.checked)}
          data-testid="import-dry-run"
        />
        <Checkbox
          label={t('Skip invalid values and import the rest')}
          checked={skipInvalid}
          onChange={(event) => setSkipInvalid(event.currentTarget.checked)}
          data-testid="import-skip-invalid"
        />
        <Group>
          <Button type="submit" disabled={file === null} loading={busy} data-testid="import-submit">
            {dryRun ? t('Check the file') : t('Import')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
