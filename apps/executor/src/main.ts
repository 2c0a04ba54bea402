import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ExecutorModule } from './executor.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(ExecutorModule, new FastifyAdapter());
  const port = Number(process.env.DROVE_EXECUTOR_PORT ?? 3000);
  await app.listen(port, '0.0.0.0');
}

void bootstrap();
