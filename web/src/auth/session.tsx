import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Permission } from '../../../src/core/access/permissions';
import type { Role } from '../../../src/core/access/roles';
import type { SessionView } from '../../../src/shared/auth';
import { ApiError, setCsrfToken } from '../api/client';
import { endpoints } from '../api/endpoints';

interface SessionState {
  session: SessionView | null;
  loading: boolean;
  /** Whether the user holds a permission anywhere (sections and buttons show only then). */
  can(permission: Permission): boolean;
  hasRole(role: Role): boolean;
  signIn(login: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Forgets cached data of the previous user; the session and meta queries stay observed. */
const dropUserData = (queryClient: QueryClient) =>
  queryClient.removeQueries({
    predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'meta',
  });

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      try {
        const s = await endpoints.session();
        setCsrfToken(s.csrfToken);
        return s;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: 60_000,
  });
  const session = query.data ?? null;

  const signIn = useCallback(
    async (login: string, password: string) => {
      const s = await endpoints.login(login, password);
      setCsrfToken(s.csrfToken);
      queryClient.setQueryData(['session'], s);
      dropUserData(queryClient);
    },
    [queryClient],
  );
  const signOut = useCallback(async () => {
    await endpoints.logout().catch(() => undefined);
    setCsrfToken(null);
    queryClient.setQueryData(['session'], null);
    dropUserData(queryClient);
  }, [queryClient]);
  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: ['session'] });
  }, [queryClient]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      loading: query.isLoading,
      can: (p) => session?.permissions.includes(p) ?? false,
      hasRole: (r) => session?.assignments.some((a) => a.role === r) ?? false,
      signIn,
      signOut,
      refresh,
    }),
    [session, query.isLoading, signIn, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in session inside protected pages. */
export function useRequiredSession(): SessionView {
  const { session } = useSession();
  if (!session) throw new Error('no session');
  return session;
}
