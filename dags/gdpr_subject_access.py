"""
### Subject access (Art. 15) and portability (Art. 20) package

Triggered by the DPO from the form: the **id of a ledger request** (registered by the intake,
on the DPO desk or with `gdpr request register --kind access --identity email <address>`,
which records the receipt date and the due date one calendar month later, Art. 12(3)), the
**kind** of package and the output format. No personal value is typed into the form.

1. **Register**: checks the form and picks up the ledger request. An empty, malformed or
   unknown request id fails this first task with a sentence saying what to correct; nothing
   else has run.
2. **Export**, one mapped task per system: locates the subject (references are followed across
   systems) and writes their records as JSON and/or CSV, and their files, streamed in batches.
3. **Deliver**: builds the package (access: every record and file, a cover letter in French
   and English with the Art. 15(1)(a)-(h) and 15(2) information from the data map;
   portability: only the fields the subject provided, under consent or contract, with
   `schema.json`), a `manifest.json` with the SHA-256 of every file, AES-256 encrypted with a
   passphrase made for the delivery (or read from the Airflow Variable the form names; or
   encrypted with age to the subject's public key recorded with `gdpr access key`; no
   encryption only when the form says so, logged), uploads it encrypted to the data map's
   `delivery` location under `<request id>/package.zip` (a rerun replaces it), with an
   expiring copy, and records the delivery, the package's SHA-256 and the expiry in the
   ledger. `gdpr access link <request id>` prints a link; `gdpr access passphrase <request id>`
   (or the DPO desk) shows the passphrase once, to give the subject by another channel.

A subject found nowhere gets a package saying so. Tasks never pass the address: they pass the
request id; XCom carries counts, hashes and object keys; logs carry counts. See docs/access.md.
"""

from __future__ import annotations

from airflow.sdk import Param, dag, get_current_context, task

from gdpr.airflow.defaults import DEFAULT_ARGS, START_DATE, tags
from gdpr.airflow.forms import subject_params


@dag(
    schedule=None,
    start_date=START_DATE,
    catchup=False,
    tags=tags("access", "portability", "art15", "art20"),
    default_args=DEFAULT_ARGS,
    doc_md=__doc__,
    params={
        **subject_params(
            "access or portability", "Rerunning with the same id replaces its package."
        ),
        "kind": Param(
            "access",
            type="string",
            enum=["access", "portability"],
            values_display={
                "access": "Access (Art. 15): every record and file, with the cover letter",
                "portability": "Portability (Art. 20): data the subject provided, machine-readable",
            },
            title="Kind of package",
        ),
        "output_format": Param(
            "both",
            type="string",
            enum=["both", "json", "csv"],
            values_display={"both": "JSON and CSV", "json": "JSON only", "csv": "CSV only"},
            title="Format of the records",
        ),
        "link_expiry_days": Param(
            7,
            type="integer",
            minimum=1,
            maximum=7,
            title="Link and copy expiry (days)",
            description="The download link and the delivered copy expire after this many days.",
        ),
        "passphrase_variable": Param(
            None,
            type=["null", "string"],
            pattern=r"^[A-Za-z0-9_.-]+$",
            title="Passphrase Variable (optional)",
            description="Name of an Airflow Variable holding a passphrase: the archive is "
            "AES-256 encrypted with it instead of a passphrase made for the delivery. Tell the "
            "subject the passphrase by another channel.",
        ),
        "unencrypted": Param(
            False,
            type="boolean",
            title="Deliver without encryption",
            description="Only when the subject cannot open an encrypted archive: the choice is "
            "logged and recorded in the ledger. By default the archive is AES-256 encrypted "
            "with a passphrase shown once to the DPO (`gdpr access passphrase` or the desk).",
        ),
    },
)
def gdpr_subject_access():
    @task
    def register_request(params: dict | None = None) -> list[dict]:
        from gdpr.airflow import access

        context = get_current_context()
        return access.register(params, dag_id=context["dag"].dag_id, run_id=context["run_id"])

    @task(map_index_template="{{ system }}")
    def export_system(system: str, request_id: str, kind: str, params: dict | None = None) -> dict:
        from gdpr.airflow import access

        get_current_context()["system"] = system
        return access.export(request_id, system, kind=kind, output_format=params["output_format"])

    @task
    def deliver_package(jobs: list[dict], exports: list[dict], params: dict | None = None) -> dict:
        from gdpr.airflow import access

        context = get_current_context()
        return access.deliver(
            jobs[0]["request_id"],
            jobs[0]["kind"],
            list(exports),
            params,
            dag_id=context["dag"].dag_id,
            run_id=context["run_id"],
        )

    jobs = register_request()
    deliver_package(jobs, export_system.expand_kwargs(jobs))


gdpr_subject_access()
