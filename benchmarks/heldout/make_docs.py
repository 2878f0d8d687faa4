"""Regenerate the binary documents of the held-out set (PDF, DOCX, EML) from the text held here.

    /work/main/.venv/bin/python benchmarks/heldout/make_docs.py [OUT_DIR]

OUT_DIR defaults to benchmarks/heldout/docs. The plain-text documents of the set (.txt, .md, .html,
.csv) are stored as they are and are not generated. `source_text(name)` returns the readable text of
a generated document (block texts joined by blank lines, list numbers and bullets left out), which
validate.py uses to check that every gold ask occurs in its document.
"""
from __future__ import annotations

import sys
import textwrap
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Blocks: (kind, text). kinds: title, h (heading), p (paragraph), num (numbered list item),
# bullet (bulleted list item), small (small print / address lines).

# ---------------------------------------------------------------------------------------------
# 1. PDF consultation response (health): multi-page, header line on every page, "Page N" footers.
URGENT_CARE_HEADER = "Patient Voice Northshire - Response to 'Reshaping Urgent Care in Northshire' - March 2025"
URGENT_CARE = [
    ("title", "Response to the consultation 'Reshaping Urgent Care in Northshire'"),
    ("small", "Submitted to: Northshire Integrated Care Board (the ICB), Engagement Team, Castlebridge House, Castlebridge CB1 4RT"),
    ("small", "Submitted by: Patient Voice Northshire, 12 Market Street, Wexley WX2 7AP"),
    ("h", "1. About Patient Voice Northshire"),
    ("p", "Patient Voice Northshire is an independent charity that gathers the views of people who use health and care services across the county. We have operated since 2013 and are funded through contracts with Northshire County Council and Castlebridge City Council. This response draws on 412 survey responses, six focus groups held in Hatherley, Oakmere and Wexley, and calls to our enquiries line between October 2024 and January 2025."),
    ("h", "2. Summary of the proposals"),
    ("p", "The ICB proposes to close the minor injuries units at Hatherley and Oakmere Community Hospitals and to concentrate urgent treatment at two new urgent treatment centres in Castlebridge and Wexley. According to the consultation document, the change would allow both centres to open for 15 hours a day, seven days a week, and to offer X-ray on every shift. The ICB's modelling suggests that attendances at the new centres should rise steadily as awareness grows, easing pressure on the emergency department at Castlebridge General Hospital."),
    ("p", "In principle we support the creation of urgent treatment centres with consistent opening hours and diagnostic services. Patients told us they value being seen quickly, and 68% of survey respondents said that access to X-ray was important or very important to them."),
    ("h", "3. What people told us about travel"),
    ("p", "Travel was by far the most common concern. Just over half of respondents (54%) said they would have to rely on a lift from a friend or relative to reach Wexley. Hatherley lies 23 miles from Wexley, the last bus leaves Wexley at 18:40 on weekdays and there is no Sunday service. Several focus group participants described journeys of more than two hours each way by public transport."),
    ("p", "One carer in Oakmere told us: \"If my husband falls in the evening I will have to call an ambulance, because there is simply no other way of getting him there.\""),
    ("p", "The travel analysis in the consultation document is based on drive times only. It does not consider the 17% of households in the Hatherley and Oakmere areas that do not have access to a car."),
    ("h", "4. Awareness of NHS 111"),
    ("p", "Under the proposals, patients would be encouraged to contact NHS 111 before travelling so that an arrival time can be booked. Many respondents had not heard of this option. Awareness was lowest among people aged over 75 and among people whose first language is not English. In our 2022 report on urgent care we recommended that the ICB publish weekly waiting times for each minor injuries unit, and these figures have been available on the ICB website since April 2023."),
    ("h", "5. Our recommendations"),
    ("p", "Patient Voice Northshire makes the following recommendations to the ICB."),
    ("num", "The ICB should publish a full travel impact assessment, including public transport journey times from every ward in the Hatherley and Oakmere areas, before it makes a final decision."),
    ("num", "A free or subsidised patient transport scheme should be commissioned for people who cannot reach the new centres by car."),
    ("num", "The minor injuries units at Hatherley and Oakmere must stay open until each urgent treatment centre has operated with its full staffing establishment for at least three months."),
    ("num", "We urge the ICB to run a targeted awareness campaign on booking through NHS 111, working with GP practices, community pharmacies and faith and community groups, with materials in the five most commonly spoken community languages."),
    ("num", "The ICB should monitor the effect of the changes on ambulance conveyances and on waiting times at Castlebridge General Hospital, and publish the results every six months."),
    ("num", "Consider keeping a nurse-led walk-in clinic at Oakmere Community Hospital on weekday evenings, which would meet much of the local demand at modest cost."),
    ("h", "6. Next steps"),
    ("p", "We would be grateful if the ICB could confirm in writing how our comments have been taken into account before its Board considers the decision-making business case on 14 May 2025. We will share the full, anonymised survey dataset with the ICB's engagement team, and we will continue to gather patients' experiences once the new centres open. We thank the ICB's engagement team for attending our focus groups and for answering participants' questions so openly."),
    ("p", "Janet Olufemi, Chief Executive, Patient Voice Northshire"),
]

