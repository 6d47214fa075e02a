import type { FieldMap } from '@smartmix/dataset';
import type { Command } from 'commander';

export interface CollectionFlags {
  idField: string;
  taskField: string;
  templateTypeField: string;
  promptField: string;
  responseField: string;
  /** false when --no-template-type is given. */
  templateType?: boolean;
}

/** The flags that map a collection's record fields (shared by every command that reads a collection). */
export function addCollectionFlags(command: Command): Command {
  return command
    .option('--id-field <name>', 'record field holding the id', 'id')
    .option('--task-field <name>', 'record field holding the task', 'task')
    .option('--template-type-field <name>', 'record field holding the template type', 'template_type')
    .option('--prompt-field <name>', 'record field holding the prompt', 'prompt')
    .option('--response-field <name>', 'record field holding the response', 'response')
    .option('--no-template-type', 'the collection has no template types: one group per task');
}

export function fieldMap(flags: CollectionFlags): FieldMap {
  return {
    id: flags.idField,
    task: flags.taskField,
    templateType: flags.templateType === false ? null : flags.templateTypeField,
    prompt: flags.promptField,
    response: flags.responseField,
  };
}
