"""The three-way merge and the text helpers, without a database."""

from core.merge import MISSING, fields_merge, rows_merge
from core.text import text_normalise, word_diff

BASE = {"summary": "oud", "lessons": "oud", "seat": ""}


def test_only_theirs_takes_theirs_only_yours_keeps_yours_both_is_a_conflict():
    theirs = {"summary": "van hen", "lessons": "oud", "seat": "Houten"}
    yours = {"summary": "oud", "lessons": "van mij", "seat": "Bunnik"}
    result = fields_merge(BASE, theirs, yours)
    assert result.values == {"summary": "van hen", "lessons": "van mij", "seat": "Bunnik"}
    assert result.conflicts == ["seat"] and result.theirs_changed == ["summary"]


def test_the_same_change_on_both_sides_is_no_conflict():
    assert fields_merge(BASE, BASE | {"seat": "X"}, BASE | {"seat": "X"}).conflicts == []


def test_without_a_base_every_difference_is_a_conflict():
    assert fields_merge(MISSING, BASE | {"seat": "X"}, BASE | {"summary": "Y"}).conflicts == [
        "summary",
        "seat",
    ]


def row(**values):
    return {"role": "partner", "note": ""} | values


def test_rows_added_deleted_and_changed_on_either_side():
    base = {"1": row(), "2": row(), "3": row(), "4": row()}
    theirs = {"1": row(role="host"), "3": row(note="hun"), "4": row(), "9": row(note="nieuw van hen")}
    yours = [
        {"id": "1", **row(note="mijn")},  # both changed different fields
        {"id": "2", **row(note="mijn")},  # they deleted it, you changed it
        # "3": you deleted it, they changed it; "4": you deleted it, unchanged by them
        {"id": None, **row(note="nieuw van mij")},
    ]
    merged = rows_merge(base, theirs, yours)
    by_status = {(r.id, r.status): r for r in merged.rows}
    assert by_status[("1", "changed_by_them")].values == row(role="host", note="mijn")
    assert by_status[("3", "you_deleted_they_changed")].deleted
    assert by_status[("9", "added_by_them")].values["note"] == "nieuw van hen"
    assert by_status[(None, "they_deleted_you_changed")].values["note"] == "mijn"
    assert by_status[(None, "")].values["note"] == "nieuw van mij"
    assert "4" not in {r.id for r in merged.rows}


def test_a_row_they_deleted_and_you_left_alone_stays_deleted():
    merged = rows_merge({"1": row(), "2": row()}, {"1": row()}, [{"id": "1", **row()}, {"id": "2", **row()}])
    assert [r.id for r in merged.rows] == ["1"] and merged.deleted_by_them == [row()]


def test_text_from_a_browser_is_normalised():
    assert text_normalise("\r\nEen  \r\ntwee\t\r\n\r\n") == "Een\ntwee"


def test_word_diff_marks_only_the_changed_words_and_cuts_long_context():
    old = " ".join(f"w{number}" for number in range(100))
    parts = word_diff(old, old.replace("w90", "nieuw"))
    assert ("delete", "w90") in parts and ("insert", "nieuw") in parts
    assert parts[0] == ("skip", "…") and "w10 " not in "".join(text for _, text in parts)


def test_a_rewritten_text_is_shown_as_old_and_new():
    assert word_diff("een twee drie", "vier vijf zes") == [
        ("delete", "een twee drie"),
        ("insert", "vier vijf zes"),
    ]
