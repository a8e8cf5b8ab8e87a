"""Request Tracker 5 systems through RT's REST 2 API (``/REST/2.0``), over HTTP only.

A dataset of an rt system holds one kind of RT record (``rt.records`` in the data map):
tickets, their correspondence (the create, reply and comment transactions, with the text of
their message), the files attached to those transactions, or RT's users. Rows carry the
fields the map declares, named as REST 2 names them; a ticket's custom field is ``CF.<name>``,
its requestors (and Cc, AdminCc) are their e-mail addresses joined by ", ". Records are found
with RT's own searches (TicketSQL for tickets, REST 2's JSON searches for the others), one
page of 100 at a time; a 429 or 5xx answer is retried with exponential backoff, honouring
``Retry-After``.

What the API can change, erasure changes: a ticket's subject, watchers and custom fields, a
user's fields. What it cannot, erasure reports kept with the reason (``locked``): RT keeps
every transaction (the messages, and the earlier value of each changed field) and every
attached file, and REST 2 can neither change nor remove them; the API "deletes" a ticket by
setting its status to deleted and a user by disabling it, both staying in the database. RT's
Shredder (``rt-shredder`` on the RT host) removes them; the data map's validator refuses
``erasure: delete`` for tickets and users so no one mistakes the status change for erasure.
"""

from __future__ import annotations

import base64
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import requests

from gdpr.batches import chunks, rebatch
from gdpr.connections import ConnectionSpec
from gdpr.connectors.base import (
    ByIdentities,
    ByIdentity,
    ByReference,
    Criterion,
    LiveDataset,
    Lock,
    LockNature,
    Row,
    SelectionRefusedError,
    SystemUnreachableError,
)
from gdpr.datamap.models import RT_CUSTOM_FIELD, RT_FIELDS, RT_WRITABLE, Dataset, System
from gdpr.ledger.identity import normalise_identity, phone_tail, stored_phone_matches
from gdpr.retention.anonymise import TOKEN_PREFIX, Anonymisation

log = logging.getLogger(__name__)

PER_PAGE = 100  # REST 2's largest page
RETRIED = frozenset({429, 500, 502, 503, 504})
WATCHERS = ("Requestor", "Cc", "AdminCc")
MESSAGE_TYPES = ("Create", "Correspond", "Comment")  # the transactions holding a message
UNSET = "1970-01-01T00:00:00Z"  # how REST 2 shows a date never set
VALUES_PER_SEARCH = 50  # identity values or keys per search, well under URL limits
KEPT_REASONS = {  # what the API cannot erase (``LockNature.TECHNICAL``: not an exemption)
    "correspondence": "Request Tracker's REST 2 API can neither change nor remove a ticket's "
    "correspondence and history (which also keeps the earlier value of every field erasure "
    "changes); an RT administrator removes them with rt-shredder on the RT host",
    "attachment": "Request Tracker's REST 2 API can neither change nor remove a file attached "
    "to a ticket; an RT administrator removes it with rt-shredder on the RT host",
}


class RtError(RuntimeError):
    """RT answered a request with an error other than a transient one."""

    def __init__(self, status: int, message: str):
        self.status = status
        super().__init__(f"RT answered {status}: {message}")


