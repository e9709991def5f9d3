"""Every PDF archival and accessible: PDF/A-3b, tagged for PDF/UA-1, carrying its brief as JSON.

WeasyPrint 70 writes one `pdf_variant` at a time: we ask for PDF/A-3b (which allows
attachments of any type), turn tagging on (the structure tree PDF/UA needs; PDF/A-3b does not
turn it on by itself) and add PDF/UA-1's identification to the XMP that the variant writes.
Every date in the file is the brief's build time, so the same brief built with the same
SOURCE_DATE_EPOCH gives the same bytes.

WeasyPrint is imported only when a PDF is written, as in `pdf`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

VARIANT = "pdf/a-3b"
UA_PART = "1"


@dataclass(frozen=True)
class Enclosure:
    """The resolved brief as JSON, to travel inside its PDF."""

    name: str
    """Its file name in the PDF, such as `analyst.json`."""
    data: bytes
    built_at: dt.datetime
    """Its creation and modification date: the brief's, not the clock's."""
    revision: str
    """The brief's revision, the permanent half of the PDF's file identifier."""


def write_archival(document: Any, enclosure: Enclosure | None) -> bytes:
    """A laid-out WeasyPrint document as a tagged PDF/A-3b, with its enclosure attached."""
    import weasyprint

    _identify_as_ua(document.metadata)
    options: dict[str, Any] = {"pdf_variant": VARIANT, "pdf_tags": True}
    if enclosure is not None:
        when = enclosure.built_at.astimezone(dt.UTC)  # WeasyPrint writes the time as UTC
        options["attachments"] = [
            weasyprint.Attachment(
                string=enclosure.data,
                url_fetcher=document.url_fetcher,
                name=enclosure.name,
                description="The resolved brief as JSON: what this PDF shows, as data",
                created=when,
                modified=when,
                relationship="Data",
            )
        ]
        # The revision names what the brief shows; the second half stays a hash of the bytes.
        options["pdf_identifier"] = enclosure.revision.encode()
    return bytes(document.write_pdf(finisher=_one_entry_per_file, **options))


def _one_entry_per_file(document: Any, pdf: Any) -> None:
    """List each attachment once in the catalog's /AF: WeasyPrint 70 adds it twice, once from
    the embedded-files name tree and once as a file specification."""
    if "AF" in pdf.catalog:
        unique = list(dict.fromkeys(pdf.catalog["AF"]))
        pdf.catalog["AF"].clear()
        pdf.catalog["AF"].extend(unique)


def _identify_as_ua(metadata: Any) -> None:
    """Add `pdfuaid:part` to the XMP packet the PDF/A variant writes.

    WeasyPrint builds the packet in `generate_rdf_metadata` and identifies only the variant
    asked for; wrapping that one method of this document's metadata keeps a single rdf:RDF
    element, as XMP requires, instead of appending a second one.
    """
    from xml.etree import ElementTree

    from weasyprint.pdf.metadata import NS

    original = metadata.generate_rdf_metadata

    def generate(variant: str, version: int, conformance: str | None) -> bytes:
        rdf = ElementTree.fromstring(original(variant, version, conformance))
        attributes = {f"{{{NS['rdf']}}}about": "", f"{{{NS['pdfuaid']}}}part": UA_PART}
        ElementTree.SubElement(rdf, f"{{{NS['rdf']}}}Description", attributes)
        return ElementTree.tostring(rdf, encoding="utf-8")

    metadata.generate_rdf_metadata = generate
