"""Minimisation findings and Data Docs expire (``reports.findings_days``): tagged, covered by a
lifecycle rule, and swept, every version, while summaries, certificates and registers stay."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from gdpr.ledger import Ledger
from gdpr.quality.publish import publish_dataset, store_summary, sweep_findings
from gdpr.quality.runner import check_dataset
from gdpr.reports.store import ReportStore
from tests.clock import TEST_NOW

pytestmark = pytest.mark.integration

RUN = "scheduled__2026-11-18T12:00:00+00:00"


def versions(s3, bucket: str, prefix: str) -> list[str]:
    listing = s3.list_object_versions(Bucket=bucket, Prefix=prefix)
    return sorted(
        v["Key"] for v in [*listing.get("Versions", []), *listing.get("DeleteMarkers", [])]
    )


def tags(s3, bucket: str, key: str) -> dict[str, str]:
    tag_set = s3.get_object_tagging(Bucket=bucket, Key=key)["TagSet"]
    return {t["Key"]: t["Value"] for t in tag_set}


def publish(demo_org, store: ReportStore, docs: Path, run_id: str, now):
    outcome = check_dataset(
        demo_org.datamap, "crm.notes", demo_org.crm, now=TEST_NOW, docs_dir=docs
    )
    return publish_dataset(
        outcome,
        store=store,
        ledger=Ledger(demo_org.ledger),
        docs_dir=docs,
        run_id=run_id,
        run_pk=None,
        now=now,
    )


def test_findings_and_data_docs_expire_every_version_and_the_rest_stays(demo_org, tmp_path):
    s3, reports = demo_org.s3, demo_org.datamap.reports
    s3.put_bucket_versioning(Bucket=reports.bucket, VersioningConfiguration={"Status": "Enabled"})
    store = ReportStore(s3, reports)
    summary = publish(demo_org, store, tmp_path / "docs", RUN, TEST_NOW)
    publish(demo_org, store, tmp_path / "docs", RUN, TEST_NOW)  # a rerun: second versions
    later = publish(
        demo_org, store, tmp_path / "later", "scheduled__later", TEST_NOW + timedelta(days=30)
    )
    kept = [
        store_summary(store, "<p>1 dataset, 2 findings</p>", RUN).key,
        store.put("erasure/R-2026-000001/certificate.html", "<h1>Certificate</h1>").key,
    ]
    findings = summary["findings_csv"]
    folder = findings.rsplit("/", 1)[0] + "/"
    files = sorted(set(versions(s3, reports.bucket, folder)))
    assert findings in files
    assert summary["docs"] in files, "the Data Docs site is stored beside the findings"
    assert len(files) > 2

    # tagged with the map's default of 90 days, and a lifecycle rule on those tags
    assert reports.findings_days == 90
    assert tags(s3, reports.bucket, findings) == {
        "gdpr-expires-at": "2027-02-16T12:00:00Z",
        "gdpr-expiry-days": "90",
    }
    assert summary["expires_at"] == "2027-02-16T12:00:00Z"
    assert all(tags(s3, reports.bucket, key)["gdpr-expiry-days"] == "90" for key in files)
    rules = s3.get_bucket_lifecycle_configuration(Bucket=reports.bucket)["Rules"]
    (rule,) = [r for r in rules if r["ID"] == "gdpr-findings-expiry-90d"]
    assert rule["Expiration"] == {"Days": 90}
    assert rule["NoncurrentVersionExpiration"] == {"NoncurrentDays": 1}
    assert rule["Filter"]["And"]["Tags"] == [{"Key": "gdpr-expiry-days", "Value": "90"}]

    # before the end: nothing goes but the versions the rerun replaced
    assert sweep_findings(store, TEST_NOW + timedelta(days=89)) == 0
    assert sorted(versions(s3, reports.bucket, folder)) == files
    # after it: every version of the run's findings and docs, nothing else
    assert sweep_findings(store, TEST_NOW + timedelta(days=91)) == len(files)
    assert versions(s3, reports.bucket, folder) == []
    for key in kept:
        assert versions(s3, reports.bucket, key) == [key], "summaries and certificates stay"
    assert later["findings_csv"] in versions(s3, reports.bucket, later["findings_csv"])


def test_the_data_map_sets_how_long_findings_stay(demo_org, tmp_path):
    reports = demo_org.datamap.reports.model_copy(update={"findings_days": 7})
    store = ReportStore(demo_org.s3, reports)
    summary = publish(demo_org, store, tmp_path / "docs", RUN, TEST_NOW)
    assert tags(demo_org.s3, reports.bucket, summary["findings_csv"]) == {
        "gdpr-expires-at": "2026-11-25T12:00:00Z",
        "gdpr-expiry-days": "7",
    }
    assert sweep_findings(store, TEST_NOW + timedelta(days=6)) == 0
    assert sweep_findings(store, TEST_NOW + timedelta(days=8)) > 0
    assert versions(demo_org.s3, reports.bucket, summary["findings_csv"]) == []
