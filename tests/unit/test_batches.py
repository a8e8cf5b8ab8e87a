"""The one batching helper: IN-lists and transactions never exceed their size, nothing is lost."""

from gdpr.batches import chunks, rebatch


def test_chunks_cut_any_iterable_into_lists_of_at_most_the_size():
    assert list(chunks(iter(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunks((), 3)) == []


def test_rebatch_regroups_uneven_pages_without_losing_or_repeating_rows():
    pages = [[1], [2, 3, 4, 5], [], [6], [7, 8]]
    batches = list(rebatch(pages, 3))
    assert batches == [[1, 2, 3, 4, 5], [6, 7, 8]]
    assert list(rebatch([[1, 2], [3]], 5)) == [[1, 2, 3]]
