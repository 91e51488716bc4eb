import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Role, Routes, type AuthResponse, type MeResponse } from '@yizhan/contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, request, setSignedOutHandler } from '../api/client';
import { clearSession, readSession, saveSession } from '../api/session';

interface AuthState {
  /** The signed-in account, once /me answered. */
  me: MeResponse | null;
  /** The region a district admin runs (null for any other account). */
  adminRegionId: string | null;
  signedIn: boolean;
  loading: boolean;
  error: unknown;
  reload: () => void;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [signedIn, setSignedIn] = useState(() => readSession() !== null);

  useEffect(() => {
    setSignedOutHandler(() => {
      queryClient.clear();
      setSignedIn(false);
    });
  }, [queryClient]);

  const me = useQuery({
    queryKey: ['me'],
    queryFn: ({ signal }) => api.get<MeResponse>(Routes.me, undefined, signal),
    enabled: signedIn,
    staleTime: 5 * 60_000,
  });

  const login = useCallback(
    async (username: string, password: string) => {
      const auth = await request<AuthResponse>('POST', Routes.authLogin, {
        body: { username, password },
        anonymous: true,
      });
      saveSession(auth);
      queryClient.clear();
      queryClient.setQueryData(['me'], auth.user);
      setSignedIn(true);
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    const session = readSession();
    // Revoke the refresh token on the server; sign out locally whatever it answers.
    if (session) {
      await request('POST', Routes.authLogout, {
        body: { refreshToken: session.refreshToken },
      }).catch(() => undefined);
    }
    clearSession();
    queryClient.clear();
    setSignedIn(false);
  }, [queryClient]);

  const value = useMemo<AuthState>(() => {
    const account = signedIn ? (me.data ?? null) : null;
    const adminGrant = account?.roles.find((grant) => grant.role === Role.DistrictAdmin);
    return {
      me: account,
      adminRegionId: adminGrant?.regionId ?? null,
      signedIn,
      loading: signedIn && me.isPending,
      error: me.error,
      reload: () => void me.refetch(),
      login,
      logout,
    };
  }, [signedIn, me, login, logout]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
