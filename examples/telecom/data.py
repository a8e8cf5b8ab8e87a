"""Ondes Télécom's rows and objects, built in memory: the planted people, then a population.

Everything is a pure function of ``(subjects, today, seed)``: UUIDs are name-based (uuid5), the
population comes from ``random.Random(seed)``, dates count back from ``today`` (never the wall
clock). The planted people do not depend on ``subjects`` or ``seed``; their keys do not depend
on ``today`` either, so examples/telecom/planted.py computes the ground truth from the same
builder the seeder writes from.

Planted people (e-mails as stored, with their canonical form in PLANTED):
- Léa Moreau, the scenario subject: two contracts (mobile with two lines, fibre with one),
  consumption, invoices, four contract documents (one with two versions, one whose latest
  version is a delete marker) and two complaints in the customer-service tool, typed with
  other cases and spaces.
- Léa Moreau's near misses: lea.moreau@exemple.com (a subscriber), lea.moreau2@exemple.fr
  (a complaint only). Léa holds a family account with the first as co-holder (a record of two
  people: each reaches only their part of it).
- Three former subscribers whose contracts ended four years ago (retention: 3 years): their
  invoices must be kept anonymised (10 years), except one eleven years old.
- Nathalie Roux: a former subscriber like them, in a legal dispute over one of her contracts
  (a hold in the ledger) and with her contentious complaint still open (a hold the map declares).
- Paul Girard: not a subscriber; an erasure request sent through the customer-service tool.
"""

from __future__ import annotations

import random
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from examples.planted import SeedObject
from examples.telecom.schema import DOCUMENT_KEY, DOCUMENTS_DATASET

NAMESPACE = uuid.UUID("6f1d0c3e-5b0a-4c1e-9a43-0e5d7a3c2b10")

SUBJECT_MAIL = "  Lea.MOREAU@Exemple.fr "
SUBJECT = "lea.moreau@exemple.fr"
NEAR_MISS_MAILS = ("Lea.Moreau@exemple.COM", "lea.moreau2@exemple.fr")
EXPIRED = (
    ("Hugo", "Lefèvre", " Hugo.Lefevre@Exemple.net"),
    ("Inès", "Garnier", "INES.GARNIER@exemple.org "),
    ("Tom", "Bernard", "tom.bernard@Exemple.fr"),
)
HELD = ("Nathalie", "Roux", " Nathalie.ROUX@exemple.fr")
NON_SUBSCRIBER_MAIL = "Paul.Girard@exemple.net"
HOLD_REASON = "Litige en cours sur le contrat (assignation devant le tribunal judiciaire)"
HOLD_REFERENCE = "TJ Lyon RG 26/04187"

# Free-text remarks the minimisation checks must flag (by their message number) and texts
# that look close but are not sensitive.
REMARK_HEALTH = (
    "Je suis sous dialyse trois fois par semaine, merci de ne pas couper ma ligne fixe : "
    "le centre de soins m'appelle dessus."
)
REMARK_IBAN = "Pour le remboursement, voici mon IBAN : FR76 3000 6000 0112 3456 7890 189."
PLANTED_SUBSCRIBERS = 6  # the subject, a near miss, three former subscribers, the held one
MIN_SUBJECTS = 10

Row = dict[str, Any]

PRENOMS = ("Julien", "Camille", "Manon", "Lucas", "Chloé", "Nicolas", "Sarah", "Antoine", "Emma")
NOMS = ("Martin", "Petit", "Durand", "Leroy", "Fournier", "Girard", "Bonnet", "Mercier", "Blanc")
COMMUNES = (("69003", "Lyon"), ("13006", "Marseille"), ("31000", "Toulouse"), ("44000", "Nantes"))
OFFRES_MOBILE = ("Forfait 20 Go", "Forfait 100 Go", "Forfait 5G 200 Go")
OFFRES_BOX = ("Fibre 1 Gb/s", "Fibre 2 Gb/s", "ADSL")
CLIENT_TEXTS = (
    "Bonjour, ma facture du mois dernier me semble plus élevée que d'habitude, pouvez-vous vérifier ?",
    "Le débit de ma connexion est très lent le soir depuis une semaine.",
    "Je souhaite changer d'offre et garder mon numéro.",
    "Ma carte SIM n'est pas reconnue par mon nouveau téléphone.",
)
AGENT_TEXTS = (
    "Bonjour, nous avons vérifié votre ligne et appliqué un geste commercial de 10 euros.",
    "Un technicien passera jeudi entre 8 h et 12 h.",
    "Votre demande a bien été prise en compte, bonne journée.",
)
AGENTS = ("Sophie (conseillère)", "Karim (conseiller)", "Élise (conseillère)")


