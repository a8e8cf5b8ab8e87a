"""The planted cases of the demo data, as constants later features' tests depend on.

The generator writes these records with exactly these ids and values (examples.retailer.planted_rows
builds them from the constants below), so a test can say "erasing PLANTED_SUBJECT_EMAIL must
delete orders PLANTED_SUBJECT_ORDER_IDS and keep invoices PLANTED_SUBJECT_INVOICE_IDS"
without seeding and searching first. Planted records take the lowest ids of every table; the
generated population starts after them, so the ids below hold for any number of customers
(at least MIN_CUSTOMERS).

Dates are relative to the seed's ``today`` and are described next to each constant.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from examples.retailer.schema import KEY_TEMPLATES

# The labels a free-text detector reports: Art. 9 special categories and identifiers that must
# not sit in free text.
SPECIAL_CATEGORY_LABELS: frozenset[str] = frozenset(
    {
        "health",
        "religion",
        "political_opinion",
        "union_membership",
        "ethnic_origin",
        "sexual_orientation",
        "biometric_genetic",
    }
)
IDENTIFIER_LABELS: frozenset[str] = frozenset({"card_number", "iban", "nir", "password"})
REMARK_LABELS: frozenset[str] = SPECIAL_CATEGORY_LABELS | IDENTIFIER_LABELS


class PlantedRemark(NamedTuple):
    """A planted free-text value: where it is, and what a detector must find in it.

    ``labels`` is empty for a hard negative, a text that looks suspicious but is not.
    """

    dataset: str
    key: int
    field: str
    labels: frozenset[str]


# --- 1. The planted subject: Camille Durand, in the CRM (customer and prospect) and the helpdesk.
PLANTED_SUBJECT_EMAIL = "camille.durand@example.fr"  # canonical: trimmed, lower case
PLANTED_SUBJECT_FIRST_NAME = "Camille"
PLANTED_SUBJECT_LAST_NAME = "Durand"
PLANTED_SUBJECT_PHONE = "+33 6 12 48 90 37"
PLANTED_SUBJECT_STREET = "12 rue des Lilas"
PLANTED_SUBJECT_POSTCODE = "69003"
PLANTED_SUBJECT_CITY = "Lyon"
PLANTED_SUBJECT_CUSTOMER_EMAIL = "Camille.Durand@Example.FR"
PLANTED_SUBJECT_PROSPECT_EMAIL = "  camille.durand@example.fr  "
# requester_email of the subject's tickets 1, 2 and 3, as stored
PLANTED_SUBJECT_TICKET_EMAILS: dict[int, str] = {
    1: "CAMILLE.DURAND@EXAMPLE.FR",
    2: "camille.durand@example.fr ",
    3: "CAMILLE.DURAND@EXAMPLE.FR",
}
PLANTED_SUBJECT_CUSTOMER_ID = 1  # active customer since 3 years
PLANTED_SUBJECT_PROSPECT_ID = 1  # was a prospect before buying
PLANTED_SUBJECT_INTERACTION_IDS = (1, 2, 3)  # form 4 y ago, click 1 y ago, email_open 10 d ago
PLANTED_SUBJECT_CONSENT_IDS = (
    1,
    2,
    3,
)  # customer e-mail opt-in, customer SMS refusal, prospect e-mail
PLANTED_SUBJECT_ORDER_IDS = (1, 2, 3)  # ordered 730, 240 and 20 days ago, all delivered
PLANTED_SUBJECT_INVOICE_IDS = (1, 2, 3)
PLANTED_SUBJECT_PAYMENT_IDS = (1, 2, 3)  # payment 1 is older than 13 months
PLANTED_SUBJECT_NOTE_IDS = (1, 2)  # note 2 is a planted health remark
PLANTED_SUBJECT_RECORDING_IDS = (1, 2)  # 300 days (past 6 months) and 25 days ago
PLANTED_SUBJECT_EVALUATION_IDS = (1,)  # of recording 2
PLANTED_SUBJECT_TICKET_IDS = (1, 2, 3)
PLANTED_SUBJECT_LINKED_TICKET_IDS = (1, 3)  # crm_customer_id = 1
PLANTED_SUBJECT_UNLINKED_TICKET_IDS = (2,)  # crm_customer_id NULL: only the e-mail finds it
PLANTED_SUBJECT_MESSAGE_IDS = (1, 2, 3, 4, 5, 6, 7)
PLANTED_SUBJECT_ATTACHMENT_IDS = (1, 2)  # on ticket 2 (unlinked) and ticket 3

# --- 2. Near misses: other people a sloppy matcher would confuse with the subject.
PLANTED_NEAR_MISS_EMAILS = ("camille.durand@example.com", "camille.durand2@example.fr")
PLANTED_NEAR_MISS_CUSTOMER_IDS = (2, 3)  # a homonym at example.com, and camille.durand2
PLANTED_NEAR_MISS_PROSPECT_IDS = (2,)  # 'Camille.Durand@example.com'
PLANTED_NEAR_MISS_TICKET_IDS = (4, 5)  # ticket 5 is unlinked ('camille.durand2@example.fr')

# --- 3. Expired customers: relationship ended 4 years ago (retention is 3 years).
PLANTED_EXPIRED_CUSTOMER_IDS = (4, 5, 6, 7)
PLANTED_EXPIRED_WITH_INVOICES_CUSTOMER_ID = 4
# Its invoices: the last one's fiscal_year_end is the last 31 December at least 3 years ago, all
# far inside the 10-year obligation; they (and their PDFs) must be kept, anonymised.
PLANTED_EXPIRED_KEPT_INVOICE_IDS = (6, 7)
PLANTED_EXPIRED_WITH_RECORDINGS_CUSTOMER_ID = 5
PLANTED_EXPIRED_TICKET_IDS = (6, 7, 8)  # closed about 4 years ago

# --- 4. Legal hold candidate: expired, in litigation; its data must survive the purge.
PLANTED_LEGAL_HOLD_CUSTOMER = 7
PLANTED_LEGAL_HOLD_REASON = (
    "Litige commercial en cours (assignation devant le tribunal de commerce)"
)

# --- 6. Marketing contacts without a valid opt-in (channel 'email').
PLANTED_CONSENT_WITHOUT_PROOF_IDS = (4, 5, 6)  # opt_in true, opted_in_at or source NULL
PLANTED_CONSENT_WITHDRAWN_NOT_HONOURED_IDS = (7,)  # withdrawn_at set, opt_in still true
PLANTED_INVALID_CONSENT_IDS = (
    PLANTED_CONSENT_WITHOUT_PROOF_IDS + PLANTED_CONSENT_WITHDRAWN_NOT_HONOURED_IDS
)

# A prospect whose last self-initiated contact is 3 years and 2 months old, with an e-mail opened
# 7 days ago (an opened e-mail is not a contact initiated by the prospect: CNIL NS-048).
PLANTED_INACTIVE_PROSPECT_WITH_RECENT_OPEN_ID = 4

# --- 7. Call recordings older than 6 months, each with its audio object.
PLANTED_OLD_RECORDING_IDS = (1, 3, 4, 5)  # subject's (300 d), customer 5's (4+ y), legal hold's

# --- 5. Free-text remarks: special categories and identifiers, plus hard negatives.
PLANTED_CARD_NUMBERS = ("4970 1012 3456 7893", "4556 7375 8689 9855")  # Luhn-valid
PLANTED_NOT_A_CARD_NUMBER = "4970101234567890"  # 16 digits failing Luhn: an order number
PLANTED_IBANS = ("FR76 3000 6000 0112 3456 7890 189", "FR14 2004 1010 0505 0001 3M02 606")
PLANTED_NIRS = ("2 84 05 75 112 031 51", "1 78 12 69 123 456 11")  # key = 97 - n mod 97
PLANTED_PASSWORDS = ("Soleil2024!", "Lumiere75!")

# The texts, keyed like the remarks (dataset, key, field). Labels are in PLANTED_REMARKS.
PLANTED_REMARK_TEXTS: dict[tuple[str, int, str], str] = {
    ("crm.notes", 2, "body"): (
        "Problème cardiaque signalé par la cliente : livrer au rez-de-chaussée, "
        "ne pas lui faire porter le colis."
    ),
    ("crm.notes", 3, "body"): "Cliente alcoolique, ne pas relancer.",
    ("crm.notes", 4, "body"): (
        "Syndiquée à la CGT, a menacé d'alerter son délégué si le remboursement tarde."
    ),
    ("crm.notes", 5, "body"): "Pratiquant musulman, ne pas appeler pendant le ramadan.",
    ("crm.notes", 6, "body"): "Client diabétique, souhaite un coffret cadeau sans chocolats.",
    ("crm.notes", 7, "body"): "D'origine maghrébine, préfère qu'on l'appelle en fin de journée.",
    ("crm.notes", 8, "body"): (
        f"Carte bancaire donnée au téléphone : {PLANTED_CARD_NUMBERS[0]}, exp. 09/27."
    ),
    ("crm.notes", 9, "body"): f"Remboursement à faire sur son IBAN {PLANTED_IBANS[0]}.",
    ("crm.notes", 10, "body"): (
        f"N° de sécurité sociale communiqué par la cliente : {PLANTED_NIRS[0]}."
    ),
    ("crm.notes", 11, "body"): (
        "Customer says he is homosexual and asked for discreet packaging for his partner's gift."
    ),
    ("crm.notes", 12, "body"): "Votes for the Green party, insists on plastic-free packaging.",
    ("crm.notes", 13, "body"): (
        f"Commande n° {PLANTED_NOT_A_CARD_NUMBER} livrée en retard, geste commercial de 10 € accordé."
    ),
    (
        "crm.notes",
        14,
        "body",
    ): "A choisi le modèle Santé+ de matelas, très satisfaite de la livraison.",
    ("crm.notes", 15, "body"): "Colis religieusement emballé par l'entrepôt, aucun dégât constaté.",
    ("crm.notes", 16, "body"): (
        "Mot de passe oublié : lien de réinitialisation envoyé, client reconnecté."
    ),
    ("crm.call_evaluations", 3, "comment"): (
        "She told us she is pregnant; the adviser offered delivery to the door. Good call."
    ),
    ("crm.call_evaluations", 4, "comment"): (
        "Cliente très remontée, dit être homosexuelle et avoir subi des remarques du livreur. "
        "Escalade faite."
    ),
    ("crm.call_evaluations", 5, "comment"): (
        f"Le client a donné son mot de passe : « mon mot de passe est {PLANTED_PASSWORDS[0]} ». "
        "Conseillé de le changer."
    ),
    ("crm.call_evaluations", 6, "comment"): (
        "Question sur l'enceinte Bluetooth de la lampe Nomade ; problème résolu en 4 minutes."
    ),
    ("crm.call_evaluations", 7, "comment"): (
        "Client militant chez les écologistes (EELV), très remonté contre les emballages plastique."
    ),
    ("helpdesk.ticket_messages", 18, "body"): (
        "Bonjour, je suis en fauteuil roulant depuis mon accident, pourriez-vous livrer au "
        "rez-de-chaussée ? Merci, Aurélie Chevalier"
    ),
    ("helpdesk.ticket_messages", 20, "body"): (
        f"Pour le dossier d'assurance, voici mon numéro de sécurité sociale : {PLANTED_NIRS[1]}"
    ),
    ("helpdesk.ticket_messages", 21, "body"): (
        f"Bonjour, voici mon RIB pour le remboursement : {PLANTED_IBANS[1]}. Élodie Mercier"
    ),
    ("helpdesk.ticket_messages", 23, "body"): (
        f"Le paiement a échoué, mon numéro de carte est le {PLANTED_CARD_NUMBERS[1]}, pouvez-vous "
        "réessayer ?"
    ),
    ("helpdesk.ticket_messages", 24, "body"): (
        "Hello, as a practising Catholic I would like the nativity lamp before Christmas mass. "
        f"My password is {PLANTED_PASSWORDS[1]} if you need to check my account."
    ),
    ("helpdesk.ticket_messages", 26, "body"): (
        "Hi, I'm a member of the Unite union and our branch would like to order 20 desk lamps."
    ),
    ("helpdesk.ticket_messages", 27, "body"): (
        "Hello Marc, the Union Jack cushion you asked about is back in stock. Kind regards, Sarah"
    ),
    ("helpdesk.ticket_messages", 28, "body"): (
        "Mon test ADN a révélé une prédisposition génétique aux allergies de contact : avez-vous "
        "des abat-jour sans nickel ?"
    ),
    ("helpdesk.ticket_messages", 29, "body"): (
        "I ordered the Party garland for my daughter's birthday party, can it arrive by Friday?"
    ),
}

_H, _R, _P, _U = "health", "religion", "political_opinion", "union_membership"
_E, _S, _B = "ethnic_origin", "sexual_orientation", "biometric_genetic"
_LABELS: dict[tuple[str, int, str], tuple[str, ...]] = {
    ("crm.notes", 2, "body"): (_H,),
    ("crm.notes", 3, "body"): (_H,),
    ("crm.notes", 4, "body"): (_U,),
    ("crm.notes", 5, "body"): (_R,),
    ("crm.notes", 6, "body"): (_H,),
    ("crm.notes", 7, "body"): (_E,),
    ("crm.notes", 8, "body"): ("card_number",),
    ("crm.notes", 9, "body"): ("iban",),
    ("crm.notes", 10, "body"): ("nir",),
    ("crm.notes", 11, "body"): (_S,),
    ("crm.notes", 12, "body"): (_P,),
    ("crm.notes", 13, "body"): (),
    ("crm.notes", 14, "body"): (),
    ("crm.notes", 15, "body"): (),
    ("crm.notes", 16, "body"): (),
    ("crm.call_evaluations", 3, "comment"): (_H,),
    ("crm.call_evaluations", 4, "comment"): (_S,),
    ("crm.call_evaluations", 5, "comment"): ("password",),
    ("crm.call_evaluations", 6, "comment"): (),
    ("crm.call_evaluations", 7, "comment"): (_P,),
    ("helpdesk.ticket_messages", 18, "body"): (_H,),
    ("helpdesk.ticket_messages", 20, "body"): ("nir",),
    ("helpdesk.ticket_messages", 21, "body"): ("iban",),
    ("helpdesk.ticket_messages", 23, "body"): ("card_number",),
    ("helpdesk.ticket_messages", 24, "body"): (_R, "password"),
    ("helpdesk.ticket_messages", 26, "body"): (_U,),
    ("helpdesk.ticket_messages", 27, "body"): (),
    ("helpdesk.ticket_messages", 28, "body"): (_B, _H),
    ("helpdesk.ticket_messages", 29, "body"): (),
}

PLANTED_REMARKS: list[PlantedRemark] = [
    PlantedRemark(dataset, key, field_name, frozenset(labels))
    for (dataset, key, field_name), labels in _LABELS.items()
]
PLANTED_HARD_NEGATIVES: list[PlantedRemark] = [r for r in PLANTED_REMARKS if not r.labels]

# --- 8. Object versions: keys with two versions, and keys whose latest version is a delete
# marker (listing shows nothing, yet an older version still holds personal data).
PLANTED_MULTI_VERSION_OBJECTS: tuple[tuple[str, str], ...] = (
    (
        "invoice_archive",
        KEY_TEMPLATES["invoice_archive.invoice_pdfs"].format(customer_id=1, invoice_id=1),
    ),
    ("call_audio", KEY_TEMPLATES["call_audio.recordings"].format(customer_id=5, recording_id=3)),
)
PLANTED_DELETE_MARKER_OBJECTS: tuple[tuple[str, str], ...] = (
    (
        "helpdesk_files",
        KEY_TEMPLATES["helpdesk_files.attachments"].format(ticket_id=7, attachment_id=3),
    ),
)

# A ticket from someone who is not in the CRM at all (crm_customer_id NULL).
PLANTED_NON_CUSTOMER_TICKET_ID = 11
PLANTED_NON_CUSTOMER_EMAIL = "louise.garnier@example.net"

# --- Privacy requests arriving as tickets (request intake). The data map's `intake` rule
# recognises them by category; every other planted or generated ticket is an ordinary one.
PLANTED_PRIVACY_ACCESS_TICKET_ID = 13  # access request from customer 12, 20 days before the seed
PLANTED_PRIVACY_ACCESS_EMAIL = "marc.lefebvre@example.org"
PLANTED_PRIVACY_ACCESS_DAYS_AGO = 20
PLANTED_PRIVACY_ERASURE_TICKET_ID = 14  # erasure request from the non-customer, 3 days before
PLANTED_PRIVACY_ERASURE_DAYS_AGO = 3
PLANTED_PRIVACY_TICKETS: dict[int, str] = {
    PLANTED_PRIVACY_ACCESS_TICKET_ID: "access",
    PLANTED_PRIVACY_ERASURE_TICKET_ID: "erasure",
}
PLANTED_PRIVACY_MESSAGE_IDS = (31, 32)  # the requesters' messages on tickets 13 and 14

# The fewest customers the generator accepts: the planted ones plus a population.
PLANTED_CUSTOMER_COUNT = 13
PLANTED_PROSPECT_COUNT = 4
MIN_CUSTOMERS = 20


def _subject_object_keys() -> dict[str, tuple[str, ...]]:
    """The subject's S3 keys, by '<system>.<dataset>', exactly as the key templates give them."""
    customer = PLANTED_SUBJECT_CUSTOMER_ID
    invoice_keys = tuple(
        KEY_TEMPLATES["invoice_archive.invoice_pdfs"].format(customer_id=customer, invoice_id=i)
        for i in PLANTED_SUBJECT_INVOICE_IDS
    )
    audio_keys = tuple(
        KEY_TEMPLATES["call_audio.recordings"].format(customer_id=customer, recording_id=r)
        for r in PLANTED_SUBJECT_RECORDING_IDS
    )
    attachment_keys = tuple(
        KEY_TEMPLATES["helpdesk_files.attachments"].format(ticket_id=t, attachment_id=a)
        for t, a in zip((2, 3), PLANTED_SUBJECT_ATTACHMENT_IDS, strict=True)
    )
    return {
        "invoice_archive.invoice_pdfs": invoice_keys,
        "call_audio.recordings": audio_keys,
        "helpdesk_files.attachments": attachment_keys,
    }


