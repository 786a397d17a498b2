import { Checkbox, Stack } from '@mantine/core';

interface ThemeCheckboxesProps {
  label: string;
  themes: readonly { id: string; slug: string; name: string }[];
  /** The checked themes' slugs. */
  value: string[];
  onChange: (slugs: string[]) => void;
}

/** A filter on themes: one checkbox per theme, checked themes given by slug. */
export function ThemeCheckboxes({ label, themes, value, onChange }: ThemeCheckboxesProps) {
  return (
    <Checkbox.Group label={label} value={value} onChange={onChange}>
      <Stack gap={6} mt="xs">
        {themes.map((theme) => (
          <Checkbox key={theme.id} value={theme.slug} label={theme.name} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