# ---------------------------------------------------------------------------------------------
# 11. PDF letter from a water regulator (water supply / environment).
WATER_HEADER = "Office for Water Standards - Our ref: OWS/ENF/2024/117"
WATER = [
    ("title", "Office for Water Standards"),
    ("small", "Regent House, 40 Corporation Street, Castlebridge CB1 2WS"),
    ("small", "Sarah Okonjo, Chief Executive, Severnmoor Water Limited, Leyne Court, Wexley WX1 3HD"),
    ("small", "6 December 2024"),
    ("p", "Dear Ms Okonjo,"),
    ("h", "Supply interruptions in the Castlebridge and Wexley water resource zones, August 2024"),
    ("p", "Between 12 and 16 August 2024 more than 24,000 properties supplied by Severnmoor Water Limited (Severnmoor Water) in the Castlebridge and Wexley water resource zones lost supply or experienced very low pressure, some of them for more than 48 hours. Bottled water stations in Wexley did not open until the second day of the incident, and our review found that at least 1,100 customers on the Priority Services Register did not receive a delivery of bottled water within 24 hours."),
    ("p", "We have now completed our review of the incident report that you submitted on 30 September. We acknowledge the efforts of your operational staff, many of whom worked extended shifts in extreme temperatures, and the co-operation of your incident team with our investigators."),
    ("p", "Our review nevertheless identified serious failings in three areas: the company's demand forecasting ahead of the heatwave, its communication with customers and local resilience partners, and its support for customers in vulnerable circumstances. Compensation under the Guaranteed Standards Scheme should have been paid automatically to customers who were without water for more than 12 hours; in around 9,000 cases it was not. Leakage across the company's area was 18% above its performance commitment level in 2023-24, and an estimated 31 megalitres a day was lost through leaks in the Castlebridge zone during August."),
    ("p", "Under section 37 of the Water Industry Act 1991, every water undertaker must develop and maintain an efficient and economical system of water supply within its area."),
    ("p", "We require Severnmoor Water to take the following actions:"),
    ("num", "Submit a revised incident response plan for the Castlebridge and Wexley zones by 31 January 2025, including pre-agreed locations for bottled water stations."),
    ("num", "Ensure that every customer on the Priority Services Register who loses supply for more than 12 hours receives bottled water no later than 12 hours after the interruption begins."),
    ("num", "Pay compensation under the Guaranteed Standards Scheme to every eligible customer, including those who have not made a claim, by 28 February 2025."),
    ("num", "Publish a leakage recovery plan showing how the company will return to its performance commitment level by March 2026."),
    ("p", "Please confirm by 20 December 2024 that the company accepts these actions, and name the executive director who will be accountable for delivering them. We also ask you to provide monthly progress reports to our casework team until all of the actions have been completed."),
    ("p", "We will publish a summary of our findings on our website in January 2025. We will also consider whether formal enforcement action is appropriate once we have assessed the company's response."),
    ("p", "Yours sincerely,"),
    ("p", "Daniel Frost, Executive Director, Consumers and Casework, Office for Water Standards"),
]

