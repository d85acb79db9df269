// Every keyboard shortcut of the app, as data and in one place: the `?` overlay lists the groups of
// the page it is on, and README.md's "Keyboard shortcuts" section lists them all (a test holds the
// README to `shortcutsMarkdown()`). Keys are KeyboardEvent.key values, so a test can also hold a
// group to the table its handler reads (the charts' keys to chart-window's `windowKeyAction`).

/** The kinds of page whose shortcuts differ. */
export type ShortcutPage =
  'experiments' | 'experiment-table' | 'experiment-charts' | 'run' | 'compare' | 'other';

export interface Shortcut {
  /**
   * Keys that each do it (or, for a pair like ←/→, do its two directions), as KeyboardEvent.key
   * values; a modifier is written before a plus: `Alt+ArrowLeft`, `Shift+x`.
   */
  keys: readonly string[];
  action: string;
}

export interface ShortcutGroup {
  title: string;
  /** Where the keys work: the page, and what must have the focus. */
  where: string;
  /** The pages the group is listed on; 'all' for every page. */
  pages: readonly ShortcutPage[] | 'all';
  shortcuts: readonly Shortcut[];
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Anywhere',
    where: 'On every page.',
    pages: 'all',
    shortcuts: [
      { keys: ['?'], action: 'Show the shortcuts of this page (outside a text field)' },
      { keys: ['Escape'], action: 'Close a dialog, a menu or this list' },
    ],
  },
  {
    title: 'Experiments',
    where: 'On the experiments list, outside a text field.',
    pages: ['experiments'],
    shortcuts: [{ keys: ['/'], action: 'Go to the search box' }],
  },
  {
    title: 'Runs table',
    where: "On an experiment's Table view, with the table focused: click a row or Tab to it.",
    pages: ['experiment-table'],
    shortcuts: [
      { keys: ['j', 'ArrowDown'], action: 'Focus the next row' },
      { keys: ['k', 'ArrowUp'], action: 'Focus the previous row' },
      {
        keys: ['x'],
        action: "Select or unselect the focused run; on a group's row, open or close the group",
      },
      {
        keys: ['Shift+x'],
        action: 'Select the runs from the last one selected to the focused one',
      },
      {
        keys: ['Enter'],
        action: "Open the focused run; on a group's row, open or close the group",
      },
    ],
  },
  {
    title: 'Runs table columns',
    where: "On an experiment's Table view, with a column header or the grip on its edge focused.",
    pages: ['experiment-table'],
    shortcuts: [
      {
        keys: ['Alt+ArrowLeft', 'Alt+ArrowRight'],
        action: 'Move the focused column left or right (the columns you chose)',
      },
      { keys: ['ArrowLeft', 'ArrowRight'], action: 'On a grip: make the column narrower or wider' },
      {
        keys: ['Home', 'End'],
        action: 'On a grip: make the column as narrow or as wide as it goes',
      },
      { keys: ['Escape'], action: 'Cancel a column drag under way' },
    ],
  },
  {
    title: 'Runs filter',
    where: "On an experiment's Table view, while typing in the filter box.",
    pages: ['experiment-table'],
    shortcuts: [
      { keys: ['ArrowDown', 'ArrowUp'], action: 'Show the suggestions, then move through them' },
      { keys: ['Enter'], action: 'Insert the highlighted suggestion, or else apply the filter' },
      { keys: ['Tab'], action: 'Insert the highlighted suggestion, or else the first one' },
      { keys: ['Escape'], action: 'Close the suggestions' },
    ],
  },
  {
    title: 'Charts',
    where:
      "On an experiment's Charts view and on a run page, with a chart focused: click it or Tab to it.",
    pages: ['experiment-charts', 'run'],
    shortcuts: [
      { keys: ['+', '='], action: 'Zoom in to the middle half of the steps shown' },
      { keys: ['-', '_'], action: 'Zoom out to twice the steps shown' },
      {
        keys: ['ArrowLeft', 'ArrowRight'],
        action: 'Pan left or right by a quarter of the steps shown',
      },
      { keys: ['0', 'Escape'], action: 'Show the whole run again' },
    ],
  },
  {
    title: 'Artifacts',
    where: 'On a run page, with a file or folder of the artifact tree focused.',
    pages: ['run'],
    shortcuts: [
      { keys: ['ArrowDown', 'ArrowUp'], action: 'Focus the next or the previous item' },
      { keys: ['Home', 'End'], action: 'Focus the first or the last item' },
      { keys: ['ArrowRight'], action: 'Open a folder; in an open one, go to its first item' },
      { keys: ['ArrowLeft'], action: 'Close a folder; elsewhere, go to the folder above' },
      { keys: ['Enter', ' '], action: 'Preview the file, or open or close the folder' },
    ],
  },
  {
    title: 'Compare runs',
    where: 'On the compare page, outside a text field.',
    pages: ['compare'],
    shortcuts: [
      { keys: ['d'], action: 'Show only the rows that differ, or every row' },
      {
        keys: ['b'],
        action: "Make the focused column's run the baseline (focus a run's header or a value)",
      },
    ],
  },
  {
    title: 'Parallel coordinates',
    where:
      "On the compare page and an experiment's Charts view, with an axis or its title focused.",
    pages: ['compare', 'experiment-charts'],
    shortcuts: [
      {
        keys: ['ArrowUp', 'ArrowDown'],
        action: 'Start a brush on the focused axis, or move it up or down',
      },
      {
        keys: ['Shift+ArrowUp', 'Shift+ArrowDown'],
        action: 'Grow the brush at its top or its bottom',
      },
      { keys: ['Escape', 'Delete'], action: "Clear the axis's brush" },
      {
        keys: ['Alt+ArrowLeft', 'Alt+ArrowRight'],
        action: 'Move the axis left or right (focus its title)',
      },
    ],
  },
];

