import { spawnSync } from 'node:child_process';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run load -- <args>`, run as a child process with these environment variables. */
export function runLoadCli(args: string[], env: NodeJS.ProcessEnv = process.env): CliRun {
  const { status, stdout, stderr } = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/load.ts', ...args], {
    encoding: 'utf8',
    env,
    timeout: 120_000,
  });
  return { status, stdout, stderr };
}
