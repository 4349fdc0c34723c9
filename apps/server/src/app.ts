import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { systemClock, type Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/database.js';
import { createSessionCache, installAuthentication } from './platform/http/authenticate.js';
import { installCompression } from './platform/http/compression.js';
import { installErrorHandler } from './platform/http/error-handler.js';
import { healthRoute } from './platform/http/health-route.js';
import { compiledSerializerCompiler } from './platform/http/response-serializer.js';
import { installTextCheck } from './platform/http/well-formed-text.js';
import { installUploadStaging } from './platform/http/uploads.js';
import { serveWebApp } from './platform/http/web-app.js';
import {
  auditRoutes,
  authRoutes,
  createAuditService,
  createAuthService,
  createUsersService,
  usersRoutes,
} from './modules/identity/index.js';
import {
  createContactsService,
  createEnterpriseTransferService,
  createExpertsService,
  createOrganizationsService,
  createRegionsService,
  registryRoutes,
} from './modules/registry/index.js';
import { MAX_UPLOAD_BYTES } from './modules/registry/registry.routes.js';
import { FEATURE_MODULES } from './modules/feature-modules.js';

export const VERSION = '0.1.0';

export interface AppOptions {
  database: Database;
  config: Config;
  logger?: boolean;
  clock?: Clock;
}

/** Builds the HTTP application; it keeps no state of its own (ARCHITECTURE §9). */
export async function buildApp({ database, config, logger = false, clock = systemClock }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(compiledSerializerCompiler);
  installErrorHandler(app);
  installTextCheck(app);
  installCompression(app);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its styles at run time (CSS-in-JS)
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await installUploadStaging(app, database.db);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Quality District API 质量强区数字化平台接口', version: VERSION },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'qd_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The docs page keeps the app's own Content-Security-Policy (helmet's, above): the plugin's
  // static one adds upgrade-insecure-requests, which breaks the page over plain HTTP on any host
  // but localhost. No validator badge: it is an image from another site.
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  healthRoute(app, database, VERSION);

  const deps = { database, config, clock };
  const auth = createAuthService(deps);
  const sessions = createSessionCache(config.sessionCacheMs);
  app.decorate('forgetSessions', () => sessions.clear());
  await app.register(
    async (api) => {
      installAuthentication(
        api,
        config,
        async (token) => {
          const s = await auth.authenticate(token);
          return {
            actor: s.ctxActor,
            tokenHash: s.tokenHash,
            csrfToken: s.csrfToken,
            mustChangePassword: s.user.mustChangePassword,
          };
        },
        sessions,
      );
      authRoutes(api, { auth, config, database });
      usersRoutes(api, createUsersService(deps));
      auditRoutes(api, createAuditService(deps));
      registryRoutes(api, {
        organizations: createOrganizationsService(deps),
        contacts: createContactsService(deps),
        experts: createExpertsService(deps),
        regions: createRegionsService(deps),
        transfer: createEnterpriseTransferService(deps),
      });
      for (const module of FEATURE_MODULES) await module.apiRoutes?.(api, deps);
    },
    { prefix: '/api/v1' },
  );
  for (const module of FEATURE_MODULES) await module.rootRoutes?.(app, deps);

  serveWebApp(app, config.webDist);
  return app;
}