# ---------------------------------------------------------------------------------------------
# 2. DOCX committee letter (youth services): "List Number" list after a lead-in, then a bullet list.
YOUTH = [
    ("title", "Harbourside City Council"),
    ("small", "Children and Young People Scrutiny Committee"),
    ("small", "Civic Offices, Quay Street, Harbourside HB1 2QS"),
    ("small", "12 February 2025"),
    ("small", "Councillor Priya Natarajan\nCabinet Member for Children and Young People\nHarbourside City Council"),
    ("p", "Dear Councillor Natarajan,"),
    ("h", "Review of open-access youth provision"),
    ("p", "Thank you for attending the Committee's meeting on 28 January, and for the candour with which you and your officers answered our questions."),
    ("p", "In September the Committee agreed to examine the future of open-access youth provision following the closure of four council-run youth centres since 2019. Over three evidence sessions we heard from young people, youth workers, the Harbourside Youth Council, Harbourside Police and voluntary sector providers, and we visited the Dockside Youth Hub and the mobile youth bus in Ferrybridge."),
    ("p", "The evidence was striking. Attendance at the remaining council-run centres has fallen by 31% since 2019, while referrals to the Early Help service for young people aged 11 to 17 have risen by 18% over the same period. Youth workers told us that young people in the northern wards now travel for up to 45 minutes to reach a centre, and members of the Youth Council described the loss of the Northgate centre as \u201closing the only warm, safe place open after school\u201d. Officers told us that the youth bus should be able to visit two further estates from April, once a second driver has been recruited."),
    ("p", "The Committee recognises the financial pressure on the Council and welcomes the decision to protect the youth bus budget in 2025/26. We were also impressed by the Dockside Youth Hub, where a partnership between the Council and three local charities has doubled weekly attendance in eighteen months."),
    ("h", "Our recommendations"),
    ("p", "Having considered the evidence, the Committee recommends that the Cabinet Member:"),
    ("num", "Commissions an independent needs assessment of open-access youth provision in every ward, to be completed before the 2026/27 budget is set."),
    ("num", "Brings forward proposals to reopen the Northgate centre, or an alternative building in the northern wards, for at least three evenings a week."),
    ("num", "Agrees a minimum youth work offer that every young person in the city can reach within 30 minutes by public transport."),
    ("num", "Works with the Harbourside Youth Council to co-design the new youth strategy, and reports back to this Committee on progress by July 2025."),
    ("num", "Explores a partnership with the Harbourside Community Foundation to attract match funding for detached youth work."),
    ("p", "In addition, the Committee requests:"),
    ("bullet", "a breakdown of attendance at each council-run youth centre by ward of residence for 2023/24 and 2024/25;"),
    ("bullet", "the current vacancy rate among qualified youth workers, and the number of posts covered by agency staff; and"),
    ("bullet", "details of any capital receipts expected from the sale of former youth centre buildings."),
    ("p", "We would appreciate a response to these recommendations, and the information above, by 14 April 2025, in line with the Council's scrutiny protocol."),
    ("p", "I am copying this letter to the Director of Children's Services and to the Chair of the Harbourside Youth Council."),
    ("p", "Yours sincerely,"),
    ("small", "Councillor Tom Reilly\nChair, Children and Young People Scrutiny Committee"),
]

