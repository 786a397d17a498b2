import { Module } from '@nestjs/common';
import { JobsService } from './jobs.service';

/** The background job queue (pg-boss), shared by the feature modules that queue or run jobs. */
@Module({ providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
