import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG } from './app-config';
import { type AppConfig } from './config.schema';

/** Makes the configuration parsed at boot available everywhere, without reading process.env again. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: Object.freeze({ ...config }) }],
      exports: [APP_CONFIG],
    };
  }
}
