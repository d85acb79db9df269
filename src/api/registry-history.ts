import { deleteModelAlias, setModelAlias, transitionModelVersionStage } from './registry';

// The registry writes whose history Parallax keeps: every alias move and stage transition goes
// through these, whichever screen makes it (alias and stage dialogs, the promotion view, rollback).
// For now they only make the write; recording it beside the model comes next.

export async function setAliasRecorded(name: string, alias: string, version: string) {
  await setModelAlias(name, alias, version);
}

export async function deleteAliasRecorded(name: string, alias: string) {
  await deleteModelAlias(name, alias);
}

export async function transitionRecorded(
  name: string,
  version: string,
  stage: string,
  archiveExisting: boolean,
) {
  await transitionModelVersionStage(name, version, stage, archiveExisting);
}
