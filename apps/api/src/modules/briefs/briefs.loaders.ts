import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import {
  type Comment as CommentRow,
  type Proposal as ProposalRow,
} from '../../generated/prisma/client';
import {
  type BriefCitationRecord,
  type BriefRefRecord,
  BriefsRepository,
  type BriefSectionRecord,
} from './briefs.repository';

/** Per-request batched access to the parts of briefs and what their citations name. */
@Injectable()
export class BriefsLoaders {
  constructor(private readonly repository: BriefsRepository) {}

  consultationIdsByBriefId(loaders: LoaderRegistry): DataLoader<string, string[]> {
    return loaders.get('briefs.consultationIds', (ids: readonly string[]) =>
      this.repository.findConsultationIdsByBriefIds(ids),
    );
  }

  sectionsByBriefId(loaders: LoaderRegistry): DataLoader<string, BriefSectionRecord[]> {
    return loaders.get('briefs.sections', (ids: readonly string[]) =>
      this.repository.findSectionsByBriefIds(ids),
    );
  }

  citationsBySectionId(loaders: LoaderRegistry): DataLoader<string, BriefCitationRecord[]> {
    return loaders.get('briefs.citations', (ids: readonly string[]) =>
      this.repository.findCitationsBySectionIds(ids),
    );
  }

  citingBriefsByProposalId(loaders: LoaderRegistry): DataLoader<string, BriefRefRecord[]> {
    return loaders.get('briefs.citingBriefs', (ids: readonly string[]) =>
      this.repository.findCitingBriefsByProposalIds(ids),
    );
  }

  proposalById(loaders: LoaderRegistry): DataLoader<string, ProposalRow | null> {
    return loaders.get('briefs.proposals', (ids: readonly string[]) =>
      this.repository.findProposalsByIds(ids),
    );
  }

  commentById(loaders: LoaderRegistry): DataLoader<string, CommentRow | null> {
    return loaders.get('briefs.comments', (ids: readonly string[]) =>
      this.repository.findCommentsByIds(ids),
    );
  }
}