PLANTED_SUBJECT_OBJECT_KEYS: dict[str, tuple[str, ...]] = _subject_object_keys()


@dataclass(frozen=True)
class PlantedSubject:
    """Everything the seed holds about the planted subject, by dataset."""

    email: str = PLANTED_SUBJECT_EMAIL
    first_name: str = PLANTED_SUBJECT_FIRST_NAME
    last_name: str = PLANTED_SUBJECT_LAST_NAME
    phone: str = PLANTED_SUBJECT_PHONE
    customer_id: int = PLANTED_SUBJECT_CUSTOMER_ID
    prospect_id: int = PLANTED_SUBJECT_PROSPECT_ID
    interaction_ids: tuple[int, ...] = PLANTED_SUBJECT_INTERACTION_IDS
    consent_ids: tuple[int, ...] = PLANTED_SUBJECT_CONSENT_IDS
    order_ids: tuple[int, ...] = PLANTED_SUBJECT_ORDER_IDS
    invoice_ids: tuple[int, ...] = PLANTED_SUBJECT_INVOICE_IDS
    payment_ids: tuple[int, ...] = PLANTED_SUBJECT_PAYMENT_IDS
    note_ids: tuple[int, ...] = PLANTED_SUBJECT_NOTE_IDS
    recording_ids: tuple[int, ...] = PLANTED_SUBJECT_RECORDING_IDS
    evaluation_ids: tuple[int, ...] = PLANTED_SUBJECT_EVALUATION_IDS
    ticket_ids: tuple[int, ...] = PLANTED_SUBJECT_TICKET_IDS
    linked_ticket_ids: tuple[int, ...] = PLANTED_SUBJECT_LINKED_TICKET_IDS
    unlinked_ticket_ids: tuple[int, ...] = PLANTED_SUBJECT_UNLINKED_TICKET_IDS
    message_ids: tuple[int, ...] = PLANTED_SUBJECT_MESSAGE_IDS
    attachment_ids: tuple[int, ...] = PLANTED_SUBJECT_ATTACHMENT_IDS
    object_keys: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: dict(PLANTED_SUBJECT_OBJECT_KEYS)
    )

    def ids(self) -> dict[str, tuple[int, ...]]:
        """Primary keys of the subject's rows by '<system>.<dataset>' (what an erasure touches)."""
        return {
            "crm.customers": (self.customer_id,),
            "crm.prospects": (self.prospect_id,),
            "crm.prospect_interactions": self.interaction_ids,
            "crm.consents": self.consent_ids,
            "crm.orders": self.order_ids,
            "crm.invoices": self.invoice_ids,
            "crm.payments": self.payment_ids,
            "crm.notes": self.note_ids,
            "crm.call_recordings": self.recording_ids,
            "crm.call_evaluations": self.evaluation_ids,
            "helpdesk.tickets": self.ticket_ids,
            "helpdesk.ticket_messages": self.message_ids,
            "helpdesk.ticket_attachments": self.attachment_ids,
        }


