import { parseArgs, ParseArgsConfig } from 'util';
import type { CliIo } from './io';
import { UsageError } from './usageError';

/** A command's options, as `parseArgs` describes them. */
type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** What `parseArgs` gives for a command's options: typed values and the positional arguments. */
export type ParsedArgs<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/** One command of the CLI: its name, its usage (`growth <name> --help`), its options, and what it does. */
export interface CliCommand {
  readonly name: string;
  /** The usage line(s) and what it does, as `growth --help` lists them. */
  readonly usage: string;
  /** Left out of `growth --help`: run by git, not by people (`growth filter`). */
  readonly hidden?: boolean;
  run(args: readonly string[], io: CliIo): Promise<number> | number;
}

/** A command whose `run` sees its own options, typed; an option it does not know is a usage error (exit 2). */
export function defineCommand<O extends ParseArgsOptionsConfig>(spec: {
  readonly name: string;
  readonly usage: string;
  readonly hidden?: boolean;
  readonly options: O;
  run(parsed: ParsedArgs<O>, io: CliIo): Promise<number> | number;
}): CliCommand {
  return {
    name: spec.name,
    usage: spec.usage,
    hidden: spec.hidden,
    run: (args, io) => spec.run(parseArgs({ args: [...args], options: spec.options, allowPositionals: true, strict: true }), io),
  };
}

/** `--since`, checked the same way by every command that takes it. */
export function sinceOption(value: string | undefined): string | undefined {
  if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError('--since takes a date as YYYY-MM-DD.');
  return value;
}

/** The one folder or note a command takes; more is a usage error. */
export function onePositional(positionals: readonly string[]): string | undefined {
  if (positionals.length > 1) throw new UsageError('Give one folder or note.');
  return positionals[0];
}

/** `--config FILE`: the configuration to use instead of the growth.config.json found by walking up. */
export const CONFIG_OPTION = { config: { type: 'string' } } as const;
