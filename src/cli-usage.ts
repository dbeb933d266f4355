/**
 * Usage errors as a person can read them (issue 15, item 7): the one-line
 * error, the command's usage line and where the help is, instead of the
 * whole help after every mistake. Commander's English messages are put into
 * the user's language for the common mistakes; others pass through as they are.
 */
import type { Command } from 'commander';
import { t } from './i18n/locale.ts';

export interface UsageFailure {
  command: Command;
  /** Commander's message, e.g. `error: missing required argument 'edition'`. */
  text: string;
}

/** Makes every command report its usage errors to `onFailure` instead of printing them. */
export function captureUsageErrors(program: Command, onFailure: (failure: UsageFailure) => void): void {
  const visit = (command: Command) => {
    command.configureOutput({ outputError: (text) => onFailure({ command, text: text.trim() }) });
    for (const sub of command.commands) visit(sub);
  };
  visit(program);
}

/** The three lines printed for a usage error. */
export function formatUsageError(failure: UsageFailure): string {
  const { command } = failure;
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  const name = names.join(' ');
  return [
    t('cli.usageError', { message: translateCommanderMessage(failure.text.replace(/^error:\s*/, '')) }),
    t('cli.usageLine', { usage: `${name} ${command.usage()}` }),
    t('cli.seeHelp', { command: name }),
  ].join('\n');
}

// Commander 14's wording of the common mistakes, with the parts that name the user's input.
const COMMANDER_MESSAGES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^missing required argument '([^']+)'$/, (m) => t('cli.missingArgument', { name: m[1]! })],
  [/^option '([^']+)' argument missing$/, (m) => t('cli.optionArgumentMissing', { option: m[1]! })],
  [/^unknown option '([^']+)'(?:\s*\(Did you mean ([^?]+)\?\))?$/, (m) => t('cli.unknownOption', { option: m[1]! }) + (m[2] ? t('cli.didYouMean', { name: m[2] }) : '')],
  [/^unknown command '([^']+)'(?:\s*\(Did you mean ([^?]+)\?\))?$/, (m) => t('cli.unknownCommand', { name: m[1]! }) + (m[2] ? t('cli.didYouMean', { name: m[2] }) : '')],
  [/^too many arguments.*Expected (\d+) arguments? but got (\d+)\.$/, (m) => t('cli.tooManyArguments', { expected: m[1]!, got: m[2]! })],
  [/^option '([^']+)' argument '([^']*)' is invalid\. (.*)$/s, (m) => t('cli.invalidOptionValue', { option: m[1]!, value: m[2]!, reason: m[3]! })],
];

function translateCommanderMessage(message: string): string {
  for (const [pattern, translate] of COMMANDER_MESSAGES) {
    const match = message.match(pattern);
    if (match) return translate(match);
  }
  return message;
}
