import { type AppConfig } from '../../config/config.schema';
import { type ApiRequest } from '../../common/graphql/graphql-context';

/**
 * The base of the absolute links written into e-mails: PUBLIC_URL, else the request's own
 * origin (as brief exports do). Set PUBLIC_URL in production: a Host header is the client's word.
 */
export function linkBaseOf(config: AppConfig, req: ApiRequest): string {
  return config.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
