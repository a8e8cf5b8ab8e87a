"""Nubeverde Software's rows and objects, built in memory: the planted people, then a population.

Everything is a pure function of ``(subjects, today, seed)``: keys are numbers given in order or
derived from labels (``zlib.crc32``, the same in every process), the population comes from
``random.Random(seed)``, dates count back from ``today`` (never the wall clock). The planted
people do not depend on ``subjects`` or ``seed``, and their keys not on ``today`` either, so
examples/saas/planted.py computes the ground truth from the same builder the seeder writes from.

Planted people (e-mails and phones as stored; PLANTED holds the canonical e-mail):
- Claire Dubois, the scenario subject: user 3 of account 101, phone "06 12 34 56 78", an
  address, the account's invoices (she is its billing contact), sessions, three data exports
  (one with two versions, one whose latest version is a delete marker) and two support tickets
  typed with other cases and spaces.
- Her near misses: claire.dubois@atelier-lumen.com (a user of another account),
  claire.dubois2@atelier-lumen.fr (a ticket only).
- Two buyers of account 102 sharing one mailbox, compras@boulangerie-roux.fr, with their own
  phones ("+33 6 ..." and "0033..."): two people the product must never merge.
- Three former users removed from their accounts four years ago (retention: 3 years): their
  invoices must be kept anonymised (10 years), except one eleven years old.
- Julien Roux: a former user like them, whose unpaid invoice is in court (a record hold).
- Paul Girard: not a user; an erasure request sent through the support desk.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from examples.planted import SeedObject
from examples.saas.schema import EXPORT_KEY, EXPORTS_DATASET

SUBJECT_MAIL = "  Claire.DUBOIS@Atelier-Lumen.fr "
SUBJECT_PHONE = "06 12 34 56 78"
NEAR_MISS_MAILS = ("Claire.Dubois@atelier-lumen.COM", "claire.dubois2@atelier-lumen.fr")
SHARED_MAILS = ("Compras@Boulangerie-Roux.fr", " compras@boulangerie-roux.fr")
SHARED_PEOPLE = (("Sophie", "Roux", "+33 6 23 45 67 89"), ("Marc", "Roux", "0033634567890"))
SHARED_ACCOUNT = 102
EXPIRED = (
    ("Hugo", "Lefèvre", " Hugo.Lefevre@Menuiserie-Bois.fr"),
    ("Inès", "Garnier", "INES.GARNIER@cabinet-garnier.fr "),
    ("Tom", "Bernard", "tom.bernard@Transports-Bernard.fr"),
)
HELD = ("Julien", "Roux", " Julien.ROUX@imprimerie-roux.fr")
NON_USER_MAIL = "Paul.Girard@exemple.net"
HOLD_REASON = "Impayé contesté devant le tribunal de commerce (facture en litige)"
HOLD_REFERENCE = "T. com. Lyon RG 2026F01234"

# Free-text remarks the minimisation checks must flag (by their message number).
REMARK_HEALTH = (
    "I am having chemotherapy on Tuesdays, please schedule the onboarding call for Thursday."
)
REMARK_IBAN = "Pour le remboursement, voici mon IBAN : ES91 2100 0418 4502 0005 1332."
PLANTED_PEOPLE = 9  # the subject, a near miss, the two buyers, three former users, the held one
MIN_SUBJECTS = 12

Row = dict[str, Any]

NOMBRES = ("Julie", "Thomas", "Camille", "Nicolas", "Laura", "Maxime", "Sarah", "Antoine", "Léa")
APELLIDOS = ("Martin", "Petit", "Durand", "Leroy", "Fournier", "Girard", "Bonnet", "Mercier")
CARGOS = ("Gérante", "Chef de projet", "Comptable", "Responsable achats", "Développeur")
CIUDADES = (("69003", "Lyon"), ("13006", "Marseille"), ("31000", "Toulouse"), ("44000", "Nantes"))
NAVEGADORES = ("Firefox 133 / Linux", "Chrome 131 / Windows", "Safari 18 / macOS")
CLIENT_TEXTS = (
    "Bonjour, je ne parviens plus à exporter mon tableau de projets.",
    "Could you add a second administrator to our account?",
    "La facture du mois dernier mentionne un utilisateur de trop.",
    "The Gantt view is very slow since the last update.",
)
AGENT_TEXTS = (
    "Bonjour, le correctif est déployé, pouvez-vous réessayer ?",
    "Done: the second administrator has been added.",
    "Nous avons émis un avoir, bonne journée.",
)
AGENTS = ("Lucía (soporte)", "Jordi (soporte)", "Carmen (soporte)")


def _stable(text: str) -> int:
    """A number derived from a text, the same in every process (unlike ``hash``)."""
    return zlib.crc32(text.encode())


def at_noon(day: date) -> datetime:
    return datetime.combine(day, time(12))


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def month_start(day: date, months_back: int) -> date:
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def phone_spelling(digits: str, style: int) -> str:
    """A French mobile number ("0612345678") as people type it: "06 12 34 56 78",
    "+33 6 12 34 56 78" or "0033612345678"."""
    national = digits[1:]
    if style == 0:
        return " ".join(digits[i : i + 2] for i in range(0, 10, 2))
    if style == 1:
        return "+33 " + national[0] + " " + " ".join(national[i : i + 2] for i in range(1, 9, 2))
    return "0033" + national


@dataclass
class Export:
    """One data export: its row, and its object's versions (bodies, oldest first)."""

    row: Row
    versions: list[bytes]
    delete_marker: bool = False

    @property
    def key(self) -> str:
        return EXPORT_KEY.format(**{k: self.row[k] for k in ("cuenta_id", "usuario_no")},
                                 exportacion_id=self.row["exportacion_id"])  # fmt: skip

    def seed_object(self) -> SeedObject:
        return SeedObject(EXPORTS_DATASET, self.key, len(self.versions), self.delete_marker)


