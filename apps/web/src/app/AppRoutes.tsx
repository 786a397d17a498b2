import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { HomePage } from '../modules/home/components/HomePage';
import { NotFoundPage } from '../shared/ui/NotFoundPage';
import { Layout } from './layout/Layout';

// Forms carry the domain's validation schemas: loaded when first visited, not on the home page.
const PrivacyPage = lazy(() =>
  import('../modules/privacy/components/PrivacyPage').then((m) => ({ default: m.PrivacyPage })),
);
const SignUpPage = lazy(() =>
  import('../modules/auth/components/SignUpPage').then((m) => ({ default: m.SignUpPage })),
);
const SignInPage = lazy(() =>
  import('../modules/auth/components/SignInPage').then((m) => ({ default: m.SignInPage })),
);
const VerifyEmailPage = lazy(() =>
  import('../modules/auth/components/VerifyEmailPage').then((m) => ({
    default: m.VerifyEmailPage,
  })),
);
const ForgotPasswordPage = lazy(() =>
  import('../modules/auth/components/ForgotPasswordPage').then((m) => ({
    default: m.ForgotPasswordPage,
  })),
);
const ResetPasswordPage = lazy(() =>
  import('../modules/auth/components/ResetPasswordPage').then((m) => ({
    default: m.ResetPasswordPage,
  })),
);
const SubmitProposalPage = lazy(() =>
  import('../modules/proposals/components/SubmitProposalPage').then((m) => ({
    default: m.SubmitProposalPage,
  })),
);

const ProposalsPage = lazy(() =>
  import('../modules/proposals/components/ProposalsPage').then((m) => ({
    default: m.ProposalsPage,
  })),
);

// The proposal page carries voting, comments, opinions and moderation: not needed on the home page.
const ProposalPage = lazy(() =>
  import('../modules/proposals/components/ProposalPage').then((m) => ({
    default: m.ProposalPage,
  })),
);

const EditProposalPage = lazy(() =>
  import('../modules/proposals/components/EditProposalPage').then((m) => ({
    default: m.EditProposalPage,
  })),
);

const TerritoryPage = lazy(() =>
  import('../modules/territories/components/TerritoryPage').then((m) => ({
    default: m.TerritoryPage,
  })),
);
const OrganisationPage = lazy(() =>
  import('../modules/organisations/components/OrganisationPage').then((m) => ({
    default: m.OrganisationPage,
  })),
);
const CreateOrganisationPage = lazy(() =>
  import('../modules/organisations/components/CreateOrganisationPage').then((m) => ({
    default: m.CreateOrganisationPage,
  })),
);
const ProfilePage = lazy(() =>
  import('../modules/profile/components/ProfilePage').then((m) => ({ default: m.ProfilePage })),
);
const ModerationPage = lazy(() =>
  import('../modules/moderation/components/ModerationPage').then((m) => ({
    default: m.ModerationPage,
  })),
);

const NotificationsPage = lazy(() =>
  import('../modules/notifications/components/NotificationsPage').then((m) => ({
    default: m.NotificationsPage,
  })),
);
const ClusterPage = lazy(() =>
  import('../modules/clusters/components/ClusterPage').then((m) => ({ default: m.ClusterPage })),
);

const BriefsPage = lazy(() =>
  import('../modules/briefs/components/BriefsPage').then((m) => ({ default: m.BriefsPage })),
);
const BriefPage = lazy(() =>
  import('../modules/briefs/components/BriefPage').then((m) => ({ default: m.BriefPage })),
);

const BriefDiffPage = lazy(() =>
  import('../modules/briefs/components/BriefDiffPage').then((m) => ({
    default: m.BriefDiffPage,
  })),
);

const CurationRoutes = lazy(() =>
  import('../modules/curation/components/CurationRoutes').then((m) => ({
    default: m.CurationRoutes,
  })),
);

const PublicDashboardPage = lazy(() =>
  import('../modules/dashboard/components/PublicDashboardPage').then((m) => ({
    default: m.PublicDashboardPage,
  })),
);

const AdminRoutes = lazy(() =>
  import('../modules/admin/components/AdminRoutes').then((m) => ({ default: m.AdminRoutes })),
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
