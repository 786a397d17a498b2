import { Button, Group, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "3 nouveaux commentaires — afficher": comments posted by others while the page is open, loaded
 * only when the reader asks. The count is announced politely.
 */
export function NewCommentsNotice({
  count,
  onReveal,
}: {
  count: number;
  onReveal: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [isLoading, setIsLoading] = useState(false);
  const reveal = () => {
    setIsLoading(true);
    void onReveal()
      .catch(() => undefined)
      .finally(() => setIsLoading(false));
  };
  return (
    <>
      <VisuallyHidden aria-live="polite">
        {count > 0 ? t('realtime.newComments', { count }) : ''}
      </VisuallyHidden>
      {count > 0 && (
        <Group justify="center">
          <Button variant="light" loading={isLoading} onClick={reveal}>
            {t('realtime.showNewComments', { count })}
          </Button>
        </Group>
      )}
    </>
  );
}
