import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthRepository } from './health.repository';

export interface Readiness {
  ready: boolean;
  database: 'up' | 'down' | 'skipped';
  shuttingDown: boolean;
}

/**
 * Liveness and readiness. Readiness turns false as soon as shutdown starts (Nest calls
 * onModuleDestroy first), so a load balancer stops sending traffic while in-flight requests finish.
 */
@Injectable()
export class HealthService implements OnModuleDestroy {
  private shuttingDown = false;

  constructor(private readonly repository: HealthRepository) {}

  onModuleDestroy(): void {
    this.markShuttingDown();
  }

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async readiness(): Promise<Readiness> {
    if (this.shuttingDown) return { ready: false, database: 'skipped', shuttingDown: true };
    const isDatabaseUp = await this.repository.ping(2000);
    return { ready: isDatabaseUp, database: isDatabaseUp ? 'up' : 'down', shuttingDown: false };
  }
}
