import type { RouteObject } from 'react-router';
import {
  AlertOutlined,
  AuditOutlined,
  CalendarOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { lazyPage } from '../../app/lazy-page';
import type { MenuEntry } from '../../app/menu';

/** The supervision module's pages (lazy-loaded with `lazyPage`) and its menu group. */
export const supervisionRoutes: RouteObject[] = [
  lazyPage('/supervision/plans', () => import('./plans.page'), ['supervision.read', 'supervision.participate']),
  lazyPage('/supervision/plans/:id', () => import('./plan-detail.page'), ['supervision.read', 'supervision.participate']),
  lazyPage('/supervision/items', () => import('./items.page'), ['supervision.read']),
  lazyPage('/supervision/targets', () => import('./targets.page'), ['supervision.read']),
  lazyPage('/supervision/inspectors', () => import('./inspectors.page'), ['supervision.read', 'supervision.participate']),
  lazyPage('/supervision/inspections', () => import('./inspections.page'), ['supervision.read', 'supervision.participate']),
  lazyPage('/supervision/product-checks', () => import('./product-checks.page'), ['supervision.read']),
  lazyPage('/supervision/rectifications', () => import('./rectifications.page'), ['supervision.read']),
  lazyPage('/supervision/signals', () => import('./signals.page'), ['supervision.read']),
  lazyPage('/supervision/overdue', () => import('./overdue.page'), ['supervision.read']),
  lazyPage('/supervision/mine', () => import('./my-checks.page'), ['supervision.own.read']),
];

export const supervisionMenu: MenuEntry[] = [
  {
    path: '/supervision',
    label: 'supervision.menu',
    icon: <SafetyCertificateOutlined />,
    children: [
      {
        path: '/supervision/plans',
        label: 'supervision.menu.plans',
        icon: <CalendarOutlined />,
        anyOf: ['supervision.read', 'supervision.participate'],
      },
      {
        path: '/supervision/inspections',
        label: 'supervision.menu.inspections',
        icon: <FileSearchOutlined />,
        anyOf: ['supervision.read', 'supervision.participate'],
      },
      {
        path: '/supervision/product-checks',
        label: 'supervision.menu.productChecks',
        icon: <ExperimentOutlined />,
        anyOf: ['supervision.read'],
      },
      {
        path: '/supervision/rectifications',
        label: 'supervision.menu.rectifications',
        icon: <AuditOutlined />,
        anyOf: ['supervision.read'],
      },
      { path: '/supervision/signals', label: 'supervision.menu.signals', icon: <AlertOutlined />, anyOf: ['supervision.read'] },
      { path: '/supervision/overdue', label: 'supervision.menu.overdue', icon: <WarningOutlined />, anyOf: ['supervision.read'] },
      { path: '/supervision/items', label: 'supervision.menu.items', icon: <OrderedListOutlined />, anyOf: ['supervision.read'] },
      {
        path: '/supervision/targets',
        label: 'supervision.menu.targets',
        icon: <UnorderedListOutlined />,
        anyOf: ['supervision.read'],
      },
      {
        path: '/supervision/inspectors',
        label: 'supervision.menu.inspectors',
        icon: <TeamOutlined />,
        anyOf: ['supervision.read', 'supervision.participate'],
      },
      {
        path: '/supervision/mine',
        label: 'supervision.menu.mine',
        icon: <FileSearchOutlined />,
        anyOf: ['supervision.own.read'],
      },
      { path: '/public/draws', label: 'supervision.menu.publicDraws', icon: <SafetyCertificateOutlined /> },
    ],
  },
];
