import type { KeyboardEvent, PointerEvent } from 'react';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from '@/lib/runs-view-state';
import { RESIZE_STEP } from './useColumnResize';

interface ColumnResizeHandleProps {
  label: string;
  width: number;
  active: boolean;
  onPointerDown: (e: PointerEvent<HTMLElement>) => void;
  /** A new width; undefined goes back to the default. */
  onResize: (width: number | undefined) => void;
}

/**
 * The grip on a header's right edge: drag it, or focus it and use ←/→ (16 px a step); a
 * double-click restores the default width. A focusable separator, as the ARIA pattern has it.
 */
export function ColumnResizeHandle({
  label,
  width,
  active,
  onPointerDown,
  onResize,
}: ColumnResizeHandleProps) {
  const onKeyDown = (e: KeyboardEvent) => {
    const step = { ArrowLeft: -RESIZE_STEP, ArrowRight: RESIZE_STEP }[e.key];
    const to = step
      ? width + step
      : e.key === 'Home'
        ? MIN_COLUMN_WIDTH
        : e.key === 'End'
          ? MAX_COLUMN_WIDTH
          : undefined;
    if (to === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    // The grid's own keys (row focus) stay out of it.
    e.preventDefault();
    e.stopPropagation();
    onResize(to);
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${label}`}
      aria-valuenow={width}
      aria-valuemin={MIN_COLUMN_WIDTH}
      aria-valuemax={MAX_COLUMN_WIDTH}
      tabIndex={0}
      title="Drag to resize; double-click for the default width"
      className={active ? 'runs-resize-handle is-active' : 'runs-resize-handle'}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onResize(undefined)}
      // A click on the grip must not reach the header behind it.
      onClick={(e) => e.stopPropagation()}
    />
  );
}
