"""The generated population: customers and everything that hangs off them, prospects, and
tickets from people who are not customers.

Speed matters (benchmarks seed a million customers), so Faker is called only to build pools
of names and addresses once; every row then draws from the pools with one ``random.Random``.
Rows are yielded one at a time, a customer's rows together, parents before children, so the
writer never holds more than a batch per table. The same seed, ``today`` and size yield the
same rows in the same order.

Proportions follow the brief of the demo (and the retention rules of include/datamap.yaml):
about 10% of customers expired (relationship ended more than 3 years ago), 30% of prospects
without a contact of their own for 3 years (some with a recent opened e-mail, which does not
count), about 20% of payments older than 13 months, about 40% of call recordings older than
6 months. Dates near a retention boundary keep a margin of 30 days, so a feature computing
the cutoff a day differently still finds the same records.
"""

from __future__ import annotations

import functools
import random
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from faker import Faker

from examples.retailer.objects import (
    ObjectSpec,
    attachment_bytes,
    attachment_size,
    call_audio,
    invoice_pdf,
)
from examples.retailer.schema import KEY_TEMPLATES
from examples.retailer.texts import (
    ATTACHMENT_FILES,
    CATEGORIES,
    CHANNELS,
    COLLECTIONS,
    CUSTOMER_CONSENT_SOURCES,
    EVALUATION_TEMPLATES,
    FOLLOW_UPS,
    INBOUND_KINDS,
    INTERACTION_KINDS,
    NOTE_TEMPLATES,
    PRODUCTS_EN,
    PRODUCTS_FR,
    PROSPECT_SOURCES,
    TICKETS,
    WEEKDAYS_FR,
)
from examples.retailer.timeutil import midnight

Row = dict[str, Any]
Record = tuple[str, Row | ObjectSpec]

DAY = timedelta(days=1)
YEAR_DAYS = 365
RETENTION_MARGIN = timedelta(days=30)
EMAIL_DOMAINS = (
    "example.fr",
    "example.com",
    "example.net",
    "example.org",
    "mail.example",
    "courriel.example",
)
# Orders per customer: mean 2. Tickets per customer: mean 2.8 (plus non-customers' tickets).
ORDER_COUNTS = (0, 1, 1, 2, 2, 2, 3, 3, 4)
TICKET_COUNTS = (0, 1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 6)
NON_CUSTOMER_TICKETS_PER_CUSTOMER = 0.2


# Surnames that are also special-category words ('Gay', 'Chrétien'): customers sign their
# messages, and a generated signature must not look like a remark (only planted texts may).
NAMES_READ_AS_REMARKS = frozenset({"Gay", "Chrétien"})


@dataclass(frozen=True)
class Pools:
    """Values drawn once from Faker; rows sample from them (index-aligned ASCII forms for e-mails)."""

    first_names: tuple[str, ...]
    first_ascii: tuple[str, ...]
    last_names: tuple[str, ...]
    last_ascii: tuple[str, ...]
    streets: tuple[str, ...]
    places: tuple[tuple[str, str], ...]  # (postcode, city)
    companies: tuple[str, ...]
    agents: tuple[str, ...]


def _ascii(text: str) -> str:
    """'Hélène-Marie' -> 'helene-marie': the local part of an e-mail address."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c == "-"))
    return kept.lower() or "x"


@functools.cache
def build_pools(seed: int) -> Pools:
    """The Faker calls of a seed, all of them: a few thousand, whatever the number of customers.
    Cached: the pools are immutable and cost most of a small seed's time (tests seed often)."""
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    first = tuple(
        n for n in (fake.first_name() for _ in range(3000)) if n not in NAMES_READ_AS_REMARKS
    )
    last = tuple(
        n for n in (fake.last_name() for _ in range(3000)) if n not in NAMES_READ_AS_REMARKS
    )
    return Pools(
        first_names=first,
        first_ascii=tuple(_ascii(n) for n in first),
        last_names=last,
        last_ascii=tuple(_ascii(n) for n in last),
        streets=tuple(fake.street_address() for _ in range(5000)),
        places=tuple((fake.postcode(), fake.city()) for _ in range(5000)),
        companies=tuple(fake.company() for _ in range(2000)),
        agents=tuple(f"{fake.first_name()} {fake.last_name()}" for _ in range(40)),
    )


