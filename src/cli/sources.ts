// Options every command that reads sources shares.
import { Option, type Command } from 'commander';
import { FORMATS } from './output.js';

export const DEFAULT_PROVIDERS = 'providers/providers.yaml';
export const DEFAULT_MAPPINGS = 'mappings/model-mappings.yaml';

export interface SourceOptions {
  providers: string;
  mappings: string;
  strict?: boolean;
}

export function addSourceOptions(cmd: Command): Command {
  return cmd
    .option('--providers <file>', 'provider registry', DEFAULT_PROVIDERS)
    .option('--mappings <file>', 'routing map', DEFAULT_MAPPINGS)
    .option('--strict', 'treat unknown keys and unset environment variables as errors');
}

export function formatOption(formats: readonly string[] = FORMATS): Option {
  return new Option('--format <format>', 'output format').choices([...formats]).default('text');
}