@dataclass
class RtApi:
    """REST 2 calls: authentication, JSON, pagination, and retries of 429/5xx with backoff."""

    base_url: str  # the RT web root, e.g. http://rt.example:8080 or https://host/rt
    auth: tuple[str, str] | None = None
    token: str | None = None
    retries: int = 4
    backoff: float = 0.25  # seconds before the first retry, doubled each time
    timeout: float = 60.0
    sleep: Callable[[float], None] = time.sleep
    session: requests.Session = field(default_factory=requests.Session)

    @classmethod
    def from_spec(cls, spec: ConnectionSpec) -> RtApi:
        """An Airflow ``http`` connection: host (a full URL, or a host name with ``schema``
        http/https and ``port``), login and password for basic authentication, or an RT auth
        token in the extra field ``token``."""
        host = (spec.host or "").rstrip("/")
        if "://" not in host:
            scheme = spec.schema if spec.schema in ("http", "https") else "http"
            host = f"{scheme}://{host}" + (f":{spec.port}" if spec.port else "")
        token = spec.extra.get("token")
        auth = (spec.login, spec.password or "") if spec.login and not token else None
        return cls(host, auth=auth, token=token)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict | None = None,
        body: Any = None,
        once: bool = False,
    ) -> Any:
        """One call, retried while RT is unreachable or answers 429/5xx. ``once``: a call that
        creates something (a reply) is retried on 429 only, which RT answers before doing
        anything, so a reply is never written twice. Errors never carry the URL or RT's echo
        of a query: both can hold the identity searched for."""
        url = f"{self.base_url}/REST/2.0/{path.lstrip('/')}"
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"token {self.token}"
        delay = self.backoff
        retried = frozenset({429}) if once else RETRIED
        for attempt in range(self.retries + 1):
            try:
                response = self.session.request(
                    method,
                    url,
                    params=params,
                    json=body,
                    auth=self.auth,
                    headers=headers,
                    timeout=self.timeout,
                )
            except requests.RequestException as exc:
                if once or attempt == self.retries:
                    reason = f"{type(exc).__name__} reaching {self.base_url}"
                    raise RtError(0, reason) from None
                self.sleep(delay)
                delay *= 2
                continue
            if response.status_code not in retried or attempt == self.retries:
                break
            wait = _retry_after(response) or delay
            log.info("RT answered %d; retrying in %.2f s", response.status_code, wait)
            self.sleep(wait)
            delay *= 2
        if response.status_code >= 400:
            raise RtError(response.status_code, _message(response))
        return response.json() if response.content else None

    def pages(
        self, path: str, *, params: dict | None = None, body: Any = None
    ) -> Iterator[list[dict]]:
        """Every item of a collection, a page at a time, in id order. A JSON ``body`` (a list of
        conditions) makes it a REST 2 search, sent by POST."""
        page = 1
        while True:
            query = {**(params or {}), "page": page, "per_page": PER_PAGE}
            query |= {"orderby": "id", "order": "ASC"}
            data = self.request(
                "POST" if body is not None else "GET", path, params=query, body=body
            )
            items = data.get("items") or []
            if items:
                yield items
            if page >= int(data.get("pages") or 0) or not items:
                return
            page += 1


