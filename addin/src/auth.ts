// Sign-in: Office single sign-on where the host offers it, else the Development token route (404 outside Development).
import { Api, ApiProblem } from './api';

export type Role = 'applicant' | 'staff';

export class SignInUnavailable extends Error {}

export interface TokenSource {
  token(role: Role, creditCode?: string): Promise<string>;
  forget(): void;
}

type SsoAuth = { getAccessToken(options?: Record<string, unknown>): Promise<string> };

export function tokens(api: Api, sso: SsoAuth | undefined = officeAuth()): TokenSource {
  const cache = new Map<string, string>();
  let ssoFailed = false;
  return {
    async token(role, creditCode) {
      const key = `${role}|${creditCode ?? ''}`;
      const cached = cache.get(key);
      if (cached) return cached;
      if (sso && !ssoFailed) {
        try {
          const token = await sso.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false });
          cache.set(key, token);
          return token;
        } catch {
          ssoFailed = true; // no WebApplicationInfo, an old host, or the user declined: fall back for this session
        }
      }
      if (role === 'applicant' && !creditCode) throw new SignInUnavailable('credit-code-needed');
      try {
        const { accessToken } = await api.devToken(role, creditCode);
        cache.set(key, accessToken);
        return accessToken;
      } catch (e) {
        if (e instanceof ApiProblem && e.status === 404) throw new SignInUnavailable('no-sign-in');
        throw e;
      }
    },
    forget: () => cache.clear(),
  };
}

function officeAuth(): SsoAuth | undefined {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.host && typeof office.auth?.getAccessToken === 'function' ? office.auth : undefined;
}
