"""Write and validate gold_asks.jsonl for the heldout2 set.

Labels were written by hand from the documents only (not from the extractor
or the first held-out set). Run: python3 build_gold.py
It writes gold_asks.jsonl next to this file and checks that every "text"
occurs literally in its document (for HTML: in the visible text, with
script/style/head removed and entities unescaped, whitespace collapsed).
"""
import html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"

R, Q, P, C = "recommendation", "request", "pledge", "commitment"

GOLD = []


def add(doc, org, addressee, typ, *texts, **extra):
    for t in texts:
        rec = {"doc": doc, "text": t, "type": typ, "addressee": addressee,
               "author_org": org, "themes": []}
        rec.update(extra)
        GOLD.append(rec)


# 1. Council letter to a government department (rural broadband)
d, o = "northmoor_council_broadband.txt", "Northmoor District Council"
dept = "Department for Digital Infrastructure and Connectivity"
add(d, o, dept, R,
    "We urge the Department to publish a revised, premises-level delivery schedule for the Northern Uplands lot by the end of June 2024.",
    "The premises removed from the intervention area should be restored to it unless a commercial operator makes a binding commitment to serve them within 18 months.",
    "require the supplier to report monthly to local authorities on premises connected, premises delayed and premises removed from scope",
    "set aside a dedicated fund for the hardest-to-reach 5 per cent of premises, including support for fixed wireless and satellite connections",
    "reopen the rural gigabit voucher scheme to small businesses in areas where contracted delivery has slipped by more than a year",
    "consult parish councils before making any further changes to the intervention area.")
add(d, o, dept, C,
    "For our part, the Council will continue to fund its two digital inclusion officers until March 2026 and will share its own address-level survey of connection speeds with your officials.")
add(d, o, dept, Q,
    "I would be grateful if you could confirm, by 30 April 2024, whether the Department intends to retender any part of the Northern Uplands lot.",
    "I would also like to invite you, or a senior member of your team, to visit Castleburn so that you can see the situation for yourselves.")

# 2. E-mail (arts and museums funding)
d, o = "harbour_museums_email.txt", "Westhaven Harbour Museums Trust"
council, frost = "Westhaven City Council", "Cllr Daniel Frost"
add(d, o, council, R,
    "With that in mind, we would urge the council to phase any reduction over three years rather than applying it in one step.",
    "The council should also honour the 2019 funding agreement, which provides for twelve months' notice of any change to the grant of more than 10 per cent.")
add(d, o, frost, R,
    "More broadly, we would like to see the city's cultural strategy refreshed before any further budget decisions are made, so that museums, libraries and the arts are considered together rather than as separate lines in the budget.")
add(d, o, frost, C,
    "On our side, we will open our management accounts in full to the council's finance officers, and we are already exploring a shared collections store with Eastmoor Museums to bring down storage costs.",
    "The trustees have also agreed to launch a public giving campaign this autumn with a target of £60,000.")
add(d, o, frost, Q,
    "Could you let me know whether the settlement will now be taken at Cabinet on 23 April or deferred to the May meeting?",
    "Please could you also send us the equality impact assessment for the culture budget once it has been completed.",
    "Finally, we'd love to invite you to the opening of the Maritime Hall on Saturday 18 May.")

# 3. Markdown consultation submission (adult skills / FE)
d, o = "northern_colleges_skills_consultation.md", "Northern Colleges Alliance"
dept = "Department for Skills and Lifelong Learning"
add(d, o, dept, R,
    "The Department should remove the proposed upper age limit of 45 for modular loans, so that older workers can retrain throughout their working lives.",
    "The funding rules should not penalise colleges when adult learners withdraw within the first six weeks because of changes to their shift patterns or caring responsibilities.",
    "fully fund all first Level 2 and Level 3 qualifications for adults, regardless of age",
    "allow modules to be taken part-time over up to four years without loss of entitlement",
    "publish eligibility guidance in plain English, tested with adult learners, before the entitlement opens.")
add(d, o, "Government", R,
    "The Government should legislate to require employers with more than 250 staff to give employees paid time off to study towards their first Level 3 qualification.")
add(d, o, dept, R,
    "We would welcome a clear statement from the Department that no adult will be asked to take out a loan for a course below Level 3.",
    "However, the account must not be the only route in.",
    "The Department must ensure that colleges are funded to provide face-to-face support with applications.")
add(d, o, dept, C,
    "the Alliance will share anonymised enrolment and completion data from its member colleges with the Department each term",
    "our research group is currently designing a tracking study of 2,000 adult learners, to run from 2024 to 2027.")