def _stable(text: str) -> int:
    """A number derived from a text, the same in every process (unlike ``hash``)."""
    return zlib.crc32(text.encode())


def uid(*parts: object) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts))


def at_noon(day: date) -> datetime:
    return datetime.combine(day, time(12))


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def month_start(day: date, months_back: int) -> date:
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def year_end(moment: datetime) -> date:
    return date(moment.year, 12, 31)


@dataclass
class Document:
    """One contract document: its row, and its object's versions (bodies, oldest first)."""

    row: Row
    versions: list[bytes]
    delete_marker: bool = False

    @property
    def key(self) -> str:
        return DOCUMENT_KEY.format(
            contrat_id=self.row["contrat_id"], document_id=self.row["document_id"]
        )

    def seed_object(self) -> SeedObject:
        return SeedObject(DOCUMENTS_DATASET, self.key, len(self.versions), self.delete_marker)


@dataclass
class TelecomData:
    """Rows by '<system>.<table>' in insertion order (parents first), and the documents."""

    rows: list[tuple[str, Row]] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    next_reclamation: int = 1
    next_message: int = 1

    def add(self, table: str, row: Row) -> Row:
        self.rows.append((table, row))
        return row

    def objects(self) -> list[SeedObject]:
        return [d.seed_object() for d in self.documents]


def _pdf(label: str, version: int) -> bytes:
    return (
        b"%PDF-1.4\n% Ondes Telecom - document contractuel\n"
        + f"{label} v{version}\n".encode()
        + b"%%EOF\n"
    )


