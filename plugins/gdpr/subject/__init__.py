"""Subject-level capabilities: locating a person's records across every system."""

from gdpr.subject.resolve import (
    AmbiguousIdentityError,
    DatasetHits,
    SecondIdentifier,
    SubjectLocation,
    resolve_record,
    resolve_subject,
)

__all__ = [
    "AmbiguousIdentityError",
    "DatasetHits",
    "SecondIdentifier",
    "SubjectLocation",
    "resolve_record",
    "resolve_subject",
]
