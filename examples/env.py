"""`python -m examples.env <org> <var-dir>`: shell exports that point the embedded default at an
organisation (sourced by scripts/embedded-env.sh).

Prints ``GDPR_DATAMAP`` and one ``AIRFLOW_CONN_*`` per conn_id of the map: SQLite files under
``<var-dir>/<org>/`` for SQL systems, the local moto server for S3 (``GDPR_S3_PORT``), and for a
Request Tracker the local RT of ``python -m examples.rt_server`` (``GDPR_RT_PORT``, RT's root),
with ``GDPR_EMBEDDED_RT=1`` so that scripts/embedded.sh starts it.
``--fact subject|breach-dataset`` prints one planted fact instead, for the headless scenario.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
from pathlib import Path

from examples import DEFAULT, SHIPPED, load


def exports(org_name: str, var: Path) -> list[str]:
    from gdpr.connections import env_var_name
    from gdpr.datamap import load_datamap

    org = load(org_name)
    datamap = load_datamap(org.DATAMAP)
    port = os.environ.get("GDPR_S3_PORT", "5055")
    s3 = {
        "conn_type": "aws",
        "login": "embedded",
        "password": "embedded",
        "extra": {"endpoint_url": f"http://127.0.0.1:{port}", "region_name": "eu-west-3"},
    }
    conns: dict[str, dict] = {datamap.reports.conn_id: s3, datamap.delivery.conn_id: s3}
    for system in datamap.systems:
        if system.kind == "sql":
            path = var / org_name / f"{system.name}.sqlite"
            conns[system.conn_id] = {"conn_type": "sqlite", "host": str(path)}
        elif system.kind == "rt":
            from examples.rt_server import RtServer

            url = f"http://127.0.0.1:{os.environ.get('GDPR_RT_PORT', '5057')}"
            conns[system.conn_id] = json.loads(RtServer(url).conn_json())
        else:
            conns[system.conn_id] = s3
    lines = [f"export GDPR_DATAMAP={shlex.quote(str(org.DATAMAP))}"]
    if any(system.kind == "rt" for system in datamap.systems):
        lines.append("export GDPR_EMBEDDED_RT=1")
    lines += [
        f"export {env_var_name(conn_id)}={shlex.quote(json.dumps(value))}"
        for conn_id, value in conns.items()
    ]
    return lines


def fact(org_name: str, name: str) -> str:
    org = load(org_name)
    if name == "subject":
        return org.PLANTED.subject
    from gdpr.datamap import load_datamap

    datamap = load_datamap(org.DATAMAP)  # breach-dataset: the first dataset found by identity
    return next(r.id for r in datamap.iter_datasets() if r.dataset.identity)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m examples.env")
    parser.add_argument("org", nargs="?", default=DEFAULT, choices=SHIPPED)
    parser.add_argument("var", nargs="?", type=Path, default=Path("var"))
    parser.add_argument("--fact", choices=("subject", "breach-dataset"))
    args = parser.parse_args(argv)
    if args.fact:
        print(fact(args.org, args.fact))
    else:
        print("\n".join(exports(args.org, args.var.resolve())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
