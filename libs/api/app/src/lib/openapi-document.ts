import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { completeOpenApiDocument } from '@retention/api-core';
import { AppModule } from './app.module';

/** Controllers served outside the /api prefix (the Prometheus scrape path is /metrics by convention). */
export const UNPREFIXED_CONTROLLERS = ['metrics'];

/** The API's global prefix, the same for the running server and the document built without one. */
export function setApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix('api', { exclude: UNPREFIXED_CONTROLLERS });
}

/** The OpenAPI document of an application (its controllers and DTOs, completed with what holds for every operation). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return completeOpenApiDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Subscriber retention console API')
        .setDescription('Disconnect requests, the churn-reason classifier, plans and reports for telecom and cable operators.')
        .setVersion('1.0')
        .setLicense('Proprietary', '/')
        .addServer('/', 'This server')
        .addBearerAuth()
        .build(),
    ),
  );
}

/**
 * The document the server publishes at /api/docs-json, built without a database or a listening server:
 * Nest's preview mode reads the modules, controllers and their metadata and creates no provider (no
 * connection is opened). `npm run api-client` generates the typed client from it.
 */
export async function openApiDocumentWithoutServer(): Promise<OpenAPIObject> {
  const module = AppModule.register({ ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: 'postgres://unused@127.0.0.1/unused' });
  const app = await NestFactory.create(module, { preview: true, logger: false, abortOnError: false });
  setApiPrefix(app);
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
