import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { HomePage } from '../modules/home/components/HomePage';
import { ProposalPage } from '../modules/proposals/components/ProposalPage';
import { NotFoundPage } from '../shared/ui/NotFoundPage';
import { Layout } from './layout/Layout';

// Forms carry the domain's validation schemas: loaded when first visited, not on the home page.
const SignUpPage = lazy(() =>
  import('../modules/auth/components/SignUpPage').then((m) => ({ default: m.SignUpPage })),
);
const SignInPage = lazy(() =>
  import('../modules/auth/components/SignInPage').then((m) => ({ default: m.SignInPage })),
);
const SubmitProposalPage = lazy(() =>
  import('../modules/proposals/components/SubmitProposalPage').then((m) => ({
    default: m.SubmitProposalPage,
  })),
);

/** Routes; the paths are listed in paths.ts. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="inscription" element={<SignUpPage />} />
        <Route path="connexion" element={<SignInPage />} />
        <Route path="proposer" element={<SubmitProposalPage />} />
        <Route path="propositions/:id" element={<ProposalPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
