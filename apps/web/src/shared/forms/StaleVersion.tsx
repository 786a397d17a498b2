import { useState } from 'react';
import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { errorReason } from '../graphql/errors';

/**
 * An edit form's answer to STALE_VERSION (someone saved a newer version meanwhile): what was
 * typed stays, the form learns the current version — so that saving again is a deliberate choice
 * to replace it — and says so with StaleVersionAlert.
 */
export function useStaleVersion(initialVersion: number) {
  const [expectedVersion, setExpectedVersion] = useState(initialVersion);
  const [conflict, setConflict] = useState(false);
  return {
    expectedVersion,
    conflict,
    /** Before saving again. */
    clear: () => setConflict(false),
    /**
     * True when `error` was STALE_VERSION, now handled: the current version read with
     * `readVersion` (kept as it was when that read fails), the conflict shown.
     */
    async recover(
      error: unknown,
      readVersion: () => Promise<number | undefined>,
    ): Promise<boolean> {
      if (errorReason(error) !== 'STALE_VERSION') return false;
      const version = await readVersion().catch(() => undefined);
      if (version !== undefined) setExpectedVersion(version);
      setConflict(true);
      return true;
    },
  };
}

/** Says a newer version was saved meanwhile, with a link to read it in a new tab. */
export function StaleVersionAlert({
  title,
  text,
  linkLabel,
  href,
}: {
  title: string;
  text: string;
  linkLabel: string;
  href: string;
}) {
  return (
    <Alert color="ochre" role="alert" title={title}>
      <Stack gap="xs">
        <Text size="sm">{text}</Text>
        <Anchor href={href} target="_blank" rel="noopener" size="sm">
          {linkLabel}
        </Anchor>
      </Stack>
    </Alert>
  );
}
