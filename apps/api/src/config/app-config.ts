import { Inject } from '@nestjs/common';

/** Injection token of the parsed AppConfig (see config.schema.ts). */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Injects the parsed configuration: `constructor(@InjectConfig() config: AppConfig)`. */
export const InjectConfig = () => Inject(APP_CONFIG);
