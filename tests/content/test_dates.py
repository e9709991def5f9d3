import datetime as dt

import pytest

from briefgen.content.dates import PartialDate


@pytest.mark.parametrize(
    ("text", "precision", "human", "first", "last"),
    [
        ("2025-07-03", "day", "3 July 2025", dt.date(2025, 7, 3), dt.date(2025, 7, 3)),
        ("2025-02", "month", "February 2025", dt.date(2025, 2, 1), dt.date(2025, 2, 28)),
        ("2024", "year", "2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("~2025-05", "month", "c. May 2025", dt.date(2025, 5, 1), dt.date(2025, 5, 31)),
    ],
)
def test_precision_is_kept(text, precision, human, first, last) -> None:
    date = PartialDate.parse(text)
    assert (date.precision, date.human(), date.first_day, date.last_day) == (
        precision,
        human,
        first,
        last,
    )
    assert date.iso() == text


@pytest.mark.parametrize("text", ["2025-7-3", "July 2025", "2025-02-30", "2025-00"])
def test_bad_dates_are_refused(text) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_dates_of_different_precision_order_by_the_days_they_cover() -> None:
    dates = [PartialDate.parse(t) for t in ("2025-03-05", "~2025-03", "2025", "2025-02-28")]
    assert [d.iso() for d in sorted(dates)] == ["2025", "2025-02-28", "~2025-03", "2025-03-05"]
