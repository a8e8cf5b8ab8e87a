"""Subject-level capabilities: locating a person's records across every system."""

from gdpr.subject.resolve import DatasetHits, SubjectLocation, resolve_record, resolve_subject

__all__ = ["DatasetHits", "SubjectLocation", "resolve_record", "resolve_subject"]
