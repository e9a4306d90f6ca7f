"""A dump's languages, counted before its articles are analysed: the prior for short ones.

Every record with enough stopwords votes for the language whose ranked stopword list
explains its words best (tui/text/language_short.py), by a clear margin; records with
too few say nothing. The prior is each candidate's share of the votes, add-one smoothed.
Votes are counted, so the prior depends on which records were read, never on their
order; one record changes it by at most one vote.
"""

from __future__ import annotations

from collections import Counter

from tui.text.language_short import CANDIDATES, word_scores

# A record's first this many characters vote (enough for a few dozen stopwords).
VOTE_CHARS = 2000
# A record votes only with at least this many stopwords...
MIN_WORDS = 8
# ...and when the winner leads the runner-up by this much log-likelihood (nats).
MARGIN = 10.0
# Fewer votes than this give no prior: too few records to speak for the dump.
MIN_VOTES = 20


class LanguagePrior:
    """Counts the votes of a dump's records; `weights()` is the prior they give."""

    def __init__(self) -> None:
        self.votes: Counter[str] = Counter()

    def add(self, text: str) -> None:
        """Let one record's text vote (or abstain)."""
        scores, known = word_scores(text[:VOTE_CHARS])
        if known < MIN_WORDS:
            return
        ranked = sorted(zip(scores, CANDIDATES, strict=True), reverse=True)
        if ranked[0][0] - ranked[1][0] >= MARGIN:
            self.votes[ranked[0][1]] += 1

    def weights(self) -> dict[str, float] | None:
        """P(language) over the candidates, add-one smoothed; None below MIN_VOTES votes."""
        total = sum(self.votes.values())
        if total < MIN_VOTES:
            return None
        return {lang: (self.votes[lang] + 1) / (total + len(CANDIDATES)) for lang in CANDIDATES}
