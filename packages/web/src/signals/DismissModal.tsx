import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../components/ErrorNotice.tsx';

export interface DismissModalProps {
  readonly opened: boolean;
  readonly count: number;
  readonly pending: boolean;
  /** The last failed attempt, if any. */
  readonly error: unknown;
  readonly onClose: () => void;
  readonly onConfirm: (reason: string) => void;
}

/** Asks why the selected signals are dismissed; the reason is required. */
export function DismissModal({
  opened,
  count,
  pending,
  error,
  onClose,
  onConfirm,
}: DismissModalProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const trimmed = reason.trim();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('Dismiss {{count}} signals', { count, defaultValue_one: 'Dismiss one signal' })}
      data-testid="signals-dismiss-modal"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (trimmed !== '') {
            onConfirm(trimmed);
          }
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            {t('Say why: the reason is kept with each signal and shown to your colleagues.')}
          </Text>
          <Textarea
            label={t('Reason')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-testid="signals-dismiss-reason"
            data-autofocus
          />
          {error !== null && <ErrorNotice error={error} testId="signals-dismiss-error" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('Cancel')}
            </Button>
            <Button
              type="submit"
              color="red"
              disabled={trimmed === ''}
              loading={pending}
              data-testid="signals-dismiss-confirm"
            >
              {t('Dismiss')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
