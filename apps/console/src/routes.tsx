import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  GiftOutlined,
  ShopOutlined,
  TagsOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { tc } from './i18n/common';

// Adding a page: follow the rules in apps/console/README.md.

/** One console page: its path under /console, its menu entry and the page component. */
export interface ConsoleRoute {
  path: string;
  label: () => string;
  icon: ReactNode;
  /** Loaded on first visit, so the sign-in page does not carry the charts and the map. */
  page: LazyExoticComponent<ComponentType>;
}

const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

/** The menu, in order. The first entry is where a signed-in admin lands. */
export const CONSOLE_ROUTES: ConsoleRoute[] = [
  {
    path: 'dashboard',
    label: () => tc('nav.dashboard'),
    icon: <BarChartOutlined />,
    page: page(() => import('./pages/dashboard/DashboardPage'), 'DashboardPage'),
  },
  {
    path: 'coverage',
    label: () => tc('nav.coverage'),
    icon: <AimOutlined />,
    page: page(() => import('./pages/station-coverage/CoveragePage'), 'CoveragePage'),
  },
  {
    path: 'stations',
    label: () => tc('nav.stations'),
    icon: <EnvironmentOutlined />,
    page: page(() => import('./pages/stations/StationsPage'), 'StationsPage'),
  },
  {
    path: 'categories',
    label: () => tc('nav.categories'),
    icon: <TagsOutlined />,
    page: page(() => import('./pages/categories/CategoriesPage'), 'CategoriesPage'),
  },
  {
    path: 'departments',
    label: () => tc('nav.departments'),
    icon: <ApartmentOutlined />,
    page: page(() => import('./pages/departments/DepartmentsPage'), 'DepartmentsPage'),
  },
  {
    path: 'rules',
    label: () => tc('nav.rules'),
    icon: <TrophyOutlined />,
    page: page(() => import('./pages/rules/RulesPage'), 'RulesPage'),
  },
  {
    path: 'rewards',
    label: () => tc('nav.rewards'),
    icon: <GiftOutlined />,
    page: page(() => import('./pages/rewards/RewardsPage'), 'RewardsPage'),
  },
  {
    path: 'merchants',
    label: () => tc('nav.merchants'),
    icon: <ShopOutlined />,
    page: page(() => import('./pages/merchants/MerchantsPage'), 'MerchantsPage'),
  },
  {
    path: 'staff',
    label: () => tc('nav.staff'),
    icon: <TeamOutlined />,
    page: page(() => import('./pages/staff/StaffPage'), 'StaffPage'),
  },
  {
    path: 'audit',
    label: () => tc('nav.audit'),
    icon: <FileSearchOutlined />,
    page: page(() => import('./pages/audit/AuditLogPage'), 'AuditLogPage'),
  },
  {
    path: 'ledger',
    label: () => tc('nav.ledger'),
    icon: <AuditOutlined />,
    page: page(() => import('./pages/ledger/LedgerCheckPage'), 'LedgerCheckPage'),
  },
];
