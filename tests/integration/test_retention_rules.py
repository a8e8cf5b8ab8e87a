"""Declarative retention rules, as-of dates and the boundary day, on PostgreSQL, MariaDB, SQLite.

A small club written for this test: people who are customers or prospects in one table
(two rules, two populations), their contracts (a contract with no end keeps a customer), their
interactions (only those the prospect initiated count; a prospect who never initiated one
counts from creation), their disputes (an open one keeps a customer), and memberships with an
end as a DATE and as a timestamp (and, on PostgreSQL, a timestamp with time zone) around a
leap day. The organisation's calendar is Europe/Paris.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from gdpr.connections import create_sql_engine
from gdpr.connectors import SqlConnector
from gdpr.connectors.base import SelectionRefusedError
from gdpr.datamap import parse_datamap
from gdpr.ledger import Ledger, migrate
from gdpr.retention.plan import cutoff_for
from gdpr.retention.purge import SelectionError
from gdpr.retention.run import run_rule
from gdpr.retention.select import expired_keys
from tests.clock import TEST_NOW

PARIS = ZoneInfo("Europe/Paris")

MAP = """
version: 1
organisation:
  name: Club Exemple
  address: 3 place du Marché, Lille
  timezone: Europe/Paris
  dpo: {name: D. P. O., email: dpo@club.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: email, kind: email}
reports: {conn_id: s3, bucket: club-rapports}
delivery: {conn_id: s3, bucket: club-envois}
purposes:
  - {id: club, name: Club, description: Adhésions, legal_basis: contract,
     data_subjects: [members]}
systems:
  - name: club
    kind: sql
    conn_id: club_db
    datasets:
      - name: people
        primary_key: [person_id]
        identity: {email: mail}
        subjects: members
        purposes: [club]
        fields:
          person_id: {categories: [user.unique_id]}
          mail: {categories: [user.contact.email]}
          kind: {categories: [system.operations]}
          created_at: {categories: [system.operations]}
        erasure: delete
      - name: contracts
        primary_key: [contract_id]
        references: [{dataset: club.people, fields: {person_id: person_id}}]
        subjects: members
        purposes: [club]
        fields:
          contract_id: {categories: [system.operations]}
          person_id: {categories: [user.unique_id]}
          ended_at: {categories: [system.operations]}
        erasure: delete
      - name: interactions
        primary_key: [interaction_id]
        references: [{dataset: club.people, fields: {person_id: person_id}}]
        subjects: members
        purposes: [club]
        fields:
          interaction_id: {categories: [system.operations]}
          person_id: {categories: [user.unique_id]}
          kind: {categories: [user.behavior]}
          occurred_at: {categories: [user.behavior]}
        erasure: delete
      - name: disputes
        primary_key: [dispute_id]
        references: [{dataset: club.people, fields: {person_id: person_id}}]
        subjects: members
        purposes: [club]
        fields:
          dispute_id: {categories: [system.operations]}
          person_id: {categories: [user.unique_id]}
          status: {categories: [system.operations]}
        erasure: delete
      - name: memberships
        primary_key: [member_id]
        identity: {email: mail}
        subjects: members
        purposes: [club]
        fields:
          member_id: {categories: [user.unique_id]}
          mail: {categories: [user.contact.email]}
          ended_on: {categories: [system.operations]}
          ended_at: {categories: [system.operations]}
          ended_tz: {categories: [system.operations]}
        erasure: delete
