import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from './describe-error.ts';

export interface ErrorNoticeProps {
  readonly error: unknown;
  /** Shows a "Try again" button when given. */
  readonly onRetry?: () => void;
  readonly title?: string;
  readonly testId?: string;
}

/** An error, what to do about it, and a retry button. */
export function ErrorNotice({ error, onRetry, title, testId }: ErrorNoticeProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={title} role="alert" data-testid={testId}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm">{describeError(error, t)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('Try again')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
