/** A stacked bar of for / neutral / against: decoration only, the figures are given as text next to it. */
export function VoteBar({
  votesFor,
  votesAgainst,
  votesNeutral,
}: {
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
}) {
  const total = votesFor + votesAgainst + votesNeutral;
  const width = (n: number) => `${total === 0 ? 0 : (n / total) * 100}%`;
  return (
    <div className="vote-bar" aria-hidden>
      <span className="vote-bar-for" style={{ width: width(votesFor) }} />
      <span className="vote-bar-neutral" style={{ width: width(votesNeutral) }} />
      <span className="vote-bar-against" style={{ width: width(votesAgainst) }} />
    </div>
  );
}
