/** The dashboards' URLs (the curator one lives under the curation workspace's routes). */
export const dashboardPaths = {
  public: '/tableau-de-bord',
  curator: '/curation/tableau-de-bord',
} as const;
