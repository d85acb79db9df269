import type { To } from 'react-router';
import { Link } from 'react-router';
import type { LoggedModelView } from '@/api/logged-models';
import { RelativeTime } from '@/components/RelativeTime';
import type { VirtualColumn } from '@/components/VirtualTable';
import { formatMetric } from '@/lib/format';
import { paths } from '@/lib/paths';
import { isSystemTag } from '@/lib/run-fields';
import { LoggedModelStatus } from './LoggedModelStatus';
import { RegisteredVersionLinks } from './RegisteredVersionLinks';

/** One cell's text, whole on hover: the row is one line high and cuts it with an ellipsis. */
function Clipped({ text }: { text: string }) {
  return <span title={text}>{text || '—'}</span>;
}

const metricsText = (m: LoggedModelView) =>
  m.metrics.map((x) => `${x.label} ${formatMetric(x.value)}`).join(' · ');

const paramsText = (m: LoggedModelView) =>
  [...m.params].map(([key, value]) => `${key}=${value}`).join(', ');

const tagsText = (m: LoggedModelView) =>
  [...m.tags]
    .filter(([key]) => !isSystemTag(key))
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');

interface ColumnOptions {
  /** Where a model's name leads: its detail in the experiment's Models view. */
  hrefFor: (modelId: string) => To;
  selectedId?: string | undefined;
  /** The run page leaves the source run out: it is the page's own run. */
  withSourceRun: boolean;
  /** The source runs' names, once known; their ids' first characters until then. */
  sourceRunNames?: ReadonlyMap<string, string> | undefined;
}

export function loggedModelColumns({
  hrefFor,
  selectedId,
  withSourceRun,
  sourceRunNames,
}: ColumnOptions): VirtualColumn<LoggedModelView>[] {
  const name: VirtualColumn<LoggedModelView> = {
    header: 'Name',
    width: '14rem',
    render: (m) => (
      <Link
        to={hrefFor(m.modelId)}
        title={m.name}
        className={m.modelId === selectedId ? 'logged-model-name is-selected' : 'logged-model-name'}
        aria-current={m.modelId === selectedId ? 'true' : undefined}
      >
        {m.name}
      </Link>
    ),
  };
  const sourceRun: VirtualColumn<LoggedModelView> = {
    header: 'Source run',
    width: '10rem',
    render: (m) =>
      m.sourceRunId ? (
        <Link to={paths.run.href(m.experimentId, m.sourceRunId)} title={m.sourceRunId}>
          {sourceRunNames?.get(m.sourceRunId) ?? m.sourceRunId.slice(0, 8)}
        </Link>
      ) : (
        '—'
      ),
  };
  return [
    name,
    { header: 'Status', width: '7rem', render: (m) => <LoggedModelStatus model={m} /> },
    { header: 'Created', width: '7rem', render: (m) => <RelativeTime ms={m.createdMs} /> },
    ...(withSourceRun ? [sourceRun] : []),
    { header: 'Metrics', width: '16rem', render: (m) => <Clipped text={metricsText(m)} /> },
    { header: 'Params', width: '11rem', render: (m) => <Clipped text={paramsText(m)} /> },
    { header: 'Tags', width: '9rem', render: (m) => <Clipped text={tagsText(m)} /> },
    {
      header: 'Registered versions',
      render: (m) => <RegisteredVersionLinks registrations={m.registrations} />,
    },
  ];
}
