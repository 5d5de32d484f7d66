/**
 * Every page of the console, in menu order. Adding a page is one folder `src/pages/<name>/` whose
 * `index.tsx` default-exports the component, plus one entry here; the route and the menu item follow.
 */
import {
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CustomerServiceOutlined,
  DesktopOutlined,
  FileProtectOutlined,
  IdcardOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SlidersOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { isAdminRole } from '@shequ/domain/roles';
import type { ComponentType, ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '../lib/labels.js';

type PageModule = Promise<{ default: ComponentType }>;

export interface PageEntry {
  /** Route path below `/`; the first segment is also the menu key. */
  path: string;
  /** Loads the page's chunk; absent for pages announced in the menu but not built yet. */
  load?: () => PageModule;
  /** Shown in the side menu when present. */
  menu?: { label: string; icon: ReactNode };
  /** Who sees the page; everyone signed in when absent. The API enforces the same rule. */
  allow?: (role: Role) => boolean;
}

export const pages: PageEntry[] = [
  {
    path: 'workbench',
    load: () => import('./workbench/index.js'),
    menu: { label: '工作台', icon: <DesktopOutlined /> },
  },
  {
    path: 'communities',
    load: () => import('./communities/index.js'),
    menu: { label: '辖区与社区', icon: <BankOutlined /> },
  },
  { path: 'communities/:code', load: () => import('./community/index.js') },
  {
    path: 'compliance',
    load: () => import('./compliance/index.js'),
    menu: { label: '合规检查', icon: <SafetyCertificateOutlined /> },
  },
  { path: 'compliance/:code', load: () => import('./compliance/community.js') },
  {
    path: 'policy',
    load: () => import('./policy/index.js'),
    menu: { label: '政策法规', icon: <ReadOutlined /> },
  },
  {
    path: 'assessment',
    load: () => import('./assessment/index.js'),
    menu: { label: '综合考核', icon: <BarChartOutlined /> },
  },
  { path: 'assessment/new', load: () => import('./assessment/editor.js') },
  { path: 'assessment/:id', load: () => import('./assessment/scheme.js') },
  { path: 'assessment/:id/edit', load: () => import('./assessment/editor.js') },
  { path: 'assessment/:id/publication', load: () => import('./assessment/publication.js') },
  { path: 'assessment/:id/surveys', load: () => import('./assessment/surveys.js') },
  { path: 'assessment/:id/communities/:code', load: () => import('./assessment/breakdown.js') },
  {
    path: 'archives',
    load: () => import('./archives/index.js'),
    menu: { label: '档案印章', icon: <FileProtectOutlined /> },
  },
  { path: 'archives/requests', load: () => import('./archives/requests.js') },
  { path: 'archives/overdue', load: () => import('./archives/overdue.js') },
  { path: 'archives/handovers/:id', load: () => import('./archives/handover.js') },
  { path: 'archives/:code', load: () => import('./archives/community.js') },
  { path: 'archives/:code/handover/new', load: () => import('./archives/handover-new.js') },
  {
    path: 'people',
    load: () => import('./people/index.js'),
    menu: { label: '人员名册', icon: <IdcardOutlined /> },
  },
  { path: 'people/org/:code', load: () => import('./people/organisation.js') },
  { path: 'people/:id', load: () => import('./people/person.js') },
  {
    path: 'democracy',
    load: () => import('./democracy/index.js'),
    menu: { label: '民主议事', icon: <ScheduleOutlined /> },
  },
  { path: 'democracy/:code', load: () => import('./democracy/community.js') },
  {
    path: 'services',
    load: () => import('./services/index.js'),
    menu: { label: '服务事项', icon: <CustomerServiceOutlined /> },
  },
  { path: 'services/new', load: () => import('./services/new.js') },
  { path: 'services/visits', load: () => import('./services/visits.js') },
  { path: 'services/volunteers', load: () => import('./services/volunteers.js') },
  { path: 'services/activities', load: () => import('./services/activities.js') },
  { path: 'services/windows', load: () => import('./services/windows.js') },
  { path: 'services/requests', load: () => import('./services/requests.js') },
  { path: 'services/:id', load: () => import('./services/case.js') },
  {
    path: 'workload',
    load: () => import('./workload/index.js'),
    menu: { label: '社区减负', icon: <UnorderedListOutlined /> },
  },
  {
    path: 'users',
    load: () => import('./users/index.js'),
    menu: { label: '账号管理', icon: <TeamOutlined /> },
    allow: (role) => isAdminRole(role) || role === 'auditor',
  },
  {
    path: 'parameters',
    load: () => import('./parameters/index.js'),
    menu: { label: '辖区参数', icon: <SlidersOutlined /> },
    allow: isAdminRole,
  },
  {
    path: 'webhooks',
    load: () => import('./webhooks/index.js'),
    menu: { label: '消息推送', icon: <ApiOutlined /> },
    allow: isAdminRole,
  },
  {
    path: 'audit',
    load: () => import('./audit/index.js'),
    menu: { label: '操作日志', icon: <AuditOutlined /> },
  },
];

export function appRoutes(): RouteObject[] {
  const routes: RouteObject[] = [];
  for (const page of pages) {
    const load = page.load;
    if (!load) continue;
    routes.push({ path: page.path, lazy: async () => ({ Component: (await load()).default }) });
  }
  routes.push({
    path: '*',
    lazy: async () => ({ Component: (await import('./not-found/index.js')).default }),
  });
  return routes;
}
