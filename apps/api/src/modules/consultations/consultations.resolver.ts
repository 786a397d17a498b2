import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type Actor,
  type ConsultationSettings as ConsultationSettingsValue,
  type Language,
  type PhaseKind as PhaseKindValue,
} from '@passerelle/domain';
import { CurrentUser, Public } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { PhaseKind } from '../../common/graphql/enums';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { Territory } from '../territories/models/territory.model';
import { TerritoriesLoaders } from '../territories/territories.loaders';
import { type TerritoryRecord } from '../territories/territories.repository';
import { Theme } from '../themes/models/theme.model';
import { ThemesLoaders } from '../themes/themes.loaders';
import { type ThemeRecord } from '../themes/themes.repository';
import { ConsultationsLoaders } from './consultations.loaders';
import { type ConsultationRecord } from './consultations.repository';
import { ConsultationsService } from './consultations.service';
import { CreateConsultationInput, UpdateConsultationInput } from './dto/consultation-admin.inputs';
import { Consultation } from './models/consultation.model';
import { ConsultationPhase } from './models/consultation-phase.model';
import { ConsultationSettings } from './models/consultation-settings.model';

@Resolver(() => Consultation)
export class ConsultationsResolver {
  constructor(
    private readonly service: ConsultationsService,
    private readonly consultationLoaders: ConsultationsLoaders,
    private readonly territoryLoaders: TerritoriesLoaders,
    private readonly themeLoaders: ThemesLoaders,
  ) {}

  @Public()
  @Query(() => [Consultation], { description: 'Every consultation, newest first.' })
  consultations(): Promise<ConsultationRecord[]> {
    return this.service.list();
  }

  @Public()
  @Query(() => Consultation, {
    description: 'NOT_FOUND (reason CONSULTATION_NOT_FOUND) when no consultation has this slug.',
  })
  consultation(@Args('slug') slug: string, @Lang() lang: Language): Promise<ConsultationRecord> {
    return this.service.getBySlug(slug, lang);
  }

  @Mutation(() => Consultation, {
    description:
      'Administrators only: creates a consultation (CONFLICT / SLUG_TAKEN when the slug is used).',
  })
  createConsultation(
    @Args('input', { type: () => CreateConsultationInput }) input: CreateConsultationInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ConsultationRecord> {
    return this.service.create(actor, input, lang);
  }

  @Mutation(() => Consultation, {
    description:
      'Administrators only: edits a consultation; absent fields keep their value, themeIds and phases replace the lists.',
  })
  updateConsultation(
    @Args('input', { type: () => UpdateConsultationInput }) input: UpdateConsultationInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ConsultationRecord> {
    return this.service.update(actor, input, lang);
  }

  @ResolveField(() => ConsultationSettings)
  settings(@Parent() consultation: ConsultationRecord): ConsultationSettingsValue {
    return this.service.settingsOf(consultation);
  }

  @ResolveField(() => Territory, { nullable: true })
  territory(
    @Parent() consultation: ConsultationRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<TerritoryRecord | null> | null {
    return consultation.territoryId
      ? this.territoryLoaders.byId(loaders).load(consultation.territoryId)
      : null;
  }

  @ResolveField(() => [ConsultationPhase])
  async phases(
    @Parent() consultation: ConsultationRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ConsultationPhase[]> {
    const phases = await this.consultationLoaders
      .phasesByConsultationId(loaders)
      .load(consultation.id);
    return this.service.phasesAt(phases, new Date());
  }

  @ResolveField(() => [PhaseKind])
  async openPhases(
    @Parent() consultation: ConsultationRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<PhaseKindValue[]> {
    const phases = await this.consultationLoaders
      .phasesByConsultationId(loaders)
      .load(consultation.id);
    return this.service.openPhasesAt(phases, new Date());
  }

  @ResolveField(() => [Theme])
  themes(
    @Parent() consultation: ConsultationRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ThemeRecord[]> {
    return this.themeLoaders.byConsultationId(loaders).load(consultation.id);
  }
}
