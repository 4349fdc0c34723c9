import type { RouteObject } from 'react-router';
import {
  ApiOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FormOutlined,
  ProfileOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { lazyPage } from '../../app/lazy-page';
import type { MenuEntry } from '../../app/menu';

/** The services module's pages (lazy-loaded with `lazyPage`) and its menu group. */
export const servicesRoutes: RouteObject[] = [
  lazyPage('/services/catalogue', () => import('./catalogue.page'), ['services.catalogue.read']),
  lazyPage('/services/requests', () => import('./requests.page'), [
    'services.request.read',
    'services.request.own',
    'services.request.assigned',
  ]),
  lazyPage('/services/requests/new', () => import('./request-new.page'), ['services.request.own']),
  lazyPage('/services/requests/:id', () => import('./request-detail.page'), [
    'services.request.read',
    'services.request.own',
    'services.request.assigned',
  ]),
  lazyPage('/services/board', () => import('./board.page'), ['services.board.read']),
  lazyPage('/services/api-clients', () => import('./api-clients.page'), ['services.apikey.manage']),
];

export const servicesMenu: MenuEntry[] = [
  {
    path: '/services',
    label: 'services.menu',
    icon: <CustomerServiceOutlined />,
    children: [
      {
        path: '/services/catalogue',
        label: 'services.menu.catalogue',
        icon: <ProfileOutlined />,
        anyOf: ['services.catalogue.read'],
      },
      {
        path: '/services/requests',
        label: 'services.menu.requests',
        icon: <UnorderedListOutlined />,
        anyOf: ['services.request.read', 'services.request.own', 'services.request.assigned'],
      },
      {
        path: '/services/requests/new',
        label: 'services.menu.newRequest',
        icon: <FormOutlined />,
        anyOf: ['services.request.own'],
      },
      { path: '/services/board', label: 'services.menu.board', icon: <DashboardOutlined />, anyOf: ['services.board.read'] },
      {
        path: '/services/api-clients',
        label: 'services.menu.apiClients',
        icon: <ApiOutlined />,
        anyOf: ['services.apikey.manage'],
      },
    ],
  },
];