@dataclass(frozen=True)
class Planted:
    """The planted cases of one seed (the same ids every time; see the module constants)."""

    subject: PlantedSubject = field(default_factory=PlantedSubject)
    near_miss_emails: tuple[str, ...] = PLANTED_NEAR_MISS_EMAILS
    near_miss_customer_ids: tuple[int, ...] = PLANTED_NEAR_MISS_CUSTOMER_IDS
    near_miss_prospect_ids: tuple[int, ...] = PLANTED_NEAR_MISS_PROSPECT_IDS
    near_miss_ticket_ids: tuple[int, ...] = PLANTED_NEAR_MISS_TICKET_IDS
    expired_customer_ids: tuple[int, ...] = PLANTED_EXPIRED_CUSTOMER_IDS
    expired_with_invoices_customer_id: int = PLANTED_EXPIRED_WITH_INVOICES_CUSTOMER_ID
    expired_kept_invoice_ids: tuple[int, ...] = PLANTED_EXPIRED_KEPT_INVOICE_IDS
    expired_with_recordings_customer_id: int = PLANTED_EXPIRED_WITH_RECORDINGS_CUSTOMER_ID
    expired_ticket_ids: tuple[int, ...] = PLANTED_EXPIRED_TICKET_IDS
    legal_hold_customer_id: int = PLANTED_LEGAL_HOLD_CUSTOMER
    old_recording_ids: tuple[int, ...] = PLANTED_OLD_RECORDING_IDS
    consent_without_proof_ids: tuple[int, ...] = PLANTED_CONSENT_WITHOUT_PROOF_IDS
    consent_withdrawn_not_honoured_ids: tuple[int, ...] = PLANTED_CONSENT_WITHDRAWN_NOT_HONOURED_IDS
    inactive_prospect_with_recent_open_id: int = PLANTED_INACTIVE_PROSPECT_WITH_RECENT_OPEN_ID
    non_customer_ticket_id: int = PLANTED_NON_CUSTOMER_TICKET_ID
    remarks: tuple[PlantedRemark, ...] = tuple(PLANTED_REMARKS)
    multi_version_objects: tuple[tuple[str, str], ...] = PLANTED_MULTI_VERSION_OBJECTS
    delete_marker_objects: tuple[tuple[str, str], ...] = PLANTED_DELETE_MARKER_OBJECTS


PLANTED = Planted()
