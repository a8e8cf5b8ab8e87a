"""Alert delivery through Airflow notifiers: e-mail (SMTP provider) and a chat webhook (HTTP).

The watch decides what to send and that it is sent once; this module only turns an ``Alert``
into a notifier call. Alerts carry ids, kinds and dates, never the subject's identity.
"""

from __future__ import annotations

from html import escape
from typing import Any

from gdpr.deadlines.watch import EMAIL, WEBHOOK, Alert


def send_alert(alert: Alert, *, email_conn_id: str, dag: Any = None) -> None:
    """Send one alert; raises on any delivery error so the watch releases its claim."""
    context = {"dag": dag}
    if alert.channel == EMAIL:
        from airflow.providers.smtp.notifications.smtp import SmtpNotifier

        SmtpNotifier(
            to=alert.recipient,
            subject=alert.title,
            html_content=_html(alert),
            smtp_conn_id=email_conn_id,
        )(context)
    elif alert.channel == WEBHOOK:
        from airflow.providers.http.notifications.http import HttpNotifier

        HttpNotifier(
            http_conn_id=alert.recipient,
            json={"text": alert.title, **alert.as_dict()},
            headers={"Content-Type": "application/json"},
        )(context)
    else:
        raise ValueError(f"unknown alert channel {alert.channel!r}")


def _html(alert: Alert) -> str:
    facts = alert.as_dict()
    rows = "".join(
        f"<tr><th align='left'>{escape(k)}</th><td>{escape(str(v))}</td></tr>"
        for k, v in facts.items()
    )
    action = (
        "Notify the supervisory authority, then record the submission (reference, time) in the "
        "breach's gdpr_breach_response run."
        if alert.clock.topic == "breach"
        else "Answer the request, or extend, refuse or close it with the gdpr_request_decision form."
    )
    return f"<p>{escape(alert.title)}</p><table>{rows}</table><p>{escape(action)}</p>"