def expected_counts(customers: int) -> dict[str, int]:
    """Approximate row and object counts for a size (progress totals; tests check proportions)."""
    prospects = customers // 2
    return {
        "crm.customers": customers,
        "crm.prospects": prospects,
        "crm.prospect_interactions": round(prospects * 3.1),
        "crm.consents": round(customers * 0.7 * 1.3 + prospects * 0.5),
        "crm.orders": customers * 2,
        "crm.invoices": round(customers * 1.8),
        "crm.payments": round(customers * 1.95),
        "crm.notes": customers // 2,
        "crm.call_recordings": round(customers * 0.27),
        "crm.call_evaluations": round(customers * 0.135),
        "helpdesk.tickets": round(customers * 3.0),
        "helpdesk.ticket_messages": round(customers * 9.0),
        "helpdesk.ticket_attachments": round(customers * 0.3),
        "invoice_archive.invoice_pdfs": round(customers * 1.8),
        "call_audio.recordings": round(customers * 0.27),
        "helpdesk_files.attachments": round(customers * 0.3),
    }


class Population:
    """Generates the non-planted records; ids continue after the planted ones."""

    def __init__(
        self,
        *,
        rng: random.Random,
        pools: Pools,
        today: date,
        first_ids: dict[str, int],
        want_objects: Callable[[], bool],
    ) -> None:
        self.rng = rng
        self.pools = pools
        self.now = midnight(today)
        self.want_objects = want_objects
        self._next = dict(first_ids)
        three_years = timedelta(days=3 * YEAR_DAYS)
        self.expired_before = self.now - three_years - RETENTION_MARGIN
        self.inactive_before = self.now - three_years - RETENTION_MARGIN
        self.active_after = self.now - three_years + RETENTION_MARGIN

    # --- small helpers ---------------------------------------------------------------------

    def _id(self, table_key: str) -> int:
        value = self._next[table_key]
        self._next[table_key] = value + 1
        return value

    def _between(self, lo: datetime, hi: datetime) -> datetime:
        """A whole-second instant in [lo, hi) (whole seconds: MariaDB DATETIME has no fraction)."""
        seconds = int((hi - lo).total_seconds())
        if seconds <= 0:
            return lo
        return lo + timedelta(seconds=self.rng.randrange(seconds))

    def _days_back(self, low: int, high: int) -> datetime:
        return self._between(self.now - timedelta(days=high), self.now - timedelta(days=low))

    def _person(self) -> tuple[str, str, str, str]:
        """First and last name (never the planted subject's combination) and their ASCII forms."""
        pools, rng = self.pools, self.rng
        fi = rng.randrange(len(pools.first_names))
        li = rng.randrange(len(pools.last_names))
        if pools.first_names[fi] == "Camille" and pools.last_names[li] == "Durand":
            li = (li + 1) % len(pools.last_names)
        return (
            pools.first_names[fi],
            pools.last_names[li],
            pools.first_ascii[fi],
            pools.last_ascii[li],
        )

    def _phone(self) -> str:
        digits = f"{self.rng.randrange(10**8):08d}"
        mobile = "6" if self.rng.random() < 0.7 else "7"
        return f"+33 {mobile} {digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}"

    def _text_context(self, order_ref: str) -> dict[str, str]:
        rng = self.rng
        return {
            "product": rng.choice(PRODUCTS_FR),
            "product_en": rng.choice(PRODUCTS_EN),
            "collection": rng.choice(COLLECTIONS),
            "weekday": rng.choice(WEEKDAYS_FR),
            "amount": str(rng.choice((5, 10, 15, 20))),
            "order_ref": order_ref,
        }

    # --- customers -------------------------------------------------------------------------

    def customers(self, first_id: int, last_id: int) -> Iterator[Record]:
        """Customers first_id..last_id with their consents, orders, notes, calls and tickets."""
        for cid in range(first_id, last_id + 1):
            yield from self._customer(cid)

    def _relationship_end(self) -> datetime | None:
        u = self.rng.random()
        if u < 0.10:  # expired: ended more than 3 years (+ margin) ago
            return self._between(self.now - timedelta(days=7 * YEAR_DAYS), self.expired_before)
        if u < 0.18:  # ended recently, still within the 3 years
            return self._between(self.active_after, self.now - 30 * DAY)
        return None

    def _order_dates(self, count: int, ended: datetime | None) -> list[datetime]:
        rng = self.rng
        if ended is not None:
            return sorted(
                self._between(ended - timedelta(days=3 * YEAR_DAYS), ended - DAY)
                for _ in range(count)
            )
        dates = []
        for _ in range(count):
            if rng.random() < 0.05:  # an old order, past the 13 months of card-data retention
                dates.append(self._days_back(400, 8 * YEAR_DAYS))
            else:
                dates.append(self._days_back(0, 395))
        return sorted(dates)

    def _customer(self, cid: int) -> Iterator[Record]:
        rng, pools = self.rng, self.pools
        first, last, fa, la = self._person()
        ended = self._relationship_end()
        order_dates = self._order_dates(rng.choice(ORDER_COUNTS), ended)
        if ended is None:
            signup = self._days_back(14, 8 * YEAR_DAYS)
        else:
            signup = self._between(ended - timedelta(days=4 * YEAR_DAYS), ended - 30 * DAY)
        if order_dates:
            signup = min(
                signup, order_dates[0] - timedelta(seconds=rng.randrange(3600, 30 * 86400))
            )
        domain = rng.choice(EMAIL_DOMAINS)
        local = f"{fa}.{la}{cid}"
        if rng.random() < 0.03:  # typed with capitals: identity matching must normalise
            local = f"{fa.capitalize()}.{la.capitalize()}{cid}"
        street = rng.choice(pools.streets)
        postcode, city = rng.choice(pools.places)
        customer = {
            "customer_id": cid,
            "email": f"{local}@{domain}",
            "first_name": first,
            "last_name": last,
            "phone": self._phone() if rng.random() < 0.9 else None,
            "birth_date": date(1950, 1, 1) + timedelta(days=rng.randrange(20000))
            if rng.random() < 0.05
            else None,
            "street": street,
            "postcode": postcode,
            "city": city,
            "country": "FR",
            "created_at": signup,
            "last_order_at": order_dates[-1] if order_dates else None,
            "relationship_ended_at": ended,
            "processing_restricted": False,
        }
        yield "crm.customers", customer
        end = ended or self.now
        yield from self._customer_consents(cid, signup)
        order_ids = yield from self._orders(customer, order_dates)
        yield from self._notes(cid, signup, end, order_ids)
        yield from self._recordings(cid, signup, ended)
        for _ in range(rng.choice(TICKET_COUNTS)):
            yield from self._ticket(
                email=customer["email"],
                name=f"{first} {last}",
                cid=cid,
                created_at=self._ticket_date(signup, end, order_dates),
                order_ids=order_ids,
            )

    def _ticket_date(
        self, signup: datetime, end: datetime, order_dates: list[datetime]
    ) -> datetime:
        """Most tickets follow an order by a few days; the others fall anywhere in the relationship."""
        if order_dates and self.rng.random() < 0.85:
            after = self.rng.choice(order_dates)
            return self._between(after, min(after + 20 * DAY, end))
        return self._between(signup, end)

    def _consent(
        self,
        *,
        customer: int | None,
        prospect: int | None,
        channel: str,
        since: datetime,
        sources: tuple[str, ...],
    ) -> Row:
        """A clean consent row: a proven opt-in, a withdrawal honoured, or a refusal."""
        rng = self.rng
        opted = self._between(since, min(since + 30 * DAY, self.now))
        row = {
            "consent_id": self._id("crm.consents"),
            "customer_id": customer,
            "prospect_id": prospect,
            "channel": channel,
            "opt_in": True,
            "opted_in_at": opted,
            "source": rng.choice(sources),
            "withdrawn_at": None,
        }
        u = rng.random()
        if u >= 0.94:  # refused at sign-up
            row.update(opt_in=False, opted_in_at=None)
        elif u >= 0.82:  # withdrawn later, and honoured
            row.update(opt_in=False, withdrawn_at=self._between(opted, self.now))
        return row

    def _customer_consents(self, cid: int, signup: datetime) -> Iterator[Record]:
        if self.rng.random() < 0.7:
            yield (
                "crm.consents",
                self._consent(
                    customer=cid,
                    prospect=None,
                    channel="email",
                    since=signup,
                    sources=CUSTOMER_CONSENT_SOURCES,
                ),
            )
            if self.rng.random() < 0.3:
                yield (
                    "crm.consents",
                    self._consent(
                        customer=cid,
                        prospect=None,
                        channel="sms",
                        since=signup,
                        sources=CUSTOMER_CONSENT_SOURCES,
                    ),
                )

    def _orders(self, customer: Row, dates: list[datetime]) -> Iterator[Record]:
        """Orders, an invoice (and its PDF) per delivered order, a payment per paid order."""
        rng, now = self.rng, self.now
        cid = customer["customer_id"]
        order_ids: list[int] = []
        card: tuple[str, str] | None = None
        for ordered_at in dates:
            order_id = self._id("crm.orders")
            order_ids.append(order_id)
            delivered_at: datetime | None = None
            if ordered_at > now - 5 * DAY:
                status = "processing"
            elif ordered_at > now - 9 * DAY and rng.random() < 0.5:
                status = "shipped"
            else:
                u = rng.random()
                status = "cancelled" if u < 0.03 else "returned" if u < 0.08 else "delivered"
                if status != "cancelled":
                    delivered_at = min(
                        ordered_at + timedelta(seconds=rng.randrange(2 * 86400, 6 * 86400)),
                        now - DAY,
                    )
            amount = Decimal(rng.randrange(1990, 49900)).scaleb(-2)
            if rng.random() < 0.85:
                street, postcode, city = customer["street"], customer["postcode"], customer["city"]
            else:  # a gift, delivered elsewhere
                street = rng.choice(self.pools.streets)
                postcode, city = rng.choice(self.pools.places)
            yield (
                "crm.orders",
                {
                    "order_id": order_id,
                    "customer_id": cid,
                    "ordered_at": ordered_at,
                    "delivered_at": delivered_at,
                    "status": status,
                    "total_eur": amount,
                    "delivery_street": street,
                    "delivery_postcode": postcode,
                    "delivery_city": city,
                },
            )
            if delivered_at is not None:
                yield from self._invoice(customer, order_id, delivered_at, amount)
            if status != "cancelled":
                if card is None:
                    card = (f"{rng.randrange(10000):04d}", f"tok_{rng.getrandbits(96):024x}")
                yield (
                    "crm.payments",
                    {
                        "payment_id": self._id("crm.payments"),
                        "customer_id": cid,
                        "order_id": order_id,
                        "debited_at": ordered_at + timedelta(seconds=rng.randrange(5, 600)),
                        "amount_eur": amount,
                        "card_last4": card[0],
                        "card_token": card[1],
                    },
                )
        return order_ids

    def _invoice(
        self, customer: Row, order_id: int, issued_at: datetime, amount: Decimal
    ) -> Iterator[Record]:
        invoice = {
            "invoice_id": self._id("crm.invoices"),
            "order_id": order_id,
            "customer_id": customer["customer_id"],
            "issued_at": issued_at,
            "fiscal_year_end": date(issued_at.year, 12, 31),
            "amount_eur": amount,
            "billing_name": f"{customer['first_name']} {customer['last_name']}",
            "billing_address": f"{customer['street']}, {customer['postcode']} {customer['city']}",
        }
        yield "crm.invoices", invoice
        if self.want_objects():
            key = KEY_TEMPLATES["invoice_archive.invoice_pdfs"].format(
                customer_id=invoice["customer_id"], invoice_id=invoice["invoice_id"]
            )
            yield (
                "invoice_archive.invoice_pdfs",
                ObjectSpec(
                    "invoice_archive.invoice_pdfs", key, functools.partial(invoice_pdf, invoice)
                ),
            )

    def _notes(
        self, cid: int, start: datetime, end: datetime, order_ids: list[int]
    ) -> Iterator[Record]:
        rng = self.rng
        u = rng.random()
        for _ in range(0 if u < 0.6 else 1 if u < 0.9 else 2):
            ref = f"ML-{rng.choice(order_ids):06d}" if order_ids else "ML-000000"
            yield (
                "crm.notes",
                {
                    "note_id": self._id("crm.notes"),
                    "customer_id": cid,
                    "author": rng.choice(self.pools.agents),
                    "created_at": self._between(start, end),
                    "body": rng.choice(NOTE_TEMPLATES).format(**self._text_context(ref)),
                },
            )

    def _recordings(self, cid: int, signup: datetime, ended: datetime | None) -> Iterator[Record]:
        """Calls of the last 2 years: 60% within 6 months, 40% older (past call retention)."""
        rng, now = self.rng, self.now
        two_years_ago = now - timedelta(days=730)
        if ended is not None and ended < two_years_ago:
            return
        u = rng.random()
        for _ in range(0 if u < 0.78 else 1 if u < 0.93 else 2 if u < 0.98 else 3):
            if ended is not None:
                recorded_at = self._between(max(signup, two_years_ago), ended)
            elif rng.random() < 0.6:
                recorded_at = self._between(max(signup, now - timedelta(days=182)), now)
            else:
                recorded_at = self._between(max(signup, two_years_ago), now - timedelta(days=183))
            recording = {
                "recording_id": self._id("crm.call_recordings"),
                "customer_id": cid,
                "recorded_at": recorded_at,
                "duration_s": rng.randrange(30, 1800),
                "agent_id": f"AG{rng.randrange(1, 41):03d}",
            }
            yield "crm.call_recordings", recording
            if self.want_objects():
                key = KEY_TEMPLATES["call_audio.recordings"].format(
                    customer_id=cid, recording_id=recording["recording_id"]
                )
                yield (
                    "call_audio.recordings",
                    ObjectSpec(
                        "call_audio.recordings", key, functools.partial(call_audio, recording)
                    ),
                )
            if rng.random() < 0.5:
                yield (
                    "crm.call_evaluations",
                    {
                        "evaluation_id": self._id("crm.call_evaluations"),
                        "customer_id": cid,
                        "recording_ref": recording["recording_id"],
                        "evaluated_at": min(
                            recorded_at + timedelta(seconds=rng.randrange(86400, 10 * 86400)),
                            now - timedelta(hours=1),
                        ),
                        "score": rng.randrange(3, 11),
                        "comment": rng.choice(EVALUATION_TEMPLATES) if rng.random() < 0.7 else None,
                    },
                )

    # --- tickets ---------------------------------------------------------------------------

    def _ticket(
        self, *, email: str, name: str, cid: int | None, created_at: datetime, order_ids: list[int]
    ) -> Iterator[Record]:
        rng, now = self.rng, self.now
        ticket_id = self._id("helpdesk.tickets")
        lang = "en" if rng.random() < 0.15 else "fr"
        category = rng.choice(CATEGORIES)
        subjects, openings, replies = TICKETS[lang][category]
        agent = rng.choice(self.pools.agents)
        ref = (
            f"ML-{rng.choice(order_ids):06d}" if order_ids else f"ML-{rng.randrange(1, 10**6):06d}"
        )
        context = self._text_context(ref) | {"name": name, "agent": agent.split(" ", 1)[0]}
        if created_at > now - 14 * DAY:
            status, closed_at = rng.choice(("open", "pending")), None
        else:
            status = "closed"
            closed_at = min(
                created_at + timedelta(seconds=rng.randrange(7200, 10 * 86400)),
                now - timedelta(hours=1),
            )
        yield (
            "helpdesk.tickets",
            {
                "ticket_id": ticket_id,
                "requester_email": email,
                "requester_name": name,
                "crm_customer_id": cid,
                "subject": rng.choice(subjects).format(**context),
                "category": category,
                "channel": rng.choice(CHANNELS),
                "status": status,
                "created_at": created_at,
                "closed_at": closed_at,
                "processing_restricted": False,
            },
        )
        count = rng.randint(2, 4)
        span = int(((closed_at or min(now, created_at + 3 * DAY)) - created_at).total_seconds())
        first_message = 0
        for position in range(count):
            message_id = self._id("helpdesk.ticket_messages")
            first_message = first_message or message_id
            is_agent = position % 2 == 1
            if is_agent:
                body = rng.choice(replies)
            else:
                body = rng.choice(openings) if position == 0 else rng.choice(FOLLOW_UPS[lang])
            yield (
                "helpdesk.ticket_messages",
                {
                    "message_id": message_id,
                    "ticket_id": ticket_id,
                    "author_role": "agent" if is_agent else "customer",
                    "agent_name": agent if is_agent else None,
                    "body": body.format(**context),
                    "created_at": created_at + timedelta(seconds=span * position // count),
                },
            )
        if rng.random() < 0.1:
            yield from self._attachment(ticket_id, first_message, created_at)

    def _attachment(
        self, ticket_id: int, message_id: int, created_at: datetime
    ) -> Iterator[Record]:
        attachment_id = self._id("helpdesk.ticket_attachments")
        filename, content_type = self.rng.choice(ATTACHMENT_FILES)
        yield (
            "helpdesk.ticket_attachments",
            {
                "attachment_id": attachment_id,
                "ticket_id": ticket_id,
                "message_id": message_id,
                "filename": filename,
                "content_type": content_type,
                "size_bytes": attachment_size(attachment_id),
                "created_at": created_at,
            },
        )
        if self.want_objects():
            key = KEY_TEMPLATES["helpdesk_files.attachments"].format(
                ticket_id=ticket_id, attachment_id=attachment_id
            )
            yield (
                "helpdesk_files.attachments",
                ObjectSpec(
                    "helpdesk_files.attachments",
                    key,
                    functools.partial(attachment_bytes, attachment_id, ticket_id, content_type),
                ),
            )

    def non_customer_tickets(self, count: int) -> Iterator[Record]:
        """Tickets from people the CRM does not know (pre-sale questions): crm_customer_id NULL."""
        for number in range(1, count + 1):
            first, last, fa, la = self._person()
            yield from self._ticket(
                email=f"{fa}_{la}{number}@{self.rng.choice(EMAIL_DOMAINS)}",
                name=f"{first} {last}",
                cid=None,
                created_at=self._days_back(1, 4 * YEAR_DAYS),
                order_ids=[],
            )

    # --- prospects -------------------------------------------------------------------------

    def prospects(self, count: int) -> Iterator[Record]:
        for _ in range(count):
            yield from self._prospect(self._id("crm.prospects"))

    def _interactions(self, created: datetime, inactive: bool) -> list[tuple[str, datetime]]:
        """0-6 interactions; an inactive prospect's own contacts are all 3+ years old."""
        rng, now = self.rng, self.now
        items: list[tuple[str, datetime]] = []
        for _ in range(rng.randint(0, 6)):
            kind = rng.choice(INTERACTION_KINDS)
            if kind in INBOUND_KINDS and inactive:
                items.append((kind, self._between(created, self.inactive_before)))
            else:
                items.append((kind, self._between(created, now)))
        if inactive and rng.random() < 0.4:  # the hard case: a recent opened e-mail does not count
            items.append(
                ("email_open", self._between(max(created, now - timedelta(days=180)), now))
            )
        if not inactive and created < self.active_after:
            latest = max((at for kind, at in items if kind in INBOUND_KINDS), default=None)
            if latest is None or latest < self.active_after:
                items.append(
                    (rng.choice(sorted(INBOUND_KINDS)), self._between(self.active_after, now))
                )
        items.sort(key=lambda item: item[1])
        return items

    def _prospect(self, pid: int) -> Iterator[Record]:
        rng = self.rng
        first, last, fa, la = self._person()
        inactive = rng.random() < 0.30
        if inactive:
            created = self._between(self.now - timedelta(days=7 * YEAR_DAYS), self.inactive_before)
        else:
            created = self._days_back(1, 6 * YEAR_DAYS)
        items = self._interactions(created, inactive)
        inbound = [at for kind, at in items if kind in INBOUND_KINDS]
        yield (
            "crm.prospects",
            {
                "prospect_id": pid,
                "email": f"{fa}.{la}.{pid}@{rng.choice(EMAIL_DOMAINS)}",
                "first_name": first,
                "last_name": last,
                "company": rng.choice(self.pools.companies) if rng.random() < 0.25 else None,
                "source": rng.choice(PROSPECT_SOURCES),
                "created_at": created,
                "last_inbound_at": max(inbound) if inbound else None,
                "processing_restricted": False,
            },
        )
        for kind, at in items:
            yield (
                "crm.prospect_interactions",
                {
                    "interaction_id": self._id("crm.prospect_interactions"),
                    "prospect_id": pid,
                    "kind": kind,
                    "occurred_at": at,
                },
            )
        if rng.random() < 0.5:
            yield (
                "crm.consents",
                self._consent(
                    customer=None,
                    prospect=pid,
                    channel="email",
                    since=created,
                    sources=("catalogue_form", "newsletter_form", "partner_form"),
                ),
            )
