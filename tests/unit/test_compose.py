"""What a deployer relies on in docker-compose.yaml, checked without Docker.

`docker compose config` cannot run where the suite runs, so this file is the check: it parses
the compose file with PyYAML (anchors and `<<` merges included), resolves `${VAR}` the way
Compose does (defaults, nesting, `$$`), and asserts the contract in docs/deploy.md. Every
failure message names the service, the key and what to change.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tomllib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from gdpr.connections import spec_from_env

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yaml"
DEPLOY_DOC = ROOT / "docs" / "deploy.md"
DATAMAP_FILE = ROOT / "include" / "datamap.yaml"

# The design's list ("Scale and deployment"): role -> service name.
REQUIRED_SERVICES = {
    "PostgreSQL (Airflow metadata and the ledger)": "postgres",
    "Redis (Celery broker)": "redis",
    "api-server": "airflow-apiserver",
    "scheduler": "airflow-scheduler",
    "dag-processor": "airflow-dag-processor",
    "triggerer": "airflow-triggerer",
    "Celery worker": "airflow-worker",
    "init (db migrate, admin user, ledger upgrade)": "airflow-init",
    "S3-compatible store": "minio",
}
# Airflow 3 component commands (the image's entrypoint prefixes `airflow`).
AIRFLOW_COMMANDS = {
    "airflow-apiserver": "api-server",
    "airflow-scheduler": "scheduler",
    "airflow-dag-processor": "dag-processor",
    "airflow-triggerer": "triggerer",
    "airflow-worker": "celery worker",
}
ONE_SHOT = {"airflow-init", "minio-init"}
API_SERVER = "airflow-apiserver"
WORKER = "airflow-worker"
EXECUTION_API_URL = f"http://{API_SERVER}:8080/execution/"
MOUNTS = {
    "dags": "/opt/airflow/dags",
    "plugins": "/opt/airflow/plugins",
    "include": "/opt/airflow/include",
}
DATAMAP_IN_CONTAINER = "/opt/airflow/include/datamap.yaml"
# Settings every Airflow component must share, word for word.
SHARED_SETTINGS = [
    "AIRFLOW__CORE__EXECUTOR",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN",
    "AIRFLOW__CELERY__BROKER_URL",
    "AIRFLOW__CELERY__RESULT_BACKEND",
    "AIRFLOW__CORE__EXECUTION_API_SERVER_URL",
    "AIRFLOW__API_AUTH__JWT_SECRET",
    "AIRFLOW__API__SECRET_KEY",
    "AIRFLOW__CORE__FERNET_KEY",
    "GDPR_DATAMAP",
    "AIRFLOW_CONN_GDPR_LEDGER",
    "AIRFLOW_CONN_GDPR_S3",
]
SECRET_VARIABLE = re.compile(r"PASSWORD|SECRET|FERNET")
TRIAL_MARKER = "trial-only"
HEALTH_CONDITIONS = {"service_started", "service_healthy", "service_completed_successfully"}
RESTART_POLICIES = {"no", "always", "on-failure", "unless-stopped"}
SERVICE_KEYS = {
    "build", "image", "command", "entrypoint", "environment", "env_file", "volumes", "ports",
    "expose", "depends_on", "healthcheck", "restart", "user", "profiles", "container_name",
    "networks", "labels", "logging", "deploy", "working_dir", "secrets", "configs", "extra_hosts",
    "hostname", "ulimits", "cap_add", "cap_drop", "stop_grace_period", "stop_signal", "tmpfs",
    "shm_size", "init", "pull_policy", "platform", "read_only", "security_opt", "mem_limit",
    "cpus", "sysctls", "develop", "scale",
}  # fmt: skip


# -- Compose interpolation -------------------------------------------------------------------
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_OPERATORS = (":-", ":?", ":+", "-", "?", "+")


class InterpolationError(ValueError):
    pass


def interpolate(
    text: str, env: Mapping[str, str], seen: Callable[[str, str], None] | None = None
) -> str:
    """Resolve `$VAR`, `${VAR}`, `${VAR:-default}` (nested), `${VAR:?err}`, `$$` like Compose.

    ``seen(name, operator)`` is called for every variable reference, defaults included.
    """
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char != "$":
            out.append(char)
            i += 1
            continue
        nxt = text[i + 1 : i + 2]
        if nxt == "$":
            out.append("$")
            i += 2
        elif nxt == "{":
            depth, j = 1, i + 2
            while j < len(text) and depth:
                depth += {"{": 1, "}": -1}.get(text[j], 0)
                j += 1
            if depth:
                raise InterpolationError(f"unclosed '${{' in {text!r}")
            out.append(_braced(text[i + 2 : j - 1], env, seen, text))
            i = j
        elif match := _NAME.match(text, i + 1):
            if seen:
                seen(match.group(), "")
            out.append(env.get(match.group(), ""))
            i = match.end()
        else:  # Compose keeps a `$` that starts no variable
            out.append("$")
            i += 1
    return "".join(out)


def _braced(
    body: str, env: Mapping[str, str], seen: Callable[[str, str], None] | None, text: str
) -> str:
    match = _NAME.match(body)
    if not match:
        raise InterpolationError(f"'${{{body}}}' in {text!r} is not a variable reference")
    name, rest = match.group(), body[match.end() :]
    operator = next((op for op in _OPERATORS if rest.startswith(op)), "")
    if rest and not operator:
        raise InterpolationError(f"'${{{body}}}' in {text!r}: Compose supports only :- - :? ? :+ +")
    if seen:
        seen(name, operator)
    operand = rest[len(operator) :]
    value = env.get(name)
    is_set, non_empty = value is not None, bool(value)
    if operator in (":-", "-"):
        use_default = not non_empty if operator == ":-" else not is_set
        return interpolate(operand, env, seen) if use_default else str(value)
    if operator in (":?", "?"):
        if (operator == ":?" and not non_empty) or not is_set:
            raise InterpolationError(f"required variable {name} is not set: {operand}")
        return str(value)
    if operator in (":+", "+"):
        use = non_empty if operator == ":+" else is_set
        return interpolate(operand, env, seen) if use else ""
    return value or ""


def walk_strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, Mapping):
        for value in node.values():
            yield from walk_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk_strings(value)


def resolve(node: Any, env: Mapping[str, str]) -> Any:
    if isinstance(node, str):
        return interpolate(node, env)
    if isinstance(node, Mapping):
        return {key: resolve(value, env) for key, value in node.items()}
    if isinstance(node, list):
        return [resolve(value, env) for value in node]
    return node


# -- Fixtures and helpers --------------------------------------------------------------------
@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    assert COMPOSE_FILE.is_file(), f"{COMPOSE_FILE} is missing"
    data = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict), "docker-compose.yaml: the top level must be a mapping"
    assert isinstance(data.get("services"), dict), "docker-compose.yaml: no `services:` mapping"
    return data


@pytest.fixture(scope="module")
def services(raw: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The services as Compose sees them with every variable at its default (a fresh trial)."""
    try:
        return resolve(raw["services"], {})
    except InterpolationError as exc:
        pytest.fail(f"docker-compose.yaml: {exc}")


