"""Nubeverde Software's databases, as SQLAlchemy Core metadata (mirrors examples/saas/datamap.yaml).

``plataforma`` (PostgreSQL in production, SQLite in the embedded default) is the product's own
database: the users of each customer account, keyed by ``(cuenta_id, usuario_no)``; invoices
keyed by ``(cuenta_id, ejercicio, numero)``; sessions and data exports keyed under their user.
A user's postal address lives in ``direcciones``, which the *user* row points to
(``usuarios.direccion_id``): the data map finds the address from the user, so its reference
runs the other way from the database's foreign key, and a deletion must remove the user first.
``soporte`` (MariaDB) is the support desk: no key shared with the platform, only the e-mail its
requester typed.
"""

from __future__ import annotations

import sqlalchemy as sa

# The object key template of the exports bucket (the data map says the same).
EXPORT_KEY = "exportaciones/{cuenta_id}/{usuario_no}/{exportacion_id}.csv"

NAMING = {
    "pk": "pk_%(table_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "ix": "ix_%(table_name)s_%(column_0_name)s",
}
PLATAFORMA = sa.MetaData(naming_convention=NAMING)
SOPORTE = sa.MetaData(naming_convention=NAMING)

CORREO = sa.String(320)
NOMBRE = sa.String(100)
IMPORTE = sa.Numeric(10, 2)
ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")  # SQLite numbers INTEGER keys only


def _restringido() -> sa.Column:
    return sa.Column(
        "tratamiento_restringido",
        sa.Boolean(create_constraint=False),
        nullable=False,
        default=False,
        server_default=sa.false(),
    )


direcciones = sa.Table(
    "direcciones",
    PLATAFORMA,
    sa.Column("direccion_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("calle", sa.String(200), nullable=False),
    sa.Column("codigo_postal", sa.String(10), nullable=False),
    sa.Column("ciudad", NOMBRE, nullable=False),
    sa.Column("pais", sa.String(2), nullable=False),
)

usuarios = sa.Table(
    "usuarios",
    PLATAFORMA,
    sa.Column("cuenta_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("usuario_no", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("correo", CORREO, nullable=False),  # as typed: mixed case, stray spaces
    sa.Column("telefono", sa.String(32)),  # "06 12 34 56 78", "+33 6 ...", "0033..."
    sa.Column("nombre", NOMBRE),
    sa.Column("apellidos", NOMBRE),
    sa.Column("cargo", NOMBRE),
    # The user points to its address: the foreign key runs user -> address.
    sa.Column("direccion_id", sa.Integer, sa.ForeignKey("direcciones.direccion_id"), index=True),
    sa.Column("alta_el", sa.DateTime, nullable=False),
    sa.Column("baja_el", sa.DateTime),  # the user was removed from the account
    _restringido(),
)

_USUARIO_FK = ("usuarios.cuenta_id", "usuarios.usuario_no")

facturas = sa.Table(
    "facturas",
    PLATAFORMA,
    sa.Column("cuenta_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("ejercicio", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("numero", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("contacto_no", sa.Integer),  # the billing contact: a user of the account
    sa.Column("emitida_el", sa.DateTime, nullable=False),
    sa.Column("ejercicio_cerrado_el", sa.Date, nullable=False),
    sa.Column("importe", IMPORTE, nullable=False),
    sa.Column("nombre_facturacion", sa.String(200)),
    sa.Column("correo_facturacion", CORREO),
    sa.ForeignKeyConstraint(("cuenta_id", "contacto_no"), _USUARIO_FK),
    sa.Index("ix_facturas_contacto", "cuenta_id", "contacto_no"),
)

sesiones = sa.Table(
    "sesiones",
    PLATAFORMA,
    sa.Column("cuenta_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("usuario_no", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("sesion_no", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("inicio", sa.DateTime, nullable=False),
    sa.Column("direccion_ip", sa.String(45), nullable=False),
    sa.Column("navegador", sa.String(120)),
    sa.ForeignKeyConstraint(("cuenta_id", "usuario_no"), _USUARIO_FK),
)

exportaciones = sa.Table(
    "exportaciones",
    PLATAFORMA,
    sa.Column("cuenta_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("usuario_no", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("exportacion_id", sa.String(12), primary_key=True),
    sa.Column("formato", sa.String(10), nullable=False),
    sa.Column("solicitada_el", sa.DateTime, nullable=False),
    sa.ForeignKeyConstraint(("cuenta_id", "usuario_no"), _USUARIO_FK),
)

incidencias = sa.Table(
    "incidencias",
    SOPORTE,
    sa.Column("incidencia_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("correo_solicitante", CORREO, nullable=False, index=True),  # the only link
    sa.Column("nombre_solicitante", sa.String(200)),
    sa.Column("asunto", sa.String(200), nullable=False),
    sa.Column("tipo", sa.String(30), nullable=False),
    sa.Column("estado", sa.String(20), nullable=False),
    sa.Column("abierta_el", sa.DateTime, nullable=False),
    sa.Column("cerrada_el", sa.DateTime),
    _restringido(),
)

mensajes = sa.Table(
    "mensajes",
    SOPORTE,
    # Numbered by the database: the intake's acknowledgements are inserted without a key.
    sa.Column("mensaje_id", ID, primary_key=True, autoincrement=True),
    sa.Column(
        "incidencia_id",
        sa.BigInteger,
        sa.ForeignKey("incidencias.incidencia_id"),
        nullable=False,
        index=True,
    ),
    sa.Column("autor", sa.String(20), nullable=False),  # cliente | agente
    sa.Column("agente", NOMBRE),
    sa.Column("texto", sa.Text, nullable=False),
    sa.Column("enviado_el", sa.DateTime, nullable=False),
)

for _metadata in (PLATAFORMA, SOPORTE):
    for _table in _metadata.tables.values():
        _table.dialect_options["mysql"]["charset"] = "utf8mb4"

# The data map's SQL systems and their tables, in an order the foreign keys accept.
DATABASES: dict[str, sa.MetaData] = {"plataforma": PLATAFORMA, "soporte": SOPORTE}
TABLE_ORDER: dict[str, tuple[str, ...]] = {
    "plataforma": ("direcciones", "usuarios", "facturas", "sesiones", "exportaciones"),
    "soporte": ("incidencias", "mensajes"),
}
# The S3 system holding the users' data exports (versioned), and its dataset.
EXPORTS_SYSTEM = "ficheros"
EXPORTS_DATASET = "ficheros.exportaciones_csv"
