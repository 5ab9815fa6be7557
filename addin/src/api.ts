// The service's HTTP API (shared/spec/api.md) as the panes use it. The panes are served by the service: same origin.

export type Severity = 'error' | 'warning';

export interface FormFinding {
  field: string;
  tag: string;
  ordinal: number | null;
  code: string;
  severity: Severity;
  message: string;
  messageEn: string;
}

export interface CheckAnswer {
  demandId: string;
  roundId: string;
  templateVersion: string;
  complete: boolean;
  eligible: boolean;
  record: {
    demand?: { id?: string | null; title?: string | null; issuer?: string | null; sector?: string | null } | null;
    applicant?: { name?: string | null; creditCode?: string | null } | null;
    [key: string]: unknown;
  };
  findings: FormFinding[];
}

export interface Receipt {
  id: string;
  receiptNo: string;
  version: number;
  sha256: string;
  submittedAt: string;
}

export interface DemandFinding {
  cell: string | null;
  row: number;
  column: string | null;
  demandId: string | null;
  code: string;
  severity: Severity;
  message: string;
  messageEn?: string;
}

export interface ImportAnswer {
  imported: number;
  findings: DemandFinding[];
}

export interface BulletinAnswer {
  id: string;
  demandCount?: number;
  sectors?: { name: string; count: number }[];
}

export interface Demand {
  id: string;
  roundId: string;
  title: string;
  issuer: string;
  sector: string;
}

/** An RFC 7807 answer: code, Chinese message, English message, and findings where there are any. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly body: Record<string, unknown>,
  ) {
    super(`${status} ${code}: ${messageEn || messageZh}`);
  }

  get findings(): unknown[] {
    return Array.isArray(this.body.findings) ? this.body.findings : [];
  }
}

export const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ApiOptions {
  base?: string;
  fetch?: typeof fetch;
  /** Bounded wait for every request. */
  timeoutMs?: number;
}

export class Api {
  private readonly base: string;
  private readonly fetcher: typeof fetch;
  private readonly timeoutMs: number;

  constructor(options: ApiOptions = {}) {
    this.base = options.base ?? '';
    this.fetcher = options.fetch ?? ((...a) => fetch(...a));
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  url(path: string): string {
    return this.base + path;
  }

  async request<T>(path: string, init: RequestInit & { token?: string | null } = {}): Promise<T> {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json, application/problem+json');
    if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let response: Response;
    try {
      response = await this.fetcher(this.url(path), { ...init, headers, signal: controller.signal });
    } finally {
      clearTimeout(timer);
    }
    const text = await response.text();
    const body = text ? safeJson(text) : {};
    if (!response.ok) {
      const b = (body ?? {}) as Record<string, unknown>;
      throw new ApiProblem(response.status, String(b.code ?? `http-${response.status}`),
        String(b.message ?? b.title ?? ''), String(b.messageEn ?? b.title ?? ''), b);
    }
    return body as T;
  }

  checkForm(bytes: Uint8Array): Promise<CheckAnswer> {
    return this.request('/api/applications/check', { method: 'POST', body: blob(bytes, docxType), headers: { 'Content-Type': docxType } });
  }

  submitForm(bytes: Uint8Array, token: string): Promise<Receipt> {
    return this.request('/api/applications', { method: 'POST', body: blob(bytes, docxType), headers: { 'Content-Type': docxType }, token });
  }

  devToken(role: 'applicant' | 'staff', creditCode?: string): Promise<{ accessToken: string }> {
    return this.request('/api/dev/token', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(creditCode ? { role, creditCode } : { role }),
    });
  }

  demand(id: string): Promise<Demand> {
    return this.request(`/api/demands/${encodeURIComponent(id)}`);
  }

  demands(roundId: string): Promise<Demand[]> {
    return this.request(`/api/demands?roundId=${encodeURIComponent(roundId)}`);
  }

  rounds(): Promise<{ id: string; name: string; opens: string; closes: string }[]> {
    return this.request('/api/rounds');
  }

  /** The Excel add-in's table values; validateOnly asks for the findings without storing. */
  importTable(roundId: string, table: { headers: string[]; rows: unknown[][] }, token: string, validateOnly: boolean): Promise<ImportAnswer> {
    const query = `roundId=${encodeURIComponent(roundId)}${validateOnly ? '&dryRun=true' : ''}`;
    return this.request(`/api/demands/import-table?${query}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(table), token,
    });
  }

  /** The demand workbook as a multipart upload (browser mode). */
  importWorkbook(roundId: string, file: Blob, name: string, token: string, validateOnly: boolean): Promise<ImportAnswer> {
    const form = new FormData();
    form.append('file', file, name);
    const query = `roundId=${encodeURIComponent(roundId)}${validateOnly ? '&dryRun=true' : ''}`;
    return this.request(`/api/demands/import?${query}`, { method: 'POST', body: form, token });
  }

  createBulletin(roundId: string, token: string): Promise<BulletinAnswer> {
    return this.request('/api/bulletins', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ roundId }), token,
    });
  }
}

function safeJson(text: string): unknown {
  try { return JSON.parse(text); } catch { return { title: text.slice(0, 200) }; }
}

function blob(bytes: Uint8Array, type: string): Blob {
  return new Blob([bytes as BlobPart], { type });
}
