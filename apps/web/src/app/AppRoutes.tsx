import { Route, Routes } from 'react-router';
import { HomePage } from '../modules/home/components/HomePage';
import { NotFoundPage } from '../shared/ui/NotFoundPage';
import { lazyWithMessages } from './i18n/lazyWithMessages';
import { Layout } from './layout/Layout';

// Forms carry the domain's validation schemas: loaded when first visited, not on the home page.
const PrivacyPage = lazyWithMessages(() =>
  import('../modules/privacy/components/PrivacyPage').then((m) => m.PrivacyPage),
);
const SignUpPage = lazyWithMessages(() =>
  import('../modules/auth/components/SignUpPage').then((m) => m.SignUpPage),
);
const SignInPage = lazyWithMessages(() =>
  import('../modules/auth/components/SignInPage').then((m) => m.SignInPage),
);
const VerifyEmailPage = lazyWithMessages(() =>
  import('../modules/auth/components/VerifyEmailPage').then((m) => m.VerifyEmailPage),
);
const ForgotPasswordPage = lazyWithMessages(() =>
  import('../modules/auth/components/ForgotPasswordPage').then((m) => m.ForgotPasswordPage),
);
const ResetPasswordPage = lazyWithMessages(() =>
  import('../modules/auth/components/ResetPasswordPage').then((m) => m.ResetPasswordPage),
);
const SubmitProposalPage = lazyWithMessages(() =>
  import('../modules/proposals/components/SubmitProposalPage').then((m) => m.SubmitProposalPage),
);

const ProposalsPage = lazyWithMessages(() =>
  import('../modules/proposals/components/ProposalsPage').then((m) => m.ProposalsPage),
);

// The proposal page carries voting, comments, opinions and moderation: not needed on the home page.
const ProposalPage = lazyWithMessages(() =>
  import('../modules/proposals/components/ProposalPage').then((m) => m.ProposalPage),
);

const EditProposalPage = lazyWithMessages(() =>
  import('../modules/proposals/components/EditProposalPage').then((m) => m.EditProposalPage),
);

const TerritoryPage = lazyWithMessages(() =>
  import('../modules/territories/components/TerritoryPage').then((m) => m.TerritoryPage),
);
const OrganisationPage = lazyWithMessages(() =>
  import('../modules/organisations/components/OrganisationPage').then((m) => m.OrganisationPage),
);
const CreateOrganisationPage = lazyWithMessages(() =>
  import('../modules/organisations/components/CreateOrganisationPage').then(
    (m) => m.CreateOrganisationPage,
  ),
);
const ExperimentsPage = lazyWithMessages(() =>
  import('../modules/experiments/components/ExperimentsPage').then((m) => m.ExperimentsPage),
);
const ExperimentPage = lazyWithMessages(() =>
  import('../modules/experiments/components/ExperimentPage').then((m) => m.ExperimentPage),
);
const RecordExperimentPage = lazyWithMessages(() =>
  import('../modules/experiments/components/RecordExperimentPage').then(
    (m) => m.RecordExperimentPage,
  ),
);
const EditExperimentPage = lazyWithMessages(() =>
  import('../modules/experiments/components/EditExperimentPage').then((m) => m.EditExperimentPage),
);
const ProfilePage = lazyWithMessages(() =>
  import('../modules/profile/components/ProfilePage').then((m) => m.ProfilePage),
);
const ModerationPage = lazyWithMessages(() =>
  import('../modules/moderation/components/ModerationPage').then((m) => m.ModerationPage),
);

const NotificationsPage = lazyWithMessages(() =>
  import('../modules/notifications/components/NotificationsPage').then((m) => m.NotificationsPage),
);
const ClusterPage = lazyWithMessages(() =>
  import('../modules/clusters/components/ClusterPage').then((m) => m.ClusterPage),
);

const BriefsPage = lazyWithMessages(() =>
  import('../modules/briefs/components/BriefsPage').then((m) => m.BriefsPage),
);
const BriefPage = lazyWithMessages(() =>
  import('../modules/briefs/components/BriefPage').then((m) => m.BriefPage),
);

const BriefDiffPage = lazyWithMessages(() =>
  import('../modules/briefs/components/BriefDiffPage').then((m) => m.BriefDiffPage),
);

const CurationRoutes = lazyWithMessages(() =>
  import('../modules/curation/components/CurationRoutes').then((m) => m.CurationRoutes),
);

const PublicDashboardPage = lazyWithMessages(() =>
  import('../modules/dashboard/components/PublicDashboardPage').then((m) => m.PublicDashboardPage),
);

const AdminRoutes = lazyWithMessages(() =>
  import('../modules/admin/components/AdminRoutes').then((m) => m.AdminRoutes),
);

/** Routes; the paths are listed in paths.ts. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="inscription" element={<SignUpPage />} />
        <Route path="confidentialite" element={<PrivacyPage />} />
        <Route path="connexion" element={<SignInPage />} />
        <Route path="verifier-email" element={<VerifyEmailPage />} />
        <Route path="mot-de-passe-oublie" element={<ForgotPasswordPage />} />
        <Route path="reinitialiser-mot-de-passe" element={<ResetPasswordPage />} />
        <Route path="proposer" element={<SubmitProposalPage />} />
        <Route path="propositions" element={<ProposalsPage />} />
        <Route path="propositions/:id" element={<ProposalPage />} />
        <Route path="propositions/:id/modifier" element={<EditProposalPage />} />
        <Route path="territoires/:id" element={<TerritoryPage />} />
        <Route path="organisations/nouvelle" element={<CreateOrganisationPage />} />
        <Route path="organisations/:id" element={<OrganisationPage />} />
        <Route path="experiences" element={<ExperimentsPage />} />
        <Route path="experiences/nouvelle" element={<RecordExperimentPage />} />
        <Route path="experiences/:id" element={<ExperimentPage />} />
        <Route path="experiences/:id/modifier" element={<EditExperimentPage />} />
        <Route path="profil" element={<ProfilePage />} />
        <Route path="moderation" element={<ModerationPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="regroupements/:id" element={<ClusterPage />} />
        <Route path="contributions" element={<BriefsPage />} />
        <Route path="contributions/:slug" element={<BriefPage />} />
        <Route path="contributions/:slug/versions/:number" element={<BriefPage />} />
        <Route path="contributions/:slug/comparer" element={<BriefDiffPage />} />
        <Route path="tableau-de-bord" element={<PublicDashboardPage />} />
        <Route path="admin/*" element={<AdminRoutes />} />
        <Route path="curation/*" element={<CurationRoutes />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
