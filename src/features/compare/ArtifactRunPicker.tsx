import type { RunView } from '@/api/runs';

interface ArtifactRunPickerProps {
  label: string;
  runs: readonly RunView[];
  value: RunView;
  onPick: (runId: string) => void;
}

/** One side of the artifact diff: which of the compared runs it shows, in column order. */
export function ArtifactRunPicker(props: ArtifactRunPickerProps) {
  return (
    <label className="field-inline">
      {props.label}
      <select
        className="select"
        value={props.value.runId}
        onChange={(e) => props.onPick(e.target.value)}
      >
        {props.runs.map((r) => (
          <option key={r.runId} value={r.runId}>
            {r.name}
          </option>
        ))}
      </select>
    </label>
  );
}