@pytest.fixture(scope="module")
def deploy_doc() -> str:
    assert DEPLOY_DOC.is_file(), (
        f"{DEPLOY_DOC} is missing: the deployment guide is part of the contract"
    )
    return DEPLOY_DOC.read_text(encoding="utf-8")


def airflow_services(services: Mapping[str, Any]) -> list[str]:
    return sorted(name for name in services if name.startswith("airflow-"))


def environment(service: Mapping[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {str(key): "" if value is None else str(value) for key, value in env.items()}


def depends_on(service: Mapping[str, Any]) -> dict[str, str]:
    deps = service.get("depends_on") or {}
    if isinstance(deps, list):
        return dict.fromkeys(deps, "service_started")
    return {name: (spec or {}).get("condition", "service_started") for name, spec in deps.items()}


def command_text(service: Mapping[str, Any]) -> str:
    command = service.get("command", "")
    return " ".join(command) if isinstance(command, list) else str(command)


def volume_mounts(service: Mapping[str, Any]) -> dict[str, str]:
    """target -> source for short (`src:dst[:mode]`) and long volume syntax."""
    mounts = {}
    for volume in service.get("volumes") or []:
        if isinstance(volume, dict):
            mounts[volume["target"]] = volume.get("source", "")
        else:
            parts = volume.split(":")
            mounts[parts[1] if len(parts) > 1 else parts[0]] = parts[0] if len(parts) > 1 else ""
    return mounts


def long_running(services: Mapping[str, Any]) -> list[str]:
    return sorted(
        name for name, svc in services.items() if name not in ONE_SHOT and not svc.get("profiles")
    )


def variable_references(raw: Mapping[str, Any]) -> dict[str, set[str]]:
    """Every variable the compose file reads -> the operators it is read with."""
    refs: dict[str, set[str]] = {}
    for text in walk_strings(raw):
        interpolate(text, {}, lambda name, op: refs.setdefault(name, set()).add(op))
    return refs


# -- The services ----------------------------------------------------------------------------
def test_compose_file_is_valid_yaml_with_services(raw: dict[str, Any]) -> None:
    unknown = sorted(
        key
        for key in raw
        if key not in {"services", "volumes", "networks", "configs", "secrets", "name"}
        and not key.startswith("x-")
    )
    assert not unknown, (
        f"docker-compose.yaml: unknown top-level keys {unknown} (extension fields must start with 'x-')"
    )


def test_every_variable_reference_is_well_formed(raw: dict[str, Any]) -> None:
    problems = []
    for text in walk_strings(raw):
        try:
            interpolate(text, {})
        except InterpolationError as exc:
            problems.append(str(exc))
    assert not problems, (
        "docker-compose.yaml: Compose would reject these interpolations:\n  "
        + "\n  ".join(problems)
    )


@pytest.mark.parametrize(
    ("role", "name"), REQUIRED_SERVICES.items(), ids=REQUIRED_SERVICES.values()
)
def test_design_service_exists(services: dict[str, Any], role: str, name: str) -> None:
    assert name in services, (
        f"docker-compose.yaml: service {name!r} ({role}) is missing; defined: {sorted(services)}"
    )


def test_service_keys_are_compose_keys(services: dict[str, Any]) -> None:
    problems = [
        f"{name}.{key}"
        for name, svc in services.items()
        for key in svc
        if key not in SERVICE_KEYS and not key.startswith("x-")
    ]
    assert not problems, f"docker-compose.yaml: keys Compose does not know (typo?): {problems}"


@pytest.mark.parametrize(("name", "command"), AIRFLOW_COMMANDS.items(), ids=AIRFLOW_COMMANDS.keys())
def test_airflow_component_runs_its_airflow3_command(
    services: dict[str, Any], name: str, command: str
) -> None:
    actual = command_text(services[name]).removeprefix("airflow ").strip()
    assert actual == command, (
        f"service {name!r} runs {actual!r}; Airflow 3 needs `airflow {command}`"
    )


def test_no_airflow2_webserver(services: dict[str, Any]) -> None:
    offenders = [
        name
        for name, svc in services.items()
        if "webserver" in name or command_text(svc).strip() == "webserver"
    ]
    assert not offenders, f"{offenders}: Airflow 3 has no webserver; the UI is `airflow api-server`"


def test_depends_on_names_defined_services_with_valid_conditions(services: dict[str, Any]) -> None:
    problems = []
    for name, svc in services.items():
        for dep, condition in depends_on(svc).items():
            if dep not in services:
                problems.append(f"{name} depends on {dep!r}, which is not a service")
            elif condition not in HEALTH_CONDITIONS:
                problems.append(
                    f"{name} -> {dep}: unknown condition {condition!r} (use one of {sorted(HEALTH_CONDITIONS)})"
                )
            elif condition == "service_healthy" and not services[dep].get("healthcheck"):
                problems.append(
                    f"{name} waits for {dep} to be healthy, but {dep} has no healthcheck"
                )
            elif condition == "service_completed_successfully" and dep not in ONE_SHOT:
                problems.append(
                    f"{name} waits for {dep} to complete, but {dep} is long-running (it never completes)"
                )
            elif dep in ONE_SHOT and condition != "service_completed_successfully":
                problems.append(
                    f"{name} -> {dep}: a one-shot service needs condition service_completed_successfully"
                )
    assert not problems, "docker-compose.yaml depends_on:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("name", sorted(set(AIRFLOW_COMMANDS)))
def test_airflow_components_wait_for_init_and_databases(
    services: dict[str, Any], name: str
) -> None:
    deps = depends_on(services[name])
    expected = {
        "postgres": "service_healthy",
        "redis": "service_healthy",
        "airflow-init": "service_completed_successfully",
    }
    missing = {dep: cond for dep, cond in expected.items() if deps.get(dep) != cond}
    assert not missing, f"service {name!r}: depends_on must include {missing} (has {deps})"


def test_init_waits_for_the_database(services: dict[str, Any]) -> None:
    assert depends_on(services["airflow-init"]).get("postgres") == "service_healthy", (
        "airflow-init must depend on postgres with condition service_healthy"
    )


@pytest.mark.parametrize(
    "name",
    [
        "postgres",
        "redis",
        "minio",
        "airflow-apiserver",
        "airflow-scheduler",
        "airflow-dag-processor",
        "airflow-triggerer",
        "airflow-worker",
    ],
)
def test_long_running_service_has_healthcheck_and_restart(
    services: dict[str, Any], name: str
) -> None:
    svc = services[name]
    check = svc.get("healthcheck") or {}
    test = check.get("test")
    assert test, f"service {name!r} has no healthcheck (`healthcheck.test`)"
    assert not check.get("disable"), f"service {name!r}: healthcheck is disabled"
    if isinstance(test, list):
        assert test[0] in {"CMD", "CMD-SHELL"}, (
            f"service {name!r}: healthcheck.test must start with CMD or CMD-SHELL, got {test[:1]}"
        )
        assert len(test) > 1, f"service {name!r}: healthcheck.test has no command after {test[0]}"
    assert svc.get("restart") in {"always", "unless-stopped", "on-failure"}, (
        f"service {name!r}: set `restart: always` (has {svc.get('restart')!r})"
    )


def test_every_long_running_service_is_covered(services: dict[str, Any]) -> None:
    missing = [
        name
        for name in long_running(services)
        if not (services[name].get("healthcheck") or {}).get("test")
    ]
    assert not missing, f"long-running services without a healthcheck: {missing}"


@pytest.mark.parametrize("name", sorted(ONE_SHOT))
def test_one_shot_service_does_not_restart(services: dict[str, Any], name: str) -> None:
    assert name in services, f"one-shot service {name!r} is missing"
    restart = services[name].get("restart", "no")
    assert restart in {"no", "on-failure"}, (
        f"one-shot service {name!r} has restart {restart!r}: it would run forever"
    )


def test_restart_policies_are_valid(services: dict[str, Any]) -> None:
    bad = {
        name: svc["restart"]
        for name, svc in services.items()
        if "restart" in svc and str(svc["restart"]).split(":")[0] not in RESTART_POLICIES
    }
    assert not bad, f"invalid restart policies {bad}; use one of {sorted(RESTART_POLICIES)}"


def test_named_volumes_are_declared(raw: dict[str, Any], services: dict[str, Any]) -> None:
    declared = set(raw.get("volumes") or {})
    problems = []
    for name, svc in services.items():
        for target, source in volume_mounts(svc).items():
            if source and not source.startswith((".", "/", "~")) and source not in declared:
                problems.append(
                    f"{name}: volume {source!r} (mounted at {target}) is not declared under top-level `volumes:`"
                )
    assert not problems, "\n".join(problems)


def test_bind_mount_sources_exist(services: dict[str, Any]) -> None:
    problems = [
        f"{name}: {source} (mounted at {target}) does not exist in the repository"
        for name, svc in services.items()
        for target, source in volume_mounts(svc).items()
        if source.startswith(".") and not (ROOT / source).exists()
    ]
    assert not problems, "\n".join(problems)


def test_worker_can_scale_out(services: dict[str, Any]) -> None:
    worker = services[WORKER]
    assert "container_name" not in worker, (
        f"{WORKER} has container_name: `--scale {WORKER}=4` would fail on the name clash"
    )
    assert not worker.get("ports"), (
        f"{WORKER} publishes host ports {worker['ports']}: scaled copies would clash"
    )
    assert environment(worker).get("DUMB_INIT_SETSID") == "0", (
        f"{WORKER}: set DUMB_INIT_SETSID=0 so Celery shuts down warm"
    )


# -- Airflow settings ------------------------------------------------------------------------
def test_airflow_services_share_one_image_and_build(services: dict[str, Any]) -> None:
    names = airflow_services(services)
    images = {
        name: (services[name].get("image"), json.dumps(services[name].get("build"), sort_keys=True))
        for name in names
    }
    reference = images[API_SERVER]
    differing = {name: value for name, value in images.items() if value != reference}
    assert not differing, (
        f"every Airflow service must use the image/build of {API_SERVER} {reference}; these differ: {differing}"
    )
    assert reference[0], f"{API_SERVER}: no `image:` (the tag the build is stored under)"
    build = services[API_SERVER].get("build")
    assert isinstance(build, dict), (
        f"{API_SERVER}: `build:` must be a mapping with context and dockerfile"
    )
    assert build.get("dockerfile"), (
        f"{API_SERVER}: `build:` must name the Dockerfile (docker/Dockerfile)"
    )
    dockerfile = ROOT / build.get("context", ".") / build["dockerfile"]
    assert dockerfile.is_file(), f"build.dockerfile {build['dockerfile']} not found at {dockerfile}"


@pytest.mark.parametrize("key", SHARED_SETTINGS)
def test_airflow_services_share_setting(raw: dict[str, Any], key: str) -> None:
    services = raw["services"]  # uninterpolated: equal text is equal under any .env
    values = {name: environment(services[name]).get(key) for name in airflow_services(services)}
    missing = sorted(
        name for name, value in values.items() if not value and key != "AIRFLOW__CORE__FERNET_KEY"
    )
    assert not missing, f"{key} is not set on {missing}"
    distinct = {value for value in values.values()}
    assert len(distinct) == 1, f"{key} differs between Airflow services: {values}"


def test_celery_executor(services: dict[str, Any]) -> None:
    for name in airflow_services(services):
        executor = environment(services[name]).get("AIRFLOW__CORE__EXECUTOR")
        assert executor == "CeleryExecutor", (
            f"{name}: AIRFLOW__CORE__EXECUTOR is {executor!r}, expected CeleryExecutor"
        )


def test_execution_api_url_points_at_the_api_server(services: dict[str, Any]) -> None:
    url = environment(services[API_SERVER])["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"]
    assert url == EXECUTION_API_URL, (
        f"AIRFLOW__CORE__EXECUTION_API_SERVER_URL is {url!r}, expected {EXECUTION_API_URL!r}"
    )
    published = [str(port) for port in services[API_SERVER].get("ports") or []]
    assert any(port.split(":")[-1] == "8080" for port in published), (
        f"{API_SERVER} must publish its container port 8080 (ports: {published})"
    )


def test_jwt_secret_is_long_enough_for_hs512(services: dict[str, Any]) -> None:
    secret = environment(services[API_SERVER])["AIRFLOW__API_AUTH__JWT_SECRET"]
    assert len(secret.encode()) >= 64, (
        f"the default AIRFLOW__API_AUTH__JWT_SECRET has {len(secret)} bytes; HS512 wants >= 64 (PyJWT warns)"
    )


def test_scheduler_health_server_is_enabled(services: dict[str, Any]) -> None:
    env = environment(services["airflow-scheduler"])
    assert env.get("AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK", "").lower() == "true", (
        "airflow-scheduler's healthcheck calls :8974/health, which needs AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK=true"
    )


def test_metadata_db_and_broker_match_their_services(services: dict[str, Any]) -> None:
    env = environment(services[API_SERVER])
    pg = environment(services["postgres"])
    for key in ("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "AIRFLOW__CELERY__RESULT_BACKEND"):
        url = urlsplit(env[key])
        assert url.hostname == "postgres", (
            f"{key} points at host {url.hostname!r}, not the postgres service"
        )
        assert (url.username, url.password, url.path.lstrip("/")) == (
            pg["POSTGRES_USER"],
            pg["POSTGRES_PASSWORD"],
            pg["POSTGRES_DB"],
        ), (
            f"{key}: user/password/database differ from the postgres service's POSTGRES_USER/POSTGRES_PASSWORD/POSTGRES_DB "
            "(use the same ${POSTGRES_PASSWORD:-...} in both)"
        )
    broker = urlsplit(env["AIRFLOW__CELERY__BROKER_URL"])
    assert (broker.scheme, broker.hostname) == ("redis", "redis"), (
        f"AIRFLOW__CELERY__BROKER_URL must point at the redis service, got {broker.geturl()!r}"
    )


@pytest.mark.parametrize("name", sorted(set(AIRFLOW_COMMANDS) | {"airflow-init"}))
def test_code_and_datamap_are_mounted(services: dict[str, Any], name: str) -> None:
    mounts = volume_mounts(services[name])
    for folder, target in MOUNTS.items():
        assert target in mounts, f"service {name!r} does not mount ./{folder} at {target}"
        source = (ROOT / mounts[target]).resolve()
        assert source == ROOT / folder, (
            f"service {name!r} mounts {mounts[target]} at {target}, expected ./{folder}"
        )
    datamap = environment(services[name]).get("GDPR_DATAMAP")
    assert datamap == DATAMAP_IN_CONTAINER, (
        f"service {name!r}: GDPR_DATAMAP is {datamap!r}, expected {DATAMAP_IN_CONTAINER}"
    )


# -- Connections -----------------------------------------------------------------------------
def test_ledger_connection_is_the_ledger_database(services: dict[str, Any]) -> None:
    env = environment(services[API_SERVER])
    spec = spec_from_env("gdpr_ledger", env)
    pg = environment(services["postgres"])
    assert spec.conn_type == "postgres", (
        f"AIRFLOW_CONN_GDPR_LEDGER has type {spec.conn_type!r}, expected postgres"
    )
    assert spec.host == "postgres", (
        f"AIRFLOW_CONN_GDPR_LEDGER points at host {spec.host!r}, not the postgres service"
    )
    expected = (
        pg.get("GDPR_LEDGER_APP_USER"),
        pg.get("GDPR_LEDGER_APP_PASSWORD"),
        pg.get("GDPR_LEDGER_DB"),
    )
    assert (spec.login, spec.password, spec.schema) == expected, (
        "AIRFLOW_CONN_GDPR_LEDGER's user/password/database differ from the application role "
        "docker/postgres-init creates (postgres service: GDPR_LEDGER_APP_USER/"
        "GDPR_LEDGER_APP_PASSWORD/GDPR_LEDGER_DB); use the same ${GDPR_LEDGER_APP_PASSWORD:-...}"
    )
    assert spec.login != pg.get("GDPR_LEDGER_USER"), (
        "the workers must connect as the application role, not as the ledger's owner"
    )


def test_only_airflow_init_holds_the_ledger_owner_and_grants_the_workers_role(
    services: dict[str, Any],
) -> None:
    """The owner migrates and grants (airflow-init); every other Airflow service connects as
    the role `gdpr ledger grant` gave its rights, and never sees the owner's password."""
    pg = environment(services["postgres"])
    owner, secret, app = (
        pg["GDPR_LEDGER_USER"],
        pg["GDPR_LEDGER_PASSWORD"],
        pg["GDPR_LEDGER_APP_USER"],
    )
    assert owner != app
    init = services["airflow-init"]
    url = urlsplit(environment(init)["GDPR_LEDGER_OWNER_URL"])
    assert (url.username, url.password, url.hostname, url.path) == (
        owner,
        secret,
        "postgres",
        f"/{pg['GDPR_LEDGER_DB']}",
    ), "airflow-init's GDPR_LEDGER_OWNER_URL is the owner docker/postgres-init creates"
    script = command_text(init)
    upgrade = 'gdpr ledger upgrade --url "${GDPR_LEDGER_OWNER_URL}"'
    grant = f'gdpr ledger grant {app} --url "${{GDPR_LEDGER_OWNER_URL}}"'
    assert upgrade in script, "airflow-init migrates the ledger as its owner"
    assert grant in script, "airflow-init grants the workers' role its rights, as the owner"
    assert script.index(upgrade) < script.index(grant), "grant after the migration"
    holders = sorted(
        name
        for name, service in services.items()
        if name not in {"postgres", "airflow-init"}
        and any(secret in value for value in environment(service).values())
    )
    assert not holders, f"the ledger owner's password reaches {holders}"


def test_s3_connection_is_aws_json_pointing_at_the_store(services: dict[str, Any]) -> None:
    raw_value = environment(services[API_SERVER])["AIRFLOW_CONN_GDPR_S3"]
    try:
        data = json.loads(raw_value)
    except json.JSONDecodeError as exc:
        pytest.fail(
            f"AIRFLOW_CONN_GDPR_S3 is not valid JSON once interpolated ({exc}): {raw_value}"
        )
    spec = spec_from_env("gdpr_s3", {"AIRFLOW_CONN_GDPR_S3": raw_value})
    assert spec.conn_type == "aws", (
        f"AIRFLOW_CONN_GDPR_S3 has conn_type {data.get('conn_type')!r}, expected aws"
    )
    endpoint = urlsplit(spec.extra.get("endpoint_url", ""))
    assert endpoint.hostname in services, (
        f"AIRFLOW_CONN_GDPR_S3 extra.endpoint_url {endpoint.geturl()!r} is not a service of the stack"
    )
    assert spec.extra.get("region_name"), "AIRFLOW_CONN_GDPR_S3: set extra.region_name"


@pytest.mark.parametrize(
    "env",
    [{}, {"GDPR_S3_ACCESS_KEY_ID": "airflow-eu", "GDPR_S3_SECRET_ACCESS_KEY": "s3cr3t-from-env"}],
    ids=["defaults", "set-in-dot-env"],
)
def test_airflow_s3_connection_is_a_scoped_user_created_by_minio_init(
    raw: dict[str, Any], env: dict[str, str]
) -> None:
    """Airflow's workers hold gdpr_s3's keys: those are a user minio-init creates with a policy on
    the listed buckets' objects, never MinIO's administrator."""
    services = resolve(raw["services"], env)
    spec = spec_from_env(
        "gdpr_s3",
        {"AIRFLOW_CONN_GDPR_S3": environment(services[API_SERVER])["AIRFLOW_CONN_GDPR_S3"]},
    )
    minio, init = environment(services["minio"]), services["minio-init"]
    init_env = environment(init)
    assert spec.login != minio["MINIO_ROOT_USER"], "gdpr_s3 must not log in as MinIO's root user"
    assert spec.password != minio["MINIO_ROOT_PASSWORD"], (
        "gdpr_s3 must not hold MinIO's root secret"
    )
    assert (init_env["GDPR_S3_ACCESS_KEY_ID"], init_env["GDPR_S3_SECRET_ACCESS_KEY"]) == (
        spec.login,
        spec.password,
    ), "minio-init must create the user with gdpr_s3's own keys"
    script = command_text(init)
    for step in ("mc admin user add", "mc admin policy create", "mc admin policy attach"):
        assert step in script, f"minio-init must run `{step}` for Airflow's user"
    actions = json.loads(f"[{init_env['GDPR_S3_ACTIONS']}]")
    assert all(a.startswith("s3:") and "*" not in a for a in actions), actions
    assert not {"s3:CreateBucket", "s3:DeleteBucket", "s3:PutBucketPolicy"} & set(actions)
    assert {"s3:DeleteObjectVersion", "s3:PutLifecycleConfiguration"} <= set(actions), (
        "the delivery sweep deletes every version and sets lifecycle rules"
    )


def _datamap_conn_ids() -> set[str]:
    found: set[str] = set()

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "conn_id" and isinstance(value, str):
                    found.add(value)
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(yaml.safe_load(DATAMAP_FILE.read_text(encoding="utf-8")))
    return found


def test_every_datamap_connection_is_set_or_documented(
    services: dict[str, Any], deploy_doc: str
) -> None:
    env = environment(services[API_SERVER])
    missing = sorted(
        f"AIRFLOW_CONN_{conn_id.upper()}"
        for conn_id in _datamap_conn_ids() | {"gdpr_crm", "gdpr_helpdesk"}
        if f"AIRFLOW_CONN_{conn_id.upper()}" not in env
        and f"AIRFLOW_CONN_{conn_id.upper()}" not in deploy_doc
    )
    assert not missing, (
        f"connections the data map needs are neither set in docker-compose.yaml nor documented in docs/deploy.md: {missing}"
    )


@pytest.mark.parametrize("name", sorted(set(AIRFLOW_COMMANDS) | {"airflow-init"}))
def test_airflow_services_load_dot_env(raw: dict[str, Any], name: str) -> None:
    env_files = raw["services"][name].get("env_file") or []
    env_files = [env_files] if isinstance(env_files, (str, dict)) else env_files
    paths = [item["path"] if isinstance(item, dict) else item for item in env_files]
    assert ".env" in paths, (
        f"service {name!r} must load .env (env_file) so the organisation's AIRFLOW_CONN_* reach it; has {paths}"
    )
    required = [
        item.get("required", True)
        for item in env_files
        if isinstance(item, dict) and item["path"] == ".env"
    ]
    assert required == [False], (
        f"service {name!r}: make .env optional (env_file: [{{path: .env, required: false}}]) so a trial starts without one"
    )


# -- Variables and secrets -------------------------------------------------------------------
def test_variables_have_defaults_or_are_documented(raw: dict[str, Any], deploy_doc: str) -> None:
    refs = variable_references(raw)
    problems = []
    for name, operators in sorted(refs.items()):
        documented = _documented(name, deploy_doc)
        has_default = bool(operators & {":-", "-"}) and "" not in operators
        if not has_default and not documented:
            problems.append(
                f"${{{name}}} has no default and is not in docs/deploy.md (a shell variable in a command? write $${name})"
            )
        if SECRET_VARIABLE.search(name) and not documented:
            problems.append(
                f"${{{name}}} is a secret: list it in docs/deploy.md so the deployer sets it"
            )
    assert not problems, "docker-compose.yaml variables:\n  " + "\n  ".join(problems)


def _documented(name: str, doc: str) -> bool:
    """Named as a setting: `NAME` in code, or NAME= in an .env example."""
    return re.search(rf"`{re.escape(name)}`|^{re.escape(name)}=", doc, re.MULTILINE) is not None


def test_secret_defaults_are_flagged_trial_only(raw: dict[str, Any]) -> None:
    refs = variable_references(raw)
    problems = []
    for name in sorted(n for n in refs if SECRET_VARIABLE.search(n)):
        value = _default_of(raw, name)
        if value and TRIAL_MARKER not in value:
            problems.append(
                f"{name} defaults to a value without {TRIAL_MARKER!r}; GDPR_DEPLOYMENT=production could not catch it"
            )
    assert not problems, "\n".join(problems)


def _default_of(
    raw: Mapping[str, Any], name: str, env: Mapping[str, str] | None = None
) -> str | None:
    """The value ${name} takes when unset, the other variables as in ``env`` (first default found)."""
    pattern = re.compile(r"\$\{" + re.escape(name) + r":?-")
    for text in walk_strings(raw):
        if match := pattern.search(text):
            start = match.start()
            depth, j = 0, start + 1
            while j < len(text):
                depth += {"{": 1, "}": -1}.get(text[j], 0)
                j += 1
                if depth == 0:
                    break
            return interpolate(text[start:j], {k: v for k, v in (env or {}).items() if k != name})
    return None


def test_production_guard_catches_every_trial_secret(raw: dict[str, Any]) -> None:
    """With GDPR_DEPLOYMENT=production, airflow-init greps its environment for 'trial-only'."""
    init = raw["services"]["airflow-init"]
    script = command_text(init)
    assert "GDPR_DEPLOYMENT" in script, (
        "airflow-init must check GDPR_DEPLOYMENT (refuse trial defaults in production)"
    )
    assert TRIAL_MARKER in script, (
        f"airflow-init must look for {TRIAL_MARKER!r} values when GDPR_DEPLOYMENT=production"
    )
    secrets = sorted(
        n
        for n in variable_references(raw)
        if SECRET_VARIABLE.search(n) and TRIAL_MARKER in (_default_of(raw, n) or "")
    )
    unnoticed = []
    for name in secrets:
        env = {other: "set-in-dot-env" for other in secrets if other != name}
        if TRIAL_MARKER not in (_default_of(raw, name, env) or ""):
            continue  # its default follows another secret (e.g. the S3 key defaults to MinIO's)
        values = environment(resolve(init, env)).values()
        if not any(TRIAL_MARKER in value for value in values):
            unnoticed.append(name)
    assert not unnoticed, (
        f"left at their trial default, these never reach airflow-init's environment, so the production check misses them: {unnoticed}"
    )


def test_minio_init_writes_a_valid_policy_on_the_listed_buckets_only(
    raw: dict[str, Any], tmp_path: Path
) -> None:
    """minio-init's script run by sh with `mc` stubbed: the policy it gives Airflow's user is
    valid JSON and names the buckets of GDPR_S3_BUCKETS and nothing else."""
    env = {"GDPR_S3_BUCKETS": "org-reports org-delivery"}
    init = resolve(raw["services"], env)["minio-init"]
    policy = tmp_path / "policy.json"
    script = command_text(init).replace("/tmp/gdpr-airflow.json", str(policy))
    stub = 'mc() { echo "mc $*"; }\n'
    result = subprocess.run(
        ["sh", "-c", stub + script.removeprefix("-c ")],
        env={"PATH": os.environ["PATH"], **environment(init)},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert "mc admin policy create gdpr gdpr-airflow" in result.stdout
    (statement,) = json.loads(policy.read_text())["Statement"]
    assert statement["Effect"] == "Allow"
    assert sorted(statement["Resource"]) == sorted(
        f"arn:aws:s3:::{b}{suffix}"
        for b in ("org-reports", "org-delivery")
        for suffix in ("", "/*")
    )


def _init_guard(raw: Mapping[str, Any], env: Mapping[str, str]) -> subprocess.CompletedProcess:
    """airflow-init's script up to where it hands over to the image's entrypoint, run by bash in
    the environment Compose would give the container for this .env."""
    init = resolve(raw["services"], env)["airflow-init"]
    command = init["command"]
    script = command[-1] if isinstance(command, list) else command
    guard = script.split("exec /entrypoint")[0] + "echo started\n"
    return subprocess.run(
        ["bash", "-c", guard],
        env={"PATH": os.environ["PATH"], **environment(init)},
        capture_output=True,
        text=True,
        timeout=30,
    )


FERNET = "tr1al-fernet-key-made-up-for-this-test-000000="


@pytest.mark.parametrize(
    ("env", "starts", "said"),
    [
        ({}, False, "AIRFLOW_FERNET_KEY is not set"),
        ({"GDPR_DEPLOYMENT": "trial"}, False, "AIRFLOW_FERNET_KEY is not set"),
        ({"AIRFLOW_FERNET_KEY": FERNET}, False, "trial defaults are still in use"),
        (
            {"AIRFLOW_FERNET_KEY": FERNET, "GDPR_DEPLOYMENT": "production"},
            False,
            "AIRFLOW_CONN_GDPR_S3",  # the scoped user's secret, at its trial default
        ),
        ({"AIRFLOW_FERNET_KEY": FERNET, "GDPR_DEPLOYMENT": "trial"}, True, "started"),
    ],
    ids=["nothing-set", "trial-without-key", "defaults", "production-defaults", "explicit-trial"],
)
def test_init_refuses_trial_defaults_unless_trial_is_explicit_and_always_needs_a_fernet_key(
    raw: dict[str, Any], env: dict[str, str], starts: bool, said: str
) -> None:
    result = _init_guard(raw, env)
    assert (result.returncode == 0) is starts, result.stderr
    assert said in (result.stdout if starts else result.stderr)


def test_init_starts_when_every_secret_is_set(raw: dict[str, Any]) -> None:
    trial = {n for n in variable_references(raw) if TRIAL_MARKER in (_default_of(raw, n) or "")}
    env = {name: f"set-in-dot-env-{name.lower()}" for name in trial}
    result = _init_guard(raw, env | {"AIRFLOW_FERNET_KEY": FERNET})
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


# -- Init, ledger database, image ------------------------------------------------------------
def test_init_migrates_airflow_then_the_ledger(services: dict[str, Any]) -> None:
    init = services["airflow-init"]
    script = command_text(init)
    assert "airflow db migrate" in script, "airflow-init must run `airflow db migrate`"
    assert "gdpr ledger upgrade" in script, "airflow-init must run `gdpr ledger upgrade`"
    assert script.index("airflow db migrate") < script.index("gdpr ledger upgrade"), (
        "airflow-init: migrate Airflow before the ledger"
    )
    env = environment(init)
    assert env.get("_AIRFLOW_WWW_USER_CREATE") == "true", (
        "airflow-init must create the admin user (_AIRFLOW_WWW_USER_CREATE=true)"
    )
    for key in ("_AIRFLOW_WWW_USER_USERNAME", "_AIRFLOW_WWW_USER_PASSWORD"):
        assert env.get(key), f"airflow-init: {key} (the admin user) is unset"


EMBEDDED_ENV = ROOT / "scripts" / "embedded-env.sh"


def _embedded_setting(name: str) -> str:
    """A setting of the embedded default (scripts/embedded-env.sh), at its default."""
    text = EMBEDDED_ENV.read_text(encoding="utf-8")
    match = re.search(rf'^export {name}="([^"]*)"', text, re.MULTILINE)
    assert match, f"scripts/embedded-env.sh does not export {name}"
    return interpolate(match.group(1), {})


def _names(value: str) -> set[str]:
    return {name.strip() for name in value.split(",") if name.strip()}


@pytest.mark.parametrize(
    "env",
    [{}, {"GDPR_DPO_USERNAME": "claire", "AIRFLOW_ADMIN_USERNAME": "ops"}],
    ids=["defaults", "renamed"],
)
def test_init_creates_the_dpo_approver_and_a_second_user_as_the_embedded_default(
    raw: dict[str, Any], env: dict[str, str]
) -> None:
    """Four eyes needs two people: like `make run` (users admin and dpo, both in
    GDPR_APPROVERS, four eyes on), compose creates the admin and the DPO, and every Airflow
    component approves with the same list."""
    services = resolve(raw["services"], env)
    init = services["airflow-init"]
    init_env = environment(init)
    admin = init_env["_AIRFLOW_WWW_USER_USERNAME"]
    dpo = init_env.get("GDPR_DPO_USERNAME")
    assert dpo, "airflow-init: GDPR_DPO_USERNAME (the DPO user) is unset"
    assert dpo != admin, "airflow-init: the DPO must be a second user, not the admin"
    assert init_env.get("GDPR_DPO_PASSWORD"), "airflow-init: GDPR_DPO_PASSWORD is unset"
    script = command_text(init)
    create = re.search(r"airflow users create[^'\n]*", script)
    assert create, "airflow-init must create the DPO user (`airflow users create`)"
    for option, variable in (
        ("--username", "GDPR_DPO_USERNAME"),
        ("--password", "GDPR_DPO_PASSWORD"),
    ):
        assert re.search(rf'{option} "?\$\{{?{variable}\b', create.group(0)), (
            f"airflow-init: `airflow users create` must take {option} from ${variable}"
        )
    assert script.index("airflow db migrate") < script.index("airflow users create"), (
        "airflow-init: create the DPO user after migrating Airflow's database"
    )

    embedded_users = {
        entry.split(":")[0]
        for entry in _embedded_setting("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS").split(",")
    }
    embedded_approvers = _names(_embedded_setting("GDPR_APPROVERS"))
    assert len(embedded_users) == 2, "the embedded default has two users"
    assert embedded_approvers == embedded_users, (
        "the embedded default's two users are its approvers; compose mirrors that"
    )
    for name in AIRFLOW_COMMANDS:
        service_env = environment(services[name])
        assert _names(service_env.get("GDPR_APPROVERS", "")) == {dpo, admin}, (
            f"{name}: GDPR_APPROVERS must name the DPO and the admin ({dpo},{admin}), as "
            "scripts/embedded-env.sh does for make run"
        )
        assert service_env.get("GDPR_FOUR_EYES", "true").lower() == "true", (
            f"{name}: four eyes is on by default (GDPR_FOUR_EYES=true)"
        )


def test_postgres_init_script_creates_the_ledger_database(services: dict[str, Any]) -> None:
    pg = services["postgres"]
    source = volume_mounts(pg).get("/docker-entrypoint-initdb.d")
    assert source, (
        "postgres must mount an init directory at /docker-entrypoint-initdb.d (it creates gdpr_ledger)"
    )
    scripts = sorted((ROOT / source).glob("*.sh"))
    assert scripts, f"no *.sh in {source}: nothing would create the ledger database"
    env = environment(pg)
    text = "\n".join(path.read_text(encoding="utf-8") for path in scripts)
    needed = set(re.findall(r"\$\{(\w+):\?", text))
    assert needed, f"{source}: the script should check its settings with ${{VAR:?...}}"
    missing = sorted(needed - set(env))
    assert not missing, f"{source} needs {missing} in the postgres service's environment"
    assert "CREATE DATABASE" in text, f"{source} does not CREATE DATABASE"


def test_dockerfile_matches_pyproject_and_copies_what_exists() -> None:
    dockerfile = (ROOT / "docker" / "Dockerfile").read_text(encoding="utf-8")
    froms = re.findall(r"^FROM\s+(\S+)", dockerfile, re.MULTILINE)
    assert froms, "docker/Dockerfile has no FROM line"
    assert froms[0].startswith("apache/airflow:"), (
        f"docker/Dockerfile must build FROM the official apache/airflow image, got {froms[0]}"
    )
    pins = [
        dep
        for dep in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
        if dep.startswith("apache-airflow==")
    ]
    assert pins, "pyproject.toml pins no apache-airflow==X.Y.Z"
    version = pins[0].split("==")[1]
    assert froms[0].split(":")[1].startswith(f"{version}-"), (
        f"docker/Dockerfile's {froms[0]} does not match pyproject's {pins[0]}"
    )
    sources = [
        src
        for line in re.findall(r"^COPY\s+(.+)$", dockerfile, re.MULTILINE)
        for src in [word for word in line.split() if not word.startswith("--")][:-1]
    ]
    missing = [src for src in sources if not (ROOT / src).exists()]
    assert not missing, (
        f"docker/Dockerfile copies {missing}, which do not exist in the repository (build context: the root)"
    )
    ignore = ROOT / "docker" / "Dockerfile.dockerignore"
    assert ignore.is_file(), (
        "docker/Dockerfile.dockerignore is missing: the build context would include .venv"
    )


def test_deploy_doc_covers_the_deployer_steps(deploy_doc: str) -> None:
    expected = [
        "docker compose up -d",
        f"--scale {WORKER}",
        "gdpr datamap validate",
        "gdpr ledger upgrade",
        ".env",
        "KubernetesExecutor",
        "CeleryExecutor",
        "dynamic task mapping",
        "GDPR_S3_BUCKETS",
    ]
    missing = [phrase for phrase in expected if phrase not in deploy_doc]
    assert not missing, f"docs/deploy.md does not mention {missing}"


# -- The interpolation helper itself ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "env", "expected"),
    [
        ("${A:-x}", {}, "x"),
        ("${A:-x}", {"A": ""}, "x"),
        ("${A-x}", {"A": ""}, ""),
        ("${A:-${B:-y}}", {}, "y"),
        ("${A:-${B:-y}}", {"B": "b"}, "b"),
        ("$$HOME and $${HOME}", {}, "$HOME and ${HOME}"),
        ("$A/$(pwd)", {"A": "a"}, "a/$(pwd)"),
        ("${A:+set}", {"A": "1"}, "set"),
    ],
)
def test_interpolate(text: str, env: dict[str, str], expected: str) -> None:
    assert interpolate(text, env) == expected


def test_interpolate_required() -> None:
    with pytest.raises(InterpolationError, match="required variable A"):
        interpolate("${A:?set A}", {})
