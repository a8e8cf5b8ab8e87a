"""How common a prefilter key is in French and English: what a phrase is looked for by."""

from __future__ import annotations

from gdpr.quality import detectors, frequency
from gdpr.quality.frequency import Frequencies


def test_a_whole_word_key_counts_the_word_and_a_stem_key_every_word_it_starts():
    counts = Frequencies({"attente": 3.0, "attention": 2.0, "attentat": 1.0, "deficit": 0.5})
    assert counts.key(" attention ") == 2.0
    assert counts.key(" attent") == 6.0  # attente, attention, attentat
    assert counts.key(" deficit ") == 0.5
    assert counts.key(" zzz") == counts.key(" absent ") == 0.0  # not in the lists: rare


def test_both_languages_count_and_words_are_normalised_as_notes_are():
    counts = frequency.load(detectors._gate_text)
    assert counts.key(" attention ") > counts.key(" deficit ") > 0  # "déficit", folded
    assert counts.key(" the ") > counts.key(" church ") > 0  # English words count too
    assert counts.key(" hui ") > 0  # "aujourd'hui" counts for each word it folds into


def test_a_phrase_is_looked_for_by_its_rarer_word_or_by_a_word_already_looked_for():
    def anchors(*texts: str) -> set[str]:
        """The words the prefilter looks for the phrase spelt ``texts`` by."""
        return {
            rule.words[rule.anchor].text
            for groups in detectors._RULES.values()
            for group in groups.values()
            for rules in (group.generic, *group.by_neighbour.values())
            for rule in rules
            if tuple(word.text for word in rule.words) == texts
        }

    # "déficit" is rarer than "attention" ("en attente") in French and English at large
    assert anchors("deficit", "d", "attention") == {"deficit"}
    # "maladie" is looked for anyway (a one-word phrase): "professionnelle" would add a trigger
    assert anchors("maladie", "professionnelle") == {"maladie"}