@dataclass
class SaasData:
    """Rows by '<system>.<table>' in insertion order, and the exports."""

    rows: list[tuple[str, Row]] = field(default_factory=list)
    exports: list[Export] = field(default_factory=list)

    def add(self, table: str, row: Row) -> Row:
        self.rows.append((table, row))
        return row

    def objects(self) -> list[SeedObject]:
        return [e.seed_object() for e in self.exports]


class _Builder:
    def __init__(self, today: date, rng: random.Random) -> None:
        self.today, self.rng, self.data = today, rng, SaasData()
        self._counters: dict[tuple[Any, ...], int] = {}

    def next(self, *kind: Any) -> int:
        """1, 2, 3... per kind: keys that do not move with ``today``."""
        n = self._counters.get(kind, 0) + 1
        self._counters[kind] = n
        return n

    def days_ago(self, days: int) -> datetime:
        return at_noon(self.today - timedelta(days=days))

    # --- records ---------------------------------------------------------------------------

    def usuario(
        self,
        cuenta_id: int,
        nombre: str,
        apellidos: str,
        correo: str,
        telefono: str | None,
        *,
        alta_el: datetime,
        baja_el: datetime | None = None,
        ciudad: tuple[str, str] = ("69003", "Lyon"),
        cargo: str = "Chef de projet",
    ) -> Row:
        direccion = self.data.add(
            "plataforma.direcciones",
            {
                "direccion_id": self.next("direccion"),
                "calle": f"{_stable(correo) % 90 + 1} rue de la République",
                "codigo_postal": ciudad[0],
                "ciudad": ciudad[1],
                "pais": "FR",
            },
        )
        return self.data.add(
            "plataforma.usuarios",
            {
                "cuenta_id": cuenta_id,
                "usuario_no": self.next("usuario", cuenta_id),
                "correo": correo,
                "telefono": telefono,
                "nombre": nombre,
                "apellidos": apellidos,
                "cargo": cargo,
                "direccion_id": direccion["direccion_id"],
                "alta_el": alta_el,
                "baja_el": baja_el,
                "tratamiento_restringido": False,
            },
        )

    def factura(self, usuario: Row, emitida_el: datetime) -> Row:
        cuenta, ejercicio = usuario["cuenta_id"], emitida_el.year
        return self.data.add(
            "plataforma.facturas",
            {
                "cuenta_id": cuenta,
                "ejercicio": ejercicio,
                "numero": self.next("factura", cuenta, ejercicio),
                "contacto_no": usuario["usuario_no"],
                "emitida_el": emitida_el,
                "ejercicio_cerrado_el": date(ejercicio, 12, 31),
                "importe": Decimal("49.00") + emitida_el.month,
                "nombre_facturacion": f"{usuario['nombre']} {usuario['apellidos']}",
                "correo_facturacion": usuario["correo"].strip().lower(),
            },
        )

    def sesion(self, usuario: Row, inicio: datetime) -> Row:
        cuenta, numero = usuario["cuenta_id"], usuario["usuario_no"]
        n = self.next("sesion", cuenta, numero)
        return self.data.add(
            "plataforma.sesiones",
            {
                "cuenta_id": cuenta,
                "usuario_no": numero,
                "sesion_no": n,
                "inicio": inicio,
                "direccion_ip": f"192.0.2.{(cuenta * 7 + numero * 3 + n) % 250 + 1}",
                "navegador": NAVEGADORES[(cuenta + n) % len(NAVEGADORES)],
            },
        )

    def exportacion(
        self, usuario: Row, solicitada_el: datetime, *, versions: int = 1, delete_marker=False
    ) -> Export:
        cuenta, numero = usuario["cuenta_id"], usuario["usuario_no"]
        n = self.next("exportacion", cuenta, numero)
        row = self.data.add(
            "plataforma.exportaciones",
            {
                "cuenta_id": cuenta,
                "usuario_no": numero,
                "exportacion_id": f"x{_stable(f'{cuenta}/{numero}/{n}'):08x}",
                "formato": "csv",
                "solicitada_el": solicitada_el,
            },
        )
        bodies = [
            (
                "proyecto;tarea;responsable\n"
                f"Refonte site;Maquettes v{v};{usuario['nombre']} {usuario['apellidos']}\n"
            ).encode()
            for v in range(1, versions + 1)
        ]
        export = Export(row, bodies, delete_marker)
        self.data.exports.append(export)
        return export

    def incidencia(
        self,
        correo: str,
        nombre: str,
        asunto: str,
        abierta_el: datetime,
        cerrada_el: datetime | None,
        messages: list[tuple[str, str]],
        *,
        tipo: str = "consulta",
    ) -> Row:
        row = self.data.add(
            "soporte.incidencias",
            {
                "incidencia_id": self.next("incidencia"),
                "correo_solicitante": correo,
                "nombre_solicitante": nombre,
                "asunto": asunto,
                "tipo": tipo,
                "estado": "cerrada" if cerrada_el else "abierta",
                "abierta_el": abierta_el,
                "cerrada_el": cerrada_el,
                "tratamiento_restringido": False,
            },
        )
        for n, (autor, texto) in enumerate(messages):
            self.data.add(
                "soporte.mensajes",
                {
                    "mensaje_id": self.next("mensaje"),
                    "incidencia_id": row["incidencia_id"],
                    "autor": autor,
                    "agente": AGENTS[n % len(AGENTS)] if autor == "agente" else None,
                    "texto": texto,
                    "enviado_el": abierta_el + timedelta(hours=n * 4),
                },
            )
        return row

    # --- the planted people ----------------------------------------------------------------

    def planted(self) -> None:
        t = self.today
        # Account 101: an architecture studio; Claire is its third user and billing contact.
        for nombre, apellidos, correo in (
            ("Marie", "Lambert", "marie.lambert@atelier-lumen.fr"),
            ("Louis", "Perrin", "louis.perrin@atelier-lumen.fr"),
        ):
            self.usuario(101, nombre, apellidos, correo, None, alta_el=self.days_ago(900))
        claire = self.usuario(
            101, "Claire", "Dubois", SUBJECT_MAIL, SUBJECT_PHONE,
            alta_el=self.days_ago(3 * 365), cargo="Gérante",
        )  # fmt: skip
        for back in (1, 2, 3, 14):
            self.factura(claire, at_noon(month_start(t, back)))
        for days in (2, 9, 40):
            self.sesion(claire, self.days_ago(days))
        self.exportacion(claire, self.days_ago(200), versions=2)
        self.exportacion(claire, self.days_ago(120), delete_marker=True)
        self.exportacion(claire, self.days_ago(15))
        self.incidencia(
            "CLAIRE.DUBOIS@ATELIER-LUMEN.FR",
            "Claire Dubois",
            "Export impossible",
            self.days_ago(60),
            self.days_ago(58),
            [("cliente", CLIENT_TEXTS[0]), ("agente", AGENT_TEXTS[0])],
        )
        self.incidencia(
            "claire.dubois@atelier-lumen.fr  ",
            "Claire Dubois",
            "Onboarding of our new team",
            self.days_ago(6),
            None,
            [("cliente", CLIENT_TEXTS[1]), ("agente", AGENT_TEXTS[1]), ("cliente", REMARK_HEALTH)],
        )

        # Near misses: another domain (a user of another account), one more character.
        other = self.usuario(
            103, "Claire", "Dubois", NEAR_MISS_MAILS[0], "07 81 22 33 44",
            alta_el=self.days_ago(400),
        )  # fmt: skip
        self.factura(other, at_noon(month_start(t, 1)))
        self.sesion(other, self.days_ago(3))
        self.incidencia(
            NEAR_MISS_MAILS[1],
            "Claire Dubois",
            "Question sur la facturation",
            self.days_ago(30),
            self.days_ago(29),
            [("cliente", CLIENT_TEXTS[2]), ("agente", AGENT_TEXTS[2])],
        )

        # Two buyers of one bakery sharing the purchasing mailbox: two people, one e-mail.
        for (nombre, apellidos, telefono), correo in zip(SHARED_PEOPLE, SHARED_MAILS, strict=True):
            buyer = self.usuario(
                SHARED_ACCOUNT, nombre, apellidos, correo, telefono,
                alta_el=self.days_ago(700), cargo="Responsable achats",
            )  # fmt: skip
            self.sesion(buyer, self.days_ago(5))
            self.exportacion(buyer, self.days_ago(50))
        self.factura(buyer, at_noon(month_start(t, 1)))
        self.incidencia(
            SHARED_MAILS[1].upper(),
            "Boulangerie Roux",
            "Accès comptable",
            self.days_ago(20),
            self.days_ago(19),
            [("cliente", CLIENT_TEXTS[1]), ("agente", AGENT_TEXTS[1])],
        )

        # Former users: removed from their accounts four years ago.
        ended = at_noon(years_before(t, 4))
        for n, (nombre, apellidos, correo) in enumerate(EXPIRED):
            self._former(104 + n, n, nombre, apellidos, correo, ended)
        # The one whose unpaid invoice is in court.
        self._former(107, 3, *HELD, ended, disputed=True)

        # A non-user's erasure request, through the support desk.
        self.incidencia(
            NON_USER_MAIL,
            "Paul Girard",
            "Suppression de mes données",
            self.days_ago(3),
            None,
            [("cliente", "Je vous demande d'effacer toutes les données me concernant.")],
            tipo="rgpd_supresion",
        )

    def _former(
        self,
        cuenta_id: int,
        n: int,
        nombre: str,
        apellidos: str,
        correo: str,
        ended: datetime,
        *,
        disputed: bool = False,
    ) -> None:
        since = ended - timedelta(days=6 * 365)
        telefono = phone_spelling(f"06{40 + n:02d}{_stable(correo) % 10**6:06d}", n % 3)
        person = self.usuario(
            cuenta_id, nombre, apellidos, correo, telefono, alta_el=since, baja_el=ended
        )
        for back in (1, 2):
            self.factura(person, at_noon(month_start(ended.date(), back)))
        if n == 0:
            self.factura(person, at_noon(years_before(self.today, 11)))
        for back in (30, 90):
            self.sesion(person, ended - timedelta(days=back))
        self.exportacion(person, ended - timedelta(days=300), versions=1 + (n % 2))
        self.exportacion(person, ended - timedelta(days=100), delete_marker=n in (1, 3))
        messages = [("cliente", CLIENT_TEXTS[3]), ("agente", AGENT_TEXTS[2])]
        if disputed:
            messages.append(("cliente", "Nous contestons cette facture, notre avocat vous écrira."))
        if n == 1:
            messages.append(("cliente", REMARK_IBAN))
        self.incidencia(
            correo.upper(),
            f"{nombre} {apellidos}",
            "Contestation de facture" if disputed else "Lenteurs",
            ended - timedelta(days=40),
            ended - timedelta(days=20),
            messages,
            tipo="litigio" if disputed else "consulta",
        )

    # --- the population --------------------------------------------------------------------

    def population(self, count: int, seed: int) -> None:
        rng, t = self.rng, self.today
        for i in range(count):
            cuenta_id = 1000 + i // 2  # two users per customer account
            nombre, apellidos = rng.choice(NOMBRES), rng.choice(APELLIDOS)
            address = f"{nombre}.{apellidos}.{i}@client-{cuenta_id}.fr".lower()
            address = address.replace("é", "e").replace("è", "e")
            correo = rng.choice(
                (address, address.upper(), f" {address}", address.title(), f"{address}  ")
            )
            digits = f"06{rng.choice('12')}{rng.randint(0, 10**7 - 1):07d}"  # metropolitan
            since = self.days_ago(rng.randint(60, 3000))
            baja = self.days_ago(rng.randint(10, 700)) if rng.random() < 0.2 else None
            person = self.usuario(
                cuenta_id, nombre, apellidos, correo, phone_spelling(digits, rng.randrange(3)),
                alta_el=since, baja_el=baja, ciudad=rng.choice(CIUDADES), cargo=rng.choice(CARGOS),
            )  # fmt: skip
            if person["usuario_no"] == 1:
                for back in range(1, rng.randint(1, 3) + 1):
                    self.factura(person, at_noon(month_start(t, back)))
            for _ in range(rng.randint(0, 3)):
                self.sesion(person, self.days_ago(rng.randint(1, 500)))
            if rng.random() < 0.5:
                self.exportacion(
                    person,
                    self.days_ago(rng.randint(1, 400)),
                    versions=rng.choice((1, 1, 2)),
                    delete_marker=rng.random() < 0.15,
                )
            if rng.random() < 0.4:
                opened = self.days_ago(rng.randint(5, 900))
                closed = opened + timedelta(days=rng.randint(1, 20)) if rng.random() < 0.8 else None
                if closed and closed.date() > t:
                    closed = None
                self.incidencia(
                    rng.choice((correo, correo.upper(), address)),
                    f"{nombre} {apellidos}",
                    "Question sur mon abonnement",
                    opened,
                    closed,
                    [("cliente", rng.choice(CLIENT_TEXTS)), ("agente", rng.choice(AGENT_TEXTS))],
                )


def build(subjects: int, today: date, seed: int = 42) -> SaasData:
    """Every row and export of a seed: the planted people, then a population (``subjects``
    counts both)."""
    if subjects < MIN_SUBJECTS:
        raise ValueError(f"the saas organisation needs at least {MIN_SUBJECTS} subjects")
    builder = _Builder(today, random.Random(seed))
    builder.planted()
    builder.population(subjects - PLANTED_PEOPLE, seed)
    return builder.data


def planted_only(today: date) -> SaasData:
    builder = _Builder(today, random.Random(0))
    builder.planted()
    return builder.data


def iter_rows(data: SaasData, table: str) -> Iterator[Row]:
    return (row for name, row in data.rows if name == table)
