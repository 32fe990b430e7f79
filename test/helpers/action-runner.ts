import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The parts of a composite action.yml that this runner understands. */
export interface CompositeAction {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: {
    using: string;
    steps: { name: string; id?: string; shell?: string; env?: Record<string, string>; run?: string; uses?: string }[];
  };
}

export interface ActionRun {
  /** The exit code of the first step that failed, else 0. */
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** Everything the steps appended to $GITHUB_STEP_SUMMARY. */
  summary: string;
}

export function readAction(path: string): CompositeAction {
  return parse(readFileSync(path, 'utf8')) as CompositeAction;
}

/**
 * Runs a composite action's steps the way a GitHub runner does, without one: each `run` with
 * `bash --noprofile --norc -eo pipefail` in $GITHUB_WORKSPACE, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY /
 * RUNNER_TEMP / GITHUB_ACTION_PATH set, and the `${{ }}` expressions GitHub would evaluate: inputs
 * (with their defaults), github.action_path and earlier steps' outputs. Any other expression throws,
 * so the action cannot rely on something this runner does not check.
 */
export function runAction(
  actionDir: string,
  options: { workspace: string; inputs: Record<string, string>; env?: Record<string, string> },
): ActionRun {
  const action = readAction(join(actionDir, 'action.yml'));
  const unknown = Object.keys(options.inputs).filter((name) => !(name in action.inputs));
  if (unknown.length > 0) throw new Error(`action.yml has no input ${unknown.join(', ')}`);
  const temp = mkdtempSync(join(options.workspace, '..', 'runner-temp-'));
  const summaryFile = join(temp, 'step-summary.md');
  writeFileSync(summaryFile, '');
  const inputs = Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [name, options.inputs[name] ?? input.default ?? '']),
  );
  const steps: Record<string, Record<string, string>> = {};
  const expression = (text: string) =>
    text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_all, expr: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(expr);
      if (input?.[1] !== undefined && input[1] in inputs) return inputs[input[1]] ?? '';
      if (expr === 'github.action_path') return actionDir;
      const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
      if (output?.[1] && output[2]) return steps[output[1]]?.[output[2]] ?? '';
      throw new Error(`the test runner does not evaluate \${{ ${expr} }}`);
    });
  let stdout = '';
  let stderr = '';
  let code = 0;
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.run === undefined || step.shell !== 'bash')
      throw new Error(`step ${step.name}: only run steps with shell: bash are supported`);
    const outputFile = join(temp, `output-${index}`);
    writeFileSync(outputFile, '');
    const script = join(temp, `step-${index}.sh`);
    writeFileSync(script, expression(step.run));
    const env = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([name, value]) => [name, expression(String(value))]),
    );
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: options.workspace,
      encoding: 'utf8',
      timeout: 180_000,
      env: {
        ...process.env,
        ...options.env,
        ...env,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: options.workspace,
        GITHUB_ACTION_PATH: actionDir,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: temp,
      },
    });
    stdout += run.stdout;
    stderr += run.stderr;
    if (step.id) steps[step.id] = parseOutputs(readFileSync(outputFile, 'utf8'));
    if (run.status !== 0) {
      code = run.status ?? -1;
      break;
    }
  }
  const outputs = Object.fromEntries(
    Object.entries(action.outputs).map(([name, output]) => [name, expression(output.value)]),
  );
  return { code, stdout, stderr, outputs, summary: readFileSync(summaryFile, 'utf8') };
}

/** $GITHUB_OUTPUT's two forms: `name=value` and `name<<DELIMITER` … `DELIMITER`. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc?.[1] && heredoc[2]) {
      const end = lines.indexOf(heredoc[2], i + 1);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}