class RtConnector:
    """The connector protocol (``gdpr.connectors.base``) over one RT instance."""

    changes_by_reference = False  # nothing is deleted through the API
    anonymises = True

    def __init__(self, system: System, api: RtApi):
        self.system = system
        self.api = api
        self._emails: dict[str, str] = {}  # user name -> e-mail address
        self._user_ids: dict[str, int] = {}  # user name -> numeric id
        self._queues: dict[str, str] = {}  # queue id -> name

    # -- protocol: reads ----------------------------------------------------------------------
    def ping(self) -> None:
        try:
            self.api.request("GET", "queues/all", params={"per_page": 1})
        except RtError as exc:
            raise SystemUnreachableError(self.system, str(exc)) from exc

    def inspect(self) -> dict[str, LiveDataset]:
        """Every dataset exists (RT always has these records); a ticket dataset's columns are
        RT's ticket fields and the ticket custom fields defined in RT."""
        self.ping()
        ticket_fields = [{"field": "LookupType", "value": "RT::Queue-RT::Ticket"}]
        custom = {
            RT_CUSTOM_FIELD + item["Name"]
            for items in self.api.pages(
                "customfields", params={"fields": "Name"}, body=ticket_fields
            )
            for item in items
        }
        live = {}
        for dataset in self.system.datasets:
            records = _records(dataset)
            columns = RT_FIELDS[records] | (custom if records == "ticket" else set())
            live[dataset.name] = LiveDataset(dataset.name, True, frozenset(columns))
        return live

    def undeclared(self) -> list[str]:
        """Nothing: RT's records are of the fixed kinds the datasets name (`rt.records`);
        undeclared ticket fields are reported by ``inspect`` as columns."""
        return []

    def find(
        self, dataset: Dataset, criterion: Criterion, columns: Sequence[str]
    ) -> Iterator[list[Row]]:
        if isinstance(criterion, ByIdentity):
            criterion = ByIdentities(criterion.field, (criterion.value,), criterion.kind)
        if isinstance(criterion, ByIdentities):
            yield from self._find_identities(dataset, criterion, columns)
            return
        names = list(dict.fromkeys([*columns, *criterion.fields]))
        extra = [f for f in criterion.fields if f not in columns]
        for chunk in chunks(criterion.values, VALUES_PER_SEARCH):
            found = self._search(dataset, _reference_conditions(criterion, chunk), names)
            wanted = {tuple(str(v) for v in values) for values in chunk}
            for rows in found:
                kept = [r for r in rows if _texts(r, criterion.fields) in wanted]
                for row in kept:
                    for name in extra:
                        del row[name]
                if kept:
                    yield kept

    def _find_identities(
        self, dataset: Dataset, criterion: ByIdentities, columns: Sequence[str]
    ) -> Iterator[list[Row]]:
        """RT's own search compares case-insensitively; each row found is checked again with
        the product's normaliser (a ticket matches when any of its watchers does). A phone
        number may be stored in any spelling ("06 12 34 56 78", "+33 6...") and RT cannot
        strip separators before comparing: RT searches for the number's last digits in order
        with anything between them (``_phone_pattern``), and each row found is compared
        through the product's normaliser (``stored_phone_matches``), one number at a time."""
        wanted = set(criterion.values)
        names = list(dict.fromkeys([*columns, criterion.field]))
        if criterion.kind == "phone":
            searches = [
                ([(criterion.field, "LIKE", _phone_pattern(v))], {v}) for v in sorted(wanted)
            ]
        else:
            searches = [
                ([(criterion.field, "IN", list(chunk))], set(chunk))
                for chunk in chunks(sorted(wanted), VALUES_PER_SEARCH)
            ]
        for conditions, values in searches:
            for rows in self._search(dataset, conditions, names):
                kept = [
                    row
                    for row in rows
                    if _matches(row.get(criterion.field), criterion.kind, values)
                ]
                for row in kept if criterion.field not in columns else ():
                    del row[criterion.field]
                if kept:
                    yield kept

    def key_fields(self, dataset: Dataset) -> tuple[str, ...]:
        return ("id",)

    def scan(
        self, dataset: Dataset, columns: Sequence[str] | None = None, batch_size: int = 5000
    ) -> Iterator[list[Row]]:
        yield from rebatch(self._search(dataset, [], columns or list(dataset.fields)), batch_size)

    def select_expired(
        self,
        dataset: Dataset,
        *,
        column: str | None,
        sql: str | None,
        at: datetime,
        day: date,
        done: Anonymisation | None = None,
        selection: Any = None,
        cutoff: Any = None,
    ) -> Iterator[list[tuple[Any, ...]]]:
        """Records whose ``column`` (a date of the record) is set and before ``at``, by one RT
        search; those ``done`` says are already anonymised are left out. A rule on a column is
        all RT runs (the validator refuses conditions and aggregates on rt datasets), so the
        compiled ``selection`` of the same column is not needed."""
        if sql is not None or not column:
            raise SelectionRefusedError(
                f"{dataset.name}: RT records expire by a date field of theirs (`start.column`), "
                "not by a SQL file or an aggregate over other records"
            )
        limit = at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
        conditions = [(column, ">", "1970-01-02 00:00:00"), (column, "<", limit)]
        columns = ["id", *(done.fields if done else ())]
        yield sorted(
            (row["id"],)
            for rows in self._search(dataset, conditions, columns)
            for row in rows
            if done is None or not _anonymised(row, done)
        )

    def deletion_order(self, datasets: Sequence[Dataset]) -> set[tuple[str, str]]:
        return set()  # nothing is deleted through the API

    def foreign_keys(
        self, datasets: Sequence[Dataset]
    ) -> set[tuple[str, tuple[str, ...], str, tuple[str, ...]]]:
        return set()  # a transaction's ticket cannot be changed through the API

    def required_fields(self, dataset: Dataset) -> frozenset[str]:
        return frozenset({"Name"}) if _records(dataset) == "user" else frozenset()

    def pending(
        self,
        dataset: Dataset,
        rows: Sequence[Row],
        action: str,
        *,
        change: Any = None,
        flag: str | None = None,
    ) -> int:
        """Records an action would still change: every record still there for a delete (the
        API removes nothing), those not yet anonymised, those without the restriction flag."""
        fields = [*(change.fields if change else ()), *([flag] if flag else [])]
        current = self._current(dataset, rows, fields)
        if action == "anonymise":
            return sum(not _anonymised(row, change) for row in current)
        if action == "restrict":
            return sum(not row.get(flag or "") for row in current)
        return len(current)

    def locked(self, dataset: Dataset, rows: Sequence[Row]) -> dict[tuple[Any, ...], Lock]:
        """Correspondence and attached files: the API cannot erase them (``KEPT_REASONS``), a
        technical limit of the system, not a retention."""
        reason = KEPT_REASONS.get(_records(dataset))
        if reason is None:
            return {}
        lock = Lock(LockNature.TECHNICAL, reason)
        return {(row["id"],): lock for row in rows}

    def download(self, dataset: Dataset, row: Row, version: Any, target: Path) -> int:
        """Write an attached file's content (``row`` of an attachment dataset) to ``target``."""
        content = self.fetch_attachment(int(row["id"]))
        target.write_bytes(content)
        return len(content)

    def fetch_attachment(self, number: int) -> bytes:
        """An attachment's content, as RT stores it (REST 2 sends it base64-encoded)."""
        data = self.api.request("GET", f"attachment/{number}")
        return base64.b64decode(data.get("Content") or "")

    @contextmanager
    def reading(self) -> Iterator[None]:
        yield

    @contextmanager
    def changes(self) -> Iterator[RtChanges]:
        yield RtChanges(self)

    def close(self) -> None:
        self.api.session.close()

    # -- searches and rows --------------------------------------------------------------------
    def _current(self, dataset: Dataset, rows: Sequence[Row], fields: Sequence[str]) -> list[Row]:
        ids = sorted({(int(row["id"]),) for row in rows})
        criterion = ByReference(("id",), ids)
        return [r for batch in self.find(dataset, criterion, ["id", *fields]) for r in batch]

    def _search(
        self, dataset: Dataset, conditions: list[tuple[str, str, Any]], columns: Sequence[str]
    ) -> Iterator[list[Row]]:
        """Rows of the records meeting every condition (field, operator, value), page by page."""
        records = _records(dataset)
        columns = list(dict.fromkeys(["id", *columns]))
        try:
            if records == "ticket":
                query = _ticket_sql(dataset, conditions)
                params = {"query": query, "fields": _ticket_fields(columns)}
                pages = self.api.pages("tickets", params=params)
                for items in pages:
                    yield [self._ticket_row(item, columns) for item in items]
            elif records == "correspondence":
                body = _json_search(conditions, {"Ticket": "ObjectId"})
                body += [
                    {"field": "ObjectType", "value": "RT::Ticket"},
                    {"field": "Type", "operator": "IN", "value": list(MESSAGE_TYPES)},
                ]
                params = {"fields": "ObjectId,Type,Created,Creator"}
                for items in self.api.pages("transactions", params=params, body=body):
                    yield self._message_rows(items, columns)
            elif records == "attachment":
                body = [
                    *_json_search(conditions, {}),
                    {"field": "Filename", "operator": "!=", "value": ""},
                ]
                params = {"fields": "TransactionId,Filename,ContentType,Created"}
                for items in self.api.pages("attachments", params=params, body=body):
                    yield [self._attachment_row(item, columns) for item in items]
            else:
                body = _json_search(conditions, {})
                fields = ",".join(c for c in columns if c != "id")
                for items in self.api.pages("users", params={"fields": fields}, body=body):
                    yield [self._user_row(item, columns) for item in items]
        except RtError as exc:
            if exc.status == 400:
                raise SelectionRefusedError(f"{dataset.name}: {exc}") from exc
            raise

    def _ticket_row(self, item: dict, columns: Sequence[str]) -> Row:
        custom = {
            RT_CUSTOM_FIELD + cf["name"]: _joined([v for v in cf.get("values") or [] if v])
            for cf in item.get("CustomFields") or []
        }
        row: Row = {}
        for name in columns:
            value = item.get(name)
            if name == "id":
                row[name] = int(value)
            elif name.startswith(RT_CUSTOM_FIELD):
                row[name] = custom.get(name)
            elif name in WATCHERS:
                row[name] = _joined([self._email(u["id"]) for u in value or []])
            elif name == "Queue":
                row[name] = self._queue(value["id"]) if value else None
            elif name == "Owner":
                row[name] = value["id"] if value else None
            else:
                row[name] = _value(value)
        return row

    def _message_rows(self, items: list[dict], columns: Sequence[str]) -> list[Row]:
        """Correspondence rows; their text is the transaction's text/plain parts that are not
        attached files, read for the whole page in one search."""
        texts: dict[int, list[str]] = {}
        if "Content" in columns:
            ids = [item["id"] for item in items]
            body = [
                {"field": "TransactionId", "operator": "IN", "value": ids},
                {"field": "ContentType", "value": "text/plain"},
            ]
            params = {"fields": "TransactionId,Filename,Content"}
            for parts in self.api.pages("attachments", params=params, body=body):
                for part in parts:
                    if not part.get("Filename"):
                        texts.setdefault(int(part["TransactionId"]), []).append(part["Content"])
        rows = []
        for item in items:
            values = {
                "id": int(item["id"]),
                "Ticket": int(item["ObjectId"]),
                "Type": item.get("Type"),
                "Created": _value(item.get("Created")),
                "Creator": (item.get("Creator") or {}).get("id"),
                "Content": "\n".join(texts.get(int(item["id"]), [])) or None,
            }
            rows.append({c: values.get(c) for c in columns})
        return rows

    def _attachment_row(self, item: dict, columns: Sequence[str]) -> Row:
        """An attached file; its ``Content`` is the text of a text file, else its bytes
        base64-encoded (``fetch_attachment`` gives the bytes)."""
        values = {
            "id": int(item["id"]),
            "TransactionId": int(item["TransactionId"]),
            "Filename": item.get("Filename"),
            "ContentType": item.get("ContentType"),
            "Created": _value(item.get("Created")),
        }
        if "Content" in columns:
            content = self.fetch_attachment(values["id"])
            text = str(values["ContentType"] or "").startswith("text/")
            values["Content"] = (
                content.decode("utf-8", errors="replace")
                if text
                else base64.b64encode(content).decode("ascii")
            )
        return {c: values.get(c) for c in columns}

    def _user_row(self, item: dict, columns: Sequence[str]) -> Row:
        name = item.get("Name") or item["id"]
        values = {**item, "id": self._user_id(name)}
        return {c: _value(values.get(c)) for c in columns}

    def _email(self, name: str) -> str:
        if name not in self._emails:
            user = self.api.request("GET", f"user/{requests.utils.quote(name, safe='')}")
            self._emails[name] = user.get("EmailAddress") or ""
            self._user_ids[name] = int(user["id"])
        return self._emails[name]

    def _user_id(self, name: str) -> int:
        if name not in self._user_ids:
            self._email(name)
        return self._user_ids[name]

    def _queue(self, queue_id: str) -> str:
        if queue_id not in self._queues:
            self._queues[queue_id] = self.api.request("GET", f"queue/{queue_id}")["Name"]
        return self._queues[queue_id]


