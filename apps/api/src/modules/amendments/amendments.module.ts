import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module';
import { UsersModule } from '../users/users.module';
import {
  AmendmentFieldsResolver,
  ProposalAmendmentsResolver,
  RevisionAmendmentResolver,
} from './amendment-fields.resolver';
import { AmendmentsLoaders } from './amendments.loaders';
import { AmendmentsRepository } from './amendments.repository';
import { AmendmentsResolver } from './amendments.resolver';
import { AmendmentsService } from './amendments.service';
import { DecideAmendment } from './use-cases/decide-amendment';

/**
 * Amendments (issue 11): participants propose changed texts of a published proposal and vote on
 * them; its author, or a moderator with a reason, accepts one as a new revision or rejects it.
 */
@Module({
  imports: [ConsultationsModule, UsersModule],
  providers: [
    AmendmentsResolver,
    AmendmentFieldsResolver,
    ProposalAmendmentsResolver,
    RevisionAmendmentResolver,
    AmendmentsService,
    DecideAmendment,
    AmendmentsRepository,
    AmendmentsLoaders,
  ],
})
export class AmendmentsModule {}
