import { useEffect, useState, type FormEvent } from 'react';
import { Button, Group, TextInput } from '@mantine/core';

export interface SearchFormProps {
  /** The search held in the URL. */
  value: string;
  onSearch: (text: string) => void;
  /** Names the search landmark and its field. */
  label: string;
  placeholder: string;
  buttonLabel: string;
}

/** A list's search box: sent on Enter or the button, trimmed; it follows the URL (Back, Forward). */
export function SearchForm({ value, onSearch, label, placeholder, buttonLabel }: SearchFormProps) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" aria-label={label} onSubmit={submit}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          type="search"
          label={label}
          placeholder={placeholder}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Button type="submit">{buttonLabel}</Button>
      </Group>
    </form>
  );
}
