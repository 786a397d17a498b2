import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import { type Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { HealthService, type Readiness } from './health.service';

/** Probes for orchestrators and load balancers (plain HTTP, no GraphQL). */
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 while the process is up and serving. */
  @Get('live')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 when the database answers and the app is not shutting down; 503 otherwise. */
  @Get('ready')
  @Header('Cache-Control', 'no-store')
  async ready(
    @Res({ passthrough: true }) res: Response,
  ): Promise<Readiness & { status: 'ok' | 'unavailable' }> {
    const readiness = await this.health.readiness();
    res.status(readiness.ready ? 200 : 503);
    return { status: readiness.ready ? 'ok' : 'unavailable', ...readiness };
  }
}
