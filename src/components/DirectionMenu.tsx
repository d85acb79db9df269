import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { guessDirection } from '@/lib/metric-direction';
import type { Direction, EffectiveDirection, MetricDirection } from '@/lib/metric-direction';
import './direction-menu.css';

interface DirectionMenuProps {
  metric: string;
  current: EffectiveDirection;
  disabled: boolean;
  onChoose: (direction: Direction | undefined) => void;
}

const LABEL: Record<MetricDirection, string> = {
  min: '↓ lower is better',
  max: '↑ higher is better',
  neutral: '· no better or worse',
};

const SOURCE: Record<EffectiveDirection['source'], string> = {
  tag: 'shared with the experiment',
  browser: 'kept in this browser only',
  guess: 'guessed from the name',
};

/**
 * A metric's direction, where it comes from, and a menu to choose it for the whole team (the
 * compare page's diff and the promotion view; useMetricDirections reads and writes it).
 */
export function DirectionMenu({ metric, current, disabled, onChoose }: DirectionMenuProps) {
  const guess = guessDirection(metric);
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <button
          type="button"
          className={`direction-menu is-${current.direction} from-${current.source}`}
          disabled={disabled}
          aria-label={`Direction of ${metric}: ${LABEL[current.direction]}, ${SOURCE[current.source]}`}
          title={`${LABEL[current.direction]} (${SOURCE[current.source]})`}
        >
          {current.direction === 'min' ? '↓' : current.direction === 'max' ? '↑' : '·'}
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="metric-chart-menu" align="start" sideOffset={4}>
          <DropdownMenu.Label className="direction-menu-label">
            Which way is better?
          </DropdownMenu.Label>
          <DropdownMenu.Item onSelect={() => onChoose('min')}>Lower is better</DropdownMenu.Item>
          <DropdownMenu.Item onSelect={() => onChoose('max')}>Higher is better</DropdownMenu.Item>
          <DropdownMenu.Item onSelect={() => onChoose(undefined)}>
            Guess from the name ({LABEL[guess]})
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
