"""The host name an Airflow process of the distributed test reports (``[core] hostname_callable``).

The two Celery workers run on this one machine; each says which "machine" it plays
(``GDPR_TEST_HOST``), so the task instances show which worker ran them.
"""

from __future__ import annotations

import os
import socket


def host_name() -> str:
    return os.environ.get("GDPR_TEST_HOST") or socket.getfqdn()
