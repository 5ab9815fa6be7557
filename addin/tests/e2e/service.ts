// Starts the real service (Development, temp data folder, loopback, free port) for the e2e tests, and stops it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

export const repo = resolve(import.meta.dirname, '../../..');
const apiProject = join(repo, 'service/StrongChain.Docs.Api');
const configuration = process.env.ADDIN_E2E_CONFIGURATION ?? 'Debug';
const apiDll = join(apiProject, `bin/${configuration}/net10.0/StrongChain.Docs.Api.dll`);
const formMakerDll = join(repo, `tests/StrongChain.Docs.FormMaker/bin/${configuration}/net10.0/StrongChain.Docs.FormMaker.dll`);

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    work: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function build(project: string, dll: string): void {
  if (existsSync(dll) && process.env.ADDIN_E2E_BUILD !== '1') return;
  const r = spawnSync('dotnet', ['build', project, '-c', configuration, '-p:TreatWarningsAsErrors=true', '--nologo', '-v', 'q'],
    { cwd: repo, stdio: 'inherit', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`dotnet build ${project} failed`);
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}:\n${log()}`);
    try {
      const r = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the service did not answer /health within ${timeoutMs} ms:\n${log()}`);
}

/** A complete form for the demo round (open now), made from the service's own template. */
async function makeForms(baseUrl: string, work: string): Promise<void> {
  const template = Buffer.from(await (await fetch(`${baseUrl}/api/templates/application?demandId=DEMO-BM-02`)).arrayBuffer());
  writeFileSync(join(work, 'template-DEMO-BM-02.docx'), template);
  const made = spawnSync('dotnet', [formMakerDll, join(work, 'template-DEMO-BM-02.docx'), join(work, 'complete-DEMO-BM-02.docx')],
    { encoding: 'utf8', timeout: 120_000 });
  if (made.status !== 0) throw new Error(`FormMaker failed: ${made.stderr}${made.stdout}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  build('tests/StrongChain.Docs.FormMaker', formMakerDll);
  const work = mkdtempSync(join(tmpdir(), 'addin-e2e-'));
  project.provide('work', work);

  // scripts/test-addin.sh starts the service itself (and stops it with a trap): use that one.
  const external = process.env.ADDIN_E2E_BASE_URL;
  if (external) {
    await makeForms(external, work);
    project.provide('baseUrl', external);
    return async () => rmSync(work, { recursive: true, force: true });
  }

  if (!existsSync(join(apiProject, 'wwwroot/word.html'))) throw new Error('Build the add-in first (npm run build): wwwroot/word.html is missing.');
  build('service/StrongChain.Docs.Api', apiDll);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn('dotnet', [apiDll, '--urls', baseUrl, '--contentRoot', apiProject], {
    cwd: work,
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      Storage__Sqlite: join(work, 'strongchain.db'),
      Storage__DataDirectory: work,
      Logging__LogLevel__Default: 'Warning',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => { output += d; });
  child.stderr?.on('data', (d) => { output += d; });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(work, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, () => output, 90_000);
    await makeForms(baseUrl, work);
  } catch (e) {
    await stop();
    throw e;
  }
  project.provide('baseUrl', baseUrl);
  return stop;
}
