"""Art. 19 recipients come from the purposes of the datasets that changed, once per address."""

from __future__ import annotations

from gdpr.erasure.notify import recipients_for


def test_one_notice_per_address_with_every_purpose_it_received_data_for(datamap):
    notices = recipients_for(datamap, ["crm.customers", "crm.payments"])
    addresses = [n.recipient for n in notices]
    assert len(addresses) == len(set(addresses))
    expected = {
        r.notify
        for p in {*datamap.dataset("crm.customers").dataset.purposes, "payment_disputes"}
        for r in datamap.purpose(p).recipients
        if r.notify
    }
    assert set(addresses) == expected
    both = next(n for n in notices if len(n.purposes) > 1)
    assert len(set(both.purposes)) == len(both.purposes)


def test_recipients_without_a_notify_address_or_of_other_purposes_are_left_out(datamap):
    notices = recipients_for(datamap, ["crm.call_recordings"])
    assert notices == [], "the call-quality purpose lists no recipient to notify"
    billing = {n.recipient for n in recipients_for(datamap, ["crm.invoices"])}
    names = {r.name for r in datamap.purpose("billing").recipients if not r.notify}
    assert names, "the demo map has a recipient without a notify address"
    assert all("@" in a for a in billing)
