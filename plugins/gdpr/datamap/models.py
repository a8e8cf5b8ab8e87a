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
from datetime import date, datetime
from typing import Any, Literal

import holidays
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from gdpr.datamap.presets import PRESETS, with_preset

NAME = r"^[a-z][a-z0-9_]*$"
DATASET_ID = r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$"
# Where an extended request period ends (Art. 12(3)): "earlier" takes the earlier of two months
# after the end of the first month and three months from receipt (31 Jan -> 28 Apr, the strict
# default); "three_months_from_receipt" takes the other reading (31 Jan -> 30 Apr).
ExtensionEnd = Literal["earlier", "three_months_from_receipt"]

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
    default_region: str | None = Field(
        None,
        pattern=r"^[A-Za-z]{2}$",
        description="Country (ISO 3166-1 alpha-2) that phone numbers written without a country "
        "code are read in, e.g. FR for 06 12 34 56 78; default: the country of `timezone`",
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
        description="How values are normalised before matching (email: trimmed, case-insensitive; "
        "phone: E.164, read in the organisation's `default_region` without a country code; "
        "customer_number, other: trimmed)"
    )
    description: str | None = None


class Location(_Model):
    conn_id: str = Field(min_length=1, description="Airflow connection id (aws) of the bucket")
    bucket: str = Field(min_length=3, description="Bucket name")
    prefix: str = Field("", description="Key prefix under which files are written")


class ReportsLocation(Location):
    findings_days: int = Field(
        90,
        ge=1,
        le=3650,
        description="Days the minimisation findings (the keys of the records found, per "
        "dataset) and the Great Expectations Data Docs (which may quote values) stay in the "
        "reports location; then every version is deleted, by each minimisation run and by a "
        "lifecycle rule. Certificates, registers and other reports do not expire",
    )


