"""Every PDF is tagged (PDF/UA-1), PDF/A-3b and carries its brief as JSON, reproducibly."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections import Counter
from io import BytesIO
from pathlib import Path
from typing import Any

import pypdf
import pytest

from briefgen.content.load import load
from briefgen.render.json import brief_json
from briefgen.render.outputs import render_files
from tests.conftest import BUILT_AT, MINIMAL, brief_for, write_project

PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
PDFUAID = "{http://www.aiim.org/pdfua/ns/id/}"


def build(root: Path) -> dict[str, bytes]:
    brief = brief_for(root, "2025-07-03")
    [analyst] = [a for a in load(root).content.audiences if a.id == "analyst"]
    files = render_files(root, brief, analyst, ["pdf", "json"])
    return {name: data if isinstance(data, bytes) else data() for name, data in files.items()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    root = write_project(tmp_path_factory.mktemp("archival"), MINIMAL)
    return root, build(root)


@pytest.fixture(scope="module")
def reader(built) -> pypdf.PdfReader:
    return pypdf.PdfReader(BytesIO(built[1]["analyst.pdf"]))


def structure(element: Any, found: Counter[str], alts: list[str]) -> None:
    """Count the structure types under `element`; collect the figures' alternate text."""
    element = element.get_object()
    if "/S" in element:
        found[str(element["/S"])] += 1
        if element["/S"] == "/Figure":
            alts.append(str(element.get("/Alt", "")))
    kids = element.get("/K", [])
    for kid in kids if isinstance(kids, list) else [kids]:
        if not isinstance(kid, int):  # an int is marked content, not an element
            structure(kid, found, alts)


def test_pdf_is_tagged_with_headings_and_a_described_figure(reader) -> None:
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert root["/Lang"] == "en"
    found: Counter[str] = Counter()
    alts: list[str] = []
    structure(root["/StructTreeRoot"], found, alts)
    assert found["/Document"] == 1 and found["/H1"] == 1
    assert found["/H2"] >= 5 and found["/H3"] >= 1  # the sections and the track
    assert found["/Table"] >= 1 and found["/TH"] >= 1 and found["/L"] >= 1
    assert found["/Figure"] == 1
    assert alts[0].startswith("Status of each track, 2 May 2025 to 3 July 2025.")
    assert "Alpha–Beta talks: stalled since 2 July 2025" in alts[0]


def test_xmp_identifies_pdf_a_3b_and_pdf_ua_1(reader) -> None:
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    rdf = ET.fromstring(xmp.split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])
    values = {k: v for d in rdf.iter() for k, v in d.attrib.items()}
    assert values[f"{PDFAID}part"] == "3" and values[f"{PDFAID}conformance"] == "B"
    assert values[f"{PDFUAID}part"] == "1"
    # One rdf:RDF in the packet, as XMP requires: the PDF/UA part is added to it.
    assert len(rdf.findall(".//{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF")) == 1
    [intent] = reader.trailer["/Root"]["/OutputIntents"]
    assert intent["/S"] == "/GTS_PDFA1"
    assert reader.pdf_header == "%PDF-1.7"


def test_pdf_carries_the_brief_json_as_data(built, reader) -> None:
    root, files = built
    assert list(reader.attachments) == ["analyst.json"]
    [data] = reader.attachments["analyst.json"]
    assert data == files["analyst.json"]  # the same bytes as the JSON file beside it
    assert json.loads(data) == json.loads(brief_json(brief_for(root, "2025-07-03")))
    [spec] = reader.trailer["/Root"]["/AF"]
    spec = spec.get_object()
    assert spec["/AFRelationship"] == "/Data" and spec["/UF"] == "analyst.json"
    params = spec["/EF"]["/F"].get_object()["/Params"]
    assert params["/CreationDate"] == params["/ModDate"] == "D:20250704093000Z"


def test_pdf_dates_and_identifier_are_pinned(built, reader) -> None:
    assert reader.metadata.creation_date.replace(tzinfo=dt.UTC) == BUILT_AT
    assert reader.metadata.modification_date.replace(tzinfo=dt.UTC) == BUILT_AT
    revision = json.loads(built[1]["analyst.json"])["meta"]["revision"]
    assert reader.trailer["/ID"][0] == revision
    # The same brief built again gives the same bytes.
    assert build(built[0])["analyst.pdf"] == built[1]["analyst.pdf"]
