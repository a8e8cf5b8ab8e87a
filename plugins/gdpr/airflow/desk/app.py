"""The DPO desk: a FastAPI app that Airflow's api-server mounts (see plugins/gdpr_desk.py).

Every page needs a user authenticated by Airflow's auth manager (the UI's ``_token`` cookie or a
bearer token). Only the users named in ``[gdpr] dpo_users`` (``AIRFLOW__GDPR__DPO_USERS``, comma
separated; when unset, the erasure approvers of ``GDPR_APPROVERS``) see identities and may register requests or place and lift holds; everyone else sees
the board, the evidence and the charts with identities masked.

The identity typed on the register page goes to the ledger only. The matching DAG is triggered
through Airflow's REST API, as the signed-in user, with the request id alone as its conf.
The ledger engine and the S3 client are built per request from Airflow connections.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

import jinja2
import sqlalchemy as sa
from fastapi import Depends, FastAPI, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from gdpr.airflow.desk import charts, service
from gdpr.deadlines.board import clock_settings
from gdpr.ledger import Ledger
from gdpr.ledger.clock import utc_now

TOKEN_COOKIE = "_token"  # airflow.api_fastapi.auth.managers.base_auth_manager.COOKIE_NAME_JWT_TOKEN
URL_PREFIX = "/gdpr-desk"


@dataclass(frozen=True)
class DeskUser:
    name: str
    is_dpo: bool
    token: str | None  # the caller's Airflow token, forwarded to Airflow's REST API


# trigger(request, user, dag_id, conf) -> dag_run_id
Trigger = Callable[[Request, DeskUser, str, dict[str, Any]], str]
# approvals(request, user) -> pending HITL details (dag_id, dag_run_id, task_id, subject, href)
Approvals = Callable[[Request, DeskUser], list[dict[str, Any]]]


def _default_ledger_engine() -> sa.Engine:
    from gdpr.airflow.hooks import ledger_engine

    return ledger_engine()


def _default_s3(conn_id: str) -> Any:
    from gdpr.airflow.hooks import s3_client

    return s3_client(conn_id)


def _default_datamap() -> Any:
    from gdpr.datamap import load_datamap

    return load_datamap()


def _default_dpo_users() -> frozenset[str]:
    from airflow.configuration import conf

    names = conf.get("gdpr", "dpo_users", fallback="") or ""
    listed = frozenset(n.strip() for n in names.split(",") if n.strip())
    if listed:
        return listed
    from gdpr.erasure.settings import approvers  # the erasure approvers (GDPR_APPROVERS)

    return frozenset(approvers())


async def _airflow_user(request: Request) -> tuple[str, str | None]:
    """The user Airflow's auth manager authenticated, and the token they presented."""
    from airflow.api_fastapi.core_api.security import get_user
    from fastapi.security import HTTPBearer

    bearer = await HTTPBearer(auto_error=False)(request)
    user = await get_user(request, None, bearer)
    token = bearer.credentials if bearer else request.cookies.get(TOKEN_COOKIE)
    return user.get_name(), token


def api_base(request: Request) -> str:
    """Airflow's own address as this request reached it (``[api] base_url`` when set)."""
    from airflow.configuration import conf

    configured = (conf.get("api", "base_url", fallback="") or "").rstrip("/")
    if configured and urlsplit(configured).scheme:
        return configured
    return f"{request.url.scheme}://{request.url.netloc}"


def rest_trigger(request: Request, user: DeskUser, dag_id: str, conf: dict[str, Any]) -> str:
    """POST /api/v2/dags/{dag_id}/dagRuns as the signed-in user; returns the new run's id."""
    import httpx

    try:
        response = httpx.post(
            f"{api_base(request)}/api/v2/dags/{quote(dag_id)}/dagRuns",
            json={"logical_date": None, "conf": conf},
            headers={"Authorization": f"Bearer {user.token}"},
            timeout=30,
        )
    except httpx.HTTPError as exc:
        raise service.DeskInputError(
            f"Airflow's API could not be reached ({type(exc).__name__}); the request is "
            f"recorded: start {dag_id} from Airflow with its id"
        ) from None
    if response.status_code >= 400:
        raise service.DeskInputError(
            f"Airflow refused to start {dag_id} (HTTP {response.status_code}); "
            "the request is recorded: start the run from Airflow with its id"
        )
    return str(response.json()["dag_run_id"])


