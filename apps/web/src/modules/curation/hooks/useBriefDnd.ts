import { useRef, useState } from 'react';
import {
  KeyboardCode,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  pointerWithin,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type DroppableContainer,
  type KeyboardCoordinateGetter,
  type Over,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import type { CandidateProposal } from '../../../shared/graphql/schema-types';
import { moveTo, withCitations, type SectionState } from '../forms/brief-form';

/** What is being dragged or dropped on, as kept in dnd-kit's `data`. */
export type BriefDragData =
  | { type: 'section'; key: string }
  | { type: 'citation'; key: string; sectionKey: string }
  | { type: 'candidate'; proposal: CandidateProposal };

export const sectionDragId = (key: string) => `section:${key}`;
export const citationDragId = (key: string) => `citation:${key}`;
export const candidateDragId = (proposalId: string) => `candidate:${proposalId}`;

const dragData = (item: Active | Over | DroppableContainer | null | undefined) =>
  (item?.data.current ?? null) as BriefDragData | null;

/**
 * Where an item may go: a section among the sections, a citation among its own section's
 * citations, a candidate proposal onto a section.
 */
export function accepts(active: BriefDragData, target: BriefDragData): boolean {
  if (active.type === 'section') return target.type === 'section';
  if (active.type === 'citation') {
    return target.type === 'citation' && target.sectionKey === active.sectionKey;
  }
  return target.type === 'section';
}

const acceptedBy = (active: Active | null) => (container: DroppableContainer) => {
  const from = dragData(active);
  const to = dragData(container);
  return from !== null && to !== null && accepts(from, to);
};

/** Nested lists in one context: only the droppables the dragged item accepts are considered. */
export const briefCollisionDetection: CollisionDetection = (args) => {
  const droppableContainers = args.droppableContainers.filter(acceptedBy(args.active));
  // A candidate is cited where the pointer is (never in the closest section by default);
  // with the keyboard there is no pointer: the closest section is the target.
  if (dragData(args.active)?.type === 'candidate' && args.pointerCoordinates) {
    return pointerWithin({ ...args, droppableContainers });
  }
  return closestCenter({ ...args, droppableContainers });
};

const VERTICAL: string[] = [KeyboardCode.Down, KeyboardCode.Up];

/**
 * Arrow keys move a section or a citation among its own list (dnd-kit's sortable coordinates,
 * given only the accepted droppables), and a candidate from section to section.
 */
export const briefKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const { context } = args;
  const isAccepted = acceptedBy(context.active);
  const containers = context.droppableContainers;
  if (dragData(context.active)?.type !== 'candidate') {
    const filtered = new Proxy(containers, {
      get(target, property) {
        if (property === 'getEnabled') {
          return () => target.getEnabled().filter(isAccepted);
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    return sortableKeyboardCoordinates(event, {
      ...args,
      context: { ...context, droppableContainers: filtered },
    });
  }
  if (!VERTICAL.includes(event.code)) return undefined;
  event.preventDefault();
  const current = context.collisionRect;
  if (!current) return undefined;
  const isDown = event.code === KeyboardCode.Down;
  const next = containers
    .getEnabled()
    .filter(isAccepted)
    .filter((container) => container.id !== context.over?.id)
    .map((container) => context.droppableRects.get(container.id))
    .filter((rect) => rect !== undefined)
    .filter((rect) => (isDown ? rect.top > current.top : rect.top < current.top))
    .sort((a, b) => Math.abs(a.top - current.top) - Math.abs(b.top - current.top))[0];
  return next ? { x: next.left, y: next.top } : undefined;
};

interface BriefDndOptions {
  sections: readonly SectionState[];
  /** Sections reordered, or a section's citations reordered (its markers follow). */
  onSections: (sections: SectionState[]) => void;
  /** A candidate dropped on a section not citing it yet. */
  onCite: (sectionKey: string, proposal: CandidateProposal) => void;
}

/**
 * Drag and drop of the editor: sensors (pointer, and keyboard on the drag handles), the French
 * or English screen-reader instructions and announcements, and what a drop changes.
 */
export function useBriefDnd({ sections, onSections, onCite }: BriefDndOptions) {
  const { t } = useTranslation();
  const [activeCandidate, setActiveCandidate] = useState<CandidateProposal | null>(null);
  // dnd-kit reports the picked item over itself at once: that first report would cut the
  // "picked up" announcement short, so it is not spoken.
  const hasLeftStart = useRef(false);
  const sensors = useSensors(
    // A few pixels before a drag starts: a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: briefKeyboardCoordinates }),
  );

  const sectionIndex = (key: string) => sections.findIndex((s) => s.key === key);
  const sectionName = (key: string) => {
    const index = sectionIndex(key);
    return t('curation.dnd.section', {
      number: index + 1,
      title: sections[index]?.title || '…',
    });
  };
  const itemName = (data: BriefDragData | null): string => {
    if (!data) return '';
    if (data.type === 'section') return sectionName(data.key);
    if (data.type === 'candidate')
      return t('curation.dnd.candidate', { title: data.proposal.title });
    const section = sections[sectionIndex(data.sectionKey)];
    const index = section?.citations.findIndex((c) => c.key === data.key) ?? -1;
    const citation = section?.citations[index];
    return t('curation.dnd.citation', {
      number: index + 1,
      title: citation?.proposal?.title ?? t('curation.citation.comment'),
    });
  };
  const isCitedIn = (sectionKey: string, proposalId: string) =>
    sections[sectionIndex(sectionKey)]?.citations.some((c) => c.proposal?.id === proposalId) ??
    false;
  /** "position 2 of 3" of a sortable target, or null. */
  const position = (over: Over | Active) => {
    const sortable = (over.data.current as { sortable?: { index: number; items: unknown[] } })
      .sortable;
    return sortable ? { position: sortable.index + 1, count: sortable.items.length } : null;
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const item = itemName(dragData(active));
      const at = position(active);
      return at ? t('curation.dnd.pickedAt', { item, ...at }) : t('curation.dnd.picked', { item });
    },
    onDragOver: ({ active, over }) => {
      if (!hasLeftStart.current && over?.id === active.id) return undefined;
      hasLeftStart.current = true;
      const item = itemName(dragData(active));
      const target = dragData(over);
      if (!over || !target) return t('curation.dnd.overNothing', { item });
      if (target.type === 'section' && dragData(active)?.type === 'candidate') {
        return t('curation.dnd.overSection', { item, section: sectionName(target.key) });
      }
      const at = position(over);
      return at ? t('curation.dnd.overPosition', { item, ...at }) : undefined;
    },
    onDragEnd: ({ active, over }) => {
      const source = dragData(active);
      const item = itemName(source);
      const target = dragData(over);
      if (!over || !target) return t('curation.dnd.droppedNowhere', { item });
      if (source?.type === 'candidate' && target.type === 'section') {
        const section = sectionName(target.key);
        return isCitedIn(target.key, source.proposal.id)
          ? t('curation.dnd.alreadyCited', { item, section })
          : t('curation.dnd.cited', { item, section });
      }
      const at = position(over);
      return at ? t('curation.dnd.dropped', { item, ...at }) : undefined;
    },
    onDragCancel: ({ active }) => t('curation.dnd.cancelled', { item: itemName(dragData(active)) }),
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    hasLeftStart.current = false;
    const data = dragData(active);
    setActiveCandidate(data?.type === 'candidate' ? data.proposal : null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveCandidate(null);
    const source = dragData(active);
    const target = dragData(over);
    if (!source || !target || !accepts(source, target)) return;
    if (source.type === 'section' && target.type === 'section') {
      const from = sectionIndex(source.key);
      const to = sectionIndex(target.key);
      if (from !== to) onSections(moveTo(sections, from, to));
    } else if (source.type === 'citation' && target.type === 'citation') {
      onSections(
        sections.map((section) => {
          if (section.key !== source.sectionKey) return section;
          const from = section.citations.findIndex((c) => c.key === source.key);
          const to = section.citations.findIndex((c) => c.key === target.key);
          return from === to
            ? section
            : withCitations(section, moveTo(section.citations, from, to));
        }),
      );
    } else if (source.type === 'candidate' && target.type === 'section') {
      if (!isCitedIn(target.key, source.proposal.id)) onCite(target.key, source.proposal);
    }
  };

  return {
    activeCandidate,
    contextProps: {
      sensors,
      collisionDetection: briefCollisionDetection,
      accessibility: {
        announcements,
        screenReaderInstructions: { draggable: t('curation.dnd.instructions') },
      },
      onDragStart,
      onDragEnd,
      onDragCancel: () => setActiveCandidate(null),
    },
  };
}