@dataclass(frozen=True)
class RtChanges:
    """The protocol's writes through REST 2, applied as they are made (RT has no transactions
    across requests); each record already in the wanted state counts nothing."""

    connector: RtConnector

    def delete(self, dataset: Dataset, rows: Sequence[Row]) -> int:
        raise NotImplementedError(
            f"RT's REST 2 API cannot delete the records of {dataset.name} (`locked` keeps them)"
        )

    def delete_by(
        self,
        dataset: Dataset,
        fields: Sequence[str],
        values: Sequence[tuple[Any, ...]],
        returning: Sequence[str],
    ) -> list[tuple[Any, ...]]:
        raise NotImplementedError("RT records are not changed by reference (changes_by_reference)")

    def anonymise_by(
        self,
        dataset: Dataset,
        fields: Sequence[str],
        values: Sequence[tuple[Any, ...]],
        change: Any,
        returning: Sequence[str],
    ) -> list[tuple[Any, ...]]:
        raise NotImplementedError("RT records are not changed by reference (changes_by_reference)")

    def anonymise(self, dataset: Dataset, rows: Sequence[Row], change: Anonymisation) -> int:
        """Each record not yet anonymised gets the change's values in one update (a token per
        record for hashed fields); a watcher field is emptied, whatever its strategy."""
        changed = 0
        for row in self.connector._current(dataset, rows, change.fields):
            if _anonymised(row, change):
                continue
            self._update(dataset, row["id"], {**change.constant, **change.row_values()})
            changed += 1
        return changed

    def restrict(self, dataset: Dataset, rows: Sequence[Row], flag: str) -> int:
        current = self.connector._current(dataset, rows, [flag])
        todo = [row for row in current if not row.get(flag)]
        for row in todo:
            self._update(dataset, row["id"], {flag: "1"})
        return len(todo)

    def set_value(self, dataset: Dataset, rows: Sequence[Row], field: str, value: Any) -> list[Any]:
        previous = []
        for row in self.connector._current(dataset, rows, [field]):
            if row.get(field) != value:
                self._update(dataset, row["id"], {field: value})
                previous.append(row.get(field))
        return previous

    def append(self, dataset: Dataset, rows: Sequence[Row]) -> int:
        """Correspondence only: each row (``Ticket``, ``Content``) is a reply on its ticket,
        which RT sends to the ticket's requestors as it sends any reply."""
        if _records(dataset) != "correspondence":
            raise NotImplementedError(
                f"records of {dataset.name} are not added through REST 2; a reply is "
                "(a correspondence dataset)"
            )
        for row in rows:
            body = {"Content": row["Content"], "ContentType": "text/plain"}
            path = f"ticket/{int(row['Ticket'])}/correspond"
            self.connector.api.request("POST", path, body=body, once=True)
        return len(rows)

    def _update(self, dataset: Dataset, record_id: int, values: dict[str, Any]) -> None:
        """One PUT of the record: custom fields under ``CustomFields``, watchers as lists."""
        records = _records(dataset)
        writable = RT_WRITABLE[records]
        body: dict[str, Any] = {}
        custom: dict[str, Any] = {}
        for name, value in values.items():
            if records == "ticket" and name.startswith(RT_CUSTOM_FIELD):
                custom[name[len(RT_CUSTOM_FIELD) :]] = "" if value is None else value
            elif name in WATCHERS:
                body[name] = (
                    []
                    if value is None or str(value).startswith(TOKEN_PREFIX)
                    else [v.strip() for v in str(value).split(",") if v.strip()]
                )
            elif name in writable:
                body[name] = "" if value is None else value
            else:
                raise NotImplementedError(
                    f"RT's REST 2 API cannot change {name!r} of {dataset.name}"
                )
        if custom:
            body["CustomFields"] = custom
        resource = "ticket" if records == "ticket" else "user"
        messages = self.connector.api.request("PUT", f"{resource}/{record_id}", body=body)
        log.info("%s: record updated (%d changes)", dataset.name, len(messages or []))


