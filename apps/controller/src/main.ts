import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ControllerModule } from './controller.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(ControllerModule, new FastifyAdapter());
  const port = Number(process.env.DROVE_CONTROLLER_PORT ?? 4000);
  await app.listen(port, '0.0.0.0');
}

void bootstrap();