def rest_approvals(request: Request, user: DeskUser) -> list[dict[str, Any]]:
    """The approvals (Airflow human-in-the-loop steps) still waiting for an answer."""
    import httpx

    base = api_base(request)
    response = httpx.get(
        f"{base}/api/v2/dags/~/dagRuns/~/hitlDetails",
        params={"response_received": "false", "dag_id_pattern": "gdpr_%", "limit": 100},
        headers={"Authorization": f"Bearer {user.token}"},
        timeout=30,
    )
    response.raise_for_status()
    waiting = []
    for item in response.json().get("hitl_details", []):
        if item.get("response_received"):
            continue
        ti = item.get("task_instance") or {}
        dag_id, run_id, task_id = ti.get("dag_id"), ti.get("dag_run_id"), ti.get("task_id")
        waiting.append(
            {
                "dag_id": dag_id,
                "dag_run_id": run_id,
                "task_id": task_id,
                "subject": item.get("subject", ""),
                "href": f"{base}/dags/{quote(str(dag_id))}/runs/{quote(str(run_id))}"
                f"/tasks/{quote(str(task_id))}/required_actions",
            }
        )
    return waiting


@dataclass
class DeskSettings:
    """Where the desk gets its data and how it reaches Airflow; tests replace any of these."""

    ledger_engine: Callable[[], sa.Engine] = _default_ledger_engine
    s3_client: Callable[[str], Any] = _default_s3
    datamap: Callable[[], Any] = _default_datamap
    dpo_users: Callable[[], frozenset[str]] = _default_dpo_users
    authenticate: Callable[[Request], Any] = _airflow_user
    trigger: Trigger = rest_trigger
    approvals: Approvals = rest_approvals
    now: Callable[[], datetime] = utc_now
    extra: dict[str, Any] = field(default_factory=dict)


class NotSignedInError(Exception):
    pass


async def current_user(request: Request) -> DeskUser:
    """The signed-in user, as Airflow's auth manager (or the injected ``authenticate``) says."""
    settings: DeskSettings = request.app.state.desk
    try:
        name, token = await settings.authenticate(request)
    except HTTPException as exc:
        if exc.status_code in (401, 403):
            raise NotSignedInError() from None
        raise
    return DeskUser(name=name, is_dpo=name in settings.dpo_users(), token=token)


def ledger_of_request(request: Request) -> Iterator[tuple[Ledger, sa.Engine]]:
    """The ledger, on an engine built for this request from the Airflow connection, hashing
    identities with the data map's key as every task does (``hooks.ledger_for``)."""
    from gdpr.airflow.hooks import ledger_for

    settings: DeskSettings = request.app.state.desk
    engine = settings.ledger_engine()
    try:
        yield ledger_for(settings.datamap(), engine=engine, clock=settings.now), engine
    finally:
        engine.dispose()


