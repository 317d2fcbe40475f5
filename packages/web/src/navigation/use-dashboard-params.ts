import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../api/me.ts';
import { scopeRootsOf } from '../auth/scope-roots.ts';
import type { MonthRange } from '../periods/period-presets.ts';
import { readDashboardParams, withDashboardParams } from './dashboard-params.ts';
import { useToday } from './use-today.ts';

export interface DashboardSelection {
  /** The org unit shown: the URL's, else the user's first scope root; `null` if they have none. */
  readonly ou: string | null;
  readonly range: MonthRange;
  readonly setOu: (ou: string) => void;
  readonly setRange: (range: MonthRange) => void;
}

/** The selected org unit and period range, read from and written to the URL. */
export function useDashboardParams(): DashboardSelection {
  const [search, setSearch] = useSearchParams();
  const today = useToday();
  const me = useMe();
  const params = useMemo(() => readDashboardParams(search, today), [search, today]);
  const defaultOu = useMemo(() => {
    const roots = me.data ? scopeRootsOf(me.data.user.roles) : [];
    return roots.length > 0 ? roots[0].id : null;
  }, [me.data]);
  const setOu = useCallback(
    (ou: string) => setSearch((prev) => withDashboardParams(prev, { ou })),
    [setSearch],
  );
  const setRange = useCallback(
    (range: MonthRange) => setSearch((prev) => withDashboardParams(prev, { range })),
    [setSearch],
  );
  return { ou: params.ou ?? defaultOu, range: params.range, setOu, setRange };
}