# 4. Select committee transcript (prisons and probation)
d = "justice_committee_probation_transcript.txt"
rf, npa, jc = "Resettlement Futures", "National Probation and Prisons Agency", "Justice Committee"
okafor = "Dr Ruth Okafor (Chief Executive)"
ellison = "Mark Ellison (Director of Probation Operations)"
add(d, rf, npa, R,
    "The Agency should end Friday releases for anyone who does not have confirmed accommodation.",
    "The Agency should also make sure that every prison has a resettlement worker on site on release days, including weekends.",
    speaker=okafor)
add(d, npa, None, C,
    "We are currently recruiting 1,500 trainee probation officers over the next two years, and we will bring average caseloads down to 45 by March 2025.",
    speaker=ellison)
add(d, jc, "Mark Ellison", Q,
    "Will you publish those caseload figures by region each quarter so that the Committee can track progress?",
    speaker="Kirsty Adeyemi (Member)")
add(d, npa, None, C, "Yes, we will.", speaker=ellison)
add(d, rf, "Government", R,
    "First, the Government must guarantee that everyone leaves prison with a bank account, proof of identity and a prescription for any medication they need.",
    speaker=okafor)
add(d, rf, npa, R,
    "Secondly, I would like to see the Agency put probation and housing officers in the same offices, as it did in the Eastbridge pilot.",
    speaker=okafor)
add(d, rf, "ministers", R,
    "Thirdly, ministers should protect the funding for voluntary sector resettlement contracts beyond 2025; at the moment we cannot plan more than a few months ahead.",
    speaker=okafor)
add(d, npa, None, C,
    "We are currently identifying six further sites where probation and housing teams can share premises, and I expect to announce the first of them in the summer.",
    speaker=ellison)
add(d, jc, "Mark Ellison", Q,
    "Mr Ellison, would you write to the Committee setting out how many releases in the last year took place on a Friday, and how many of those people had no accommodation?",
    speaker="Sir Alan Pryce (Chair)")
add(d, npa, None, C,
    "I will write to the Committee with those figures before the Easter recess.",
    speaker=ellison)
add(d, rf, jc, R,
    "I would urge the Committee to recommend a statutory duty on local authorities to provide emergency accommodation for people on the day of release.",
    speaker=okafor)

# 5. HTML charity briefing (animal welfare)
d, o = "greyfield_puppy_bill_briefing.html", "Greyfield Animal Welfare Trust"
mps = "Members of Parliament"
add(d, o, mps, R,
    "We urge all MPs to attend the Second Reading debate on 2 February and to vote for the Bill.",
    "support the Bill at Second Reading and serve on its Public Bill Committee if invited",
    "press for an amendment requiring online marketplaces to verify a seller's licence number before an advert goes live",
    "table written questions on how many local authority animal licensing officers are currently in post.")
add(d, o, "Government", R,
    "The Government should also set up a single national register of licensed breeders, so that buyers can check a licence in seconds.",
    "We also encourage the Government to fund local authorities so that every licensed breeder can be inspected at least once a year.")
add(d, o, mps, C,
    "Greyfield will publish an independent audit of online puppy adverts every six months, starting in September 2024.",
    "We are currently training 40 volunteers to help local authorities identify unlicensed sellers.")
add(d, o, mps, P,
    "champion the licensing of all commercial dog breeders in Parliament",
    "share Greyfield's advice on buying a puppy safely with their constituents",
    "never promote a puppy sale that does not display a valid licence number.")
add(d, o, mps, Q,
    "We invite MPs and their staff to visit one of our rescue centres to see at first hand the consequences of unregulated breeding.")

# 6. Government response (children's online safety): committee recs reported,
#    acceptances are commitments, rejections are not asks.
d = "govt_response_growing_up_online.txt"
cyp = "Children and Young People Committee"
dept = "Department for Digital, Culture and Online Safety"
add(d, cyp, "Government", R,
    "The Government should require all social media platforms to use effective age assurance to prevent children under 13 from opening accounts.",
    reported=True)
add(d, cyp, "Platforms", R,
    "Platforms should switch off features such as autoplay, infinite scroll and streaks by default for users under 16.",
    reported=True)
add(d, cyp, "Government", R,
    "The Government should introduce a statutory ban on the use of smartphones in all schools in England.",
    reported=True)
add(d, cyp, "Department for Education", R,
    "The Department for Education should ensure that every secondary school pupil receives at least six hours a year of teaching on online safety and digital wellbeing, delivered by trained staff.",
    reported=True)
add(d, cyp, "Government", R,
    "The Government should raise the minimum age for holding a social media account from 13 to 16.",
    "We recommend that the Government establish a fund for research into the long-term effects of social media use on children, with data access guaranteed by platforms.",
    reported=True)
