// The run diff as CSV, for a spreadsheet: one row per diff row, as filtered on screen (the caller
// passes the sections it shows), with a header row naming each run column.
//   section,key,<run name> (<run id>),…
//   params,optimizer.lr,0.1,0.01
// Every cell is user data (keys, values, run names), and a spreadsheet runs a cell that starts with
// = + - @ (or a tab or carriage return) as a formula: `=HYPERLINK(…)` exfiltrates, `=cmd|…` executes.
// As OWASP's CSV-injection advice has it, such a cell gets a leading single quote and is quoted.
// Decision: plain decimal numbers (`-0.5`, `+3`, `-1e-3`) are left alone. A spreadsheet reads them as
// numbers, never as formulas, and a quote in front would turn every negative delta or loss into text.
// papaparse's own `escapeFormulae` is off: it would quote negative numbers given as text.
import Papa from 'papaparse';
import type { DiffRow, SectionId } from './diff-model';

export interface CsvRunColumn {
  runId: string;
  name: string;
}

export interface CsvSection {
  id: SectionId;
  rows: readonly Pick<DiffRow, 'key' | 'cells'>[];
}

const FORMULA_START = /^[=+\-@\t\r]/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The cell as a spreadsheet will read it as text; see the decision above. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !DECIMAL.test(text) ? `'${text}` : text;
}

/** A run column's header: its name and id, or only the id when the run has no other name. */
export function runColumnHeader(run: CsvRunColumn): string {
  return run.name && run.name !== run.runId ? `${run.name} (${run.runId})` : run.runId;
}

/** RFC 4180 text (CRLF line ends); a missing value is an empty cell. */
export function runDiffCsv(runs: readonly CsvRunColumn[], sections: readonly CsvSection[]): string {
  const data: string[][] = [['section', 'key', ...runs.map(runColumnHeader)]];
  for (const section of sections) {
    for (const row of section.rows) {
      data.push([section.id, row.key, ...runs.map((_, i) => row.cells[i]?.text ?? '')]);
    }
  }
  const safe = data.map((line) => line.map(neutralizeFormula));
  return Papa.unparse(safe, {
    newline: '\r\n',
    escapeFormulae: false,
    // A neutralized cell is quoted too, as OWASP asks, so no reader takes the quote for a separator.
    quotes: (value: unknown) => typeof value === 'string' && value.startsWith("'"),
  });
}