retention:
  - id: customers-3y
    dataset: club.people
    where:
      - {field: kind, op: "=", value: customer}
      - {not_exists: club.disputes, where: [{field: status, op: in, value: [open, appeal]}]}
    start:
      max: {dataset: club.contracts, column: ended_at, null: keeps}
    period: P3Y
    action: delete
    citation: CNIL NS-048
  - id: prospects-3y
    dataset: club.people
    where:
      - {field: kind, op: "=", value: prospect}
    start:
      max:
        dataset: club.interactions
        column: occurred_at
        where: [{field: kind, op: in, value: [click, form]}]
      otherwise: created_at
    period: P3Y
    action: delete
    citation: CNIL NS-048
  - id: members-date-1y
    dataset: club.memberships
    start: {column: ended_on}
    period: P1Y
    action: delete
    citation: test
  - id: members-timestamp-1y
    dataset: club.memberships
    start: {column: ended_at}
    period: P1Y
    action: delete
    citation: test
  - id: members-zoned-1y
    dataset: club.memberships
    start: {column: ended_tz}
    period: P1Y
    action: delete
    citation: test
  - id: members-sql-date-1y
    dataset: club.memberships
    start: {sql: members_date.sql, cutoff: date}
    period: P1Y
    action: delete
    citation: test
  - id: members-sql-timestamp-1y
    dataset: club.memberships
    start: {sql: members_timestamp.sql}
    period: P1Y
    action: delete
    citation: test