add(d, dept, cyp, C,
    "The Government accepts this recommendation.",  # R1 (same text recurs for R2, R4, R6)
    "We will publish statutory guidance on age assurance for social media services by spring 2025, and we will ask the Online Harms Commission to report annually on platforms' compliance.",
    "The Government accepts this recommendation.",  # R2
    "We will consult in the autumn on a new code of practice on design features for children's accounts, including default settings for autoplay and infinite scroll.",
    "The Government accepts this recommendation.",  # R4
    "We are currently working with the Department for Education to revise the statutory guidance on relationships, sex and health education, and the revised guidance will set a minimum expectation of six hours of online safety teaching a year from September 2025.",
    "We have, however, commissioned the Chief Scientific Adviser to review the evidence on social media use and children's mental health, and we will publish the review's findings by the end of 2024.",
    "The Government accepts this recommendation.",  # R6
    "We will make £5 million available over three years through the Digital Research Council, and we will ask the Online Harms Commission to use its information-gathering powers to support researcher access to platform data.",
    "We will update the Committee on progress against the accepted recommendations in twelve months' time.")

# 7. Joint letter (pensions / older people)
d, o = "pension_credit_joint_letter.txt", "Pension Credit Take-up Coalition"
sos = "Secretary of State for Pensions and Social Security"
add(d, o, sos, R,
    "We therefore urge you to launch a sustained national Pension Credit campaign before the end of October, backed by a clear target for take-up.")
add(d, o, "Government", R,
    "use the data it already holds on State Pension and Housing Benefit to identify eligible households and, where possible, award Pension Credit automatically",
    "shorten the claim form and make a telephone claim available to everyone who needs one",
    "give local councils and advice services funding to help older people claim, recognising that many prefer face-to-face support",
    "bring processing times back below four weeks and keep them there.")
add(d, o, "Department for Pensions and Social Security", R,
    "The Department should also publish take-up estimates every quarter rather than once a year, so that the impact of any campaign can be judged.")
add(d, o, sos, P,
    "For our part, the organisations signing this letter pledge to promote Pension Credit through our helplines, newsletters and local groups throughout the winter, and to share what we learn with your officials.")
add(d, o, sos, Q,
    "We would appreciate a response by 1 October.",
    "We would also ask you to meet a small group of older people and carers who have been affected, so that you can hear their experiences directly.")

# 8. Annual report extract (coastal erosion) - almost no asks
d, o = "eastholm_coastal_annual_report.txt", "Eastholm Coastal Partnership"
add(d, o, "National Coastal Agency", R,
    "We continue to believe that the National Coastal Agency should give greater weight in its funding formula to communities for which relocation, rather than defence, is the only realistic option.")
add(d, o, "Households within the Skelby Risk Zone", R,
    "Households within the Skelby Risk Zone are encouraged to sign up to the Partnership's free cliff-movement text alerts.")
add(d, o, None, C,
    "In 2024-25 the Partnership will complete the installation of the ground-movement sensor network at Skelby Ness and will publish its first five-year erosion forecast for the whole frontage.",
    "We are also currently identifying sites for a second managed realignment trial on the Wenham Marsh frontage.")


class _Visible(HTMLParser):
    SKIP = {"script", "style", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1
        else:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.depth = max(0, self.depth - 1)
        else:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def visible_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix.lower() in {".html", ".htm"}:
        p = _Visible()
        p.feed(raw)
        raw = html.unescape("".join(p.parts))
    return re.sub(r"\s+", " ", raw)


def validate():
    errors = 0
    texts = {}
    for g in GOLD:
        f = DOCS / g["doc"]
        if f not in texts:
            texts[f] = visible_text(f)
        occurrences = texts[f].count(g["text"])
        need = sum(1 for h in GOLD if h["doc"] == g["doc"] and h["text"] == g["text"])
        if occurrences < need:
            errors += 1
            print(f"NOT FOUND ({occurrences}/{need}): {g['doc']}: {g['text']}", file=sys.stderr)
    missing_docs = {p.name for p in DOCS.iterdir()} - {g["doc"] for g in GOLD}
    if missing_docs:
        print("docs without gold:", missing_docs, file=sys.stderr)
    return errors


if __name__ == "__main__":
    errs = validate()
    if errs:
        sys.exit(f"{errs} gold texts not found")
    with open(HERE / "gold_asks.jsonl", "w", encoding="utf-8") as fh:
        for g in GOLD:
            fh.write(json.dumps(g, ensure_ascii=False) + "\n")
    print(f"wrote {len(GOLD)} asks; all texts found literally")
