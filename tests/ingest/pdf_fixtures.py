"""PDF fixtures generated with fpdf2 (nothing binary is committed)."""
from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

HEADER = "Rural Transport Alliance - Evidence to the Transport Committee"

PARAGRAPHS = [
    "We welcome the opportunity to respond to the committee's inquiry into rural bus services. Our members "
    "run community transport schemes across forty counties and see every day how the loss of a single route "
    "can cut people off from work, school and health care.",
    "Since 2015 more than a quarter of supported bus routes in rural areas have been withdrawn. The current "
    "organisation of funding, split between several budgets with different rules, makes it hard for councils "
    "to plan services beyond a single year.",
    "Older people are hit hardest. Many no longer drive, and a missed hospital appointment can lead to a "
    "longer stay later. Volunteers fill some of the gap, but they cannot replace a timetabled service.",
    "Young people face similar barriers. Apprenticeships and college courses are often out of reach without "
    "a car, and a return taxi fare can cost more than a day's wages for a trainee.",
]
RECOMMENDATIONS = [
    "The Department for Transport should guarantee multi-year funding for supported bus routes.",
    "Councils should publish the number of journeys lost each year.",
    "Community transport operators should be able to bid for local contracts.",
]


class _Letter(FPDF):
    """A page with a running header and a 'Page N of M' footer."""

    def header(self) -> None:
        self.set_font("Helvetica", size=9)
        self.cell(0, 6, HEADER, align="R", new_x="LMARGIN", new_y="NEXT")
        self.ln(6)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")


def _para(pdf: FPDF, text: str, after: float = 4) -> None:
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(after)


def submission_pdf(path: Path, *, title: str | None = "Evidence on rural buses", author: str | None = "Jane Doe") -> Path:
    """Three pages: a heading, paragraphs, a hyphenated line break, a numbered list with a lead-in and a nested item."""
    pdf = _Letter()
    pdf.set_auto_page_break(True, margin=25)
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)

    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, "Summary of our evidence", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for text in PARAGRAPHS[:2]:
        _para(pdf, text)
    # a word hyphenated across a line break, in the middle of a paragraph
    pdf.multi_cell(0, 5, "Our survey of 1,200 passengers found that the organi-", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 5, "sation of timetables matters as much as the number of buses.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    pdf.add_page()
    for text in PARAGRAPHS[2:]:
        _para(pdf, text)
    _para(pdf, "We recommend that:", after=1)
    for i, rec in enumerate(RECOMMENDATIONS, 1):
        pdf.multi_cell(0, 5, f"{i}. {rec}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    pdf.set_x(pdf.l_margin + 10)
    pdf.multi_cell(0, 5, "a. including journeys on demand-responsive services.", new_x="LMARGIN", new_y="NEXT")

    pdf.add_page()
    _para(pdf, "We would be happy to give oral evidence to the committee. Please contact our policy team for "
               "further detail on any of the points above.")
    pdf.output(str(path))
    return path


def two_paragraph_pdf(path: Path, *, encryption: tuple[str, str] | None = None) -> Path:
    """One page, two paragraphs; ``encryption`` = (owner password, user password)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    _para(pdf, PARAGRAPHS[0])
    _para(pdf, PARAGRAPHS[1])
    if encryption:
        pdf.set_encryption(owner_password=encryption[0], user_password=encryption[1])
    pdf.output(str(path))
    return path


def no_text_pdf(path: Path) -> Path:
    """A page with only a drawn rectangle and an image: no text layer."""
    from PIL import Image

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")
    pdf.image(Image.new("RGB", (40, 20), (200, 30, 30)), x=20, y=90, w=40)
    pdf.output(str(path))
    return path