"""

OLD, RECENT = datetime(2020, 1, 1), datetime(2025, 6, 1)
# person id, kind, created_at; contracts' ends; interactions (kind, when); disputes' status
PEOPLE = [
    (1, "customer", OLD, [datetime(2020, 1, 1), datetime(2021, 5, 1)], [], []),  # expired
    (2, "customer", OLD, [datetime(2020, 1, 1), None], [], []),  # an open contract keeps
    (3, "customer", OLD, [datetime(2020, 1, 1)], [], ["open"]),  # an open dispute keeps
    (4, "customer", OLD, [datetime(2020, 1, 1)], [], ["closed"]),  # expired
    (5, "customer", OLD, [RECENT], [], []),  # a recent contract keeps
    (6, "customer", OLD, [], [], []),  # no contract: no start, kept
    (11, "prospect", OLD, [], [("click", datetime(2020, 3, 1))], []),  # expired
    (12, "prospect", OLD, [], [("click", OLD), ("email_open", RECENT)], []),  # opens don't count
    (13, "prospect", OLD, [], [("form", RECENT)], []),  # a recent form keeps
    (14, "prospect", OLD, [], [], []),  # never initiated a contact: from creation, expired
    (15, "prospect", RECENT, [], [], []),  # created recently: kept
    (16, "prospect", OLD, [None], [], []),  # an open contract is not the prospects' rule's
]
CUSTOMERS_EXPIRED = {1, 4}
PROSPECTS_EXPIRED = {11, 12, 14, 16}

# member id, ended_on (DATE), ended_at (naive UTC); the ends around the leap day of 2024, in
# Paris: 2 ends at 00:00 on 28 Feb, 1 one second before
MEMBERS = [
    (1, date(2024, 2, 27), datetime(2024, 2, 27, 22, 59, 59)),
    (2, date(2024, 2, 28), datetime(2024, 2, 27, 23, 0, 0)),
    (3, date(2024, 2, 29), datetime(2024, 2, 29, 9, 0, 0)),
    (4, date(2024, 3, 1), datetime(2024, 2, 29, 23, 0, 0)),
    (5, date(2027, 2, 28), datetime(2027, 2, 28, 12, 0, 0)),
    (6, date(2027, 3, 1), datetime(2027, 2, 28, 23, 0, 0)),
]
# as-of date -> members expired under P1Y: the boundary day is kept, 29 Feb + P1Y is 28 Feb
BOUNDARY = {
    date(2025, 2, 28): {1},
    date(2025, 3, 1): {1, 2, 3},
    date(2028, 2, 28): {1, 2, 3, 4},
    date(2028, 2, 29): {1, 2, 3, 4, 5},
    date(2028, 3, 1): {1, 2, 3, 4, 5},  # 1 Mar 2027 + P1Y: its last day
    date(2028, 3, 2): {1, 2, 3, 4, 5, 6},
}
SQL_FILES = {
    # typed :cutoff: date arithmetic on it works in the purge and in the checks alike
    "postgresql": (
        "SELECT member_id FROM memberships WHERE ended_on < :cutoff + interval '0 days'",
        "SELECT member_id FROM memberships WHERE ended_at < :cutoff + interval '0 days'",
    ),
    "mysql": (
        "SELECT member_id FROM memberships WHERE ended_on < :cutoff + INTERVAL 0 DAY",
        "SELECT member_id FROM memberships WHERE ended_at < :cutoff + INTERVAL 0 DAY",
    ),
    "sqlite": (
        "SELECT member_id FROM memberships WHERE ended_on < :cutoff",
        "SELECT member_id FROM memberships WHERE ended_at < :cutoff",
    ),
}


@pytest.fixture(params=["postgresql", "mariadb", "sqlite"])
def club(request, tmp_path):
    url = request.getfixturevalue(
        {"postgresql": "pg_url", "mariadb": "mysql_url", "sqlite": "sqlite_url"}[request.param]
    )
    engine = create_sql_engine(url)
    postgres = engine.dialect.name == "postgresql"
    meta = sa.MetaData()
    people = sa.Table(
        "people",
        meta,
        sa.Column("person_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("mail", sa.String(100)),
        sa.Column("kind", sa.String(20)),
        sa.Column("created_at", sa.DateTime),
    )
    contracts = sa.Table(
        "contracts",
        meta,
        sa.Column("contract_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.person_id")),
        sa.Column("ended_at", sa.DateTime, nullable=True),
    )
    interactions = sa.Table(
        "interactions",
        meta,
        sa.Column("interaction_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.person_id")),
        sa.Column("kind", sa.String(20)),
        sa.Column("occurred_at", sa.DateTime),
    )
    disputes = sa.Table(
        "disputes",
        meta,
        sa.Column("dispute_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.person_id")),
        sa.Column("status", sa.String(20)),
    )
    memberships = sa.Table(
        "memberships",
        meta,
        sa.Column("member_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("mail", sa.String(100)),
        sa.Column("ended_on", sa.Date),
        sa.Column("ended_at", sa.DateTime),
        # a timestamp with time zone where the database has one (MariaDB: the same as ended_at)
        sa.Column("ended_tz", sa.DateTime(timezone=True) if postgres else sa.DateTime),
    )
    meta.create_all(engine)
    with engine.begin() as conn:
        n = 0
        for pid, kind, created, ends, contacts, statuses in PEOPLE:
            conn.execute(
                people.insert(),
                {
                    "person_id": pid,
                    "mail": f"p{pid}@club.example",
                    "kind": kind,
                    "created_at": created,
                },
            )
            for end in ends:
                n += 1
                conn.execute(
                    contracts.insert(), {"contract_id": n, "person_id": pid, "ended_at": end}
                )
            for contact, when in contacts:
                n += 1
                conn.execute(
                    interactions.insert(),
                    {"interaction_id": n, "person_id": pid, "kind": contact, "occurred_at": when},
                )
            for status in statuses:
                n += 1
                conn.execute(
                    disputes.insert(), {"dispute_id": n, "person_id": pid, "status": status}
                )
        conn.execute(
            memberships.insert(),
            [
                {
                    "member_id": mid,
                    "mail": f"m{mid}@club.example",
                    "ended_on": on,
                    "ended_at": at,
                    "ended_tz": at.replace(tzinfo=ZoneInfo("UTC")) if postgres else at,
                }
                for mid, on, at in MEMBERS
            ],
        )
    sql_dir = tmp_path / "sql"
    sql_dir.mkdir()
    on_date, on_timestamp = SQL_FILES[engine.dialect.name]
    (sql_dir / "members_date.sql").write_text(on_date, encoding="utf-8")
    (sql_dir / "members_timestamp.sql").write_text(on_timestamp, encoding="utf-8")
    datamap = parse_datamap(MAP, source="club.yaml", sql_dir=sql_dir)
    ledger_engine = create_sql_engine(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    migrate(ledger_engine)
    connector = SqlConnector(datamap.system("club"), engine)
    yield datamap, engine, connector, Ledger(ledger_engine)
    engine.dispose()
    ledger_engine.dispose()


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=PARIS)


def selected(datamap, connector, rule_id: str, now: datetime) -> set[int]:
    rule = datamap.rule(rule_id)
    cutoff = cutoff_for(rule, now, datamap.organisation.timezone)
    return {int(key[0]) for key in expired_keys(datamap, connector, rule, cutoff)}


def ids(engine: sa.Engine, sql: str) -> set[int]:
    with engine.connect() as conn:
        return {int(r[0]) for r in conn.execute(sa.text(sql))}


def test_two_populations_of_one_table_each_expire_under_their_own_rule(club):
    datamap, engine, connector, ledger = club
    assert selected(datamap, connector, "customers-3y", TEST_NOW) == CUSTOMERS_EXPIRED
    assert selected(datamap, connector, "prospects-3y", TEST_NOW) == PROSPECTS_EXPIRED

    for rule in ("customers-3y", "prospects-3y"):
        run_rule(datamap, rule, {"club": connector}, ledger, now=TEST_NOW)
    left = ids(engine, "SELECT person_id FROM people")
    assert left == {p[0] for p in PEOPLE} - CUSTOMERS_EXPIRED - PROSPECTS_EXPIRED
    # the dependants went with them, children first
    assert ids(engine, "SELECT person_id FROM contracts") <= left
    assert ids(engine, "SELECT person_id FROM interactions") <= left


def test_null_ignored_lets_the_other_contracts_decide(club):
    datamap, _, connector, _ = club
    rule = datamap.rule("customers-3y")
    aggregate = rule.start.max.model_copy(update={"null": "ignored"})
    ignoring = rule.model_copy(update={"start": rule.start.model_copy(update={"max": aggregate})})
    cutoff = cutoff_for(ignoring, TEST_NOW, "Europe/Paris")
    found = {int(k[0]) for k in expired_keys(datamap, connector, ignoring, cutoff)}
    assert found == CUSTOMERS_EXPIRED | {2}


def test_the_selection_is_one_set_based_statement(club):
    """One SELECT with a grouped join and a semi-join: no statement per record."""
    from gdpr.retention.rules import expired_select

    datamap, engine, connector, _ = club
    rule = datamap.rule("customers-3y")
    cutoff = cutoff_for(rule, TEST_NOW, "Europe/Paris")
    table = connector.table(datamap.dataset("club.people").dataset)
    sql = str(expired_select(datamap, rule, cutoff, table, connector).compile(engine)).upper()
    assert sql.count("SELECT") == 3  # the keys, the grouped starts, the NOT EXISTS
    assert "GROUP BY" in sql
    assert "LEFT OUTER JOIN" in sql
    assert "NOT (EXISTS" in sql


@pytest.mark.parametrize("rule", ["members-date-1y", "members-timestamp-1y", "members-zoned-1y"])
@pytest.mark.parametrize("as_of", sorted(BOUNDARY), ids=str)
def test_the_boundary_day_is_kept_for_dates_and_timestamps_leap_days_included(club, rule, as_of):
    datamap, _, connector, _ = club
    assert selected(datamap, connector, rule, noon(as_of)) == BOUNDARY[as_of]


@pytest.mark.parametrize("rule", ["members-sql-date-1y", "members-sql-timestamp-1y"])
@pytest.mark.parametrize("as_of", [date(2025, 2, 28), date(2025, 3, 1), date(2028, 2, 29)], ids=str)
def test_a_sql_file_rule_binds_a_typed_cutoff_in_the_purge(club, rule, as_of):
    datamap, _, connector, _ = club
    assert selected(datamap, connector, rule, noon(as_of)) == BOUNDARY[as_of]


@pytest.mark.parametrize("rule", ["members-sql-date-1y", "members-sql-timestamp-1y"])
def test_the_checks_bind_the_same_typed_cutoff_as_the_purge(club, rule):
    from gdpr.quality.runner import check_dataset

    datamap, engine, _, _ = club
    as_of = date(2025, 3, 1)
    only = datamap.model_copy(update={"retention": [datamap.rule(rule)]})
    outcome = check_dataset(only, "club.memberships", engine, now=noon(as_of))
    assert not outcome.errors, outcome.errors
    found = {int(f.key[0]) for f in outcome.findings if f.check == "retention"}
    assert found == BOUNDARY[as_of]


def test_the_checks_find_what_a_declarative_rule_selects(club):
    from gdpr.quality.runner import check_dataset

    datamap, engine, _, _ = club
    outcome = check_dataset(datamap, "club.people", engine, now=TEST_NOW)
    assert not outcome.errors, outcome.errors
    by_rule: dict[str, set[int]] = {}
    for f in outcome.findings:
        if f.check == "retention":
            by_rule.setdefault(f.category, set()).add(int(f.key[0]))
    assert by_rule == {"customers-3y": CUSTOMERS_EXPIRED, "prospects-3y": PROSPECTS_EXPIRED}


def test_an_as_of_preview_selects_what_a_purge_that_day_would_and_changes_nothing(club):
    datamap, engine, connector, ledger = club
    before = ids(engine, "SELECT member_id FROM memberships")
    preview = run_rule(
        datamap,
        "members-date-1y",
        {"club": connector},
        ledger,
        now=noon(date(2028, 2, 29)),
        dry_run=True,
    )
    assert preview.datasets["club.memberships"].count == len(BOUNDARY[date(2028, 2, 29)])
    assert ids(engine, "SELECT member_id FROM memberships") == before
    purge = run_rule(
        datamap, "members-date-1y", {"club": connector}, ledger, now=noon(date(2025, 3, 1))
    )
    assert purge.datasets["club.memberships"].count == 3
    assert ids(engine, "SELECT member_id FROM memberships") == before - BOUNDARY[date(2025, 3, 1)]


def test_a_condition_value_the_column_cannot_hold_refuses_the_rule_and_changes_nothing(club):
    _, engine, connector, ledger = club
    text = MAP.replace(
        '{field: kind, op: "=", value: prospect}', '{field: created_at, op: "<", value: soon}'
    )
    broken = parse_datamap(text, source="club.yaml")
    before = ids(engine, "SELECT person_id FROM people")
    with pytest.raises(
        SelectionError, match=r"type mismatch in a condition on club\.people\.created_at"
    ):
        run_rule(broken, "prospects-3y", {"club": connector}, ledger, now=TEST_NOW)
    assert ids(engine, "SELECT person_id FROM people") == before
    with pytest.raises(SelectionRefusedError, match="'soon' cannot be compared"):
        selected(broken, connector, "prospects-3y", TEST_NOW)


def test_the_run_cuts_at_its_logical_date_and_previews_at_the_form_date():
    from gdpr.airflow.refusal import Refusal
    from gdpr.airflow.retention import as_of, run_as_of

    interval_end = datetime(2026, 11, 19, tzinfo=ZoneInfo("UTC"))

    class Run:
        run_after = datetime(2026, 11, 18, 15, tzinfo=ZoneInfo("UTC"))

    assert run_as_of({"data_interval_end": interval_end, "dag_run": Run()}) == interval_end
    assert run_as_of({"data_interval_end": None, "dag_run": Run()}) == Run.run_after
    context = {"data_interval_end": interval_end}
    assert as_of(context, None, dry_run=False, timezone="Europe/Paris") == interval_end
    assert as_of(context, "2027-01-01", dry_run=True, timezone="Europe/Paris") == noon(
        date(2027, 1, 1)
    )
    with pytest.raises(Refusal, match="as_of 2027-01-01 is for previews"):
        as_of(context, "2027-01-01", dry_run=False, timezone="Europe/Paris")
