import type { ReactNode } from 'react';
import type { LoggedModelView } from '@/api/logged-models';
import type { LatestMetric } from '@/lib/logged-models/logged-model';
import { VirtualTable } from '@/components/VirtualTable';
import type { VirtualColumn } from '@/components/VirtualTable';
import { formatMetric } from '@/lib/format';
import { MODEL_VERSIONS_TAG } from '@/lib/logged-models/logged-model';
import { compareKeys } from '@/lib/run-fields';

type Entry = readonly [string, string];

const metricColumns: VirtualColumn<LatestMetric>[] = [
  { header: 'Metric', width: '35%', render: (m) => <span title={m.key}>{m.key}</span> },
  {
    header: 'Dataset',
    width: '25%',
    render: (m) => <span title={m.datasetDigest}>{m.datasetName ?? '—'}</span>,
  },
  { header: 'Step', width: '15%', numeric: true, render: (m) => m.step.toLocaleString('en') },
  { header: 'Value', numeric: true, render: (m) => formatMetric(m.value) },
];

const entryColumns: VirtualColumn<Entry>[] = [
  { header: 'Key', width: '35%', render: ([key]) => <span title={key}>{key}</span> },
  { header: 'Value', render: ([, value]) => <span title={value}>{value}</span> },
];

const sorted = (entries: Iterable<Entry>) => [...entries].sort(([a], [b]) => compareKeys(a, b));

function Part({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <div className="logged-model-part">
      <h3>
        {title} <span className="logged-model-count">{count.toLocaleString('en')}</span>
      </h3>
      {count === 0 ? <p className="detail-section-empty">None.</p> : children}
    </div>
  );
}

/** Its latest metrics (one row per metric and dataset), params and tags. */
export function LoggedModelTables({ model }: { model: LoggedModelView }) {
  const params = sorted(model.params);
  // The registrations tag is shown as links above; its JSON would only repeat them.
  const tags = sorted([...model.tags].filter(([key]) => key !== MODEL_VERSIONS_TAG));
  return (
    <div className="logged-model-tables">
      <Part title="Metrics" count={model.metrics.length}>
        <VirtualTable
          label="Logged model metrics"
          columns={metricColumns}
          items={model.metrics}
          rowKey={(m) => JSON.stringify([m.key, m.datasetName, m.datasetDigest])}
        />
      </Part>
      <Part title="Parameters" count={params.length}>
        <VirtualTable
          label="Logged model parameters"
          columns={entryColumns}
          items={params}
          rowKey={([key]) => key}
        />
      </Part>
      <Part title="Tags" count={tags.length}>
        <VirtualTable
          label="Logged model tags"
          columns={entryColumns}
          items={tags}
          rowKey={([key]) => key}
        />
      </Part>
    </div>
  );
}
