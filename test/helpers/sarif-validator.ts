import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where .ci/run installs Microsoft's SARIF validator (npm @microsoft/sarif-multitool), unless SARIF_MULTITOOL names it. */
export const MULTITOOL_PREFIX = join(homedir(), '.cache', 'pgcheck', 'sarif-multitool');

export function findMultitool(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [
    env.SARIF_MULTITOOL,
    join(MULTITOOL_PREFIX, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool'),
  ];
  return candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
}

export const MULTITOOL_MISSING =
  "Microsoft's SARIF validator (Sarif.Multitool) is not installed: .ci/run installs it with " +
  '`npm install --no-save --prefix ~/.cache/pgcheck/sarif-multitool @microsoft/sarif-multitool` (Linux x64); ' +
  'or set SARIF_MULTITOOL to the binary. The SARIF validator tests are skipped.';

/** One error or warning the validator reported, as `log name: RULE: message`. */
export type Finding = string;

/**
 * Runs `Sarif.Multitool validate --rule-kind "Sarif;Gh;Ghas" --level "Error;Warning"` (GitHub's and
 * GitHub Advanced Security's rules included) over each named log, and returns every error and warning.
 */
export function validateSarif(tool: string, logs: Record<string, string>): Finding[] {
  const dir = mkdtempSync(join(tmpdir(), 'pgcheck-sarif-validate-'));
  try {
    const files = Object.entries(logs).map(([name, text]) => {
      const file = join(dir, `${name}.sarif`);
      writeFileSync(file, text);
      return file;
    });
    const output = join(dir, 'validation.sarif');
    const run = spawnSync(
      tool,
      ['validate', '--rule-kind', 'Sarif;Gh;Ghas', '--level', 'Error;Warning', '--output', output, ...files],
      {
        encoding: 'utf8',
        timeout: 120_000,
        // A self-contained .NET program: invariant globalization, so it runs where libicu is not installed.
        env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
      },
    );
    if (!existsSync(output))
      throw new Error(`Sarif.Multitool wrote no result (exit ${run.status}): ${run.stdout}${run.stderr}`);
    const validation = JSON.parse(readFileSync(output, 'utf8'));
    const messages: Record<string, Record<string, { text: string }>> = Object.fromEntries(
      (validation.runs[0].tool.driver.rules ?? []).map(
        (rule: { id: string; messageStrings?: Record<string, { text: string }> }) => [
          rule.id,
          rule.messageStrings ?? {},
        ],
      ),
    );
    return (validation.runs[0].results ?? [])
      .filter(
        (result: { level?: string }) =>
          (result.level ?? 'warning') === 'error' || (result.level ?? 'warning') === 'warning',
      )
      .map(
        (result: {
          ruleId: string;
          message: { id?: string; arguments?: string[]; text?: string };
          locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[];
        }) => {
          const template = result.message.id ? messages[result.ruleId]?.[result.message.id]?.text : undefined;
          const text = template
            ? template.replace(/\{(\d+)\}/g, (_all, index) => result.message.arguments?.[Number(index)] ?? '')
            : (result.message.text ?? '');
          const where = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.split('/').pop() ?? '?';
          return `${where}: ${result.ruleId}: ${text}`;
        },
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