/** The groups listed on `page`, in the order above. */
export function shortcutGroupsFor(page: ShortcutPage): ShortcutGroup[] {
  return SHORTCUT_GROUPS.filter((g) => g.pages === 'all' || g.pages.includes(page));
}

// What a keyboard's keycap shows for the KeyboardEvent.key values that are words or invisible.
const KEY_LABELS: Readonly<Record<string, string>> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
  ' ': 'Space',
};

// Modifiers are only ever written first, each before a plus, so a key that is itself '+' stays one.
const MODIFIER = /^(Alt|Ctrl|Meta|Shift)\+(?=.)/;

/** A key as people read it: `Alt+ArrowLeft` → `Alt+←`, `' '` → `Space`. */
export function keyLabel(key: string): string {
  let rest = key;
  let prefix = '';
  for (let m = MODIFIER.exec(rest); m; m = MODIFIER.exec(rest)) {
    prefix += m[0];
    rest = rest.slice(m[0].length);
  }
  return prefix + (KEY_LABELS[rest] ?? rest);
}

/**
 * The body of README.md's "Keyboard shortcuts" section (everything under its `##` heading): one
 * `###` heading, a sentence saying where, and a table per group. Formatters may pad the tables.
 */
export function shortcutsMarkdown(groups: readonly ShortcutGroup[] = SHORTCUT_GROUPS): string {
  const lines = [
    'Press `?` on any page (outside a text field) for the shortcuts of that page, or use the `?`',
    'button in the header. All of them:',
  ];
  for (const group of groups) {
    lines.push('', `### ${group.title}`, '', group.where, '', '| Keys | Action |', '| --- | --- |');
    for (const s of group.shortcuts) {
      lines.push(`| ${s.keys.map((k) => `\`${keyLabel(k)}\``).join(' / ')} | ${s.action} |`);
    }
  }
  return lines.join('\n') + '\n';
}