# ---------------------------------------------------------------------------------------------
# 7. DOCX letter with NO asks (education): thanks, praise and background facts only.
SCHOOL = [
    ("title", "Castlebridge City Council"),
    ("small", "Education and Learning Directorate, The Guildhall, Castlebridge CB1 1GH"),
    ("small", "20 March 2025"),
    ("small", "Mrs Ruth Adeyemi\nHeadteacher\nSt Aidan's Church of England Primary School\nCanal Road, Castlebridge CB3 9LN"),
    ("p", "Dear Mrs Adeyemi,"),
    ("h", "Visit to St Aidan's Primary School, 13 March 2025"),
    ("p", "Thank you for welcoming me, the Cabinet Member for Education and two colleagues from the school improvement team to St Aidan's last Thursday. It was a genuine pleasure to spend a morning with your pupils and staff, and I am grateful to you for giving up so much of your time during a busy week."),
    ("p", "I was particularly struck by the breakfast club, which now serves around 120 children every morning. Your staff explained that attendance among pupils using the club has risen from 91.2% to 95.6% since it opened in September 2023, and that the number of children arriving late has fallen by more than half. These are remarkable improvements in a school where 47% of pupils are eligible for free school meals, more than double the national average."),
    ("p", "The Year 6 pupils who showed us around the new reading garden were confident, courteous and clearly proud of their school. Several of them told us about the book club run by volunteers from Castlebridge University, and one pupil explained with great enthusiasm how the club had led her to read all seven of the Narnia books. Last year your school council recommended that lunchtime should start ten minutes earlier for the youngest children, and it was good to see how smoothly that change is now working in the dining hall."),
    ("p", "Your latest inspection report, published in January, judged the school to be good in every area and highlighted the quality of early reading and the support for pupils with special educational needs. It noted that disadvantaged pupils now achieve in line with their peers in reading by the end of Key Stage 2, which places St Aidan's among the strongest schools in the city on that measure."),
    ("p", "The council's own figures show that take-up of free school meals across Castlebridge has risen from 82% to 89% of eligible pupils since we introduced automatic enrolment in 2023, and the projections prepared for the Schools Forum suggest that it should continue to rise as the scheme beds in. St Aidan's was one of the first schools to pilot automatic enrolment, and the lessons your office team shared with us were invaluable when the scheme was extended to every school in the city."),
    ("p", "I know that the last two years have brought real challenges, including the temporary closure of the hall after the roof leak in 2023 and the pressures that rising costs have placed on many families. The resilience and warmth of your school community were evident throughout our visit."),
    ("p", "My colleagues and I left with a great deal to think about, and with real admiration for what you and your team have achieved."),
    ("p", "Yours sincerely,"),
    ("small", "Dr Helen Carver\nDirector of Education and Learning, Castlebridge City Council"),
    ("small", "cc: Councillor Martin Hale, Cabinet Member for Education"),
]

# ---------------------------------------------------------------------------------------------
# 4. E-mail from a charity to a minister (energy / fuel poverty). Paragraphs, wrapped at 72.
EMAIL_HEADERS = {
    "From": "Dr Rachel Omondi <rachel.omondi@warmhomesnow.org.uk>",
    "To": "Minister for Energy Consumers <energyconsumers.minister@energy.gov.example>",
    "Cc": "Policy Team <policy@warmhomesnow.org.uk>",
    "Subject": "Prepayment meters and the Warm Home Discount - request for a meeting",
    "Message-ID": "<20250218094200.5521@warmhomesnow.org.uk>",
}
EMAIL_DATE = datetime(2025, 2, 18, 9, 42, tzinfo=timezone.utc)
EMAIL = [
    ("p", "Dear Minister,"),
    ("p", "I am writing on behalf of Warm Homes Now, the national charity that supports households struggling to heat their homes, following the publication of the latest fuel poverty statistics last week."),
    ("p", "The figures make difficult reading. An estimated 3.1 million households in England are now in fuel poverty, and our advice line took 18,400 calls between October and December, a 22% increase on the previous winter. Almost two in five callers were on prepayment meters, and one in four of those had self-disconnected at least once in the previous month, often for several days at a time."),
    ("p", "We welcomed the Government's decision last year to extend the Warm Home Discount to around 900,000 additional households, and our advisers report that automatic data-matching has worked well for pension-age households. Ofgem's 2023 review of involuntary prepayment installations also led to a welfare visit being required before any installation, and wrongful installations have fallen since. However, many working-age families with high energy needs are still missing out on support because they do not receive a qualifying means-tested benefit."),
    ("p", "We have three specific asks of the Government ahead of the next price cap period, which begins on 1 April."),
    ("p", "First, we urge you to ban the forced installation of prepayment meters in any household that includes a person aged over 75, a child under five or someone who depends on powered medical equipment."),
    ("p", "Second, we recommend that you require energy suppliers to write off debts built up by customers on the Priority Services Register as a result of the standing charge increases of 2022-23."),
    ("p", "Third, the eligibility criteria for the Warm Home Discount should be widened to include households receiving Carer's Allowance or the Personal Independence Payment."),
    ("p", "Would you be willing to meet us, together with two of our frontline advisers, before the end of March to discuss these proposals? Please let us know which dates would suit your diary. We would also be grateful if you could share the Department's latest estimate of the number of prepayment customers who self-disconnect each winter, as no official figure has been published since 2022."),
    ("p", "For our part, we will continue to share anonymised case studies from our advice line with your officials, and we would be delighted to host a visit to our Bradford advice centre at any time."),
    ("p", "Thank you for your attention to these issues."),
    ("p", "Yours sincerely,"),
    ("p", "Dr Rachel Omondi\nChief Executive, Warm Homes Now\nRegistered charity no. 1187342\n0113 496 0721 | www.warmhomesnow.org.uk"),
]