# -- helpers ----------------------------------------------------------------------------------


def _records(dataset: Dataset) -> str:
    if dataset.rt is None:
        raise ValueError(f"{dataset.name} is not a dataset of an rt system (no `rt`)")
    return dataset.rt.records


def _value(value: Any) -> Any:
    """A REST 2 value as a row holds it: dates as aware datetimes (unset dates as None), user
    and object references as their id."""
    if isinstance(value, dict):
        return value.get("id")
    if isinstance(value, str) and len(value) == 20 and value.endswith("Z") and value[10] == "T":
        if value == UNSET:
            return None
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return value


def _joined(values: Iterable[str]) -> str | None:
    return ", ".join(v for v in values if v) or None


def _identities(stored: Any, kind: str) -> set[str]:
    """The normalised identities in a stored value (a watcher field holds several)."""
    if not stored:
        return set()
    parts = str(stored).split(",") if kind == "email" else [str(stored)]
    return {normalise_identity(kind, p) for p in parts if p.strip()}


def _matches(stored: Any, kind: str, wanted: set[str]) -> bool:
    """Whether a stored identity is one of the ``wanted`` normalised values: a phone number in
    whatever spelling it was typed (read in the wanted number's country when it has no country
    code), anything else through the normaliser."""
    if kind == "phone":
        return any(stored_phone_matches(stored, value) for value in wanted)
    return bool(_identities(stored, kind) & wanted)


