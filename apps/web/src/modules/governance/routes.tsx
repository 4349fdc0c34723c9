import type { RouteObject } from 'react-router';
import {
  AuditOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileTextOutlined,
  MoneyCollectOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import { lazyPage } from '../../app/lazy-page';

/** The governance module's pages (lazy-loaded with `lazyPage`) and its menu group. */
export const governanceRoutes: RouteObject[] = [
  lazyPage('/governance/group', () => import('./group.page'), ['governance.read']),
  lazyPage('/governance/meetings', () => import('./meetings.page'), ['governance.read']),
  lazyPage('/governance/meetings/:id', () => import('./meeting-detail.page'), ['governance.read']),
  lazyPage('/governance/tasks', () => import('./tasks.page'), ['governance.read']),
  lazyPage('/governance/tasks/:id', () => import('./task-detail.page'), ['governance.read']),
  lazyPage('/governance/assessment', () => import('./assessment.page'), ['governance.read']),
  lazyPage('/governance/budget', () => import('./budget.page'), ['governance.budget.read']),
  lazyPage('/governance/report', () => import('./report.page'), ['governance.report.read']),
  lazyPage('/governance/overview', () => import('./overview.page'), ['governance.report.read']),
];

export const governanceMenu: MenuEntry[] = [
  {
    path: '/governance',
    label: 'governance.menu',
    icon: <AuditOutlined />,
    children: [
      {
        path: '/governance/overview',
        label: 'governance.menu.overview',
        icon: <DashboardOutlined />,
        anyOf: ['governance.report.read'],
      },
      { path: '/governance/group', label: 'governance.menu.group', icon: <TeamOutlined />, anyOf: ['governance.read'] },
      { path: '/governance/meetings', label: 'governance.menu.meetings', icon: <CalendarOutlined />, anyOf: ['governance.read'] },
      { path: '/governance/tasks', label: 'governance.menu.tasks', icon: <CheckSquareOutlined />, anyOf: ['governance.read'] },
      {
        path: '/governance/assessment',
        label: 'governance.menu.assessment',
        icon: <TrophyOutlined />,
        anyOf: ['governance.read'],
      },
      {
        path: '/governance/budget',
        label: 'governance.menu.budget',
        icon: <MoneyCollectOutlined />,
        anyOf: ['governance.budget.read'],
      },
      {
        path: '/governance/report',
        label: 'governance.menu.report',
        icon: <FileTextOutlined />,
        anyOf: ['governance.report.read'],
      },
    ],
  },
];
