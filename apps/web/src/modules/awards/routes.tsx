import type { RouteObject } from 'react-router';
import { AuditOutlined, FormOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazy-page';
import type { MenuEntry } from '../../app/menu';

/** The awards module's pages (lazy-loaded with `lazyPage`) and its menu group. */
export const awardsRoutes: RouteObject[] = [
  lazyPage('/awards/programmes', () => import('./programmes.page'), ['awards.programme.manage', 'awards.application.read']),
  lazyPage('/awards/cycles/:id', () => import('./cycle.page'), ['awards.programme.manage', 'awards.application.read']),
  lazyPage('/awards/my', () => import('./my-applications.page'), ['awards.application.own.write']),
  lazyPage('/awards/applications/:id/edit', () => import('./application-form.page'), ['awards.application.own.write']),
  lazyPage('/awards/applications/:id', () => import('./application.page'), [
    'awards.application.own.write',
    'awards.application.read',
  ]),
  lazyPage('/awards/ladder/:id', () => import('./ladder.page'), ['awards.application.own.write', 'awards.application.read']),
  lazyPage('/awards/reviews', () => import('./my-reviews.page'), ['awards.review.score']),
  lazyPage('/awards/reviews/:id', () => import('./review.page'), ['awards.review.score']),
  lazyPage('/awards/reviews/:id/consensus', () => import('./consensus.page'), ['awards.review.lead']),
];

export const awardsMenu: MenuEntry[] = [
  {
    path: '/awards',
    label: 'awards.menu',
    icon: <TrophyOutlined />,
    children: [
      {
        path: '/awards/programmes',
        label: 'awards.menu.programmes',
        icon: <AuditOutlined />,
        anyOf: ['awards.programme.manage', 'awards.application.read'],
      },
      {
        path: '/awards/my',
        label: 'awards.menu.myApplications',
        icon: <FormOutlined />,
        anyOf: ['awards.application.own.write'],
      },
      { path: '/awards/reviews', label: 'awards.menu.myReviews', icon: <FormOutlined />, anyOf: ['awards.review.score'] },
    ],
  },
];
