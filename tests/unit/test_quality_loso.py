"""The leave-one-split-out evaluation that chooses the classifier's design and thresholds
(``gdpr.quality.train --loso``), on tiny synthetic splits: it must hold each split out of its
model, its shortcut must give the detector's own labels, and ``choose`` must pick the thresholds
that separate a family's right labels from its wrong ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from gdpr.quality import train
from gdpr.quality.train import FAMILIES, Fold, Outcome

NONE = dict.fromkeys(FAMILIES, 0.0)


def fold(*notes: tuple[Outcome, float]) -> Fold:
    """A held-out split by hand: each note's outcome and the model's probability of health."""
    return Fold(
        split=Path("synthetic.tsv"),
        outcomes=[outcome for outcome, _ in notes],
        document={},
        probabilities=[{**NONE, "health": p} for _, p in notes],
    )


def note(expected: set[str], reviewed: set[str] | None, ruled_out: set[str] = set()) -> Outcome:  # noqa: B006
    fixed = frozenset()
    reviewed = None if reviewed is None else frozenset(reviewed)
    return Outcome(frozenset(expected), fixed, reviewed, frozenset(ruled_out))


def test_choose_keeps_right_rule_labels_drops_wrong_ones_and_adds_only_when_sure() -> None:
    folds = [
        fold(
            (note({"health"}, {"health"}), 0.9),
            (note({"health"}, {"health"}), 0.6),
            (note(set(), {"health"}), 0.04),  # a rule's false alarm the model doubts
        ),
        fold(
            (note({"health"}, set()), 0.96),  # the rules missed it, the model is sure
            (note(set(), set()), 0.92),  # the model is fairly sure, and wrong
            (note(set(), set(), {"health"}), 0.99),  # said of a pet: never added
            (note(set(), None), 0.0),  # not a candidate
        ),
    ]
    start = dict.fromkeys(FAMILIES, (0.01, 0.85))
    before = train.pooled(folds, start)
    assert (before.tp["health"], before.fp["health"], before.fn["health"]) == (3, 2, 0)
    chosen = train.choose(folds, start)
    # the grid's values nearest the start that drop the 0.04 and add 0.96 but not 0.92
    assert chosen["health"] == (0.05, 0.93)
    assert all(chosen[family] == start[family] for family in FAMILIES if family != "health")
    # weighing the rules' errors up to their first-measured rates agrees: the change is kept
    assert train.robust(folds, start) == chosen
    after = train.pooled(folds, chosen)
    assert (after.tp["health"], after.fp["health"], after.fn["health"]) == (3, 0, 0)
    assert after.precision("micro") == after.recall("micro") == 1.0


def test_thresholds_are_read_for_every_family_then_overridden_one_by_one() -> None:
    chosen = train.thresholds(["0.01", "health=0.2"], ["0.9", "criminal=0.95"])
    assert chosen["health"] == (0.2, 0.9)
    assert chosen["criminal"] == (0.01, 0.95)
    assert chosen["religion"] == (0.01, 0.9)
    with pytest.raises(ValueError, match="no keep or add threshold for"):
        train.thresholds(["health=0.2"], ["0.9"])
    with pytest.raises(ValueError, match="unknown family 'healht'"):
        train.thresholds(["0.1", "healht=0.2"], ["0.9"])


POSITIVES = {
    "health": "Client diabétique, livrer au rez-de-chaussée.",
    "religion": "Musulman pratiquant, pas de livraison le vendredi midi.",
    "political_opinion": "Militant au Parti socialiste depuis vingt ans.",
    "union_membership": "Délégué CGT, en grève jeudi.",
    "ethnic_origin": "D'origine marocaine, parle arabe et français.",
    "sexual_orientation": "Il est gay et vit avec son compagnon.",
    "biometric_genetic": "Empreinte digitale enregistrée pour le coffre.",
    "criminal": "Sorti de prison le mois dernier, condamné pour vol.",
}
# three writers' notes: health said their way, look-alikes, plain notes
WRITERS = [
    [
        ("Cliente enceinte de six mois, pas de port de charge.", "health"),
        ("Elle a le diabète depuis l'enfance, livrer le matin.", "health"),
        ("Gâteau sans sucre pour le rayon diabétique du magasin.", ""),
        ("Livraison prévue lundi matin, sonner deux fois.", ""),
    ],
    [
        ("Hospitalisée la semaine dernière, zorglub rappeler plus tard.", "health"),
        ("Monsieur est en fauteuil roulant, zorglub livrer au garage.", "health"),
        ("Le chien est diabétique, croquettes adaptées.", ""),
        ("Le client demande une facture détaillée.", ""),
    ],
    [
        ("Il suit une chimiothérapie, report de l'échéance accordé.", "health"),
        ("Client diabétique, préfère un appel le matin.", "health"),
        ("Le sucre est en rupture au rayon épicerie, rappeler lundi.", ""),
        ("Carte de fidélité envoyée par courrier.", ""),
    ],
]


def write(path: Path, notes: list[tuple[str, str]]) -> Path:
    lines = ["id\tlang\ttext\tlabels\tpair"]
    lines += [f"{row}\tfr\t{text}\t{labels}\t" for row, (text, labels) in enumerate(notes)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def splits(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Path]:
    pytest.importorskip("sklearn")
    root = tmp_path_factory.mktemp("loso")
    held_out = [write(root / f"writer{n}.tsv", notes) for n, notes in enumerate(WRITERS)]
    every = [(text, family) for family, text in POSITIVES.items()] * 2
    return held_out, write(root / "fixed.tsv", [*every, ("Colis remis au gardien.", "")])


def test_each_split_is_scored_by_a_model_that_never_saw_it(splits) -> None:
    held_out, fixed = splits
    folds = train.folds(held_out, [fixed], train.Design())
    assert [fold.split for fold in folds] == held_out
    # "zorglub" is in the second writer's notes only: its model cannot know it
    features = [set(fold.document["features"]) for fold in folds]
    assert "w:zorglub" not in features[1]
    assert all(len(fold.outcomes) == len(notes) for fold, notes in zip(folds, WRITERS, strict=True))
    assert sum(outcome.reviewed is not None for fold in folds for outcome in fold.outcomes) >= 6


@pytest.mark.parametrize(
    ("keep", "add"),
    [("0.01", "0.85"), ("1.01", "0.85"), ("0.0", "0.0"), ("0.5", "0.5")],
    ids=["shipped", "drop-all", "add-all", "middle"],
)
def test_the_shortcut_gives_the_detectors_own_labels(splits, keep: str, add: str) -> None:
    held_out, fixed = splits
    folds = train.folds(held_out, [fixed], train.Design())
    chosen = train.thresholds([keep, "criminal=0.3"], [add])
    assert train.pooled(folds, chosen) == train.detected(folds, chosen)


def test_the_command_prints_the_pooled_figures_per_family(splits, capsys) -> None:
    held_out, fixed = splits
    argv = [*map(str, held_out), "--fixed", str(fixed), "--loso", "--choose"]
    assert train.main([*argv, "--keep", "0.01", "--add", "0.85"]) == 0
    out = capsys.readouterr().out
    assert "leave one split out" in out
    assert "  health " in out
    assert "thresholds chosen" in out
    assert "--keep health=" in out
