import { describe, expect, it } from 'vitest';
import { Api, ApiProblem, docxType } from '../../src/api';
import { SignInUnavailable, tokens } from '../../src/auth';

type Seen = { url: string; init: RequestInit };

/** A fetch that answers from a table of (method path) → [status, body], recording requests. */
function fakeFetch(answers: Record<string, [number, unknown]>) {
  const seen: Seen[] = [];
  const fetcher = (async (url: string, init: RequestInit = {}) => {
    seen.push({ url, init });
    const key = `${init.method ?? 'GET'} ${url.split('?')[0]}`;
    const [status, body] = answers[key] ?? [404, { code: 'not-found' }];
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });
  }) as unknown as typeof fetch;
  return { fetcher, seen };
}

describe('API client', () => {
  it('posts the document as raw .docx bytes and reads the answer', async () => {
    const { fetcher, seen } = fakeFetch({ 'POST /api/applications/check': [200, { demandId: 'DEMO-BM-02', findings: [] }] });
    const answer = await new Api({ fetch: fetcher }).checkForm(Uint8Array.of(80, 75, 3, 4));
    expect(answer.demandId).toBe('DEMO-BM-02');
    expect(new Headers(seen[0].init.headers).get('Content-Type')).toBe(docxType);
    expect(new Uint8Array(await (seen[0].init.body as Blob).arrayBuffer())).toEqual(Uint8Array.of(80, 75, 3, 4));
  });

  it('turns problem details into ApiProblem with code, both messages and findings', async () => {
    const { fetcher } = fakeFetch({ 'POST /api/applications': [422, { code: 'has-errors', message: '有错误', messageEn: 'Has errors', findings: [{ field: 'x' }] }] });
    const error = await new Api({ fetch: fetcher }).submitForm(new Uint8Array(1), 't').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ status: 422, code: 'has-errors', messageZh: '有错误', messageEn: 'Has errors' });
    expect((error as ApiProblem).findings).toEqual([{ field: 'x' }]);
  });

  it('asks import-table for a dry run when validating only', async () => {
    const { fetcher, seen } = fakeFetch({ 'POST /api/demands/import-table': [200, { imported: 2, findings: [] }] });
    const api = new Api({ fetch: fetcher });
    await api.importTable('demo', { headers: ['需求编号'], rows: [['DEMO-IT-01']] }, 't', true);
    await api.importTable('demo', { headers: ['需求编号'], rows: [['DEMO-IT-01']] }, 't', false);
    expect(seen.map((s) => s.url)).toEqual(['/api/demands/import-table?roundId=demo&dryRun=true', '/api/demands/import-table?roundId=demo']);
    expect(JSON.parse(seen[0].init.body as string)).toEqual({ headers: ['需求编号'], rows: [['DEMO-IT-01']] });
    expect(new Headers(seen[0].init.headers).get('Authorization')).toBe('Bearer t');
  });

  it('gives up on a request that takes longer than its bound', async () => {
    const never = ((_: string, init: RequestInit) => new Promise((_r, reject) => {
      init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    })) as unknown as typeof fetch;
    await expect(new Api({ fetch: never, timeoutMs: 20 }).rounds()).rejects.toThrow('aborted');
  });
});

describe('sign-in', () => {
  it('uses the single sign-on token when the host gives one', async () => {
    const { fetcher, seen } = fakeFetch({});
    const source = tokens(new Api({ fetch: fetcher }), { getAccessToken: async () => 'sso-token' });
    expect(await source.token('applicant')).toBe('sso-token');
    expect(seen).toEqual([]);
  });

  it('falls back to the development token for the credit code when single sign-on fails, and caches it', async () => {
    const { fetcher, seen } = fakeFetch({ 'POST /api/dev/token': [200, { accessToken: 'dev-token' }] });
    let ssoCalls = 0;
    const source = tokens(new Api({ fetch: fetcher }), { getAccessToken: async () => { ssoCalls++; throw new Error('13012'); } });
    expect(await source.token('applicant', '91110108MA01C8QX20')).toBe('dev-token');
    expect(await source.token('applicant', '91110108MA01C8QX20')).toBe('dev-token');
    expect(ssoCalls).toBe(1);
    expect(seen).toHaveLength(1);
    expect(JSON.parse(seen[0].init.body as string)).toEqual({ role: 'applicant', creditCode: '91110108MA01C8QX20' });
  });

  it('needs a credit code for an applicant without single sign-on, and none for staff', async () => {
    const { fetcher, seen } = fakeFetch({ 'POST /api/dev/token': [200, { accessToken: 'staff-token' }] });
    const source = tokens(new Api({ fetch: fetcher }), undefined);
    await expect(source.token('applicant')).rejects.toThrow(SignInUnavailable);
    expect(await source.token('staff')).toBe('staff-token');
    expect(JSON.parse(seen[0].init.body as string)).toEqual({ role: 'staff' });
  });

  it('says sign-in is unavailable where the development route does not exist (outside Development)', async () => {
    const { fetcher } = fakeFetch({});
    await expect(tokens(new Api({ fetch: fetcher }), undefined).token('staff')).rejects.toThrow('no-sign-in');
  });
});
