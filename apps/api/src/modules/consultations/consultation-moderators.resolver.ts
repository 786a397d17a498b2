import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type Actor,
  consultationScope,
  type ConsultationScope as ConsultationScopeValue,
  type Language,
} from '@passerelle/domain';
import { CurrentUser, Public } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { Organisation } from '../organisations/models/organisation.model';
import { OrganisationsLoaders } from '../organisations/organisations.loaders';
import { type OrganisationRecord } from '../organisations/organisations.repository';
import { Participant } from '../users/models/participant.model';
import { type UserRecord } from '../users/users.repository';
import { ConsultationModeratorsService } from './consultation-moderators.service';
import { type ConsultationRecord } from './consultations.repository';
import { ConsultationModeratorInput } from './dto/consultation-moderator.input';
import { Consultation, ConsultationScope } from './models/consultation.model';

/** Local spaces: a consultation's scope, its carrying organisation and its own moderators. */
@Resolver(() => Consultation)
export class ConsultationModeratorsResolver {
  constructor(
    private readonly service: ConsultationModeratorsService,
    private readonly organisationLoaders: OrganisationsLoaders,
  ) {}

  @Public()
  @Query(() => [Consultation], {
    description:
      'The consultations the viewer moderates as a local moderator, newest first; empty when anonymous, without any or suspended (platform moderators moderate every consultation through their role).',
  })
  myModeratedConsultations(@CurrentUser() actor: Actor): Promise<ConsultationRecord[]> {
    return this.service.moderatedBy(actor);
  }

  @Mutation(() => Consultation, {
    description:
      'Administrators only: names a local moderator of a consultation (idempotent). NOT_FOUND (CONSULTATION_NOT_FOUND, USER_NOT_FOUND) for an unknown consultation or account.',
  })
  addConsultationModerator(
    @Args('input', { type: () => ConsultationModeratorInput }) input: ConsultationModeratorInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ConsultationRecord> {
    return this.service.add(actor, input, lang);
  }

  @Mutation(() => Consultation, {
    description:
      'Administrators only: withdraws a local moderator of a consultation (idempotent). NOT_FOUND (CONSULTATION_NOT_FOUND, USER_NOT_FOUND) for an unknown consultation or account.',
  })
  removeConsultationModerator(
    @Args('input', { type: () => ConsultationModeratorInput }) input: ConsultationModeratorInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ConsultationRecord> {
    return this.service.remove(actor, input, lang);
  }

  @ResolveField(() => ConsultationScope)
  scope(@Parent() consultation: ConsultationRecord): ConsultationScopeValue {
    return consultationScope(consultation);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(
    @Parent() consultation: ConsultationRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<OrganisationRecord | null> | null {
    return consultation.organisationId
      ? this.organisationLoaders.byId(loaders).load(consultation.organisationId)
      : null;
  }

  @ResolveField(() => [Participant])
  moderators(
    @Parent() consultation: ConsultationRecord,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord[]> {
    return this.service.moderatorsVisibleTo(actor, consultation.id, loaders);
  }
}
