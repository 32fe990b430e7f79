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
