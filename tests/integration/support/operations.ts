// GraphQL documents shared by the integration tests.
export const USER_FIELDS = `id email displayName role actorType territory { id name } organisations { id name }`;

export const SIGN_UP = `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { accessToken accessTokenExpiresAt user { ${USER_FIELDS} } }
}`;

export const SIGN_IN = `mutation SignIn($input: SignInInput!) {
  signIn(input: $input) { accessToken accessTokenExpiresAt user { id email role } }
}`;

export const REFRESH = `mutation Refresh { refreshSession { accessToken accessTokenExpiresAt user { id email } } }`;

export const SIGN_OUT = `mutation SignOut { signOut }`;

export const ME = `query Me { me { ${USER_FIELDS} } }`;

export const PROPOSAL_FIELDS = `id title summary body status version competentLevel lever experiment measuredImpact
  votesFor votesAgainst votesNeutral commentsCount publishedAt createdAt updatedAt
  themes { id slug name } territory { id name parent { id } }
  author { id displayName actorType territory { id } } organisation { id name territory { id } }
  consultation { id slug openPhases }`;

export const SUBMIT_PROPOSAL = `mutation Submit($input: SubmitProposalInput!) {
  submitProposal(input: $input) { ${PROPOSAL_FIELDS} }
}`;

export const PROPOSALS = `query Proposals($first: Int, $after: String, $filter: ProposalFilter, $orderBy: ProposalOrderBy, $search: String) {
  proposals(first: $first, after: $after, filter: $filter, orderBy: $orderBy, search: $search) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title status createdAt } }
  }
}`;

export const CHANGE_USER_ROLE = `mutation ChangeUserRole($input: ChangeUserRoleInput!) {
  changeUserRole(input: $input) { id email role }
}`;
