import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { To } from 'react-router';
import type { LoggedModelView } from '@/api/logged-models';
import { loggedModelQueries } from '@/api/queries/logged-models';
import { VirtualTable } from '@/components/VirtualTable';
import { loggedModelColumns } from './columns';

interface ExperimentModelsTableProps {
  experimentId: string;
  models: readonly LoggedModelView[];
  selectedId: string | undefined;
  hrefFor: (modelId: string) => To;
}

/** Every loaded logged model in one virtualized table; source runs named once their names arrive. */
export function ExperimentModelsTable({
  experimentId,
  models,
  selectedId,
  hrefFor,
}: ExperimentModelsTableProps) {
  const runIds = useMemo(
    () => [...new Set(models.flatMap((m) => (m.sourceRunId ? [m.sourceRunId] : [])))].sort(),
    [models],
  );
  // A failure here costs only the names: the links show the runs' ids instead.
  const names = useQuery({
    ...loggedModelQueries.sourceRunNames(experimentId, runIds),
    enabled: runIds.length > 0,
    placeholderData: keepPreviousData,
  });
  const columns = loggedModelColumns({
    hrefFor,
    selectedId,
    withSourceRun: true,
    sourceRunNames: names.data,
  });
  return (
    <VirtualTable
      label="Logged models"
      columns={columns}
      items={models}
      rowKey={(m) => m.modelId}
    />
  );
}
