"""A generated organisation on real services: PostgreSQL, MariaDB, moto's S3 and a SQLite ledger.

``build`` (behind the ``generated_org`` fixture of ``tests.orgs.plugin``) creates the
organisation of a seed on fresh databases, sets the ``AIRFLOW_CONN_*`` variables for the
conn_ids of its map the way a deployer would, places its legal holds and requests in a fresh
ledger, and returns a ``LiveOrg``: the parsed map, engines, connectors, ledger and the ground
truth (``spec``).

``snapshot`` reads the whole state back (every row, every object version) to compare with the
ground truth.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from gdpr.connections import create_sql_engine, env_var_name
from gdpr.connectors.factory import Clients, connectors_for, env_clients
from gdpr.datamap import parse_datamap
from gdpr.datamap.models import DataMap
from gdpr.ledger import Ledger, migrate
from tests.clock import TEST_NOW
from tests.conftest import airflow_conn_json, s3_conn_json
from tests.orgs.generator import (
    Archive,
    Archives,
    Organisation,
    StoredObject,
    Table,
    canon,
    generate,
)

REGION = "eu-west-3"


@dataclass
class LiveOrg:
    spec: Organisation  # what was generated, and the ground truth
    datamap: DataMap
    engines: dict[str, sa.Engine]  # sql system -> engine (the test's own, not the product's)
    s3: Any  # boto3 client
    ledger: Ledger
    ledger_engine: sa.Engine
    requests: dict[int, str] = field(default_factory=dict)  # subject index -> request id
    holds: dict[int, int] = field(default_factory=dict)  # subject index -> hold id
    clients: Clients | None = None  # those of the last ``connectors()``
    _clients: list[Clients] = field(default_factory=list)

    def connectors(self) -> dict[str, Any]:
        """Fresh connectors from the ``AIRFLOW_CONN_*`` variables, as the product builds them
        (their engines and S3 client are ``clients``, e.g. to inject a failure)."""
        self.clients = env_clients()
        self._clients.append(self.clients)
        return connectors_for(self.datamap, self.clients)

    def dispose(self) -> None:
        for clients in self._clients:
            clients.dispose()
        for engine in (*self.engines.values(), self.ledger_engine):
            engine.dispose()


# -- loading ------------------------------------------------------------------------------------


def _sql_type(kind: str, dialect: str) -> sa.types.TypeEngine:
    if kind == "uuid":
        # native uuid on PostgreSQL; CHAR(36) text on MariaDB, as such schemas usually hold it
        return sa.Uuid() if dialect == "postgresql" else sa.CHAR(36)
    return {
        "int": sa.Integer(),
        "seq": sa.Integer(),
        "bigint": sa.BigInteger(),
        "text": sa.String(80),
        "email": sa.String(200),
        "note": sa.String(200),
        "date": sa.Date(),
        "datetime": sa.DateTime(),
    }[kind]


def _metadata(spec: Organisation, system: str, dialect: str) -> sa.MetaData:
    meta = sa.MetaData()
    for table in spec.tables:
        if table.system != system:
            continue
        columns = [
            sa.Column(
                name,
                _sql_type(kind, dialect),
                primary_key=name in table.pk,
                autoincrement=False,
                nullable=name not in table.pk and not (table.not_null_ref and name in table.ref),
            )
            for name, kind in table.types.items()
        ]
        constraints = []
        if table.parent is not None and table.real_fk:
            constraints.append(
                sa.ForeignKeyConstraint(
                    list(table.ref),
                    [f"{table.parent.name}.{f}" for f in table.ref.values()],
                )
            )
        if table.real_fk:  # each party's reference of a shared record
            constraints += [
                sa.ForeignKeyConstraint(
                    list(fields), [f"{spec.subject_table.name}.{f}" for f in fields.values()]
                )
                for fields in table.roles.values()
            ]
        if table.child is not None:  # the database's key the other way round
            constraints.append(
                sa.ForeignKeyConstraint(
                    list(table.current),
                    [f"{table.child.name}.{f}" for f in table.current.values()],
                )
            )
        referring = [*table.ref, *(c for fields in table.roles.values() for c in fields)]
        indexes = [sa.Index(f"ix_{table.name}_{i}", c) for i, c in enumerate(referring)]
        sa.Table(
            table.name,
            meta,
            *columns,
            *constraints,
            *indexes,
            mysql_charset="utf8mb4",
            mysql_engine="InnoDB",
        )
    return meta


def _db_value(value: Any, dialect: str) -> Any:
    if isinstance(value, uuid.UUID) and dialect != "postgresql":
        return str(value)
    return value


def load_sql(spec: Organisation, system: str, engine: sa.Engine) -> None:
    dialect = engine.dialect.name
    meta = _metadata(spec, system, dialect)
    meta.create_all(engine)
    tables = {t.name: t for t in spec.tables if t.system == system}
    with engine.begin() as conn:
        for sa_table in meta.sorted_tables:  # referenced rows first, whichever way keys point
            table = tables[sa_table.name]
            if table.rows:
                conn.execute(
                    sa_table.insert(),
                    [
                        {c: _db_value(row.get(c), dialect) for c in table.types}
                        for row in table.rows
                    ],
                )


def load_objects(spec: Organisation, s3: Any) -> None:
    """Every version and delete marker, in order per object; objects written in parallel."""
    s3.create_bucket(Bucket=spec.bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    s3.put_bucket_versioning(Bucket=spec.bucket, VersioningConfiguration={"Status": "Enabled"})

    def write(obj: StoredObject) -> None:
        obj.version_ids = []
        for body in obj.versions:
            if body is None:
                response = s3.delete_object(Bucket=spec.bucket, Key=obj.key)
            else:
                response = s3.put_object(Bucket=spec.bucket, Key=obj.key, Body=body)
            obj.version_ids.append(response["VersionId"])

    def write_archive(archive: Archive) -> None:
        for version in archive.versions:
            if version is None:
                s3.delete_object(Bucket=spec.bucket, Key=archive.key)
            else:
                s3.put_object(
                    Bucket=spec.bucket,
                    Key=archive.key,
                    Body=_zip(version),
                    ContentType="application/zip",
                )

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(write, [obj for o in spec.buckets for obj in o.objects]))
        list(pool.map(write_archive, [a for z in spec.archives for a in z.archives]))


README = "README.txt"  # in every archive: a member that is nobody's record


def _zip(members: dict[str, tuple[int, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(README, "Generated archive")
        for name, (_, body) in members.items():
            archive.writestr(name, body)
    return out.getvalue()


def place_exemptions(spec: Organisation, ledger: Ledger) -> tuple[dict[int, int], dict[int, str]]:
    """The generated legal holds and requests, through the ledger's public functions."""
    holds: dict[int, int] = {}
    requests: dict[int, str] = {}
    zone = ZoneInfo(spec.timezone)
    for subject in spec.subjects:
        if subject.hold:
            until = subject.hold_until
            ends_at = (
                datetime.combine(until + timedelta(days=1), time(), tzinfo=zone) if until else None
            )
            target: dict[str, Any] = (
                {"dataset": subject.hold_record[0], "record_key": subject.hold_record[1]}
                if subject.hold == "record" and subject.hold_record
                else {"subject_email": subject.typed_email}
            )
            hold = ledger.add_legal_hold(
                reason=f"dispute {spec.seed}-{subject.index}",
                reference=f"Tribunal judiciaire, RG {spec.seed}/{subject.index:04d}",
                until=until,
                ends_at=ends_at,
                placed_by="generator",
                **target,
            )
            holds[subject.index] = hold.id
            if subject.hold == "lifted":
                ledger.lift_legal_hold(hold.id, reason="judgment delivered", lifted_by="generator")
        if subject.request:
            received = TEST_NOW - timedelta(days=3 + subject.index % 20)
            request = ledger.create_request(
                kind=("access", "erasure", "rectification", "objection")[subject.index % 4],
                subject_email=subject.typed_email,
                received_at=received,
                due_at=received + timedelta(days=30),
                channel="generated",
                external_ref=f"G-{spec.seed}-{subject.index}",
            )
            if subject.request != "open":
                ledger.update_request(request.request_id, status=subject.request)
            requests[subject.index] = request.request_id
    return holds, requests