def _phone_pattern(e164: str) -> str:
    """What RT's LIKE (a substring match: RT puts ``%`` around it and leaves the ones inside)
    is given for a phone number: its last digits with ``%`` between them, which every spelling
    of the number holds whatever separators or prefix it has (``phone_tail``)."""
    return "%".join(phone_tail(e164))


def _anonymised(row: Row, change: Anonymisation) -> bool:
    """Whether every field of the change is in its erased form (empty counts for any)."""
    for name, value in change.constant.items():
        if row.get(name) not in (None, "", value):
            return False
    return all(
        row.get(name) in (None, "") or str(row[name]).startswith(TOKEN_PREFIX)
        for name in change.tokens
    )


def _texts(row: Row, fields: Sequence[str]) -> tuple[str, ...]:
    return tuple(str(row.get(f)) for f in fields)


def _reference_conditions(
    criterion: ByReference, chunk: Sequence[tuple[Any, ...]]
) -> list[tuple[str, str, Any]]:
    """A search narrowing to the values of the first field (the rest are checked on the rows)."""
    return [(criterion.fields[0], "IN", sorted({str(values[0]) for values in chunk}))]


def _quoted(value: Any) -> str:
    text = str(value).replace("\\", "\\\\").replace("'", "\\'")
    return f"'{text}'"