class _Builder:
    def __init__(self, today: date, rng: random.Random) -> None:
        self.today, self.rng, self.data = today, rng, TelecomData()
        self._numbers: dict[tuple[str, str], int] = {}

    def number(self, label: str, kind: str) -> int:
        """1, 2, 3... per (label, kind): keys that do not move with ``today``."""
        n = self._numbers.get((label, kind), 0) + 1
        self._numbers[(label, kind)] = n
        return n

    def days_ago(self, days: int) -> datetime:
        return at_noon(self.today - timedelta(days=days))

    # --- records ---------------------------------------------------------------------------

    def abonne(
        self,
        label: str,
        prenom: str,
        nom: str,
        mail: str,
        *,
        cree_le: datetime,
        resilie_le: datetime | None = None,
        commune: tuple[str, str] = ("69003", "Lyon"),
    ) -> Row:
        return self.data.add(
            "si_clients.abonnes",
            {
                "abonne_id": uid(label, "abonne"),
                "mail": mail,
                "civilite": "Mme" if prenom[-1] in "aeé" else "M.",
                "prenom": prenom,
                "nom": nom,
                "telephone_contact": f"06 {_stable(label) % 90 + 10:02d} 48 90 37",
                "date_naissance": date(1960 + len(label) % 30, 1 + len(nom) % 12, 1 + len(prenom)),
                "adresse": f"{len(label) % 40 + 1} rue des Tilleuls",
                "code_postal": commune[0],
                "commune": commune[1],
                "cree_le": cree_le,
                "resilie_le": resilie_le,
                "traitement_restreint": False,
            },
        )

    def contrat(
        self, abonne: Row, label: str, offre: str, signe_le: datetime, resilie_le=None
    ) -> Row:
        return self.data.add(
            "si_clients.contrats",
            {
                "contrat_id": uid(label, "contrat"),
                "abonne_id": abonne["abonne_id"],
                "offre": offre,
                "signe_le": signe_le,
                "resilie_le": resilie_le,
            },
        )

    def ligne(self, contrat: Row, label: str, msisdn: str, activee_le: datetime) -> Row:
        return self.data.add(
            "si_clients.lignes",
            {
                "ligne_id": uid(label, "ligne"),
                "contrat_id": contrat["contrat_id"],
                "msisdn": msisdn,
                "iccid": f"8933{_stable(label) % 10**15:015d}",
                "activee_le": activee_le,
            },
        )

    def consommation(self, ligne: Row, label: str, mois: date) -> Row:
        return self.data.add(
            "si_clients.consommations",
            {
                "consommation_id": uid(label, "consommation", self.number(label, "consommation")),
                "ligne_id": ligne["ligne_id"],
                "mois": mois,
                "donnees_mo": 1000 + mois.month * 137,
                "minutes": 60 + mois.month * 7,
                "sms": 10 + mois.month,
            },
        )

    def facture(self, contrat: Row, abonne: Row, label: str, emise_le: datetime) -> Row:
        return self.data.add(
            "si_clients.factures",
            {
                "facture_id": uid(label, "facture", self.number(label, "facture")),
                "contrat_id": contrat["contrat_id"],
                "emise_le": emise_le,
                "exercice_clos_le": year_end(emise_le),
                "montant_ttc": Decimal("19.99") + emise_le.month,
                "nom_facturation": f"{abonne['prenom']} {abonne['nom']}",
                "adresse_facturation": (
                    f"{abonne['adresse']}, {abonne['code_postal']} {abonne['commune']}"
                ),
            },
        )

    def document(
        self,
        contrat: Row,
        label: str,
        type_document: str,
        depose_le: datetime,
        *,
        versions: int = 1,
        delete_marker: bool = False,
    ) -> Document:
        row = self.data.add(
            "si_clients.documents",
            {
                "document_id": uid(label, "document", type_document),
                "contrat_id": contrat["contrat_id"],
                "type_document": type_document,
                "depose_le": depose_le,
            },
        )
        doc = Document(
            row,
            [_pdf(f"{label}/{type_document}", v) for v in range(1, versions + 1)],
            delete_marker,
        )
        self.data.documents.append(doc)
        return doc

    def reclamation(
        self,
        mail: str,
        nom: str,
        objet: str,
        ouverte_le: datetime,
        cloturee_le: datetime | None,
        messages: list[tuple[str, str]],
        *,
        motif: str = "facturation",
    ) -> Row:
        data = self.data
        row = data.add(
            "service_client.reclamations",
            {
                "reclamation_id": data.next_reclamation,
                "mail_client": mail,
                "nom_client": nom,
                "objet": objet,
                "motif": motif,
                "canal": "web",
                "statut": "cloturee" if cloturee_le else "ouverte",
                "ouverte_le": ouverte_le,
                "cloturee_le": cloturee_le,
                "traitement_restreint": False,
            },
        )
        data.next_reclamation += 1
        for n, (auteur, texte) in enumerate(messages):
            data.add(
                "service_client.messages_reclamation",
                {
                    "message_id": data.next_message,
                    "reclamation_id": row["reclamation_id"],
                    "auteur": auteur,
                    "conseiller": AGENTS[n % len(AGENTS)] if auteur == "conseiller" else None,
                    "texte": texte,
                    "envoye_le": ouverte_le + timedelta(hours=n * 5),
                },
            )
            data.next_message += 1
        return row

    # --- the planted people ----------------------------------------------------------------

    def planted(self) -> None:
        t = self.today
        lea = self.abonne("lea", "Léa", "Moreau", SUBJECT_MAIL, cree_le=self.days_ago(5 * 365 + 20))
        mobile = self.contrat(lea, "lea-mobile", "Forfait 100 Go", self.days_ago(5 * 365))
        box = self.contrat(lea, "lea-box", "Fibre 1 Gb/s", self.days_ago(2 * 365))
        for label, contrat, msisdn, months in (
            ("lea-l1", mobile, "+33612345678", 3),
            ("lea-l2", mobile, "+33698765432", 3),
            ("lea-l3", box, "+33472000001", 2),
        ):
            ligne = self.ligne(contrat, label, msisdn, contrat["signe_le"])
            for back in range(1, months + 1):
                self.consommation(ligne, label, month_start(t, back))
        for back in (1, 2, 3):
            self.facture(mobile, lea, "lea-mobile", at_noon(month_start(t, back)))
        for back in (1, 2):
            self.facture(box, lea, "lea-box", at_noon(month_start(t, back)))
        self.document(mobile, "lea-mobile", "contrat_signe", mobile["signe_le"], versions=2)
        self.document(
            mobile, "lea-mobile", "piece_identite", mobile["signe_le"], delete_marker=True
        )
        self.document(box, "lea-box", "contrat_signe", box["signe_le"])
        self.document(box, "lea-box", "rib", box["signe_le"])
        self.reclamation(
            "LEA.MOREAU@EXEMPLE.FR",
            "Léa Moreau",
            "Facture de septembre",
            self.days_ago(100),
            self.days_ago(95),
            [("client", CLIENT_TEXTS[0]), ("conseiller", AGENT_TEXTS[0])],
        )
        self.reclamation(
            "lea.moreau@exemple.fr  ",
            "Léa Moreau",
            "Coupure de la ligne fixe",
            self.days_ago(10),
            None,
            [
                ("client", CLIENT_TEXTS[1]),
                ("conseiller", AGENT_TEXTS[1]),
                ("client", REMARK_HEALTH),
            ],
            motif="technique",
        )

        # Near misses: another domain, and one more character.
        other = self.abonne(
            "lea-com", "Léa", "Moreau", NEAR_MISS_MAILS[0], cree_le=self.days_ago(400)
        )
        contrat = self.contrat(other, "lea-com", "Forfait 20 Go", self.days_ago(400))
        # Léa holds a family account with her namesake as co-holder: a record of two people
        self.data.add(
            "si_clients.comptes_famille",
            {
                "compte_id": uid("lea-famille", "compte"),
                "libelle": "Compte famille",
                "ouvert_le": self.days_ago(380),
                "titulaire_id": lea["abonne_id"],
                "titulaire_part_pct": 60,
                "cotitulaire_id": other["abonne_id"],
                "cotitulaire_part_pct": 40,
            },
        )
        ligne = self.ligne(contrat, "lea-com", "+33711223344", contrat["signe_le"])
        self.consommation(ligne, "lea-com", month_start(t, 1))
        self.facture(contrat, other, "lea-com", at_noon(month_start(t, 1)))
        self.reclamation(
            NEAR_MISS_MAILS[1],
            "Léa Moreau",
            "Portabilité du numéro",
            self.days_ago(30),
            self.days_ago(28),
            [("client", CLIENT_TEXTS[2]), ("conseiller", AGENT_TEXTS[2])],
        )

        # Former subscribers: everything ended four years ago.
        ended = at_noon(years_before(t, 4))
        for n, (prenom, nom, mail) in enumerate(EXPIRED):
            self._former(f"expired-{n}", prenom, nom, mail, ended, oldest_invoice=n == 0)
        # The one in a legal dispute: two contracts, an ID document, a complaint thread.
        self._former("held", *HELD, ended, disputed=True)

        # A non-subscriber's erasure request, through the customer-service tool.
        self.reclamation(
            NON_SUBSCRIBER_MAIL,
            "Paul Girard",
            "Suppression de mes données",
            self.days_ago(3),
            None,
            [("client", "Je vous demande d'effacer toutes les données me concernant.")],
            motif="rgpd_effacement",
        )

    def _former(
        self,
        label: str,
        prenom: str,
        nom: str,
        mail: str,
        ended: datetime,
        *,
        oldest_invoice: bool = False,
        disputed: bool = False,
    ) -> None:
        since = ended - timedelta(days=(12 if oldest_invoice else 6) * 365)
        person = self.abonne(label, prenom, nom, mail, cree_le=since, resilie_le=ended)
        contrats = [self.contrat(person, label, "Forfait 20 Go", since, ended)]
        if disputed:
            contrats.append(
                self.contrat(
                    person, f"{label}-box", "Fibre 1 Gb/s", since + timedelta(days=90), ended
                )
            )
        for n, contrat in enumerate(contrats):
            ligne = self.ligne(contrat, f"{label}-{n}", f"+3361000{len(label):02d}{n:02d}", since)
            for back in (1, 2):
                self.consommation(ligne, f"{label}-{n}", month_start(ended.date(), back))
            for back in (1, 2):
                self.facture(
                    contrat, person, f"{label}-{n}", at_noon(month_start(ended.date(), back))
                )
        if oldest_invoice:
            self.facture(contrats[0], person, label, at_noon(years_before(self.today, 11)))
        first = contrats[0]
        if label.endswith("0"):
            self.document(first, label, "contrat_signe", since, versions=2)
        elif label.endswith("1"):
            self.document(first, label, "piece_identite", since, delete_marker=True)
        else:
            self.document(first, label, "contrat_signe", since)
        if disputed:
            self.document(first, label, "piece_identite", since, versions=2, delete_marker=True)
            self.document(contrats[1], f"{label}-box", "contrat_signe", since)
        messages = [("client", CLIENT_TEXTS[3]), ("conseiller", AGENT_TEXTS[2])]
        if disputed:
            messages.append(("client", "Je conteste la résiliation, mon avocat vous écrira."))
        if label == "expired-1":
            messages.append(("client", REMARK_IBAN))
        self.reclamation(
            mail.upper(),
            f"{prenom} {nom}",
            "Contestation de facture",
            ended - timedelta(days=40),
            None if disputed else ended - timedelta(days=20),  # the dispute is not settled
            messages,
            motif="litige" if disputed else "facturation",
        )

    # --- the population --------------------------------------------------------------------

    def population(self, count: int, seed: int) -> None:
        rng, t = self.rng, self.today
        for i in range(count):
            label = f"pop-{seed}-{i}"
            prenom, nom = rng.choice(PRENOMS), rng.choice(NOMS)
            address = f"{prenom}.{nom}.{i}@exemple.fr".lower()
            address = address.replace("é", "e").replace("è", "e")
            mail = rng.choice(
                (address, address.upper(), f" {address}", address.title(), f"{address}  ")
            )
            since = self.days_ago(rng.randint(60, 3000))
            resilie = self.days_ago(rng.randint(10, 700)) if rng.random() < 0.2 else None
            person = self.abonne(
                label, prenom, nom, mail, cree_le=since, resilie_le=resilie,
                commune=rng.choice(COMMUNES),
            )  # fmt: skip
            for c in range(rng.randint(1, 2)):
                offre = rng.choice(OFFRES_MOBILE if c == 0 else OFFRES_BOX)
                contrat = self.contrat(person, f"{label}-{c}", offre, since, resilie)
                for n in range(rng.randint(1, 2)):
                    ligne = self.ligne(
                        contrat, f"{label}-{c}-{n}", f"+336{rng.randint(10**7, 10**8 - 1)}", since
                    )
                    for back in range(1, rng.randint(1, 3) + 1):
                        self.consommation(ligne, f"{label}-{c}-{n}", month_start(t, back))
                for back in range(1, rng.randint(1, 3) + 1):
                    self.facture(contrat, person, f"{label}-{c}", at_noon(month_start(t, back)))
                if rng.random() < 0.6:
                    self.document(
                        contrat,
                        f"{label}-{c}",
                        "contrat_signe",
                        since,
                        versions=rng.choice((1, 1, 2)),
                        delete_marker=rng.random() < 0.1,
                    )
            if rng.random() < 0.4:
                opened = self.days_ago(rng.randint(5, 600))
                closed = opened + timedelta(days=rng.randint(1, 20)) if rng.random() < 0.8 else None
                if closed and closed.date() > t:
                    closed = None
                self.reclamation(
                    rng.choice((mail, mail.upper(), address)),
                    f"{prenom} {nom}",
                    "Question sur mon offre",
                    opened,
                    closed,
                    [("client", rng.choice(CLIENT_TEXTS)), ("conseiller", rng.choice(AGENT_TEXTS))],
                )


def build(subjects: int, today: date, seed: int = 42) -> TelecomData:
    """Every row and document of a seed: the planted subscribers, then a population (``subjects``
    counts both)."""
    if subjects < MIN_SUBJECTS:
        raise ValueError(f"the telecom organisation needs at least {MIN_SUBJECTS} subjects")
    builder = _Builder(today, random.Random(seed))
    builder.planted()
    builder.population(subjects - PLANTED_SUBSCRIBERS, seed)
    return builder.data


def planted_only(today: date) -> TelecomData:
    builder = _Builder(today, random.Random(0))
    builder.planted()
    return builder.data


def iter_rows(data: TelecomData, table: str) -> Iterator[Row]:
    return (row for name, row in data.rows if name == table)
