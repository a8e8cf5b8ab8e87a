"""The planted records as rows and objects, built from the constants of examples.retailer.planted.

Planted records use no randomness: their ids and values are fixed, their dates are fixed
offsets from ``today``. They are written before the generated population, which starts its ids
after them (see ``first_free_ids``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from examples.retailer import planted
from examples.retailer.objects import (
    ObjectSpec,
    attachment_bytes,
    attachment_size,
    call_audio,
    invoice_pdf,
)
from examples.retailer.schema import KEY_TEMPLATES, TABLES, primary_key_column
from examples.retailer.texts import INBOUND_KINDS
from examples.retailer.timeutil import days_ago, fiscal_year_end, years_before

Row = dict[str, Any]
Record = tuple[str, Row | ObjectSpec]

_AGENTS = ("Sarah Lemoine", "Julien Marchand", "Nadia Perrin")

# customer_id -> first, last, stored email, phone, street, postcode, city
_PEOPLE: dict[int, tuple[str, str, str, str, str, str, str]] = {
    1: (
        planted.PLANTED_SUBJECT_FIRST_NAME,
        planted.PLANTED_SUBJECT_LAST_NAME,
        planted.PLANTED_SUBJECT_CUSTOMER_EMAIL,
        planted.PLANTED_SUBJECT_PHONE,
        planted.PLANTED_SUBJECT_STREET,
        planted.PLANTED_SUBJECT_POSTCODE,
        planted.PLANTED_SUBJECT_CITY,
    ),
    2: (
        "Camille",
        "Durand",
        planted.PLANTED_NEAR_MISS_EMAILS[0],
        "+33 6 98 12 44 05",
        "5 cours Victor Hugo",
        "33000",
        "Bordeaux",
    ),
    3: (
        "Camille",
        "Durand",
        planted.PLANTED_NEAR_MISS_EMAILS[1],
        "+33 7 61 20 83 19",
        "27 rue Crébillon",
        "44000",
        "Nantes",
    ),
    4: (
        "Lucas",
        "Moreau",
        "lucas.moreau@example.org",
        "+33 6 33 71 05 62",
        "3 place Bellecour",
        "69002",
        "Lyon",
    ),
    5: (
        "Inès",
        "Bernard",
        "ines.bernard@example.net",
        "+33 6 47 90 12 88",
        "41 rue Nationale",
        "59000",
        "Lille",
    ),
    6: (
        "Hugo",
        "Petit",
        "hugo.petit@example.org",
        "+33 7 50 02 39 71",
        "8 allée des Tilleuls",
        "31400",
        "Toulouse",
    ),
    7: (
        "Sophie",
        "Laurent",
        "sophie.laurent@example.com",
        "+33 6 21 55 87 40",
        "19 boulevard Longchamp",
        "13001",
        "Marseille",
    ),
    8: (
        "Nathalie",
        "Roux",
        "nathalie.roux@example.net",
        "+33 6 70 44 18 26",
        "2 rue du Marché",
        "35000",
        "Rennes",
    ),
    9: (
        "Thomas",
        "Girard",
        "thomas.girard@example.org",
        "+33 6 14 92 60 03",
        "56 avenue Jean Jaurès",
        "67000",
        "Strasbourg",
    ),
    10: (
        "Julie",
        "Fontaine",
        "julie.fontaine@example.com",
        "+33 7 83 29 40 15",
        "14 rue Saint-Rome",
        "31000",
        "Toulouse",
    ),
    11: (
        "Élodie",
        "Mercier",
        "elodie.mercier@example.net",
        "+33 6 05 63 77 92",
        "7 quai de la Fosse",
        "44000",
        "Nantes",
    ),
    12: (
        "Marc",
        "Lefebvre",
        "marc.lefebvre@example.org",
        "+33 6 88 10 24 57",
        "30 rue Paradis",
        "13006",
        "Marseille",
    ),
    13: (
        "Aurélie",
        "Chevalier",
        "aurelie.chevalier@example.com",
        "+33 7 42 86 31 09",
        "11 rue de la Paix",
        "75002",
        "Paris",
    ),
}


def first_free_ids() -> dict[str, int]:
    """The first id the generated population may use in each table (after the planted ones)."""
    highest = dict.fromkeys(TABLES, 0)
    for table_key, row in planted_records(date(2000, 1, 1)):
        if isinstance(row, dict):
            column = primary_key_column(TABLES[table_key]).name
            highest[table_key] = max(highest[table_key], row[column])
    return {key: value + 1 for key, value in highest.items()}


def planted_records(today: date) -> Iterator[Record]:
    """All planted rows and objects, parents before children."""
    builder = _Builder(today)
    builder.build()
    yield from builder.records


class _Builder:
    """Accumulates the planted records; one method per kind of record keeps the cases readable."""

    def __init__(self, today: date) -> None:
        self.today = today
        # Relationship end of the planted expired customers: 4 years ago, at noon.
        self.ended = datetime.combine(years_before(today, 4), datetime.min.time()) + timedelta(
            hours=12
        )
        self.records: list[Record] = []
        self._ticket_created = self.ended  # set by ticket(), read by messages() and attachment()

    # --- the cases -------------------------------------------------------------------------

    def build(self) -> None:
        self._customers()
        self._prospects()
        self._consents()
        self._orders()
        self._notes()
        self._recordings()
        self._tickets()
        self._privacy_tickets()

    def _customers(self) -> None:
        created = {1: 1095, 2: 500, 3: 200}
        for cid in _PEOPLE:
            if cid in planted.PLANTED_EXPIRED_CUSTOMER_IDS:
                self.customer(cid, created_at=self.ended - timedelta(days=1100), ended=self.ended)
            else:
                self.customer(cid, created_at=days_ago(self.today, created.get(cid, 700)))

    def _prospects(self) -> None:
        t = self.today
        self.prospect(
            1,
            planted.PLANTED_SUBJECT_PROSPECT_EMAIL,
            "Camille",
            "Durand",
            None,
            "catalogue_request",
            days_ago(t, 1500),
        )
        self.interactions(
            1,
            [
                (1, "form", days_ago(t, 1500)),
                (2, "click", days_ago(t, 365)),
                (3, "email_open", days_ago(t, 10)),
            ],
        )
        self.prospect(
            2,
            "Camille.Durand@example.com",
            "Camille",
            "Durand",
            None,
            "newsletter_signup",
            days_ago(t, 800),
        )
        self.interactions(2, [(4, "form", days_ago(t, 730))])
        self.prospect(
            3,
            "paul.renaud@example.org",
            "Paul",
            "Renaud",
            "Renaud Architecture",
            "trade_show",
            days_ago(t, 200),
        )
        self.interactions(3, [(5, "form", days_ago(t, 180))])
        three_years = datetime.combine(years_before(t, 3), datetime.min.time())
        created = three_years - timedelta(days=400) + timedelta(hours=9)
        self.prospect(
            4, "martine.blanc@example.net", "Martine", "Blanc", None, "partner_site", created
        )
        self.interactions(
            4,
            [
                (6, "form", created),
                (7, "click", three_years - timedelta(days=60) + timedelta(hours=14)),
                (8, "outbound_call", days_ago(t, 60)),
                (9, "email_open", days_ago(t, 7)),
            ],
        )

    def _consents(self) -> None:
        t = self.today
        self.consent(
            1, customer=1, channel="email", opt_in=True, at=days_ago(t, 1090), source="checkout"
        )
        self.consent(2, customer=1, channel="sms", opt_in=False, at=None, source="checkout")
        self.consent(
            3,
            prospect=1,
            channel="email",
            opt_in=True,
            at=days_ago(t, 1500),
            source="catalogue_form",
        )
        # Case 6: opt-in without proof (no date, no source, neither), and a withdrawal ignored.
        self.consent(4, customer=9, channel="email", opt_in=True, at=None, source="import_2019")
        self.consent(5, customer=10, channel="email", opt_in=True, at=days_ago(t, 650), source=None)
        self.consent(6, prospect=3, channel="email", opt_in=True, at=None, source=None)
        self.consent(
            7,
            customer=11,
            channel="email",
            opt_in=True,
            at=days_ago(t, 690),
            source="newsletter_form",
            withdrawn=days_ago(t, 90),
        )
        self.consent(
            8, customer=2, channel="email", opt_in=True, at=days_ago(t, 500), source="checkout"
        )
        self.consent(
            9,
            customer=4,
            channel="email",
            opt_in=True,
            at=self.ended - timedelta(days=1000),
            source="checkout",
        )
        self.consent(
            10,
            customer=7,
            channel="email",
            opt_in=True,
            at=self.ended - timedelta(days=1000),
            source="account_settings",
        )

    def _orders(self) -> None:
        t, e = self.today, self.ended
        self.order(1, 1, days_ago(t, 730), "129.90", reissued=True)
        self.order(2, 1, days_ago(t, 240), "54.00")
        self.order(3, 1, days_ago(t, 20), "249.00")
        self.order(4, 2, days_ago(t, 100), "89.50")
        self.order(5, 3, days_ago(t, 50), "35.90")
        self.order(6, 4, e - timedelta(days=150), "310.00")
        # The kept invoice: issued in the calendar year of the relationship's end.
        jan_first = datetime(e.year, 1, 1, 10, 0)
        self.order(
            7,
            4,
            max(e - timedelta(days=34), jan_first - timedelta(days=4)),
            "189.00",
            deliver_at=max(e - timedelta(days=30), jan_first),
        )
        self.order(8, 5, e - timedelta(days=200), "64.90")
        self.order(9, 6, e - timedelta(days=300), "42.00")
        self.order(10, 7, e - timedelta(days=400), "1290.00")
        self.order(11, 7, e - timedelta(days=60), "459.00")
        for offset, cid in enumerate(range(8, 14)):
            self.order(12 + offset, cid, days_ago(t, 60 + 10 * offset), "79.00")

    def _notes(self) -> None:
        t, e = self.today, self.ended
        self.note(
            1,
            1,
            _AGENTS[0],
            days_ago(t, 600),
            "Livraison déposée chez le gardien, cliente prévenue par SMS.",
        )
        for note_id in range(2, 17):
            cid = {
                2: 1,
                3: 8,
                4: 8,
                5: 9,
                6: 9,
                7: 10,
                8: 10,
                9: 11,
                10: 11,
                11: 12,
                12: 12,
                13: 13,
                14: 13,
                15: 8,
                16: 9,
            }[note_id]
            text = planted.PLANTED_REMARK_TEXTS[("crm.notes", note_id, "body")]
            self.note(note_id, cid, _AGENTS[note_id % 3], days_ago(t, 30 + 7 * note_id), text)
        self.note(
            17,
            planted.PLANTED_LEGAL_HOLD_CUSTOMER,
            _AGENTS[1],
            e - timedelta(days=10),
            "Litige en cours sur la commande, dossier transmis au service juridique.",
        )
        self.note(18, 2, _AGENTS[2], days_ago(t, 95), "Préfère être contactée par e-mail.")
        self.note(19, 3, _AGENTS[0], days_ago(t, 48), "Colis déposé en point relais.")

    def _recordings(self) -> None:
        t, e = self.today, self.ended
        self.recording(1, 1, days_ago(t, 300), 412)
        self.recording(2, 1, days_ago(t, 25), 185)
        self.recording(3, 5, e - timedelta(days=120), 530, reencoded=True)
        self.recording(4, 5, e - timedelta(days=30), 241)
        self.recording(5, 7, e - timedelta(days=90), 1320)
        for rec_id, cid, days in ((6, 10, 40), (7, 13, 15), (8, 9, 60), (9, 8, 70), (10, 12, 100)):
            self.recording(rec_id, cid, days_ago(t, days), 200 + 30 * rec_id)
        self.evaluation(1, 1, 2, days_ago(t, 24), 8, "Appel fluide, conseillère à l'écoute.")
        self.evaluation(
            2, 5, 3, e - timedelta(days=118), 6, "Script respecté, conclusion à améliorer."
        )
        for eval_id, cid, rec_id, days in (
            (3, 10, 6, 39),
            (4, 13, 7, 14),
            (5, 9, 8, 59),
            (6, 8, 9, 69),
            (7, 12, 10, 99),
        ):
            text = planted.PLANTED_REMARK_TEXTS[("crm.call_evaluations", eval_id, "comment")]
            self.evaluation(eval_id, cid, rec_id, days_ago(t, days), 5 + eval_id % 4, text)

    def _tickets(self) -> None:
        t, e = self.today, self.ended
        emails = planted.PLANTED_SUBJECT_TICKET_EMAILS
        subject_name = f"{planted.PLANTED_SUBJECT_FIRST_NAME} {planted.PLANTED_SUBJECT_LAST_NAME}"
        self.ticket(
            1,
            emails[1],
            subject_name,
            1,
            "Colis non reçu (commande ML-000001)",
            "delivery",
            "email",
            days_ago(t, 700),
            closed_after=5,
        )
        self.messages(
            1,
            1,
            [
                (
                    "customer",
                    None,
                    f"Bonjour, mon colis (commande ML-000001) n'est pas arrivé. Cordialement, {subject_name}",
                ),
                (
                    "agent",
                    _AGENTS[0],
                    "Bonjour Madame Durand, nous avons relancé Colissimo, livraison demain. Cordialement, Sarah",
                ),
                ("customer", None, "Bien reçu, merci !"),
            ],
        )
        self.ticket(
            2,
            emails[2],
            subject_name,
            None,
            "Erreur d'adresse sur ma facture",
            "billing",
            "web_form",
            days_ago(t, 230),
            closed_after=4,
        )
        self.messages(
            2,
            4,
            [
                (
                    "customer",
                    None,
                    f"Bonjour, la facture de la commande ML-000001 porte mon ancienne adresse, je la joins. {subject_name}",
                ),
                (
                    "agent",
                    _AGENTS[1],
                    "Bonjour, la facture a été réémise avec la bonne adresse. Bonne journée, Julien",
                ),
            ],
        )
        self.attachment(1, 2, 4, "facture_contestee.pdf", "application/pdf")
        self.ticket(
            3,
            emails[3],
            subject_name,
            1,
            "Retour de la lampe Arcadia",
            "return",
            "email",
            days_ago(t, 15),
        )
        self.messages(
            3,
            6,
            [
                (
                    "customer",
                    None,
                    "Bonjour, la lampe Arcadia est arrivée abîmée, je souhaite la retourner. Photo jointe.",
                ),
                (
                    "agent",
                    None,
                    "Réponse automatique : votre demande a bien été reçue, un conseiller vous répond sous 48 h.",
                ),
            ],
        )
        self.attachment(2, 3, 6, "photo_lampe.jpg", "image/jpeg")
        # Near misses: a homonym at another domain (linked) and camille.durand2 (not linked).
        self.ticket(
            4,
            planted.PLANTED_NEAR_MISS_EMAILS[0],
            "Camille Durand",
            2,
            "Retard de livraison",
            "delivery",
            "email",
            days_ago(t, 90),
            closed_after=3,
        )
        self.messages(
            4,
            8,
            [
                ("customer", None, "Bonjour, ma commande ML-000004 a du retard. Camille Durand"),
                ("agent", _AGENTS[2], "Bonjour, le colis sera livré demain. Cordialement, Nadia"),
            ],
        )
        self.ticket(
            5,
            planted.PLANTED_NEAR_MISS_EMAILS[1],
            "Camille Durand",
            None,
            "Facture de la commande ML-000005",
            "billing",
            "email",
            days_ago(t, 45),
            closed_after=2,
        )
        self.messages(
            5,
            10,
            [
                (
                    "customer",
                    None,
                    "Bonjour, pouvez-vous m'envoyer la facture de la commande ML-000005 ?",
                ),
                (
                    "agent",
                    _AGENTS[0],
                    "Bonjour, elle est disponible dans votre espace client. Sarah",
                ),
            ],
        )
        # Expired customers' tickets, closed about 4 years ago.
        self.ticket(
            6,
            "lucas.moreau@example.org",
            "Lucas Moreau",
            4,
            "Facture de la commande ML-000007",
            "billing",
            "email",
            e - timedelta(days=35),
            closed_after=2,
        )
        self.messages(
            6,
            12,
            [
                (
                    "customer",
                    None,
                    "Bonjour, pouvez-vous m'envoyer la facture de la commande ML-000007 ?",
                ),
                ("agent", _AGENTS[1], "Bonjour, la voici en pièce jointe. Julien"),
            ],
        )
        self.ticket(
            7,
            "hugo.petit@example.org",
            "Hugo Petit",
            6,
            "Colis abîmé",
            "delivery",
            "web_form",
            e - timedelta(days=100),
            closed_after=5,
        )
        self.messages(
            7,
            14,
            [
                (
                    "customer",
                    None,
                    "Bonjour, le carton est arrivé écrasé, voici une photo. Hugo Petit",
                ),
                ("agent", _AGENTS[2], "Bonjour, un avoir vous a été accordé. Nadia"),
            ],
        )
        self.attachment(3, 7, 14, "photo_colis.jpg", "image/jpeg", delete_marker=True)
        self.ticket(
            8,
            "sophie.laurent@example.com",
            "Sophie Laurent",
            7,
            "Contestation de la commande ML-000011",
            "billing",
            "email",
            e - timedelta(days=50),
            closed_after=30,
        )
        self.messages(
            8,
            16,
            [
                (
                    "customer",
                    None,
                    "Madame, Monsieur, je conteste la commande ML-000011 et vous adresse une mise en demeure. Sophie Laurent",
                ),
                (
                    "agent",
                    _AGENTS[1],
                    "Madame, votre courrier a été transmis à notre service juridique. Julien",
                ),
            ],
        )
        self.attachment(4, 8, 16, "mise_en_demeure.pdf", "application/pdf")
        # Free-text remarks (case 5) in ticket messages.
        self._remark_tickets()

    def _remark_tickets(self) -> None:
        t = self.today
        r = planted.PLANTED_REMARK_TEXTS

        def text(message_id: int) -> str:
            return r[("helpdesk.ticket_messages", message_id, "body")]

        self.ticket(
            9,
            "aurelie.chevalier@example.com",
            "Aurélie Chevalier",
            13,
            "Livraison au rez-de-chaussée",
            "delivery",
            "email",
            days_ago(t, 30),
            closed_after=2,
        )
        self.messages(
            9,
            18,
            [
                ("customer", None, text(18)),
                ("agent", _AGENTS[0], "Bonjour, c'est noté pour la livraison. Sarah"),
                ("customer", None, text(20)),
            ],
        )
        self.ticket(
            10,
            "elodie.mercier@example.net",
            "Élodie Mercier",
            11,
            "Remboursement de mon retour",
            "billing",
            "email",
            days_ago(t, 60),
            closed_after=6,
        )
        self.messages(
            10,
            21,
            [
                ("customer", None, text(21)),
                (
                    "agent",
                    _AGENTS[2],
                    "Bonjour, le remboursement sera émis sur la carte utilisée. Nadia",
                ),
                ("customer", None, text(23)),
            ],
        )
        self.ticket(
            planted.PLANTED_NON_CUSTOMER_TICKET_ID,
            planted.PLANTED_NON_CUSTOMER_EMAIL,
            "Louise Garnier",
            None,
            "Nativity lamp",
            "product",
            "web_form",
            days_ago(t, 12),
        )
        self.messages(
            planted.PLANTED_NON_CUSTOMER_TICKET_ID,
            24,
            [
                ("customer", None, text(24)),
                ("agent", _AGENTS[1], "Hello, the lamp ships within 3 days. Kind regards, Julien"),
            ],
        )
        self.ticket(
            12,
            "marc.lefebvre@example.org",
            "Marc Lefebvre",
            12,
            "Group order",
            "product",
            "email",
            days_ago(t, 100),
            closed_after=8,
        )
        self.messages(
            12,
            26,
            [
                ("customer", None, text(26)),
                ("agent", _AGENTS[0], text(27)),
                ("customer", None, text(28)),
                ("customer", None, text(29)),
                ("agent", _AGENTS[0], "Hello Marc, yes, it will arrive by Friday. Sarah"),
            ],
        )

    def _privacy_tickets(self) -> None:
        """Two privacy requests the intake rule takes: an access request and an erasure request."""
        t = self.today
        access_id, erasure_id = (
            planted.PLANTED_PRIVACY_ACCESS_TICKET_ID,
            planted.PLANTED_PRIVACY_ERASURE_TICKET_ID,
        )
        first_message, second_message = planted.PLANTED_PRIVACY_MESSAGE_IDS
        self.ticket(
            access_id,
            planted.PLANTED_PRIVACY_ACCESS_EMAIL,
            "Marc Lefebvre",
            12,
            "Demande d'accès à mes données",
            "privacy_access",
            "web_form",
            days_ago(t, planted.PLANTED_PRIVACY_ACCESS_DAYS_AGO),
        )
        self.messages(
            access_id,
            first_message,
            [
                (
                    "customer",
                    None,
                    "Bonjour, je souhaite recevoir une copie des données que vous détenez sur moi "
                    "(article 15 du RGPD). Merci.",
                )
            ],
        )
        self.ticket(
            erasure_id,
            planted.PLANTED_NON_CUSTOMER_EMAIL,
            "Louise Garnier",
            None,
            "Please delete my data",
            "privacy_erasure",
            "email",
            days_ago(t, planted.PLANTED_PRIVACY_ERASURE_DAYS_AGO),
        )
        self.messages(
            erasure_id,
            second_message,
            [("customer", None, "Hello, please erase everything you hold about me. Thank you.")],
        )

    # --- record makers ---------------------------------------------------------------------

    def _add(self, table_key: str, row: Row | ObjectSpec) -> None:
        self.records.append((table_key, row))

    def customer(self, cid: int, *, created_at: datetime, ended: datetime | None = None) -> None:
        first, last, email, phone, street, postcode, city = _PEOPLE[cid]
        self._add(
            "crm.customers",
            {
                "customer_id": cid,
                "email": email,
                "first_name": first,
                "last_name": last,
                "phone": phone,
                "birth_date": date(1988, 4, 12)
                if cid == planted.PLANTED_SUBJECT_CUSTOMER_ID
                else None,
                "street": street,
                "postcode": postcode,
                "city": city,
                "country": "FR",
                "created_at": created_at,
                "last_order_at": None,
                "relationship_ended_at": ended,
                "processing_restricted": False,
            },
        )

    def _set_last_order(self, cid: int, ordered_at: datetime) -> None:
        for table_key, row in self.records:
            if table_key == "crm.customers" and isinstance(row, dict) and row["customer_id"] == cid:
                current = row["last_order_at"]
                row["last_order_at"] = ordered_at if current is None else max(current, ordered_at)

    def prospect(
        self,
        pid: int,
        email: str,
        first: str,
        last: str,
        company: str | None,
        source: str,
        created_at: datetime,
    ) -> None:
        self._add(
            "crm.prospects",
            {
                "prospect_id": pid,
                "email": email,
                "first_name": first,
                "last_name": last,
                "company": company,
                "source": source,
                "created_at": created_at,
                "last_inbound_at": None,
                "processing_restricted": False,
            },
        )

    def interactions(self, pid: int, items: list[tuple[int, str, datetime]]) -> None:
        inbound = [at for _, kind, at in items if kind in INBOUND_KINDS]
        for table_key, row in self.records:
            if table_key == "crm.prospects" and isinstance(row, dict) and row["prospect_id"] == pid:
                row["last_inbound_at"] = max(inbound) if inbound else None
        for interaction_id, kind, at in items:
            self._add(
                "crm.prospect_interactions",
                {
                    "interaction_id": interaction_id,
                    "prospect_id": pid,
                    "kind": kind,
                    "occurred_at": at,
                },
            )

    def consent(
        self,
        consent_id: int,
        *,
        channel: str,
        opt_in: bool,
        at: datetime | None,
        source: str | None,
        customer: int | None = None,
        prospect: int | None = None,
        withdrawn: datetime | None = None,
    ) -> None:
        self._add(
            "crm.consents",
            {
                "consent_id": consent_id,
                "customer_id": customer,
                "prospect_id": prospect,
                "channel": channel,
                "opt_in": opt_in,
                "opted_in_at": at,
                "source": source,
                "withdrawn_at": withdrawn,
            },
        )

    def order(
        self,
        order_id: int,
        cid: int,
        ordered_at: datetime,
        total: str,
        *,
        deliver_at: datetime | None = None,
        reissued: bool = False,
    ) -> None:
        first, last, _, _, street, postcode, city = _PEOPLE[cid]
        delivered_at = deliver_at or ordered_at + timedelta(days=3, hours=5)
        amount = Decimal(total)
        self._set_last_order(cid, ordered_at)
        self._add(
            "crm.orders",
            {
                "order_id": order_id,
                "customer_id": cid,
                "ordered_at": ordered_at,
                "delivered_at": delivered_at,
                "status": "delivered",
                "total_eur": amount,
                "delivery_street": street,
                "delivery_postcode": postcode,
                "delivery_city": city,
            },
        )
        invoice = {
            "invoice_id": order_id,
            "order_id": order_id,
            "customer_id": cid,
            "issued_at": delivered_at,
            "fiscal_year_end": fiscal_year_end(delivered_at),
            "amount_eur": amount,
            "billing_name": f"{first} {last}",
            "billing_address": f"{street}, {postcode} {city}",
        }
        self._add("crm.invoices", invoice)
        self._add(
            "crm.payments",
            {
                "payment_id": order_id,
                "customer_id": cid,
                "order_id": order_id,
                "debited_at": ordered_at + timedelta(minutes=2),
                "amount_eur": amount,
                "card_last4": f"{(cid * 1733) % 10000:04d}",
                "card_token": f"tok_planted{cid:04d}c{order_id:06d}",
            },
        )
        previous = None
        if reissued:  # first issued with an old address, re-issued after the subject's complaint
            stale = dict(invoice, billing_address="4 impasse des Acacias, 69100 Villeurbanne")
            previous = functools.partial(invoice_pdf, stale, "Version initiale")
        self._add(
            "invoice_archive.invoice_pdfs",
            ObjectSpec(
                dataset="invoice_archive.invoice_pdfs",
                key=KEY_TEMPLATES["invoice_archive.invoice_pdfs"].format(
                    customer_id=cid, invoice_id=order_id
                ),
                render=functools.partial(
                    invoice_pdf, invoice, "Facture réémise" if reissued else ""
                ),
                planted=True,
                previous=previous,
            ),
        )

    def note(self, note_id: int, cid: int, author: str, created_at: datetime, body: str) -> None:
        self._add(
            "crm.notes",
            {
                "note_id": note_id,
                "customer_id": cid,
                "author": author,
                "created_at": created_at,
                "body": body,
            },
        )

    def recording(
        self,
        rec_id: int,
        cid: int,
        recorded_at: datetime,
        duration: int,
        *,
        reencoded: bool = False,
    ) -> None:
        row = {
            "recording_id": rec_id,
            "customer_id": cid,
            "recorded_at": recorded_at,
            "duration_s": duration,
            "agent_id": f"AG{rec_id % 7 + 1:03d}",
        }
        self._add("crm.call_recordings", row)
        self._add(
            "call_audio.recordings",
            ObjectSpec(
                dataset="call_audio.recordings",
                key=KEY_TEMPLATES["call_audio.recordings"].format(
                    customer_id=cid, recording_id=rec_id
                ),
                render=functools.partial(call_audio, row, "opus"),
                planted=True,
                previous=functools.partial(call_audio, row, "vorbis") if reencoded else None,
            ),
        )

    def evaluation(
        self, eval_id: int, cid: int, rec_id: int, at: datetime, score: int, comment: str
    ) -> None:
        self._add(
            "crm.call_evaluations",
            {
                "evaluation_id": eval_id,
                "customer_id": cid,
                "recording_ref": rec_id,
                "evaluated_at": at,
                "score": score,
                "comment": comment,
            },
        )

    def ticket(
        self,
        ticket_id: int,
        email: str,
        name: str,
        cid: int | None,
        subject: str,
        category: str,
        channel: str,
        created_at: datetime,
        *,
        closed_after: int | None = None,
    ) -> None:
        closed_at = None if closed_after is None else created_at + timedelta(days=closed_after)
        self._add(
            "helpdesk.tickets",
            {
                "ticket_id": ticket_id,
                "requester_email": email,
                "requester_name": name,
                "crm_customer_id": cid,
                "subject": subject,
                "category": category,
                "channel": channel,
                "status": "closed" if closed_at else "open",
                "created_at": created_at,
                "closed_at": closed_at,
                "processing_restricted": False,
            },
        )
        self._ticket_created = created_at

    def messages(
        self, ticket_id: int, first_id: int, items: list[tuple[str, str | None, str]]
    ) -> None:
        for offset, (role, agent, body) in enumerate(items):
            self._add(
                "helpdesk.ticket_messages",
                {
                    "message_id": first_id + offset,
                    "ticket_id": ticket_id,
                    "author_role": role,
                    "agent_name": agent,
                    "body": body,
                    "created_at": self._ticket_created + timedelta(hours=3 * offset),
                },
            )

    def attachment(
        self,
        att_id: int,
        ticket_id: int,
        message_id: int,
        filename: str,
        content_type: str,
        *,
        delete_marker: bool = False,
    ) -> None:
        self._add(
            "helpdesk.ticket_attachments",
            {
                "attachment_id": att_id,
                "ticket_id": ticket_id,
                "message_id": message_id,
                "filename": filename,
                "content_type": content_type,
                "size_bytes": attachment_size(att_id),
                "created_at": self._ticket_created,
            },
        )
        self._add(
            "helpdesk_files.attachments",
            ObjectSpec(
                dataset="helpdesk_files.attachments",
                key=KEY_TEMPLATES["helpdesk_files.attachments"].format(
                    ticket_id=ticket_id, attachment_id=att_id
                ),
                render=functools.partial(attachment_bytes, att_id, ticket_id, content_type),
                planted=True,
                delete_marker=delete_marker,
            ),
        )