class DeliveryLocation(Location):
    latest_only: bool = Field(
        False,
        description="Access packages carry only the newest version holding data of each object "
        "(s3); by default every version the organisation keeps in a versioned bucket, each "
        "file named with its time. The cover letter says which",
    )


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
    automated_decisions: str | None = Field(
        None,
        description="Automated decision-making or profiling (Art. 22) in this purpose: the logic, "
        "significance and envisaged consequences; empty when there is none (Art. 15(1)(h))",
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
    rectifiable: bool = Field(
        False,
        description="The subject may have it corrected (Art. 16): offered by the rectification form, "
        "updated in every dataset holding a rectifiable field of the same category",
    )
    description: str | None = None


class TextObjects(_Model):
    """Objects whose content is free text (s3): scanned like free-text fields."""

    content_types: list[str] = Field(
        default_factory=lambda: ["text/plain", "text/csv", "text/markdown", "message/rfc822"],
        min_length=1,
        description="Content types read as text (the object's Content-Type, parameters ignored)",
    )
    max_bytes: int = Field(
        1_000_000,
        gt=0,
        le=50_000_000,
        description="Bytes read from the start of each object; the rest is not scanned",
    )


class DocumentKinds(_Model):
    """The kinds of files a dataset of objects (s3) may hold, and those it must not hold
    (Art. 5(1)(c)): a tenant file needs payslips and an identity document, never bank
    statements or a medical record. The minimisation checks report each forbidden file."""

    segment: str | None = Field(
        None,
        description="The kind is a field of the key template: a placeholder or a named free "
        "segment such as `{*kind}` in 'tenants/{file_id}/{*kind}/{*}.pdf'",
    )
    tag: str | None = Field(None, description="The kind is the value of this object tag")
    content_type: bool = Field(
        False, description="The kind is the object's Content-Type, e.g. application/pdf"
    )
    allowed: list[str] = Field(
        default_factory=list,
        description="Kinds the dataset may hold; when given, a file of any other kind (or of no "
        "kind) is reported too",
    )
    forbidden: list[str] = Field(
        default_factory=list,
        min_length=1,
        description="Kinds the dataset must not hold: each file of one is reported by key and kind",
    )

    @model_validator(mode="after")
    def _one_source(self) -> DocumentKinds:
        given = [k for k in ("segment", "tag") if getattr(self, k)] + (
            ["content_type"] if self.content_type else []
        )
        if len(given) != 1:
            raise ValueError(
                "say where a file's kind is read: exactly one of `segment`, `tag` or "
                "`content_type: true`"
            )
        both = sorted(set(self.allowed) & set(self.forbidden))
        if both:
            raise ValueError(f"{', '.join(both)} cannot be both allowed and forbidden")
        return self


class Archive(_Model):
    """Objects that are zip archives whose members are the records (s3): an export archive per
    customer, a monthly archive with one member per customer."""

    format: Literal["zip"] = Field("zip", description="Archive format: zip")
    members: str = Field(
        min_length=1,
        description="Member name template, e.g. '{holder_id}/{document}.pdf': its "
        "{placeholders} are fields like the key template's (bound by `references`, or any "
        "value); members whose names do not match are not records of the dataset",
    )
    max_bytes: int = Field(
        100_000_000,
        gt=0,
        description="Largest archive erasure rewrites without the subject's members; the "
        "members of a larger one are reported kept, with the reason (finding and exporting "
        "members reads only what they need, at any size)",
    )


RtCollection = Literal["ticket", "correspondence", "attachment", "user"]


# The fields of each kind of RT record a dataset may declare, as REST 2 names them (a ticket's
# custom fields are ``CF.<name>`` besides these); erasure can change the ``RT_WRITABLE`` ones.
RT_FIELDS: dict[str, frozenset[str]] = {
    "ticket": frozenset(
        [
            "id",
            "Queue",
            "Subject",
            "Status",
            "Owner",
            "Requestor",
            "Cc",
            "AdminCc",
            "Priority",
            "Created",
            "Started",
            "Resolved",
            "LastUpdated",
            "Due",
            "Starts",
        ]
    ),
    "correspondence": frozenset(["id", "Ticket", "Type", "Created", "Creator", "Content"]),
    "attachment": frozenset(
        ["id", "TransactionId", "Filename", "ContentType", "Created", "Content"]
    ),
    "user": frozenset(
        [
            "id",
            "Name",
            "EmailAddress",
            "RealName",
            "NickName",
            "Organization",
            "Address1",
            "Address2",
            "City",
            "State",
            "Zip",
            "Country",
            "HomePhone",
            "WorkPhone",
            "MobilePhone",
            "PagerPhone",
            "Comments",
            "Created",
        ]
    ),
}
RT_WRITABLE: dict[str, frozenset[str]] = {
    "ticket": frozenset(["Subject", "Requestor", "Cc", "AdminCc"]),
    "correspondence": frozenset(),
    "attachment": frozenset(),
    "user": RT_FIELDS["user"] - {"id", "Created"},
}
RT_CUSTOM_FIELD = "CF."  # prefix of a ticket's custom field


class RtRecords(_Model):
    """The Request Tracker records a dataset of an rt system holds. Fields are named as RT's
    REST 2 API names them (``Subject``, ``Requestor``, ``Created``, ``Content``...); a ticket's
    custom field is ``CF.<name>``."""

    records: RtCollection = Field(
        description="ticket; correspondence (a ticket's create, reply and comment "
        "transactions, `Ticket` naming the ticket, `Content` their text); attachment (a file "
        "attached to a transaction, `TransactionId` naming it); user (RT's user records)"
    )
    query: str | None = Field(
        None,
        description="With `records: ticket`: TicketSQL narrowing which ticket records (e.g. "
        "\"Queue = 'Support'\"); default: every ticket",
    )


class Reference(_Model):
    dataset: str = Field(
        pattern=DATASET_ID, description="The referenced dataset, as `system.dataset`"
    )
    fields: dict[str, str] = Field(
        min_length=1,
        description="Local field -> field of the referenced dataset (a join condition)",
    )
    role: str | None = Field(
        None,
        pattern=NAME,
        description="The part the referenced person plays in a record shared by several "
        "parties (a rental file's tenant, co-tenant, guarantor): a dataset with two or more "
        "references naming a role is shared; each party reaches the common fields and its own "
        "role's link and `owns` fields only, and erasing one party empties its part of the "
        "record while another party remains on it",
    )
    owns: list[str] = Field(
        default_factory=list,
        description="With `role`: the fields of this dataset about the person this reference "
        "points to (the guarantor's income), never shown to the other parties, emptied when "
        "that person's data is erased",
    )
    match: Literal["email", "phone", "customer_number", "other"] | None = Field(
        None,
        description="Compare the one linked field by its normalised value, as an identity of "
        "this kind is (email: trimmed, lower case; phone: E.164 in the organisation's region; "
        "customer_number, other: trimmed), e.g. a service desk linked to the CRM only by a typed "
        "e-mail; default: the values as stored",
    )

    @model_validator(mode="after")
    def _owns_needs_role(self) -> Reference:
        if self.owns and self.role is None:
            raise ValueError("`owns` lists the fields of a party: give the reference a `role`")
        if self.match and len(self.fields) != 1:
            raise ValueError("`match` compares one field: give the reference one field pair")
        return self


class Consent(_Model):
    """Where a dataset records marketing consent, so the minimisation checks can prove it."""

    opt_in: str = Field(description="Boolean field: true while the person agrees")
    given_at: str = Field(description="When the opt-in was given (evidence of a clear act)")
    source: str = Field(description="Where the opt-in was given (form, checkout...), the evidence")
    withdrawn_at: str | None = Field(
        None, description="When consent was withdrawn; a withdrawn consent must not be opted in"
    )
    channel: str | None = Field(None, description="Channel the consent is for (e-mail, SMS...)")
    invalid_sources: list[str] = Field(
        default_factory=list,
        description="Values of `source` that do not count as consent (a pre-ticked box, a "
        "bought list): an opt-in from one of them is reported as invalid",
    )

    def field_names(self) -> dict[str, str]:
        return {
            key: value
            for key, value in (
                ("opt_in", self.opt_in),
                ("given_at", self.given_at),
                ("source", self.source),
                ("withdrawn_at", self.withdrawn_at),
                ("channel", self.channel),
            )
            if value
        }


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
    one_per_subject: bool = Field(
        False,
        description="Each record is a different person (a customers or members table): an "
        "identity matching several records of it belongs to several people (a couple sharing "
        "an e-mail), so a request stops and asks for a second identifier instead of merging "
        "them. Leave false where one person has many records (their letters, complaints)",
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
        description="Boolean field set when processing is restricted (Art. 18); every job honours "
        "it. A dataset without one is restricted in the ledger, honoured the same way",
    )
    consent: Consent | None = Field(
        None,
        description="Fields recording marketing consent (sql): checked for opt-in evidence and withdrawals",
    )
    # s3
    key_template: str | None = Field(
        None,
        description="Object key template (s3) whose {placeholders} are fields bound by `references`",
    )
    archive: Archive | None = Field(
        None,
        description="The objects are zip archives and their members are the records (s3): "
        "access exports the subject's members, erasure rewrites each archive without them",
    )
    categories: list[str] = Field(
        default_factory=list, description="Data categories of the objects (s3)"
    )
    provided: bool = Field(False, description="Objects were provided by the subject (s3)")
    text_objects: TextObjects | None = Field(
        None,
        description="The objects of these content types are free text (s3): the minimisation "
        "checks scan them for special categories and identifiers",
    )
    documents: DocumentKinds | None = Field(
        None,
        description="The kinds of files the objects may and must not be (s3), read from a key "
        "segment, a tag or the content type: the minimisation checks report forbidden files",
    )
    rt: RtRecords | None = Field(
        None,
        description="Which Request Tracker records the dataset holds (rt): ticket, "
        "correspondence, attachment or user records",
    )
    provided_when: dict[str, str | int | bool] = Field(
        default_factory=dict,
        description="Portability (Art. 20) takes only the rows whose fields have these values, "
        "e.g. the messages the subject wrote and not the staff's replies (sql)",
    )

    @property
    def table_name(self) -> str:
        return self.table or self.name

    @property
    def parties(self) -> dict[str, list[str]]:
        """A record shared by several parties (two or more references naming a `role`): each
        role's fields, its link's local fields then the fields it `owns`. Empty otherwise."""
        roles = [r for r in self.references if r.role is not None]
        if len(roles) < 2:
            return {}
        parties: dict[str, list[str]] = {}
        for r in roles:
            parties.setdefault(r.role or "", []).extend([*r.fields, *r.owns])
        return {role: list(dict.fromkeys(fields)) for role, fields in parties.items()}

    @model_validator(mode="after")
    def _one_per_subject_has_identity(self) -> Dataset:
        if self.one_per_subject and not self.identity:
            raise ValueError(
                "one_per_subject needs an `identity`: it says that records found by an identity "
                "are different people"
            )
        return self

    @model_validator(mode="after")
    def _provided_when_names_fields(self) -> Dataset:
        unknown = sorted(set(self.provided_when) - set(self.fields))
        if unknown:
            raise ValueError(
                f"provided_when names {', '.join(unknown)}, not fields of the dataset "
                f"(fields: {', '.join(self.fields) or 'none'})"
            )
        return self


class System(_Model):
    name: str = Field(pattern=NAME)
    kind: Literal["sql", "s3", "rt"] = Field(
        description="sql (PostgreSQL, MariaDB/MySQL, SQLite), s3, or rt (Request Tracker 5 "
        "through its REST 2 API)"
    )
    conn_id: str = Field(
        min_length=1, description="Airflow connection id; credentials never go in the map"
    )
    bucket: str | None = Field(None, description="Bucket name (s3)")
    description: str | None = None
    datasets: list[Dataset] = Field(min_length=1)


# -- declarative retention rules: conditions and aggregates (compiled by gdpr.retention.rules) --
Scalar = bool | int | float | date | datetime | str
ConditionOp = Literal["=", "!=", "<", "<=", ">", ">=", "in", "not in", "is null", "is not null"]
ORDERING_OPS = frozenset({"<", "<=", ">", ">="})


class Condition(_Model):
    """One condition of a `where` list (all must hold): a comparison on a field of the dataset,
    or whether related records exist (through the map's `references`)."""

    field: str | None = Field(None, description="Field of the dataset the condition is about")
    op: ConditionOp | None = Field(
        None,
        description="Operator: =, !=, <, <=, >, >=, in, not in (with a list), is null, is not null "
        "(without a value)",
    )
    value: Scalar | list[Scalar] | None = Field(
        None,
        description="The value compared with (a list for `in` / `not in`), of the field's type",
    )
    exists: str | None = Field(
        None,
        pattern=DATASET_ID,
        description="Holds when a related record of this dataset (`system.dataset`, linked by a "
        "reference either way, in the same system) exists; narrowed by `where`",
    )
    not_exists: str | None = Field(
        None,
        pattern=DATASET_ID,
        description="Holds when no related record of this dataset exists; narrowed by `where`",
    )
    where: list[Condition] = Field(
        default_factory=list,
        description="With `exists` / `not_exists`: conditions on the related records",
    )

    @model_validator(mode="after")
    def _well_formed(self) -> Condition:
        given = [k for k in ("field", "exists", "not_exists") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("a condition has exactly one of `field`, `exists` or `not_exists`")
        if self.field is None:
            if self.op is not None or self.value is not None:
                raise ValueError("`op` and `value` go with `field`, not with `exists`")
            return self
        if self.where:
            raise ValueError("`where` inside a condition goes with `exists` / `not_exists`")
        if self.op is None:
            raise ValueError(
                f"condition on {self.field!r} needs an `op` (=, !=, <, in, is null...)"
            )
        if self.op in ("is null", "is not null"):
            if self.value is not None:
                raise ValueError(f"`{self.op}` takes no `value`")
            return self
        if self.op in ("in", "not in"):
            if not isinstance(self.value, list) or not self.value:
                raise ValueError(f"`{self.op}` needs a non-empty list as `value`")
            kinds = {_kind(v) for v in self.value}
            if len(kinds) > 1:
                raise ValueError(
                    f"type mismatch: the values of `{self.op}` mix {' and '.join(sorted(kinds))}"
                )
            return self
        if self.value is None or isinstance(self.value, list):
            raise ValueError(f"`{self.op}` needs one value (`is null` tests for no value)")
        if self.op in ORDERING_OPS and isinstance(self.value, bool):
            raise ValueError(f"type mismatch: `{self.op}` cannot compare with a boolean")
        return self


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "booleans"
    if isinstance(value, int | float):
        return "numbers"
    if isinstance(value, date):  # a datetime is a date too
        return "dates"
    return "text"


class StartAggregate(_Model):
    """The start event taken over the related records of another dataset: the last (`max`) or
    first (`min`) value of one of their fields."""

    dataset: str = Field(
        pattern=DATASET_ID,
        description="The related dataset (`system.dataset`, same system), linked by a reference "
        "either way",
    )
    column: str = Field(description="Date/time field of the related dataset")
    null: Literal["keeps", "ignored"] = Field(
        "ignored",
        description="A related record whose field is empty: `keeps` the record (a contract with no "
        "end keeps the customer) or is `ignored` (default)",
    )
    where: list[Condition] = Field(
        default_factory=list, description="Only the related records meeting these conditions count"
    )

    @model_validator(mode="before")
    @classmethod
    def _null_key(cls, data: object) -> object:
        """YAML reads an unquoted ``null:`` key as no key at all (None): it means `null`."""
        if isinstance(data, dict) and None in data:
            data = {("null" if k is None else k): v for k, v in data.items()}
        return data


class ParentStart(_Model):
    """The start event of an object (s3) taken from the record it hangs under: a claim's photos
    are kept 5 years after the claim was declared, whatever their upload time."""

    dataset: str = Field(
        pattern=DATASET_ID,
        description="The dataset (sql) the objects' `references` point to, as `system.dataset`",
    )
    column: str = Field(description="Date/time field of that dataset the period runs from")


class RetentionStart(_Model):
    column: str | None = Field(None, description="Date/time field the period runs from")
    sql: str | None = Field(
        None,
        description="File under include/sql returning the expired primary keys, with bind parameter :cutoff",
    )
    object_modified: bool = Field(False, description="The object's last-modified time (s3)")
    parent: ParentStart | None = Field(
        None,
        description="A field of the record the object hangs under (s3), e.g. the claim's "
        "declaration date for its photos; objects whose record is gone are left to other rules",
    )
    max: StartAggregate | None = Field(
        None, description="The latest value of a field over related records (sql)"
    )
    min: StartAggregate | None = Field(
        None, description="The earliest value of a field over related records (sql)"
    )
    otherwise: str | None = Field(
        None,
        description="With `max` / `min`: field of the dataset the period runs from when no related "
        "record counts (without it, such records are kept)",
    )
    cutoff: Literal["date", "timestamp"] | None = Field(
        None,
        description="With `sql`: how :cutoff is bound, `date` (the cutoff day) or `timestamp` "
        "(default: the start of the cutoff day in the organisation's time zone, with time zone)",
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> RetentionStart:
        given = [k for k in ("column", "sql", "max", "min", "parent") if getattr(self, k)] + (
            ["object_modified"] if self.object_modified else []
        )
        if len(given) != 1:
            raise ValueError(
                "give exactly one of `column`, `max`, `min`, `sql`, `parent` or "
                "`object_modified: true`"
            )
        if self.otherwise and not (self.max or self.min):
            raise ValueError("`otherwise` goes with `max` or `min`")
        if self.cutoff and not self.sql:
            raise ValueError("`cutoff` types the :cutoff of an `sql` file; columns are typed live")
        return self

    @property
    def aggregate(self) -> tuple[str, StartAggregate] | None:
        if self.max:
            return "max", self.max
        if self.min:
            return "min", self.min
        return None


class Exemptions(_Model):
    legal_hold: bool = Field(True, description="Skip records under a legal hold in the ledger")
    open_request: bool = Field(True, description="Skip subjects with an open request")
    restriction: bool = Field(
        True,
        description="Skip restricted records (Art. 18): their restriction flag is set, or the "
        "ledger restricts them",
    )


def _preset_gives_required(schema: dict[str, Any]) -> None:
    """In the JSON Schema, as in the model: a `preset` gives what a rule must otherwise say."""
    given = [k for k in ("period", "action", "citation") if k in schema.get("required", [])]
    schema["required"] = [k for k in schema.get("required", []) if k not in given]
    schema["anyOf"] = [{"required": ["preset"]}, {"required": given}]


class RetentionRule(_Model):
    model_config = ConfigDict(**_Model.model_config, json_schema_extra=_preset_gives_required)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    dataset: str = Field(pattern=DATASET_ID)
    preset: Literal[tuple(PRESETS)] | None = Field(  # type: ignore[valid-type]
        None,
        description="A French rule by name (fr_prospects, fr_customers, fr_invoices, "
        "fr_online_contracts, fr_card_one_off, fr_card_proof, fr_card_proof_deferred_debit, "
        "fr_call_recordings, fr_call_evaluations, fr_cookies, fr_tracker_data, fr_withdrawal, "
        "fr_withdrawal_not_informed): its period, citation, action and description, each "
        "overridden by the rule's own key",
    )
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
    where: list[Condition] = Field(
        default_factory=list,
        description="The population the rule applies to (sql): records meeting every condition "
        "(two populations of one table, each under its own rule)",
    )

    @model_validator(mode="before")
    @classmethod
    def _preset(cls, data: object) -> object:
        """A preset's period, citation, action and description under the rule's own keys."""
        return with_preset(data) if isinstance(data, dict) else data


RequestKind = Literal[
    "access", "portability", "erasure", "rectification", "objection", "restriction"
]


class IntakeReply(_Model):
    dataset: str = Field(
        pattern=DATASET_ID,
        description="Dataset (sql, or rt correspondence: an RT reply) the reply is written to, as "
        "`system.dataset`, e.g. the messages of a ticket",
    )
    reference_field: str = Field(description="Field of the reply holding the ticket's key")
    text_field: str = Field(description="Field of the reply holding the text")
    time_field: str | None = Field(None, description="Field set to the time the reply is written")
    values: dict[str, str | int | bool] = Field(
        default_factory=dict,
        description="Fixed values for other fields of the reply, e.g. the author's role",
    )


class IntakeStatuses(_Model):
    """The states of the intake source's records, by what they mean for the ledger."""

    open: list[str] = Field(
        min_length=1, description="States of a ticket still to answer (its clock runs)"
    )
    closed: list[str] = Field(default_factory=list, description="States of an answered ticket")
    refused: list[str] = Field(
        default_factory=list, description="States of a ticket refused (Art. 12(5))"
    )

    @model_validator(mode="after")
    def _each_state_once(self) -> IntakeStatuses:
        seen = [*self.open, *self.closed, *self.refused]
        twice = sorted({s for s in seen if seen.count(s) > 1})
        if twice:
            raise ValueError(f"state {', '.join(map(repr, twice))} is listed twice")
        return self

    def meaning(self, state: object) -> str | None:
        """``open``, ``closed`` or ``refused`` for a stored state; None when unmapped."""
        text = str(state).strip() if state is not None else ""
        for name in ("open", "closed", "refused"):
            if text in getattr(self, name):
                return name
        return None


class Intake(_Model):
    dataset: str = Field(
        pattern=DATASET_ID,
        description="Dataset (sql, or rt ticket records) where requests arrive, e.g. a ticketing table, as "
        "`system.dataset`",
    )
    channel: str | None = Field(
        None,
        description="Channel recorded in the ledger for requests taken from this dataset; defaults to the dataset id",
    )
    type_field: str = Field(
        description="Field that says whether a record is a privacy request, and which"
    )
    types: dict[str, RequestKind] = Field(
        min_length=1,
        description="Value of `type_field` -> request kind (access, portability, erasure, rectification, "
        "objection, restriction); records with other values are not requests",
    )
    identity: str = Field(description="Identity name (from `identities`) the requester is known by")
    identity_field: str = Field(
        description="Field holding the requester's identity, e.g. an e-mail"
    )
    received_field: str = Field(
        description="Field holding when the request was received (the Art. 12(3) clock starts there); "
        "a time without zone is read as UTC"
    )
    reference_field: str = Field(
        description="Field identifying the record (its key): the ledger's external reference"
    )
    reply: IntakeReply | None = Field(
        None,
        description="Where the acknowledgement with the request reference and due date is written",
    )
    status_field: str | None = Field(
        None, description="Field holding the ticket's state; its values are mapped by `statuses`"
    )
    statuses: IntakeStatuses | None = Field(
        None,
        description="With `status_field`: which states are open, closed or refused; a ticket in "
        "another state is not taken",
    )
    closed: Literal["history", "skip"] = Field(
        "history",
        description="Closed and refused requests: `history` records them closed in the ledger "
        "(they never block a purge nor look overdue), `skip` leaves them out",
    )
    closed_field: str | None = Field(
        None, description="Field holding when a closed ticket was closed (default: received)"
    )

    @model_validator(mode="after")
    def _statuses_with_their_field(self) -> Intake:
        if (self.status_field is None) != (self.statuses is None):
            raise ValueError("`status_field` and `statuses` go together")
        if self.closed_field and not self.status_field:
            raise ValueError("`closed_field` goes with `status_field` and `statuses`")
        return self

    @property
    def channel_name(self) -> str:
        return self.channel or self.dataset


class Alerts(_Model):
    days_before: list[int] = Field(
        default_factory=lambda: [7, 2, 0],
        description="Request alerts: days before the due date (0 = on the day); then daily once overdue",
    )
    breach_hours_before: list[int] = Field(
        default_factory=lambda: [48, 24, 6],
        description="Breach alerts: hours before the 72-hour deadline; then escalation, daily",
    )
    recipients: list[str] = Field(
        default_factory=list, description="E-mail addresses alerted; default: the DPO's e-mail"
    )
    escalation_recipients: list[str] = Field(
        default_factory=list,
        description="Further e-mail addresses alerted once a deadline has passed",
    )
    email_conn_id: str = Field(
        "smtp_default", description="Airflow SMTP connection id the e-mails are sent through"
    )
    webhook_conn_id: str | None = Field(
        None,
        description="Airflow HTTP connection id of a chat webhook (JSON POST); none: no chat alert",
    )
    identity_check_pause: bool = Field(
        False,
        description="Pause a request's clock while the subject has not answered an identity check "
        "(one authority accepts it, most do not: off by default)",
    )
    extension_end: ExtensionEnd = Field(
        "earlier",
        description="Where an extended request period ends (Art. 12(3)): `earlier`, the earlier "
        "of two months after the end of the first month and three months from receipt (31 Jan "
        "-> 28 Apr, the strict default); `three_months_from_receipt` (31 Jan -> 30 Apr)",
    )
    working_day_shift: bool = Field(
        False,
        description="Move a request deadline falling on a Saturday, a Sunday or a public holiday "
        "to the end of the next working day (Reg. 1182/71 Art. 3(4)); authorities rarely rely "
        "on it: off by default",
    )
    public_holidays: str = Field(
        "FR",
        pattern=r"^[A-Z]{2}$",
        description="Country (ISO 3166-1 alpha-2) whose public holidays `working_day_shift` skips",
    )

    @field_validator("public_holidays")
    @classmethod
    def _known_holidays(cls, country: str) -> str:
        if country not in holidays.list_supported_countries():
            raise ValueError(f"no public holiday calendar is known for country {country!r}")
        return country


class HoldRule(_Model):
    """A hold the data itself declares (an open claim, a disputed invoice): the records of a
    dataset meeting the conditions, and by scope their subjects, are kept from retention purges
    and erasures, as a legal hold in the ledger keeps them, for as long as the condition holds."""

    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Name shown in reports and erasure plans"
    )
    dataset: str = Field(pattern=DATASET_ID, description="The dataset (sql) of the held records")
    where: list[Condition] = Field(
        min_length=1,
        description="The conditions (all must hold) that put a record under hold, in the form of "
        "a retention rule's `where`",
    )
    scope: Literal["subject", "record"] | None = Field(
        None,
        description="What a held record protects: `subject`, everything of the people it "
        "belongs to; `record`, the record and the records that depend on it. Default: `scope`",
    )
    reason: str = Field(min_length=1, description="Why the data must be kept, in reports")
    citation: str = Field(
        min_length=1, description="Legal source of the hold, e.g. Art. 17(3)(e) GDPR"
    )


class Anchor(Location):
    retention_days: int = Field(
        3650,
        ge=1,
        description="How long each published head stays under compliance lock, in days: at "
        "least as long as the evidence it vouches for is kept",
    )
    signing_conn_id: str | None = Field(
        None,
        description="Airflow connection whose password is the HMAC key every published head is "
        "signed with (verify then names an object the ledger did not publish); none: unsigned",
    )


class LedgerSettings(_Model):
    anchor: Anchor | None = Field(
        None,
        description="Where the evidence chain head is published after every task: an S3 bucket "
        "with Object Lock in compliance mode, which the ledger's credential cannot rewrite; "
        "none: not anchored (an insider with the ledger's credential could rewrite the chain)",
    )
    proof_period: str = Field(
        "P5Y",
        description="How long a closed request keeps its subject's identity, as evidence it was "
        "answered (ISO 8601 duration); then the identity is erased and the chain keeps only a "
        "keyed hash of it",
    )
    identity_key_conn_id: str | None = Field(
        None,
        description="Airflow connection whose password is the HMAC key the evidence chain "
        "hashes identities with; none: the chain records no trace of the person",
    )


class Holds(_Model):
    scope: Literal["subject", "record"] = Field(
        "subject",
        description="What a legal hold on one record protects: `subject` (default), everything of "
        "the person the record belongs to; `record`, the record, the records that depend on it "
        "and those it needs",
    )
    rules: list[HoldRule] = Field(
        default_factory=list,
        description="Holds declared by a condition on the data (an open claim holds its "
        "claimant), honoured with the ledger's legal holds",
    )


class DataMap(_Model):
    version: Literal[1] = 1
    organisation: Organisation
    identities: list[Identity] = Field(min_length=1)
    reports: ReportsLocation = Field(
        description="Where HTML/CSV reports are written, and how long minimisation findings stay"
    )
    delivery: DeliveryLocation = Field(
        description="Where subject packages are delivered, and which object versions they carry"
    )
    purposes: list[Purpose] = Field(min_length=1)
    systems: list[System] = Field(min_length=1)
    retention: list[RetentionRule] = Field(default_factory=list)
    intake: Intake | None = Field(
        None,
        description="How privacy requests are recognised among incoming records (request intake)",
    )
    alerts: Alerts = Field(
        default_factory=Alerts, description="Deadline alert thresholds, recipients and channels"
    )
    holds: Holds = Field(
        default_factory=Holds, description="How legal holds in the ledger apply (`gdpr hold`)"
    )
    ledger: LedgerSettings = Field(
        default_factory=LedgerSettings,
        description="Where the evidence chain head is anchored, how long a closed request keeps "
        "its subject's identity, and the key identities are hashed with in the chain",
    )

    _source: str = PrivateAttr("<memory>")
    _digest: str = PrivateAttr("")
    _sql_dir: str | None = PrivateAttr(None)
    # dataset id -> its ref, built on first look-up for the systems list it was built from (a
    # ``model_copy`` with other systems builds its own): a batch looks datasets up per subject
    _refs: tuple[int, dict[str, DatasetRef]] | None = PrivateAttr(None)

    # -- lookups ---------------------------------------------------------------------------
    def iter_datasets(self) -> Iterator[DatasetRef]:
        for system in self.systems:
            for dataset in system.datasets:
                yield DatasetRef(system, dataset)

    def dataset_ids(self) -> list[str]:
        return [ref.id for ref in self.iter_datasets()]

    def dataset(self, dataset_id: str) -> DatasetRef:
        # the private state read directly: ``self._refs`` goes through pydantic's
        # ``__getattr__`` (over a microsecond), and a walk looks up every dataset it reads
        private = self.__pydantic_private__ or {}
        refs = private.get("_refs")
        if refs is None or refs[0] != id(self.systems):
            refs = self._refs = (id(self.systems), {r.id: r for r in self.iter_datasets()})
        try:
            return refs[1][dataset_id]
        except KeyError:
            raise KeyError(f"unknown dataset {dataset_id!r}") from None

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
