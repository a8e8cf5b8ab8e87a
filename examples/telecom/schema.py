"""Ondes Télécom's databases, as SQLAlchemy Core metadata (mirrors examples/telecom/datamap.yaml).

``si_clients`` (PostgreSQL in production, SQLite in the embedded default) is the subscriber
information system: every key of the chain abonné -> contrat -> ligne -> consommation, and of
factures and documents, is a UUID (PostgreSQL's native ``uuid``; 36-character text elsewhere).
``service_client`` (MariaDB) is the customer-service tool: BIGINT keys, and no key shared with
the CRM at all; a complaint is linked to a subscriber only by the e-mail its author typed.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa

# The object key template of the contract documents bucket (the data map says the same).
DOCUMENT_KEY = "contrats/{contrat_id}/{document_id}.pdf"

NAMING = {
    "pk": "pk_%(table_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "ix": "ix_%(table_name)s_%(column_0_name)s",
}
SI_CLIENTS = sa.MetaData(naming_convention=NAMING)
SERVICE_CLIENT = sa.MetaData(naming_convention=NAMING)

# Native uuid on PostgreSQL; canonical dashed text on SQLite and MariaDB.
UUID = sa.Uuid(as_uuid=True).with_variant(sa.String(36), "sqlite", "mysql", "mariadb")
MAIL = sa.String(320)
NOM = sa.String(100)
MONTANT = sa.Numeric(10, 2)


def _restreint() -> sa.Column:
    return sa.Column(
        "traitement_restreint",
        sa.Boolean(create_constraint=False),
        nullable=False,
        default=False,
        server_default=sa.false(),
    )


abonnes = sa.Table(
    "abonnes",
    SI_CLIENTS,
    sa.Column("abonne_id", UUID, primary_key=True),
    sa.Column("mail", MAIL, nullable=False),  # as typed: mixed case, stray spaces
    sa.Column("civilite", sa.String(4)),
    sa.Column("prenom", NOM),
    sa.Column("nom", NOM),
    sa.Column("telephone_contact", sa.String(32)),
    sa.Column("date_naissance", sa.Date),
    sa.Column("adresse", sa.String(200)),
    sa.Column("code_postal", sa.String(10)),
    sa.Column("commune", NOM),
    sa.Column("cree_le", sa.DateTime, nullable=False),
    sa.Column("resilie_le", sa.DateTime),  # end of the relationship (last contract ended)
    _restreint(),
)

contrats = sa.Table(
    "contrats",
    SI_CLIENTS,
    sa.Column("contrat_id", UUID, primary_key=True),
    sa.Column("abonne_id", UUID, sa.ForeignKey("abonnes.abonne_id"), nullable=False, index=True),
    sa.Column("offre", sa.String(40), nullable=False),
    sa.Column("signe_le", sa.DateTime, nullable=False),
    sa.Column("resilie_le", sa.DateTime),
)

lignes = sa.Table(
    "lignes",
    SI_CLIENTS,
    sa.Column("ligne_id", UUID, primary_key=True),
    sa.Column("contrat_id", UUID, sa.ForeignKey("contrats.contrat_id"), nullable=False, index=True),
    sa.Column("msisdn", sa.String(16), nullable=False),
    sa.Column("iccid", sa.String(22)),
    sa.Column("activee_le", sa.DateTime, nullable=False),
)

consommations = sa.Table(
    "consommations",
    SI_CLIENTS,
    sa.Column("consommation_id", UUID, primary_key=True),
    sa.Column("ligne_id", UUID, sa.ForeignKey("lignes.ligne_id"), nullable=False, index=True),
    sa.Column("mois", sa.Date, nullable=False),  # first day of the month billed
    sa.Column("donnees_mo", sa.Integer, nullable=False),
    sa.Column("minutes", sa.Integer, nullable=False),
    sa.Column("sms", sa.Integer, nullable=False),
)

factures = sa.Table(
    "factures",
    SI_CLIENTS,
    sa.Column("facture_id", UUID, primary_key=True),
    sa.Column("contrat_id", UUID, sa.ForeignKey("contrats.contrat_id"), index=True),
    sa.Column("emise_le", sa.DateTime, nullable=False),
    sa.Column("exercice_clos_le", sa.Date, nullable=False),
    sa.Column("montant_ttc", MONTANT, nullable=False),
    sa.Column("nom_facturation", sa.String(200)),
    sa.Column("adresse_facturation", sa.String(400)),
)

documents = sa.Table(
    "documents",
    SI_CLIENTS,
    sa.Column("document_id", UUID, primary_key=True),
    sa.Column("contrat_id", UUID, sa.ForeignKey("contrats.contrat_id"), nullable=False, index=True),
    sa.Column("type_document", sa.String(30), nullable=False),
    sa.Column("depose_le", sa.DateTime, nullable=False),
)

# A family account shared by two subscribers (a holder and a co-holder): each one's share of the
# bill is about that person alone (the data map's `role` and `owns`), the rest is common.
comptes_famille = sa.Table(
    "comptes_famille",
    SI_CLIENTS,
    sa.Column("compte_id", UUID, primary_key=True),
    sa.Column("libelle", sa.String(60), nullable=False),
    sa.Column("ouvert_le", sa.DateTime, nullable=False),
    sa.Column("titulaire_id", UUID, sa.ForeignKey("abonnes.abonne_id"), index=True),
    sa.Column("titulaire_part_pct", sa.Integer),
    sa.Column("cotitulaire_id", UUID, sa.ForeignKey("abonnes.abonne_id"), index=True),
    sa.Column("cotitulaire_part_pct", sa.Integer),
)

reclamations = sa.Table(
    "reclamations",
    SERVICE_CLIENT,
    sa.Column("reclamation_id", sa.BigInteger, primary_key=True, autoincrement=True),
    sa.Column("mail_client", MAIL, nullable=False, index=True),  # no key of the CRM, only this
    sa.Column("nom_client", sa.String(200)),
    sa.Column("objet", sa.String(200), nullable=False),
    sa.Column("motif", sa.String(30), nullable=False),
    sa.Column("canal", sa.String(20), nullable=False),
    sa.Column("statut", sa.String(20), nullable=False),
    sa.Column("ouverte_le", sa.DateTime, nullable=False),
    sa.Column("cloturee_le", sa.DateTime),
    _restreint(),
)

messages_reclamation = sa.Table(
    "messages_reclamation",
    SERVICE_CLIENT,
    sa.Column("message_id", sa.BigInteger, primary_key=True, autoincrement=True),
    sa.Column(
        "reclamation_id",
        sa.BigInteger,
        sa.ForeignKey("reclamations.reclamation_id"),
        nullable=False,
        index=True,
    ),
    sa.Column("auteur", sa.String(20), nullable=False),  # client | conseiller
    sa.Column("conseiller", NOM),
    sa.Column("texte", sa.Text, nullable=False),
    sa.Column("envoye_le", sa.DateTime, nullable=False),
)

for _metadata in (SI_CLIENTS, SERVICE_CLIENT):
    for _table in _metadata.tables.values():
        _table.dialect_options["mysql"]["charset"] = "utf8mb4"

# The data map's SQL systems and their tables, parents before children.
DATABASES: dict[str, sa.MetaData] = {"si_clients": SI_CLIENTS, "service_client": SERVICE_CLIENT}
TABLE_ORDER: dict[str, tuple[str, ...]] = {
    "si_clients": (
        "abonnes",
        "contrats",
        "lignes",
        "consommations",
        "factures",
        "documents",
        "comptes_famille",
    ),
    "service_client": ("reclamations", "messages_reclamation"),
}
# The S3 system holding the contract documents (versioned), and its dataset.
DOCUMENTS_SYSTEM = "documents_contrats"
DOCUMENTS_DATASET = "documents_contrats.pieces"


def to_db(value: object, dialect: str) -> object:
    """A UUID as the dialect stores it: native on PostgreSQL, canonical text elsewhere."""
    if isinstance(value, uuid.UUID) and dialect != "postgresql":
        return str(value)
    return value