# -- reading back -------------------------------------------------------------------------------


def _value(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def table_rows(engine: sa.Engine, table: Table) -> dict[tuple, tuple]:
    """Every row of one table: canonical key -> canonical values of every column."""
    columns = list(table.types)
    select = sa.select(*(sa.column(c) for c in columns)).select_from(sa.table(table.name))
    with engine.connect() as conn:
        rows = conn.execute(select).all()
    out = {}
    for row in rows:
        values = dict(zip(columns, row, strict=True))
        key = tuple(canon(_value(values[c])) for c in table.pk)
        out[key] = tuple(_value(values[c]) for c in columns)
    return out


def bucket_versions(spec: Organisation, s3: Any) -> dict[str, dict[tuple, frozenset]]:
    """Every version and delete marker in the bucket: dataset -> (object key,) -> versions."""
    out: dict[str, dict[tuple, set]] = defaultdict(lambda: defaultdict(set))
    pages = s3.get_paginator("list_object_versions").paginate(Bucket=spec.bucket)
    for page in pages:
        for item, marker in [(v, False) for v in page.get("Versions", [])] + [
            (m, True) for m in page.get("DeleteMarkers", [])
        ]:
            if any(item["Key"].startswith(z.prefix) for z in spec.archives):
                continue  # read by ``archive_members``
            dataset = next(
                (o.id for o in spec.buckets if item["Key"].startswith(o.prefix)), "<other>"
            )
            out[dataset][(item["Key"],)].add((item["VersionId"], marker))
    return {d: {k: frozenset(v) for k, v in keys.items()} for d, keys in out.items()}


def archive_members(spec: Organisation, zipped: Archives, s3: Any) -> dict[tuple, frozenset]:
    """(archive key, member) -> the member's bodies over every data version of its archive
    (the README, nobody's record, left out), as ``Archives.state`` predicts them."""
    out: dict[tuple, set[bytes]] = defaultdict(set)
    pages = s3.get_paginator("list_object_versions").paginate(
        Bucket=spec.bucket, Prefix=zipped.prefix
    )
    for page in pages:
        for item in page.get("Versions", []):
            body = s3.get_object(Bucket=spec.bucket, Key=item["Key"], VersionId=item["VersionId"])
            with zipfile.ZipFile(io.BytesIO(body["Body"].read())) as archive:
                for name in archive.namelist():
                    if name != README:
                        out[(item["Key"], name)].add(archive.read(name))
    return {k: frozenset(v) for k, v in out.items()}


def snapshot(live: LiveOrg) -> dict[str, dict[tuple, Any]]:
    """The whole organisation's state: every row of every table, every object version."""
    spec = live.spec
    state: dict[str, dict[tuple, Any]] = {
        t.id: table_rows(live.engines[t.system], t) for t in spec.tables
    }
    objects = bucket_versions(spec, live.s3)
    for o in spec.buckets:
        state[o.id] = objects.get(o.id, {})
    if "<other>" in objects:
        state["<other>"] = objects["<other>"]
    for zipped in spec.archives:
        state[zipped.id] = archive_members(spec, zipped, live.s3)
    return state


def expected_initial(spec: Organisation) -> dict[str, set[tuple]]:
    """The keys the generator wrote, by dataset."""
    out = {t.id: {t.key(r) for r in t.rows} for t in spec.tables}
    for o in spec.buckets:
        out[o.id] = {(obj.key,) for obj in o.objects}
    for zipped in spec.archives:
        out[zipped.id] = set(zipped.state())
    return out


# -- the fixture --------------------------------------------------------------------------------


def build(
    seed: int,
    *,
    pg_url: str,
    mysql_url: str,
    s3_client: Any,
    s3_endpoint: str,
    ledger_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> LiveOrg:
    spec = generate(seed)
    datamap = parse_datamap(spec.yaml, source=f"<generated organisation {seed}>")
    urls = {"postgresql": pg_url, "mysql": mysql_url}
    engines: dict[str, sa.Engine] = {}
    for system, dialect in spec.dialects.items():
        engines[system] = create_sql_engine(urls[dialect])
        load_sql(spec, system, engines[system])
        monkeypatch.setenv(env_var_name(spec.conn_ids[system]), airflow_conn_json(urls[dialect]))
    load_objects(spec, s3_client)
    monkeypatch.setenv(env_var_name(spec.conn_ids[spec.bucket_system]), s3_conn_json(s3_endpoint))
    ledger_engine = create_sql_engine(ledger_url)
    migrate(ledger_engine)
    monkeypatch.setenv(env_var_name("gdpr_ledger"), airflow_conn_json(ledger_url))
    ledger = Ledger(ledger_engine)
    live = LiveOrg(spec, datamap, engines, s3_client, ledger, ledger_engine)
    live.holds, live.requests = place_exemptions(spec, ledger)
    return live
