import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { AuthCommonModule } from './common/auth/auth-common.module';
import './common/graphql/enums';
import { GraphQLExceptionFilter } from './common/graphql/graphql-exception.filter';
import { graphqlOptions } from './common/graphql/graphql-options';
import { PublicReadCache } from './common/graphql/public-read-cache';
import { PublicReadCacheModule } from './common/graphql/public-read-cache.module';
import { loggerOptions } from './common/http/logger.options';
import { MailModule } from './common/mail/mail.module';
import { PrismaModule } from './common/prisma/prisma.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { RealtimeModule } from './common/realtime/realtime.module';
import { ConfigModule } from './config/config.module';
import { type AppConfig } from './config/config.schema';
import { AmendmentsModule } from './modules/amendments/amendments.module';
import { AuthEventsAdminModule } from './modules/audit/auth-events-admin.module';
import { AuthModule } from './modules/auth/auth.module';
import { BriefExportModule } from './modules/briefs/export/brief-export.module';
import { BriefPublicationModule } from './modules/briefs/publication/brief-publication.module';
import { BriefsModule } from './modules/briefs/briefs.module';
import { ClustersModule } from './modules/clusters/clusters.module';
import { CommentsModule } from './modules/comments/comments.module';
import { ConsultationsModule } from './modules/consultations/consultations.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { ExperimentsModule } from './modules/experiments/experiments.module';
import { HealthModule } from './modules/health/health.module';
import { ModerationModule } from './modules/moderation/moderation.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OpenDataModule } from './modules/open-data/open-data.module';
import { OpinionsModule } from './modules/opinions/opinions.module';
import { OrganisationsApiModule } from './modules/organisations/organisations-api.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { ProposalsModule } from './modules/proposals/proposals.module';
import { TerritoriesModule } from './modules/territories/territories.module';
import { ThemesModule } from './modules/themes/themes.module';
import { UsersModule } from './modules/users/users.module';
import { VotesModule } from './modules/votes/votes.module';

/** The API, built from a configuration parsed once at boot (see config/config.schema.ts). */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        PublicReadCacheModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [PublicReadCache],
          useFactory: (cache: PublicReadCache) => graphqlOptions(config, cache),
        }),
        PrismaModule,
        MailModule,
        RateLimitModule,
        RealtimeModule,
        NotificationsModule,
        AuthCommonModule,
        HealthModule,
        ThemesModule,
        TerritoriesModule,
        UsersModule,
        OrganisationsModule,
        OrganisationsApiModule,
        AuthModule,
        ConsultationsModule,
        ProposalsModule,
        AmendmentsModule,
        VotesModule,
        CommentsModule,
        ModerationModule,
        ClustersModule,
        BriefsModule,
        BriefPublicationModule,
        BriefExportModule,
        OpenDataModule,
        OpinionsModule,
        DashboardModule,
        PrivacyModule,
        AuthEventsAdminModule,
        ExperimentsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: GraphQLExceptionFilter }],
    };
  }
}
