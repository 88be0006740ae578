import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiErrorFilter, createValidationPipe, useRequestParsing } from '@retention/api-core';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';

/** Everything main and the API tests share: prefix, body parsing, validation, errors, headers, docs. */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api', { exclude: [] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiErrorFilter());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          // Served over plain HTTP on an operator's LAN as often as behind TLS: upgrading would break it.
          upgradeInsecureRequests: null,
        },
      },
      // HSTS belongs to the TLS terminator in front of the console, not to a plain-HTTP server.
      strictTransportSecurity: false,
    }),
  );
  useRequestParsing(app);
  const http = app.getHttpAdapter().getInstance();
  http.disable('x-powered-by');
  http.set('trust proxy', 'loopback');

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Subscriber retention console API')
      .setDescription('Disconnect requests, the churn-reason classifier, plans and reports for telecom and cable operators.')
      .setVersion('1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
