import { Button } from '@mantine/core';
import type { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';

type Handle = Pick<
  ReturnType<typeof useDraggable>,
  'attributes' | 'listeners' | 'setActivatorNodeRef' | 'isDragging'
>;

/**
 * The handle that drags an item: a real button, named after what it moves, that also starts a
 * keyboard drag (Space or Enter, arrows, Space or Enter again; Escape cancels).
 */
export function DragHandle({
  handle,
  label,
  text,
}: {
  handle: Handle;
  /** The accessible name: it starts with the visible text. */
  label: string;
  text?: string;
}) {
  const { t } = useTranslation();
  return (
    <Button
      ref={handle.setActivatorNodeRef}
      variant="default"
      size="xs"
      {...handle.attributes}
      {...handle.listeners}
      aria-label={label}
      leftSection={<span aria-hidden="true">⠿</span>}
      style={{ cursor: handle.isDragging ? 'grabbing' : 'grab', touchAction: 'none' }}
    >
      {text ?? t('curation.dnd.handle')}
    </Button>
  );
}
