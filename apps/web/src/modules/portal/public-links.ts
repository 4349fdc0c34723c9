import { awardsPublicLinks } from '../awards/public-routes';
import { governancePublicLinks } from '../governance/public-routes';
import { servicesPublicLinks } from '../services/public-routes';
import { supervisionPublicLinks } from '../supervision/public-routes';
import type { PublicLink } from './public-link';

export const PUBLIC_LINKS: readonly PublicLink[] = [
  ...servicesPublicLinks,
  ...supervisionPublicLinks,
  ...awardsPublicLinks,
  ...governancePublicLinks,
];
