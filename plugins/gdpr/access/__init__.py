"""Access (Art. 15) and portability (Art. 20) packages for one subject, from the data map.

locate (``gdpr.subject``) -> ``export`` (streamed to local files) -> ``package`` (cover from
``cover``, ``schema``, manifest, zip) -> ``deliver`` (encrypted upload, expiring link and copy).
``request`` registers the ledger request the run answers; ``staging`` carries exports between
the tasks of a run; ``run`` does it all in one process.
"""

from gdpr.access.cover import RequestInfo
from gdpr.access.deliver import Delivery, deliver_package, package_key, sweep_expired
from gdpr.access.export import DatasetExport, export_system
from gdpr.access.package import Package, assemble_package
from gdpr.access.portability import KINDS, Scope
from gdpr.access.request import AccessInputError, AccessRequest, register_request
from gdpr.access.run import build_subject_package, email_identity

__all__ = [
    "KINDS",
    "AccessInputError",
    "AccessRequest",
    "DatasetExport",
    "Delivery",
    "Package",
    "RequestInfo",
    "Scope",
    "assemble_package",
    "build_subject_package",
    "deliver_package",
    "email_identity",
    "export_system",
    "package_key",
    "register_request",
    "sweep_expired",
]
