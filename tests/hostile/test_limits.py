"""The limits themselves: exactly where they fall, and that they cost nothing below them."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.content import markup
from briefgen.content.yaml_values import MAX_DEPTH, parse_yaml


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


# Printable text: PyYAML writes some control characters bare that YAML then reads as breaks.
_text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=12)
_scalars = st.one_of(_text, st.integers(-(10**6), 10**6), st.booleans(), st.none())
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None, database=None)
@given(st.dictionaries(_text, _values, max_size=5))
def test_yaml_reads_back_what_was_written_with_a_line_for_every_key(data: dict) -> None:
    text = yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)
    value, lines, problems = parse_yaml(text, "x.yaml")
    assert problems == [] and value == data
    assert {loc[0] for loc in lines if len(loc) == 1} == set(data)
    assert all(1 <= line <= text.count("\n") + 1 for line in lines.values())


def test_yaml_nesting_stops_at_its_limit() -> None:
    assert parse_yaml("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1), "x")[2] == []
    [problem] = parse_yaml("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH, "x")[2]
    assert problem.message == f"YAML lists and mappings nested more than {MAX_DEPTH} levels deep"


@pytest.mark.parametrize(
    "text",
    ["a: &x 1\nb: *x\n", "a: !!binary aGk=\n", "a: !local 1\n", "a: &x [1]\n"],
)
def test_yaml_anchors_aliases_and_tags_are_refused(text: str) -> None:
    [problem] = parse_yaml(text, "x.yaml")[2]
    assert problem.path == "x.yaml" and problem.line == 1
    assert "are not allowed in content" in problem.message


def test_yaml_still_means_numbers_booleans_and_null() -> None:
    value = parse_yaml("a: 1\nb: true\nc: null\nd: '1'\ne: 2025-07-03\nf: |\n  1\n", "x")[0]
    assert value == {"a": 1, "b": True, "c": None, "d": "1", "e": "2025-07-03", "f": "1\n"}


def _nested(levels: int) -> str:
    return "**" * levels + "x" + "**" * levels


def test_markdown_limits_fall_exactly_where_they_say() -> None:
    depth = markup.MAX_INLINE_NESTING
    # Each pair of stars on either side makes one more level of strong emphasis.
    assert markup.inline_depth(_nested(depth)) == depth
    assert markup.check(_nested(depth))
    with pytest.raises(ValueError, match="nested 9 levels deep; at most 8"):
        markup.check(_nested(depth + 1))
    blocks = markup.MAX_BLOCKS
    assert markup.check("\n\n".join(["p"] * blocks))
    with pytest.raises(ValueError, match=f"at most {blocks} are allowed in one field"):
        markup.check("\n\n".join(["p"] * (blocks + 1)))


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a", True),
        ("HTTP://example.org", True),
        ("mailto:desk@example.org", True),
        ("#section", True),
        ("notes.txt", False),
        ("/etc/passwd", False),
        ("../x", False),
        ("//evil.example/x", False),
        ("https:/example.org", False),
        ("file:///etc/passwd", False),
        ("javascript:alert(1)", False),
        ("data:text/html,x", False),
    ],
)
def test_only_web_mail_and_in_document_links_are_kept(url: str, kept: bool) -> None:
    assert markup.link_is_safe(url) is kept