DOCS = {
    "urgent_care_consultation_response.pdf": URGENT_CARE,
    "water_supply_regulator_letter.pdf": WATER,
    "youth_services_scrutiny_letter.docx": YOUTH,
    "school_visit_thank_you_letter.docx": SCHOOL,
    "fuel_poverty_email_to_minister.eml": EMAIL,
}


def source_text(name: str) -> str:
    """Readable text of a generated document, as held in this script."""
    return "\n\n".join(text for _, text in DOCS[name])


# ---------------------------------------------------------------------------------------------
def make_pdf(blocks, header_line: str, path: Path) -> None:
    from fpdf import FPDF

    class Doc(FPDF):
        def header(self):
            self.set_font("Helvetica", "I", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 6, header_line, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)
            self.set_text_color(0, 0, 0)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 10, f"Page {self.page_no()}", align="C")

    pdf = Doc(format="A4")
    pdf.set_margins(25, 20, 25)
    pdf.set_auto_page_break(True, margin=22)
    pdf.set_title(blocks[0][1])
    pdf.add_page()
    n = 0
    for kind, text in blocks:
        text.encode("latin-1")  # core fonts only: keep the PDF text in Latin-1
        if kind == "title":
            pdf.set_font("Helvetica", "B", 15)
            pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif kind == "h":
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "small":
            pdf.set_font("Helvetica", "", 9.5)
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "num":
            n += 1
            pdf.set_font("Helvetica", "", 11)
            y = pdf.get_y()
            pdf.cell(8, 6.2, f"{n}.")
            pdf.set_xy(pdf.l_margin + 8, y)
            pdf.multi_cell(0, 6.2, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        else:
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, 6.2, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    pdf.output(str(path))


def make_docx(blocks, path: Path) -> None:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    for kind, text in blocks:
        if kind == "title":
            doc.add_heading(text, level=1)
        elif kind == "h":
            p = doc.add_paragraph()
            p.add_run(text).bold = True
        elif kind == "num":
            doc.add_paragraph(text, style="List Number")
        elif kind == "bullet":
            doc.add_paragraph(text, style="List Bullet")
        elif kind == "small":
            p = doc.add_paragraph()
            for i, line in enumerate(text.split("\n")):
                if i:
                    p.add_run().add_break()
                p.add_run(line)
        else:
            doc.add_paragraph(text)
    doc.core_properties.author = "Askmap held-out set"
    doc.save(str(path))


def make_eml(blocks, path: Path) -> None:
    paras = []
    for _, text in blocks:
        if "\n" in text:  # signature block: keep its lines
            paras.append(text)
        else:
            paras.append(textwrap.fill(text, width=72, break_long_words=False, break_on_hyphens=False))
    body = "\n\n".join(paras) + "\n"
    msg = EmailMessage()
    for k, v in EMAIL_HEADERS.items():
        msg[k] = v
    msg["Date"] = format_datetime(EMAIL_DATE)
    msg.set_content(body)
    path.write_bytes(bytes(msg))


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else HERE / "docs"
    out.mkdir(parents=True, exist_ok=True)
    make_pdf(URGENT_CARE, URGENT_CARE_HEADER, out / "urgent_care_consultation_response.pdf")
    make_pdf(WATER, WATER_HEADER, out / "water_supply_regulator_letter.pdf")
    make_docx(YOUTH, out / "youth_services_scrutiny_letter.docx")
    make_docx(SCHOOL, out / "school_visit_thank_you_letter.docx")
    make_eml(EMAIL, out / "fuel_poverty_email_to_minister.eml")
    for name in DOCS:
        print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
