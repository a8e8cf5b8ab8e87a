"""Typed models of the data map.

The data map is the organisation's own description of its personal data: systems, datasets,
fields with their categories, purposes with their legal basis, and retention rules. Every
capability of the product reads it; nothing in the code names a table, column or bucket.
The models check shapes and types; cross-references (a reference to a dataset, a category
key, a placeholder of a key template) are checked in ``checks.py`` so the error can say what
would be valid.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

NAME = r"^[a-z][a-z0-9_]*$"
DATASET_ID = r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$"

LegalBasis = Literal[
    "consent",  # Art. 6(1)(a)
    "contract",  # Art. 6(1)(b)
    "legal_obligation",  # Art. 6(1)(c)
    "vital_interests",  # Art. 6(1)(d)
    "public_task",  # Art. 6(1)(e)
    "legitimate_interest",  # Art. 6(1)(f)
]
LEGAL_BASIS_ARTICLES: dict[str, str] = {
    "consent": "Art. 6(1)(a)",
    "contract": "Art. 6(1)(b)",
    "legal_obligation": "Art. 6(1)(c)",
    "vital_interests": "Art. 6(1)(d)",
    "public_task": "Art. 6(1)(e)",
    "legitimate_interest": "Art. 6(1)(f)",
}
FieldErasure = Literal["delete", "null", "hash", "redact", "keep"]
DatasetErasure = Literal["delete", "anonymise", "keep"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Contact(_Model):
    email: str | None = Field(None, description="E-mail address")
    phone: str | None = Field(None, description="Telephone number")


class Dpo(_Model):
    name: str = Field(description="Name of the data protection officer (Art. 37)")
    email: str = Field(description="E-mail address subjects and the authority use to reach the DPO")
    address: str | None = Field(None, description="Postal address")
    phone: str | None = None


class Authority(_Model):
    name: str = Field(description="Lead supervisory authority, e.g. the CNIL")
    address: str | None = None
    url: str | None = Field(None, description="Where a subject can lodge a complaint (Art. 77)")


class Organisation(_Model):
    name: str = Field(description="Legal name of the controller")
    address: str = Field(description="Registered address of the controller")
    timezone: str = Field(
        "Europe/Paris", description="IANA time zone that legal clocks are counted in"
    )
    contact: Contact = Field(
        default_factory=Contact, description="Controller contact details (Art. 30(1)(a))"
    )
    dpo: Dpo
    supervisory_authority: Authority
    security_measures: list[str] = Field(
        default_factory=list,
        description="General description of security measures (Art. 30(1)(g), Art. 32)",
    )


class Identity(_Model):
    name: str = Field(
        pattern=NAME, description="Identity name used by datasets' `identity` mappings"
    )
    kind: Literal["email", "phone", "customer_number", "other"] = Field(
        description="How values are normalised before matching (email: trimmed, case-insensitive)"
    )
    description: str | None = None


class Location(_Model):
    conn_id: str = Field(min_length=1, description="Airflow connection id (aws) of the bucket")
    bucket: str = Field(min_length=3, description="Bucket name")
    prefix: str = Field("", description="Key prefix under which files are written")


class Recipient(_Model):
    name: str
    category: str = Field(
        description="Category of recipient (Art. 30(1)(d)), e.g. carrier, processor"
    )
    country: str = Field("FR", pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 country code")
    notify: str | None = Field(
        None,
        description="E-mail address notified of rectification, erasure or restriction (Art. 19)",
    )


class Transfer(_Model):
    country: str = Field(pattern=r"^[A-Z]{2}$", description="Third country (ISO 3166-1 alpha-2)")
    recipient: str | None = None
    safeguard: str = Field(
        description="Appropriate safeguard (Art. 44-49), e.g. standard contractual clauses"
    )


class Purpose(_Model):
    id: str = Field(pattern=NAME, description="Identifier datasets refer to")
    name: str = Field(description="Short human-readable name, shown in reports")
    description: str
    legal_basis: LegalBasis = Field(description="Legal basis under Art. 6(1)")
    data_subjects: list[str] = Field(
        min_length=1, description="Categories of data subjects, e.g. customers"
    )
    recipients: list[Recipient] = Field(default_factory=list)
    transfers: list[Transfer] = Field(
        default_factory=list, description="Transfers to third countries"
    )
    sources: list[str] = Field(
        default_factory=list,
        description="Where data comes from when not collected from the subject (Art. 14)",
    )


class FieldSpec(_Model):
    categories: list[str] = Field(
        min_length=1, description="Data category keys (fideslang taxonomy)"
    )
    provided: bool = Field(
        False, description="Provided by the subject (in scope of portability, Art. 20)"
    )
    erasure: FieldErasure | None = Field(
        None, description="What erasure does to this field; defaults from the dataset's `erasure`"
    )
    necessary: bool = Field(
        True, description="False when the purposes do not need it (minimisation, Art. 5(1)(c))"
    )
    free_text: bool = Field(
        False, description="Free text, scanned for special categories and identifiers"
    )
    about_others: bool = Field(
        False, description="Holds data about other people (excluded from portability)"
    )
    description: str | None = None


class Reference(_Model):
    dataset: str = Field(
        pattern=DATASET_ID, description="The referenced dataset, as `system.dataset`"
    )
    fields: dict[str, str] = Field(
        min_length=1,
        description="Local field -> field of the referenced dataset (a join condition)",
    )


class Dataset(_Model):
    name: str = Field(pattern=NAME)
    description: str | None = None
    subjects: str = Field(description="Category of data subjects the records are about")
    purposes: list[str] = Field(min_length=1, description="Purpose ids this data is processed for")
    references: list[Reference] = Field(
        default_factory=list,
        description="How records link to records of another dataset (followed across systems)",
    )
    identity: dict[str, str] = Field(
        default_factory=dict,
        description="Identity name -> field holding it, for datasets searched directly",
    )
    erasure: DatasetErasure = Field(
        "delete", description="Default erasure for the dataset's records"
    )
    # sql
    table: str | None = Field(None, description="Table name (sql); defaults to the dataset name")
    db_schema: str | None = Field(
        None, alias="schema", description="Database schema (sql), if not the default"
    )
    primary_key: list[str] = Field(default_factory=list, description="Primary key fields (sql)")
    fields: dict[str, FieldSpec] = Field(
        default_factory=dict, description="Every column of the table (sql)"
    )
    restriction_flag: str | None = Field(
        None,
        description="Boolean field set when processing is restricted (Art. 18); every job honours it",
    )
    # s3
    key_template: str | None = Field(
        None,
        description="Object key template (s3) whose {placeholders} are fields bound by `references`",
    )
    categories: list[str] = Field(
        default_factory=list, description="Data categories of the objects (s3)"
    )
    provided: bool = Field(False, description="Objects were provided by the subject (s3)")

    @property
    def table_name(self) -> str:
        return self.table or self.name


class System(_Model):
    name: str = Field(pattern=NAME)
    kind: Literal["sql", "s3"] = Field(description="sql (PostgreSQL, MariaDB/MySQL, SQLite) or s3")
    conn_id: str = Field(
        min_length=1, description="Airflow connection id; credentials never go in the map"
    )
    bucket: str | None = Field(None, description="Bucket name (s3)")
    description: str | None = None
    datasets: list[Dataset] = Field(min_length=1)


class RetentionStart(_Model):
    column: str | None = Field(None, description="Date/time field the period runs from")
    sql: str | None = Field(
        None,
        description="File under include/sql returning the expired primary keys, with bind parameter :cutoff",
    )
    object_modified: bool = Field(False, description="The object's last-modified time (s3)")

    @model_validator(mode="after")
    def _exactly_one(self) -> RetentionStart:
        given = [k for k in ("column", "sql") if getattr(self, k)] + (
            ["object_modified"] if self.object_modified else []
        )
        if len(given) != 1:
            raise ValueError("give exactly one of `column`, `sql` or `object_modified: true`")
        return self


class Exemptions(_Model):
    legal_hold: bool = Field(True, description="Skip records under a legal hold in the ledger")
    open_request: bool = Field(True, description="Skip subjects with an open request")
    restriction: bool = Field(
        True, description="Skip records whose restriction flag is set (Art. 18)"
    )


class RetentionRule(_Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    dataset: str = Field(pattern=DATASET_ID)
    start: RetentionStart
    period: str = Field(description="ISO 8601 duration, e.g. P3Y, P13M, P6M")
    action: Literal["delete", "anonymise"]
    citation: str = Field(description="Legal source of the period, cited in evidence and reports")
    description: str | None = None
    keep: list[str] = Field(
        default_factory=list,
        description="Datasets referencing this one that must be kept (anonymised) under their own rule",
    )
    fields: list[str] = Field(
        default_factory=list,
        description="With `action: anonymise`, the fields to erase (default: every field with an `erasure` strategy)",
    )
    exemptions: Exemptions = Field(default_factory=Exemptions)


class DataMap(_Model):
    version: Literal[1] = 1
    organisation: Organisation
    identities: list[Identity] = Field(min_length=1)
    reports: Location = Field(description="Where HTML/CSV reports are written")
    delivery: Location = Field(description="Where subject packages are delivered")
    purposes: list[Purpose] = Field(min_length=1)
    systems: list[System] = Field(min_length=1)
    retention: list[RetentionRule] = Field(default_factory=list)

    _source: str = PrivateAttr("<memory>")
    _digest: str = PrivateAttr("")
    _sql_dir: str | None = PrivateAttr(None)

    # -- lookups ---------------------------------------------------------------------------
    def iter_datasets(self) -> Iterator[DatasetRef]:
        for system in self.systems:
            for dataset in system.datasets:
                yield DatasetRef(system, dataset)

    def dataset_ids(self) -> list[str]:
        return [ref.id for ref in self.iter_datasets()]

    def dataset(self, dataset_id: str) -> DatasetRef:
        for ref in self.iter_datasets():
            if ref.id == dataset_id:
                return ref
        raise KeyError(f"unknown dataset {dataset_id!r}")

    def system(self, name: str) -> System:
        for system in self.systems:
            if system.name == name:
                return system
        raise KeyError(f"unknown system {name!r}")

    def purpose(self, purpose_id: str) -> Purpose:
        for purpose in self.purposes:
            if purpose.id == purpose_id:
                return purpose
        raise KeyError(f"unknown purpose {purpose_id!r}")

    def rule(self, rule_id: str) -> RetentionRule:
        for rule in self.retention:
            if rule.id == rule_id:
                return rule
        raise KeyError(f"unknown retention rule {rule_id!r}")

    @property
    def source(self) -> str:
        return self._source

    @property
    def digest(self) -> str:
        """SHA-256 of the map's text: runs record which version of the map they applied."""
        return self._digest

    @property
    def sql_dir(self) -> str | None:
        return self._sql_dir


@dataclass(frozen=True)
class DatasetRef:
    """A dataset with the system it lives in: most code needs both."""

    system: System
    dataset: Dataset

    @property
    def id(self) -> str:
        return f"{self.system.name}.{self.dataset.name}"

    @property
    def kind(self) -> str:
        return self.system.kind

    def __repr__(self) -> str:
        return f"DatasetRef({self.id})"
