"""Counts and versions a client sends are checked before use (issue 19, item 4)."""

import pytest

from core.client_numbers import MAX_FORMSET_ROWS, client_count, management_counts


@pytest.mark.parametrize(
    "posted, count",
    [
        ("3", 3),
        (" 7 ", 7),
        ("0", 0),
        (str(MAX_FORMSET_ROWS), MAX_FORMSET_ROWS),
        (str(MAX_FORMSET_ROWS + 1), None),
        ("20000000", None),
        ("9" * 5000, None),  # int() would refuse it only after a long parse, or raise
        ("abc", None),
        ("-1", None),
        ("1e9", None),
        ("1.5", None),
        ("٣", None),  # an Arabic-Indic three: int() takes it, a browser never sends it
        ("", None),
        (None, None),
    ],
)
def test_a_posted_count_is_a_plain_number_up_to_the_limit(posted, count):
    assert client_count(posted) == count


def test_management_counts_are_checked_together_and_initial_never_exceeds_total():
    assert management_counts({"p-TOTAL_FORMS": "2", "p-INITIAL_FORMS": "5"}, "p") == (2, 2)
    assert management_counts({"p-TOTAL_FORMS": "2", "p-INITIAL_FORMS": "abc"}, "p") is None
    assert management_counts({"p-INITIAL_FORMS": "1"}, "p") is None
