import type { ReactNode } from 'react';
import {
  AuditOutlined,
  CalendarOutlined,
  BankOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  HomeOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '@qd/core';
import type { MessageId } from '../i18n/zh-CN';
import type { Translate } from '../i18n/translator';
import { awardsMenu } from '../modules/awards/routes';
import { governanceMenu } from '../modules/governance/routes';
import { servicesMenu } from '../modules/services/routes';
import { supervisionMenu } from '../modules/supervision/routes';

export interface MenuEntry {
  path: string;
  label: MessageId;
  icon?: ReactNode;
  /** Shown to holders of any of these, the same names the server authorizes with. */
  anyOf?: Permission[];
  children?: MenuEntry[];
}

export const MENU: MenuEntry[] = [
  { path: '/', label: 'menu.home', icon: <HomeOutlined /> },
  {
    path: '/registry',
    label: 'menu.registry',
    icon: <DatabaseOutlined />,
    children: [
      { path: '/registry/enterprises', label: 'menu.enterprises', icon: <ShopOutlined />, anyOf: ['registry.read'] },
      { path: '/registry/departments', label: 'menu.departments', icon: <BankOutlined />, anyOf: ['registry.read'] },
      { path: '/registry/institutions', label: 'menu.institutions', icon: <ClusterOutlined />, anyOf: ['registry.read'] },
      { path: '/registry/experts', label: 'menu.experts', icon: <ExperimentOutlined />, anyOf: ['registry.read'] },
    ],
  },
  ...governanceMenu,
  ...awardsMenu,
  ...servicesMenu,
  ...supervisionMenu,
  {
    path: '/admin',
    label: 'menu.admin',
    icon: <SettingOutlined />,
    children: [
      { path: '/admin/users', label: 'menu.users', icon: <TeamOutlined />, anyOf: ['identity.user.read'] },
      { path: '/admin/audit', label: 'menu.audit', icon: <AuditOutlined />, anyOf: ['audit.read'] },
      {
        path: '/admin/calendar',
        label: 'menu.calendar',
        icon: <CalendarOutlined />,
        anyOf: ['calendar.manage', 'registry.read'],
      },
    ],
  },
  {
    path: '/account',
    label: 'menu.account',
    icon: <SolutionOutlined />,
    children: [{ path: '/account/password', label: 'menu.changePassword' }],
  },
];

export interface LayoutRoute {
  path: string;
  name: string;
  icon?: ReactNode;
  routes?: LayoutRoute[];
}

/** The menu as ProLayout wants it, without entries the user may not open (nor empty groups). */
export function layoutRoutes(entries: MenuEntry[], can: (p: Permission) => boolean, t: Translate): LayoutRoute[] {
  const result: LayoutRoute[] = [];
  for (const entry of entries) {
    if (entry.anyOf && !entry.anyOf.some(can)) continue;
    const children = entry.children ? layoutRoutes(entry.children, can, t) : undefined;
    if (entry.children && children?.length === 0) continue;
    result.push({ path: entry.path, name: t(entry.label), icon: entry.icon, ...(children ? { routes: children } : {}) });
  }
  return result;
}
