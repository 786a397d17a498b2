import { Badge, Group } from '@mantine/core';
import type { Theme } from '../../../shared/graphql/schema-types';

export function ThemeBadges({ themes, label }: { themes: Theme[]; label: string }) {
  if (themes.length === 0) return null;
  return (
    <Group component="ul" gap={6} className="plain-list" aria-label={label}>
      {themes.map((theme) => (
        <li key={theme.id}>
          <Badge variant="light" radius="sm" tt="none" fw={600} size="md">
            {theme.name}
          </Badge>
        </li>
      ))}
    </Group>
  );
}
