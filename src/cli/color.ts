import type { Command } from 'commander';

/**
 * Colour when writing to a terminal, unless NO_COLOR or --no-color says otherwise; FORCE_COLOR
 * (other than 0) forces it on and FORCE_COLOR=0 off. chalk 5 ignores NO_COLOR, so we decide here.
 */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag === false) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

/**
 * `--no-color` on a command that prints only plain text: accepted everywhere, so a script or alias
 * can pass it to every command alike.
 */
export function acceptNoColor(command: Command): Command {
  return command.option('--no-color', 'never colour the output (NO_COLOR works too)');
}