User = Annotated[DeskUser, Depends(current_user)]
Store = Annotated[tuple[Ledger, sa.Engine], Depends(ledger_of_request)]


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("gdpr.airflow.desk", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def create_app(settings: DeskSettings | None = None) -> FastAPI:
    settings = settings or DeskSettings()
    templates = _environment()
    app = FastAPI(title="GDPR DPO desk", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.desk = settings

    def require_dpo(user: DeskUser) -> None:
        if not user.is_dpo:
            raise HTTPException(
                status_code=403,
                detail="only a DPO user ([gdpr] dpo_users) may do this",
            )

    def same_origin(request: Request) -> None:
        """Refuse a form posted from another site (the session cookie would go with it)."""
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.url.netloc:
            raise HTTPException(status_code=403, detail="cross-site form refused")

    def page(request: Request, name: str, user: DeskUser, status: int = 200, **context) -> Any:
        base = str(request.scope.get("root_path", "")).rstrip("/")
        html = templates.get_template(name).render(
            base=base,
            user=user,
            now=settings.now(),
            message=request.query_params.get("message"),
            error=context.pop("error", None) or request.query_params.get("error"),
            **context,
        )
        return HTMLResponse(html, status_code=status)

    def back(request: Request, path: str, **query: str) -> RedirectResponse:
        base = str(request.scope.get("root_path", "")).rstrip("/")
        suffix = f"?{urlencode(query)}" if query else ""
        return RedirectResponse(f"{base}{path}{suffix}", status_code=303)

    @app.exception_handler(NotSignedInError)
    async def _not_signed_in(request: Request, exc: NotSignedInError) -> Response:
        if request.method == "GET":
            target = f"/auth/login?next={quote(str(request.url), safe='')}"
            return RedirectResponse(target, status_code=303)
        return HTMLResponse("sign in to Airflow first", status_code=401)

    @app.get("/", response_class=HTMLResponse)
    def board(request: Request, user: User, store: Store) -> Any:
        led, _ = store
        datamap = settings.datamap()
        now = settings.now()
        entries = service.board(led, datamap, now, show_identity=user.is_dpo)
        try:
            waiting, approvals_error = settings.approvals(request, user), None
        except Exception as exc:  # the board stays useful when the API cannot be reached
            waiting, approvals_error = [], type(exc).__name__
        return page(
            request,
            "board.html.j2",
            user,
            org=datamap.organisation,
            clock_settings=clock_settings(datamap.alerts),
            entries=entries,
            requests=[e for e in entries if e.row.topic == "request"],
            breaches=[e for e in entries if e.row.topic == "breach"],
            overdue=sum(e.row.state == "overdue" for e in entries),
            approvals=waiting,
            approvals_error=approvals_error,
        )

    @app.get("/register", response_class=HTMLResponse)
    def register_form(request: Request, user: User) -> Any:
        return page(
            request,
            "register.html.j2",
            user,
            kinds=service.DAG_OF_KIND,
            form={"kind": "access", "note": ""},
        )

    @app.post("/register", response_class=HTMLResponse)
    def register(
        request: Request,
        user: User,
        store: Store,
        kind: Annotated[str, Form()],
        email: Annotated[str, Form()] = "",
        note: Annotated[str, Form()] = "",
        start: Annotated[str, Form()] = "",
    ) -> Any:
        same_origin(request)
        require_dpo(user)
        led, _ = store
        datamap = settings.datamap()
        try:
            done = service.register(
                led, datamap, kind=kind, email=email, note=note, now=settings.now()
            )
        except service.DeskInputError as exc:
            return page(
                request,
                "register.html.j2",
                user,
                status=422,
                kinds=service.DAG_OF_KIND,
                form={"kind": kind, "note": note},
                error=str(exc),
            )
        rid = done.request.request_id
        text = f"request {rid} registered" if done.created else f"request {rid} was already open"
        earlier = (
            None if done.created or not done.dag_id else service.started_run(led, rid, done.dag_id)
        )
        if start and earlier:
            # a second letter does not start a second run (nor a second approval)
            text += (
                f"; its {done.dag_id} run was started before (run {earlier}): to run it again, "
                "trigger the DAG in Airflow with the request id"
            )
        elif start and done.dag_id:
            try:
                run_id = settings.trigger(request, user, done.dag_id, done.conf())
            except service.DeskInputError as exc:
                return back(request, "/", message=f"{text}; {exc}")
            service.record_trigger(led, rid, done.dag_id, run_id)
            text += f"; {done.dag_id} started (run {run_id})"
        elif kind == "rectification":
            text += "; give its corrected value on the Rectify page, which starts the run"
        elif kind in ("restriction", "objection"):
            text += (
                "; choose its action or ground on the Restrict / object page, which starts the run"
            )
        elif done.dag_id is None:
            text += "; start its run from Airflow when its details are recorded"
        return back(request, "/", message=text, request_id=rid)

    def rectify_page(request: Request, user: DeskUser, status: int = 200, **context) -> Any:
        return page(
            request,
            "rectify.html.j2",
            user,
            status=status,
            choices=service.rectification_choices(settings.datamap()),
            form=context.pop("form", {"field": "", "request_id": "", "note": ""}),
            **context,
        )

    @app.get("/rectify", response_class=HTMLResponse)
    def rectify_form(request: Request, user: User, request_id: str = "") -> Any:
        return rectify_page(
            request, user, form={"field": "", "request_id": request_id.strip()[:32], "note": ""}
        )

    @app.post("/rectify", response_class=HTMLResponse)
    def rectify(
        request: Request,
        user: User,
        store: Store,
        field: Annotated[str, Form()],
        value: Annotated[str, Form()] = "",
        email: Annotated[str, Form()] = "",
        request_id: Annotated[str, Form()] = "",
        note: Annotated[str, Form()] = "",
        start: Annotated[str, Form()] = "",
    ) -> Any:
        """Art. 16: the corrected value goes to the ledger with its request; the rectification
        run is started with the request id alone and reads the value from the ledger."""
        same_origin(request)
        require_dpo(user)
        led, _ = store
        try:
            done = service.rectify(
                led,
                settings.datamap(),
                email=email,
                request_id=request_id,
                field=field,
                value=value,
                note=note,
                by=user.name,
                now=settings.now(),
            )
        except service.DeskInputError as exc:
            # neither the value nor the address is sent back: the DPO types them again
            return rectify_page(
                request,
                user,
                status=422,
                form={"field": field, "request_id": request_id.strip()[:32], "note": note},
                error=str(exc),
            )
        rid, dag_id = done.request.request_id, service.RECTIFICATION_DAG
        text = f"corrected value recorded for request {rid}"
        if start:
            try:
                run_id = settings.trigger(request, user, dag_id, done.conf())
            except service.DeskInputError as exc:
                return back(request, "/", message=f"{text}; {exc}", request_id=rid)
            service.record_trigger(led, rid, dag_id, run_id)
            text += f"; {dag_id} started (run {run_id})"
        else:
            text += f"; start {dag_id} from Airflow with the request id"
        return back(request, "/", message=text, request_id=rid)

    def rights_page(request: Request, user: DeskUser, status: int = 200, **context) -> Any:
        return page(
            request,
            "rights.html.j2",
            user,
            status=status,
            actions=service.RESTRICTION_ACTIONS,
            grounds=service.OBJECTION_GROUNDS,
            marks=service.restriction_marks(settings.datamap()),
            form=context.pop("form", {"request_id": "", "note": ""}),
            **context,
        )

    @app.get("/rights", response_class=HTMLResponse)
    def rights_form(request: Request, user: User, request_id: str = "") -> Any:
        return rights_page(request, user, form={"request_id": request_id.strip()[:32], "note": ""})

    def start_rights_run(
        request: Request, user: DeskUser, led: Ledger, done: service.Registered, start: str
    ) -> RedirectResponse:
        rid, dag_id = done.request.request_id, done.dag_id or ""
        text = f"request {rid} registered" if done.created else f"request {rid}"
        if start:
            try:
                run_id = settings.trigger(request, user, dag_id, done.conf())
            except service.DeskInputError as exc:
                return back(request, "/", message=f"{text}; {exc}", request_id=rid)
            service.record_trigger(led, rid, dag_id, run_id)
            text += f"; {dag_id} started (run {run_id})"
        else:
            text += f"; start {dag_id} from Airflow with the request id"
        return back(request, "/", message=text, request_id=rid)

    @app.post("/restrict", response_class=HTMLResponse)
    def restrict(
        request: Request,
        user: User,
        store: Store,
        action: Annotated[str, Form()],
        email: Annotated[str, Form()] = "",
        request_id: Annotated[str, Form()] = "",
        note: Annotated[str, Form()] = "",
        start: Annotated[str, Form()] = "",
    ) -> Any:
        """Art. 18: restrict (a new request or one by id) or lift (by id); the run gets the
        request id and the action alone."""
        same_origin(request)
        require_dpo(user)
        led, _ = store
        try:
            done = service.restriction(
                led,
                settings.datamap(),
                email=email,
                request_id=request_id,
                action=action,
                note=note,
                now=settings.now(),
            )
        except service.DeskInputError as exc:
            return rights_page(
                request,
                user,
                status=422,
                form={"request_id": request_id.strip()[:32], "note": note},
                error=str(exc),
            )
        return start_rights_run(request, user, led, done, start)

    @app.post("/object", response_class=HTMLResponse)
    def object_(
        request: Request,
        user: User,
        store: Store,
        ground: Annotated[str, Form()],
        email: Annotated[str, Form()] = "",
        request_id: Annotated[str, Form()] = "",
        note: Annotated[str, Form()] = "",
        start: Annotated[str, Form()] = "",
    ) -> Any:
        """Art. 21: the objection on its ground; the run gets the request id and the ground."""
        same_origin(request)
        require_dpo(user)
        led, _ = store
        try:
            done = service.objection(
                led,
                settings.datamap(),
                email=email,
                request_id=request_id,
                ground=ground,
                note=note,
                now=settings.now(),
            )
        except service.DeskInputError as exc:
            return rights_page(
                request,
                user,
                status=422,
                form={"request_id": request_id.strip()[:32], "note": note},
                error=str(exc),
            )
        return start_rights_run(request, user, led, done, start)

    def passphrase_page(request: Request, user: DeskUser, **context) -> Any:
        response = page(request, "passphrase.html.j2", user, **context)
        response.headers["Cache-Control"] = "no-store"  # shown once: no copy in a cache
        return response

    @app.get("/passphrase", response_class=HTMLResponse)
    def passphrase_form(request: Request, user: User, request_id: str = "") -> Any:
        return passphrase_page(
            request, user, form={"request_id": request_id.strip()[:32]}, shown=None
        )

    @app.post("/passphrase", response_class=HTMLResponse)
    def passphrase(
        request: Request, user: User, store: Store, request_id: Annotated[str, Form()]
    ) -> Any:
        """The passphrase of a delivered package, shown once to a DPO, then cleared."""
        same_origin(request)
        require_dpo(user)
        _, engine = store
        form = {"request_id": request_id.strip()[:32]}
        try:
            shown = service.show_passphrase(engine, request_id, by=user.name, now=settings.now())
        except service.DeskInputError as exc:
            return passphrase_page(request, user, status=422, form=form, shown=None, error=str(exc))
        return passphrase_page(request, user, form=form, shown=shown)

    @app.get("/holds", response_class=HTMLResponse)
    def holds(request: Request, user: User, store: Store) -> Any:
        led, _ = store
        return page(
            request,
            "holds.html.j2",
            user,
            holds=service.holds(led, settings.now(), show_identity=user.is_dpo),
            scope=settings.datamap().holds.scope,
        )

    @app.post("/holds")
    def place_hold(
        request: Request,
        user: User,
        store: Store,
        reason: Annotated[str, Form()],
        citation: Annotated[str, Form()],
        subject: Annotated[str, Form()] = "",
        record: Annotated[str, Form()] = "",
        until: Annotated[str, Form()] = "",
    ) -> Any:
        same_origin(request)
        require_dpo(user)
        led, _ = store
        try:
            hold = service.place_hold(
                led,
                settings.datamap(),
                subject=subject,
                record=record,
                reason=reason,
                citation=citation,
                until=until,
                by=user.name,
                now=settings.now(),
            )
        except service.DeskInputError as exc:
            return back(request, "/holds", error=str(exc))
        return back(request, "/holds", message=f"legal hold {hold.id} placed")

    @app.post("/holds/{hold_id}/lift")
    def lift_hold(
        request: Request,
        user: User,
        store: Store,
        hold_id: int,
        reason: Annotated[str, Form()] = "",
    ) -> Any:
        same_origin(request)
        require_dpo(user)
        led, _ = store
        try:
            service.lift_hold(led, hold_id, reason=reason, by=user.name)
        except service.DeskInputError as exc:
            return back(request, "/holds", error=str(exc))
        except Exception as exc:
            if type(exc).__name__ == "RecordNotFoundError":
                raise HTTPException(status_code=404, detail=str(exc)) from None
            raise
        return back(request, "/holds", message=f"legal hold {hold_id} lifted")

    @app.get("/evidence", response_class=HTMLResponse)
    def evidence(request: Request, user: User, store: Store) -> Any:
        from gdpr.airflow.hooks import ledger_audit

        _, engine = store
        datamap = settings.datamap()
        try:  # the chain against its published heads, as `gdpr ledger verify` checks it
            audit, audit_error = ledger_audit(datamap, engine=engine, s3=settings.s3_client), None
        except RuntimeError as exc:  # the anchor bucket or a key cannot be read
            audit, audit_error = None, str(exc)
        try:
            objects = service.report_objects(settings.s3_client(datamap.reports.conn_id), datamap)
            objects_error = None
        except Exception as exc:
            objects, objects_error = [], type(exc).__name__
        recent = service.recent_evidence(engine)
        return page(
            request,
            "evidence.html.j2",
            user,
            audit=audit,
            audit_error=audit_error,
            objects=objects,
            objects_error=objects_error,
            recent=recent,
            quote=partial(quote, safe=""),
        )

    @app.get("/evidence/file")
    def evidence_file(user: User, key: str) -> Response:
        datamap = settings.datamap()
        try:
            body, content_type = service.read_report(
                settings.s3_client(datamap.reports.conn_id), datamap, key
            )
        except service.DeskInputError as exc:
            raise HTTPException(status_code=404, detail=str(exc)) from None
        return Response(body, media_type=content_type)

    @app.get("/charts", response_class=HTMLResponse)
    def chart_page(request: Request, user: User, store: Store) -> Any:
        _, engine = store
        now = settings.now()
        stats = service.request_stats(engine, now)
        purged = service.series_by_month(engine, service.PURGE_ACTIONS, now)
        findings = service.series_by_month(
            engine, [service.MINIMISATION_ACTION], now, by_category=True
        )
        labels = stats["months"]
        return page(
            request,
            "charts.html.j2",
            user,
            received=charts.bar_chart(
                "Requests received per month", labels, [stats["received"][m] for m in labels]
            ),
            answered=charts.days_to_answer_chart(
                "Days to answer, against each request's legal limit", labels, stats["answered"]
            ),
            late=sum(a["days"] > a["limit"] for a in stats["answered"]),
            answered_count=len(stats["answered"]),
            purged=charts.line_chart("Records purged per rule", labels, purged["series"]),
            findings=charts.line_chart(
                "Minimisation findings per category", labels, findings["series"]
            ),
        )

    return app