def _ticket_sql(dataset: Dataset, conditions: list[tuple[str, str, Any]]) -> str:
    """TicketSQL of the dataset's own ``query`` and the conditions: a watcher is searched by
    e-mail address, a custom field as ``CF.{name}``; ``IN`` becomes ORed equalities."""
    parts = [f"({dataset.rt.query})"] if dataset.rt and dataset.rt.query else []
    for name, op, value in conditions:
        if name in WATCHERS:
            target = f"{name}.EmailAddress"
        elif name.startswith(RT_CUSTOM_FIELD):
            target = "CF.{" + name[len(RT_CUSTOM_FIELD) :] + "}"
        else:
            target = name
        if op == "IN":
            parts.append("(" + " OR ".join(f"{target} = {_quoted(v)}" for v in value) + ")")
        else:
            parts.append(f"{target} {op} {_quoted(value)}")
    return " AND ".join(parts) or "id > 0"


def _ticket_fields(columns: Sequence[str]) -> str:
    wanted = {c for c in columns if c != "id" and not c.startswith(RT_CUSTOM_FIELD)}
    if any(c.startswith(RT_CUSTOM_FIELD) for c in columns):
        wanted.add("CustomFields")
    return ",".join(sorted(wanted)) or "Subject"


def _json_search(conditions: list[tuple[str, str, Any]], names: dict[str, str]) -> list[dict]:
    """REST 2's JSON search of the conditions, fields renamed as RT's tables name them."""
    return [{"field": names.get(n, n), "operator": op, "value": v} for n, op, v in conditions]


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return min(float(value), 30.0) if value.replace(".", "", 1).isdigit() else None


def _message(response: requests.Response) -> str:
    """RT's message up to its first quotation: RT quotes the query or value it refuses."""
    try:
        text = str(response.json().get("message") or response.reason)
    except ValueError:
        text = response.reason or "no message"
    return text.split("'", 1)[0].strip() or "no message"
