#!/usr/bin/env python3
"""Writes gold_asks.jsonl, gold_negatives.jsonl, gold_positions.jsonl and gold_authors.json.
The labels are hand-written below (labelled blind to the project's code)."""
import json, os
HERE = os.path.dirname(os.path.abspath(__file__))

WATER = "Water and rivers"; FISH = "Fisheries and the marine environment"; GAMB = "Gambling regulation"
HOUS = "Housing and planning"; ENER = "Energy and transport decarbonisation"; BROAD = "Local broadcasting and news media"
DIS = "Disability support and care"; TAX = "Tax, fees and public funding"; CONS = "Consultation, transparency and accountability"

asks, negs, pos = [], [], []

def A(doc, text, typ, holder, addressee, themes, list_item=False, lead_in=False, **kw):
    r = {"doc": doc, "text": text, "type": typ, "holder": holder,
         "addressee": None if typ == "commitment" else addressee,
         "themes": themes, "list_item": list_item, "lead_in": lead_in}
    r.update(kw)
    asks.append(r)

def N(doc, text, cat, **kw):
    r = {"doc": doc, "text": text, "category": cat}; r.update(kw); negs.append(r)

def P(doc, org, theme, stance, evidence, speaker=None):
    pos.append({"doc": doc, "organisation": org, "theme": theme, "stance": stance,
                "evidence": evidence, "speaker": speaker})

# ---------------------------------------------------------------- Phil Browne (individual, real)
d = "au_ev_inquiry_phil_browne.md"; h = "Phil Browne"
AG = "Australian Government"; AGALT = ["Commonwealth Government", "Federal and state governments", "Senate Select Committee on Electric Vehicles"]
STG = "State and territory governments"; STALT = ["Federal and state governments", "Australian Government", "Senate Select Committee on Electric Vehicles"]
A(d, "Australia must do more to accelerate the transition to EVs.", "recommendation", h, AG, [ENER], borderline=True, addressee_alt=AGALT)
A(d, "Major expansion to the number of public rapid chargers for EVs.", "recommendation", h, AG, [ENER], list_item=True, addressee_alt=AGALT)
A(d, "We need thousands of superchargers across the country to allow private citizens, government and private vehicle fleet operators to tranbsition to EVs.", "recommendation", h, AG, [ENER], borderline=True, addressee_alt=AGALT)
A(d, "All EV supershargers installed should be the latest generation technology ### using the fastest charge rate to allow ultra-fast charging.", "recommendation", h, AG, [ENER], list_item=True, addressee_alt=AGALT)
A(d, "Government should enter partnerships with large oil companies to install EV supersharger networks at already established - as well as all future - roadside service stations and roadhouses where motorists routinely stop to refuel their cars, trucks and buses.", "recommendation", h, AG, [ENER], list_item=True, addressee_alt=AGALT)
A(d, "Governments (federal and states) to replace their fleet vehicles with EVs.", "recommendation", h, "Federal and state governments", [ENER], list_item=True, addressee_alt=["Australian Government", "State and territory governments"])
A(d, "Policies to assist/encourage private fleet operators - of not only cars, but ### also trucks and buses - to buy EVs.", "recommendation", h, AG, [ENER], list_item=True, addressee_alt=AGALT)
A(d, "Reduced stamp duty on EVs.", "recommendation", h, STG, [ENER, TAX], list_item=True, addressee_alt=STALT)
A(d, "Reduced registration fees on EVs.", "recommendation", h, STG, [ENER, TAX], list_item=True, addressee_alt=STALT)
A(d, "Reduced fringe benefits and luxury car tax on EVs.", "recommendation", h, AG, [ENER, TAX], list_item=True, addressee_alt=AGALT)
A(d, "Strengthen Australia's vehicle emission regulations, so that EVs are more ### attractive to purchasers.", "recommendation", h, AG, [ENER], list_item=True, addressee_alt=AGALT)
A(d, "Strengthen Australia's vehicle fuel efficiency regulations, so that EVs are ### more attractive to purchasers.", "recommendation", h, AG, [ENER], list_item=True, addressee_alt=AGALT)
N(d, "Please accept my submission into the Senate committee inquiry - Select Committee on Electric Vehicles.", "courtesy")
N(d, "This is a sad reflection of Australia.", "opinion")
N(d, "EVs running on electricity that is increasingly produced from renewable energy sources, will drastically reduce Australia's greenhouse gas emissions from the transport sector.", "opinion")
N(d, "This will ultimately lead to a greater range of choice of EVs, and cheaper EVs, for the Australian consumer.", "opinion")
P(d, h, ENER, "concerned", "Australia is way behind many other countries in the adoption of EVs.")
P(d, h, ENER, "concerned", "This is a sad reflection of Australia.")
P(d, h, ENER, "calls_for", "Australia must do more to accelerate the transition to EVs.")
P(d, h, ENER, "calls_for", "Major expansion to the number of public rapid chargers for EVs.")
P(d, h, ENER, "calls_for", "Government should enter partnerships with large oil companies to install EV supersharger networks")
P(d, h, ENER, "calls_for", "Governments (federal and states) to replace their fleet vehicles with EVs.")
P(d, h, TAX, "calls_for", "Reduced stamp duty on EVs.")
P(d, h, TAX, "calls_for", "Reduced fringe benefits and luxury car tax on EVs.")

# ---------------------------------------------------------------- City of Adelaide (local government, real)
d = "au_ev_inquiry_city_of_adelaide.md"; h = "City of Adelaide"
ADALT = ["Commonwealth Government", "Senate Select Committee on Electric Vehicles"]
A(d, "To keep our cities among the world’s most liveable and prosperous, federal, state and local governments and the business community need to work together to adapt quickly to the challenges and pressures that face us.", "recommendation", h, "Federal, state and local governments and the business community", [ENER], borderline=True, addressee_alt=["Australian Government"])
A(d, "Major initiatives are required to reduce pollution and pursue deep decarbonisation of our transport system.", "recommendation", h, AG, [ENER], borderline=True, addressee_alt=["Federal, state and local governments and the business community"] + ADALT)
A(d, "Work with Federal and State governments to provide appropriate infrastructure and promote sustainable transport options, such as public transport, cycling and walking, to improve the experience of commuters and reduce transport-related carbon emissions.", "commitment", h, None, [ENER], list_item=True, borderline=True)
A(d, "Provide a range of incentives for the use of electric powered and low-emission ### vehicles within the City.", "commitment", h, None, [ENER], list_item=True, borderline=True)
A(d, "Opportunities for the Australian mining industry to extract and process key resource inputs such as copper, nickel, graphite and lithium must also not be overlooked as the world’s sustainable energy transition accelerates.", "recommendation", h, AG, [ENER], borderline=True, addressee_alt=ADALT)
A(d, "The pillars of this proposal include:", "recommendation", h, AG, [ENER], lead_in=True, borderline=True, addressee_alt=ADALT)
A(d, "a temporary exemption to Fringe Benefits Tax and Luxury Car Tax for 100% ## electric vehicles;", "recommendation", h, AG, [ENER, TAX], list_item=True, number="1", addressee_alt=ADALT)
A(d, "a Government fleet target, to enable governments and companies to:", "recommendation", h, AG, [ENER], list_item=True, number="2", addressee_alt=ADALT)
A(d, "incentives for charging infrastructure designed to leverage private sector ## investment;", "recommendation", h, AG, [ENER, TAX], list_item=True, number="3", addressee_alt=ADALT)
A(d, "Clean Energy Finance Corporation support for battery supply chain activities;", "recommendation", h, AG, [ENER, TAX], list_item=True, number="4", addressee_alt=ADALT + ["Clean Energy Finance Corporation"])
A(d, "transition assistance for the motor trades sector;", "recommendation", h, AG, [ENER], list_item=True, number="5", addressee_alt=ADALT)
A(d, "innovation support for the component manufacturing sector;", "recommendation", h, AG, [ENER], list_item=True, number="6", addressee_alt=ADALT)
A(d, "a national roadmap for deployment to deliver co-ordinated guidance, standards ## and awareness.", "recommendation", h, AG, [ENER], list_item=True, number="7", addressee_alt=ADALT)
N(d, "I write to commend the Senate for convening the Select Committee on Electric Vehicles (EVs) and to highlight the significance of this initiative to the liveability and sustainability of Australian cities.", "welcome")
N(d, "By June 2017, complete a procurement plan for all Council vehicles to be low or ## zero emissions.", "reported_recommendation", borderline=True)
N(d, "Recognising this, the City of Adelaide’s Sustainability Incentives Scheme provides financial rebates of up to $1,000 for each fast charger (<20kW) and up to $5,000 for each super-fast charger (>20kW) installed in the city.", "position_statement")
N(d, "To attract more EVs to the city we have installed 40 EV charging stations in our UPark car parks and in on-street locations.", "position_statement")
N(d, "I look forward to continuing to work with you and the Government to support the development of Australia’s innovative, growing and sustainable EV industry.", "courtesy", borderline=True)
P(d, h, ENER, "welcomes", "I write to commend the Senate for convening the Select Committee on Electric Vehicles (EVs)")
P(d, h, ENER, "calls_for", "Major initiatives are required to reduce pollution and pursue deep decarbonisation of our transport system.")
P(d, h, ENER, "calls_for", "a Government fleet target, to enable governments and companies to:")
P(d, h, ENER, "calls_for", "a national roadmap for deployment to deliver co-ordinated guidance, standards")
P(d, h, ENER, "commits", "Provide a range of incentives for the use of electric powered and low-emission")
P(d, h, TAX, "calls_for", "a temporary exemption to Fringe Benefits Tax and Luxury Car Tax for 100%")
P(d, h, TAX, "calls_for", "Clean Energy Finance Corporation support for battery supply chain activities;")

# ---------------------------------------------------------------- NZ Green Party press release (real)
d = "nz_green_party_fisheries_release.md"; h = "Green Party"
A(d, "We wanted changes to require the Minister to pay much closer attention to measures to reduce bycatch when deciding how much fish can be caught.", "recommendation", h, "Minister for Oceans and Fisheries", [FISH], borderline=True, addressee_alt=["New Zealand Government", "Minister"], speaker="Eugenie Sage")
A(d, "The Green Party will continue to push for fisheries management that puts healthy oceans and sustainable fisheries first - and with more Green MPs we can make it happen", "commitment", h, None, [FISH], borderline=True, speaker="Eugenie Sage")
N(d, "We are delighted the Minister changed his mind after hearing from the Green Party and thousands of activists and fishing enthusiasts through the public submission and select committee process.", "welcome")
N(d, "Ministerial accountability is important when there is so little trust in the sector and in the commercial fishing industry.", "opinion")
N(d, "This is one part of what the Greens would do to manage fisheries based on holistic ecosystem management.", "position_statement")
N(d, "It could include restrictions on methods that destroy marine habitats and result in bycatch of seabirds and marine mammals - as well as banning bottom trawling on seamounts.", "position_statement", borderline=True)
N(d, "Even so, the bill’s changes to the Fisheries Act don’t go far enough, particularly on preventing the bycatch of seabirds, seals, dolphins and other protected species..", "opinion")
S = "Eugenie Sage"
P(d, h, FISH, "welcomes", "We are delighted the Minister changed his mind", S)
P(d, h, FISH, "opposes", "These rules would have limited the public’s ability to comment on significant changes to commercial catch regimes, and risked favouring the interests of commercial fishers over ocean health", S)
P(d, h, FISH, "concerned", "Even so, the bill’s changes to the Fisheries Act don’t go far enough, particularly on preventing the bycatch of seabirds, seals, dolphins and other protected species", S)
P(d, h, FISH, "calls_for", "We wanted changes to require the Minister to pay much closer attention to measures to reduce bycatch when deciding how much fish can be caught.", S)
P(d, h, FISH, "commits", "The Green Party will continue to push for fisheries management that puts healthy oceans and sustainable fisheries first", S)
P(d, h, CONS, "concerned", "Decisions may have been faster under pre-set decision rules but public oversight of decisions would have been reduced.", S)

# ---------------------------------------------------------------- Griffith Manor House open letter (coalition, real)
d = "act_griffith_manor_house_open_letter.md"; h = "Signatories of the Griffith Manor House open letter"
MLA = "Members of the ACT Legislative Assembly"; MLAALT = ["ACT Legislative Assembly"]
A(d, "The problem of housing supply should not be perpetually exported to the extreme fringes of Canberra, imposing ever longer commutes on those without the fortune to not already own property closer.", "recommendation", h, MLA, [HOUS], borderline=True, addressee_alt=MLAALT + ["ACT Government"])
A(d, "We call upon all members to support Draft Variation 375 that would permit the Manor House.", "recommendation", h, MLA, [HOUS], addressee_alt=MLAALT)
A(d, "We call upon all members to honour the ACT Planning Strategy Strategic Directions.", "recommendation", h, MLA, [HOUS], addressee_alt=MLAALT)
A(d, "Above all else, we ask that members consider the interests of all Canberrans - including future and young Canberrans.", "request", h, MLA, [HOUS], addressee_alt=MLAALT)
N(d, "The Griffith Manor House open letter was submitted to the Legislative Assembly in late 2021, with over 200 signatories.", "position_statement")
N(d, "We write this letter to you in part to disabuse you of such a misapprehension.", "opinion")
N(d, "Canberrans who are born in the Inner South deserve the opportunity to raise their own families in their community.", "opinion")
N(d, "We are optimistic that the demonstration project will provide useful evidence regarding the value of the manor house typology which will inform future planning work.", "opinion")
P(d, h, HOUS, "supports", "We write to you to indicate our strong support for it, and other measures to reduce exclusionary zoning and increase access to housing in the Inner South and across the Territory.")
P(d, h, HOUS, "concerned", "This opposition to density and development sacrifices that future to placate misplaced fears and traps Canberra in an unsustainable vision of the past.")
P(d, h, HOUS, "calls_for", "We call upon all members to support Draft Variation 375 that would permit the Manor House.")
P(d, h, HOUS, "calls_for", "we ask that members consider the interests of all Canberrans - including future and young Canberrans.")
P(d, h, HOUS, "opposes", "Clinging to exclusionary zoning laws such as this to appease a loud minority of landholders is not in the interest of the Territory.")

# ---------------------------------------------------------------- Greater Canberra Planning Bill submission (real)
d = "act_greater_canberra_planning_bill_submission.md"; h = "Greater Canberra"
ACT = "ACT Government"; ACTALT = ["Environment, Planning and Sustainable Development Directorate", "ACT Legislative Assembly"]
def GC(text, themes, typ="recommendation", **kw):
    A(d, text, typ, h, ACT, themes, addressee_alt=ACTALT, **kw) if typ != "commitment" else A(d, text, typ, h, None, themes, **kw)
GC("As the Planning System Review continues over the course of 2022-23, we'll be making submissions on other parts of the new planning framework, including the Territory Plan, and we'll be engaging with the Legislative Assembly's inquiry.", [HOUS, CONS], typ="commitment", borderline=True)
GC("Affordability and adequate housing supply need to be at the core of our planning principles - the current version of the Bill does not do this.", [HOUS], list_item=True, borderline=True)
GC("District strategies should ensure appropriate local community input into how planning objectives are achieved, but must not be used as a way for existing residents of particular districts to block much-needed housing, at the expense of other districts.", [HOUS, CONS], list_item=True)
GC("The Minister’s use of TPP powers should be checked through parliamentary and political accountability, rather than judicial review.", [HOUS, CONS], list_item=True)
GC("Good public consultation needs to be fair and to capture the views of the broader community across all demographic groups, rather than being a veto point for a noisy minority.", [CONS], list_item=True, borderline=True)
GC("A disallowable instrument could be used to provide additional parliamentary accountability.", [CONS], list_item=True, borderline=True)
GC("While we support the Chief Planner’s broad powers to make planning decisions, they should serve at the pleasure of the ACT Executive.", [HOUS, CONS], list_item=True)
GC("The Chief Planner is the most powerful actor within the planning system, and they should be accountable to the elected government.", [CONS], list_item=True, borderline=True)
GC("Failing this, third party ACAT appeals of DAs should be further limited.", [HOUS, CONS], list_item=True)
GC("A ‘equitable and prosperous city’ object should be inserted into the Bill as a coequal object to the ‘ecologically sustainable development’ object.", [HOUS], list_item=True, number="1")
GC("The ‘activation and liveability principles’ should be split into the separate ‘affordability principles’ and ‘activation and liveability principles’.", [HOUS], list_item=True, number="2")
GC("The high quality design principles should be amended to make explicit that local settings and contexts can evolve over time, including through development, to better meet changing community and environmental needs.", [HOUS], list_item=True, number="3")
GC("The high quality design principles should be amended to include a provision related to building quality and energy efficiency.", [HOUS, ENER], list_item=True, number="4")
GC("The investment facilitation principles should be renamed ‘economic prosperity principles’ to better reflect their nature and aim, and should express a goal of maximising incomes and minimising poverty.", [HOUS], list_item=True, number="5")
GC("The role of district strategies should be clarified to ensure they do not create inequities between districts.", [HOUS], list_item=True, number="6")
GC("The Minister should be able to declare any development proposal a Territory Priority Project if they are satisfied that there has been sufficient community consultation about the proposal.", [HOUS, CONS], list_item=True, number="7")
GC("Paragraphs 212(1)(a)-(c) should be removed.", [HOUS], list_item=True, number="7")
GC("The principles of good consultation should include, where appropriate, requirements for:", [CONS], list_item=True, lead_in=True, number="8")
GC("representative sampling", [CONS], list_item=True, number="8")
GC("low-cost forms of participation", [CONS], list_item=True, number="8")
GC("consideration of the views of potential future residents.", [CONS, HOUS], list_item=True, number="8")
GC("The principles should not put excessive weight on less representative consultation processes, or on mere quantity of submissions.", [CONS], list_item=True, number="8")
GC("Principles of good consultation and associated guidelines should be determined by the Minister in a notifiable instrument (or disallowable instrument).", [CONS], list_item=True, number="9")
GC("The Chief Planner should serve at the pleasure of the ACT Executive, without a fixed term.", [HOUS, CONS], list_item=True, number="10")
GC("Merits review for development approvals (other than DAs involving an EIS) should be undertaken by an internal review mechanism, rather than ACAT, that is less formal and non-adversarial.", [HOUS, CONS], list_item=True, number="11")
GC("Should this not be accepted, third party ACAT reviews should be limited in regards to all public and social housing, along all light rail corridors, and in all group centres.", [HOUS], list_item=True, number="11")
N(d, "We believe every aspect of the city, from its parks, to its shops, to its public amenities, should make a positive impact on the lives of Canberrans.", "opinion")
N(d, "We believe better planning policy can create a more liveable, sustainable and affordable city.", "opinion")
N(d, "We welcome the Planning System Review and Reform Project as an opportunity to ensure that the ACT’s planning system is able to meet the needs of future generations of Canberrans, and we thank the Directorate for the opportunity to provide our views on the draft Planning Bill.", "welcome")
N(d, "The current objects and principles of good planning are poorly structured and cast affordability as only a peripheral concern.", "opinion")
N(d, "We support the Bill’s flexible approach towards improving public consultation through principles set out in a legislative instrument rather than in the text of the Bill.", "position_statement")
N(d, "A non-adversarial internal review process would provide faster, better and fairer outcomes.", "opinion", borderline=True)
N(d, "The Bill gives little detail about how the proposed district-level strategic planning process will work.", "opinion")
P(d, h, HOUS, "welcomes", "We welcome the Planning System Review and Reform Project as an opportunity to ensure that the ACT’s planning system is able to meet the needs of future generations of Canberrans")
P(d, h, HOUS, "supports", "We support the Government’s objectives of modernising the ACT’s planning framework, and delivering a planning system that is easier to use, enables sustainable growth and provides both clarity and flexibility in outcomes and assessment processes.")
P(d, h, HOUS, "supports", "We support the Bill’s proposed mechanism for fast-tracking Territory Priority Projects, although we are concerned that the draft provisions leave open too much potential for litigation.")
P(d, h, HOUS, "concerned", "We are concerned that the shift to an outcomes-based framework, without a corresponding streamlining and clarification of planning review processes, will replicate many of the current issues in our planning system.")
P(d, h, HOUS, "concerned", "The current objects and principles of good planning are poorly structured and cast affordability as only a peripheral concern.")
P(d, h, HOUS, "calls_for", "Affordability and adequate housing supply need to be at the core of our planning principles - the current version of the Bill does not do this.")
P(d, h, HOUS, "calls_for", "A ‘equitable and prosperous city’ object should be inserted into the Bill as a coequal object to the ‘ecologically sustainable development’ object.")
P(d, h, HOUS, "calls_for", "The role of district strategies should be clarified to ensure they do not create inequities between districts.")
P(d, h, HOUS, "opposes", "ACAT’s role in providing merits review of development approvals is complicated, expensive, anti-democratic, and slow.")
P(d, h, CONS, "supports", "We support the Bill’s flexible approach towards improving public consultation through principles set out in a legislative instrument rather than in the text of the Bill.")
P(d, h, CONS, "concerned", "We support the Bill’s proposed mechanism for fast-tracking Territory Priority Projects, although we are concerned that the draft provisions leave open too much potential for litigation.")
P(d, h, CONS, "calls_for", "The principles of good consultation should include, where appropriate, requirements for:")
P(d, h, CONS, "calls_for", "The Chief Planner should serve at the pleasure of the ACT Executive, without a fixed term.")
P(d, h, CONS, "calls_for", "The Minister’s use of TPP powers should be checked through parliamentary and political accountability, rather than judicial review.")
P(d, h, CONS, "opposes", "ACAT’s role in providing merits review of development approvals is complicated, expensive, anti-democratic, and slow.")
P(d, h, CONS, "commits", "we'll be making submissions on other parts of the new planning framework, including the Territory Plan, and we'll be engaging with the Legislative Assembly's inquiry.")
P(d, h, ENER, "calls_for", "The high quality design principles should be amended to include a provision related to building quality and energy efficiency.")

# ---------------------------------------------------------------- Irish committee report (invented)
d = "ie_committee_inshore_fisheries_report.txt"; h = "Joint Committee on the Marine and Coastal Communities"
MIN = "Minister for Agriculture, Food and the Marine"; DEP = "Department of Agriculture, Food and the Marine"; GOV = "Government of Ireland"
def IE(n, text, addr, alt, themes):
    A(d, text, "recommendation", h, addr, themes, list_item=True, number=str(n), addressee_alt=alt)
IE(1, "The Committee recommends that the Minister for Agriculture, Food and the Marine establish a ring-fenced inshore allocation of at least 10 per cent of the national quota for pollack, mackerel and whitefish stocks available to the polyvalent segment, to be set annually and published in advance of the fishing year.", MIN, [DEP], [FISH])
IE(2, "The Department of Agriculture, Food and the Marine should publish monthly catch limits for the inshore fleet no later than ten working days before the start of each month.", DEP, [MIN], [FISH, CONS])
IE(3, "The Committee recommends that Article 17 of the Common Fisheries Policy be applied in the national quota management policy so that social and environmental criteria, including low-impact gear and local landing, are given explicit weight.", DEP, [MIN, GOV], [FISH])
IE(4, "The Committee recommends that the Government bring forward primary legislation to restore the prohibition on vessels over 18 metres trawling inside six nautical miles, with a transition period of no more than twelve months.", GOV, [MIN, DEP], [FISH])
IE(5, "The Marine Institute should be resourced to carry out annual stock assessments for lobster, crab, whelk and native oyster in each inshore management area, and the Committee recommends that funding for this work be provided in Budget 2025.", GOV, [DEP, MIN, "Minister for Finance"], [FISH, TAX])
IE(6, "The Committee recommends that the v-notching programme for lobster be extended to all coastal counties and placed on a multi-annual funding basis.", DEP, [MIN, "Bord Iascaigh Mhara"], [FISH, TAX])
IE(7, "The Committee recommends that the Department introduce a 100 per cent grant for personal locator beacons and lifejackets with integrated beacons for all inshore fishers, and that the cost of mandatory stability assessments for vessels under 12 metres be met by the State.", DEP, [MIN, GOV], [FISH, TAX])
IE(8, "The Sea-Fisheries Protection Authority and the Marine Survey Office should agree, within six months of the publication of this report, a single inspection visit for vessels under 12 metres so that operators are not inspected separately by each body for the same matters.", "Sea-Fisheries Protection Authority and Marine Survey Office", ["Sea-Fisheries Protection Authority", "Marine Survey Office"], [FISH])
IE(9, "The Committee recommends that a young fishers' scheme be established, modelled on the young farmers' scheme under the Common Agricultural Policy, providing capital support of up to 40 per cent of the cost of a first vessel for entrants under 40.", DEP, [MIN, GOV], [FISH, TAX])
IE(10, "The Committee recommends that capacity be made available from the State-held pool at no cost to new entrants who complete the Bord Iascaigh Mhara Level 6 fishing skills course.", DEP, [MIN], [FISH])
IE(11, "The Committee recommends that the Minister report to the Committee in writing, within six months of the laying of this report, on the implementation of each of these recommendations.", MIN, [DEP], [FISH, CONS])
IE(12, "The Committee further recommends that the Regional Inshore Fisheries Forums be given a statutory basis and a guaranteed budget so that they can participate fully in the management of inshore stocks.", GOV, [MIN, DEP], [FISH, CONS, TAX])
N(d, "I wish to thank all those who gave evidence, in person and in writing, and the staff of the Committee secretariat for their work.", "thanks")
N(d, "In 2019 the National Inshore Fisheries Forum called for a dedicated inshore quota allocation, and the Department told the Committee that it \"is currently reviewing the management framework for the sector\".", "reported_recommendation")
N(d, "The Department informed the Committee that it intends to publish a revised quota management policy before the end of 2024.", "reported_recommendation")
N(d, "Several witnesses supported the extension of the v-notching programme for lobster, which was described as one of the few conservation measures to have been \"owned\" by fishers themselves.", "reported_recommendation")
N(d, "Environmental witnesses argued that the trawling exclusion zone inside six nautical miles should be restored on a statutory footing following the court decisions of 2021 and 2022.", "reported_recommendation")
N(d, "Under the Common Fisheries Policy, Member States must allocate fishing opportunities using transparent and objective criteria, including those of an environmental, social and economic nature.", "descriptive_should")
N(d, "When allocating the fishing opportunities available to them, as referred to in Article 16, Member States shall use transparent and objective criteria including those of an environmental, social and economic nature.", "quoted_witness")
N(d, "The Committee agreed this report at its meeting of 10 July 2024 and commends it to the Houses.", "position_statement")
N(d, "The Committee does not consider that a further review, on its own, is an adequate response.", "opinion")
P(d, h, FISH, "concerned", "The Committee does not consider that a further review, on its own, is an adequate response.")
P(d, h, FISH, "concerned", "The Committee heard that these criteria are not applied in a way that recognises the social value of the inshore fleet.")
for t in ["The Committee recommends that the Minister for Agriculture, Food and the Marine establish a ring-fenced inshore allocation",
          "The Committee recommends that the Government bring forward primary legislation to restore the prohibition on vessels over 18 metres trawling inside six nautical miles",
          "The Committee recommends that a young fishers' scheme be established"]:
    P(d, h, FISH, "calls_for", t)
P(d, h, TAX, "calls_for", "the Committee recommends that funding for this work be provided in Budget 2025.")
P(d, h, TAX, "calls_for", "The Committee recommends that the Department introduce a 100 per cent grant for personal locator beacons")
P(d, h, CONS, "calls_for", "The Committee recommends that the Minister report to the Committee in writing, within six months of the laying of this report, on the implementation of each of these recommendations.")
P(d, h, CONS, "calls_for", "The Committee further recommends that the Regional Inshore Fisheries Forums be given a statutory basis and a guaranteed budget")

# ---------------------------------------------------------------- Welsh Government response (invented)
d = "wales_govt_response_river_water_quality.txt"; h = "Welsh Government"
def WG(text, themes, **kw):
    A(d, text, "commitment", h, None, themes, **kw)
WG("The Welsh Government will publish catchment Phosphate Reduction Plans for the Wye, Usk, Teifi, Cleddau, Dee, Gwyrfai, Eden, Llyn Tegid and Glaslyn by the end of May 2025.", [WATER], number="1")
WG("Each plan will set annual targets by sector and will be reviewed by the relevant Nutrient Management Board.", [WATER], number="1", borderline=True)
WG("We will make the case in our strategic priorities statement for Ofwat that phosphate removal in SAC catchments be prioritised in the 2025–2030 period, and we expect both companies to bring forward schemes at the larger works first.", [WATER], number="2")
WG("We will provide Natural Resources Wales with an additional £3.5 million in 2025-26 to recruit a further 25 agricultural pollution officers.", [WATER, TAX], number="3")
WG("We will fund the installation of continuous water quality sondes at 60 sites across the nine SAC rivers during 2025 and will publish the data on the DataMapWales portal, updated at least daily.", [WATER, CONS], number="5")
WG("We will, however, review whether additional regulatory requirements should apply in failing catchments as part of the review of the Agricultural Pollution Regulations in 2025.", [WATER], number="6", borderline=True)
WG("We will continue to provide £8 million a year through the Nature Networks Fund and the Nutrient Management Board programme and will consider the case for further funding in future budget rounds.", [WATER, TAX], number="7", borderline=True)
WG("We will issue updated guidance to local planning authorities on nutrient neutrality and the use of phosphate credit schemes by March 2025, and we will continue to fund the Nutrient Neutrality Support Service for the next two years.", [WATER, HOUS], number="8")
WG("The Cabinet Secretary will make an annual oral statement to the Senedd on river water quality, the first in autumn 2025, supported by a published progress report.", [WATER, CONS], number="9")
WG("We will bring forward regulations in 2025 so that Natural Resources Wales can impose variable monetary penalties of up to £250,000 without going to court.", [WATER], number="10")
for t in ["The Welsh Government should publish, within six months, a cross-sector Phosphate Reduction Plan for each failing Special Area of Conservation river, with annual, measurable targets for agriculture, water companies and development.",
          "The Welsh Government should require Dŵr Cymru and Hafren Dyfrdwy to install phosphate stripping at all wastewater treatment works serving a population of more than 250 in failing SAC catchments by 2030.",
          "Natural Resources Wales should be given the resources to increase unannounced inspections of agricultural holdings in failing catchments to at least 1,000 a year.",
          "The Welsh Government should introduce a licensing regime for intensive poultry units in the Wye catchment and a moratorium on new units until the licensing regime is in place.",
          "The Welsh Government should fund a network of real-time water quality monitors on every SAC river and publish the data openly.",
          "The Welsh Government should make the Sustainable Farming Scheme's nutrient management actions mandatory, not optional, for farms in failing catchments.",
          "The Welsh Government should establish a ring-fenced river restoration fund of at least £20 million a year for five years.",
          "Local planning authorities should be given guidance on assessing phosphate neutrality so that much-needed housing is not held up unnecessarily.",
          "The Welsh Government should report annually to the Senedd on progress against phosphate targets in every SAC river.",
          "The Welsh Government should press the UK Government to legislate for tougher penalties on water companies that breach their discharge permits."]:
    N(d, t, "restated_recommendation")
N(d, "The Welsh Government welcomes the Committee's report and thanks its members and all those who gave evidence.", "welcome")
N(d, "The Welsh Government does not consider that a moratorium is necessary or proportionate.", "decline")
N(d, "We will keep the position under review as the Wye Phosphate Reduction Plan is developed.", "non_committal")
N(d, "Farming is a devolved matter but the Scheme is voluntary, and we cannot make participation compulsory.", "decline")
N(d, "The Welsh Government is not in a position to commit funding beyond the current budget period.", "decline")
N(d, "We expect this to allow NRW to carry out at least 1,000 farm inspections a year in the priority catchments from April 2026.", "non_committal", borderline=True)
N(d, "We agree that the pace of investment at wastewater treatment works must increase.", "position_statement")
N(d, "All new poultry units already require planning permission and, where they would affect a SAC, must demonstrate that they will not add to phosphate loads.", "descriptive_should")
N(d, "Of the Committee's ten recommendations, the Welsh Government accepts six, accepts three in principle and rejects one.", "position_statement")
P(d, h, WATER, "welcomes", "The Welsh Government welcomes the Committee's report and thanks its members and all those who gave evidence.")
P(d, h, WATER, "concerned", "we share the Committee's view that too many of them are failing their phosphate targets.")
P(d, h, WATER, "supports", "We agree that the pace of investment at wastewater treatment works must increase.")
P(d, h, WATER, "opposes", "The Welsh Government does not consider that a moratorium is necessary or proportionate.")
P(d, h, WATER, "commits", "The Welsh Government will publish catchment Phosphate Reduction Plans")
P(d, h, WATER, "commits", "We will bring forward regulations in 2025 so that Natural Resources Wales can impose variable monetary penalties of up to £250,000 without going to court.")
P(d, h, TAX, "commits", "We will provide Natural Resources Wales with an additional £3.5 million in 2025-26 to recruit a further 25 agricultural pollution officers.")
P(d, h, TAX, "opposes", "The Welsh Government is not in a position to commit funding beyond the current budget period.")
P(d, h, CONS, "supports", "We agree that citizens, farmers and regulators should be able to see the condition of their rivers.")
P(d, h, CONS, "commits", "The Cabinet Secretary will make an annual oral statement to the Senedd on river water quality")
P(d, h, CONS, "commits", "will publish the data on the DataMapWales portal, updated at least daily.")
P(d, h, HOUS, "commits", "We will issue updated guidance to local planning authorities on nutrient neutrality")

# ---------------------------------------------------------------- Canadian committee transcript (invented)
d = "ca_committee_local_broadcasting_transcript.txt"
NC = "Northern Community Radio Alliance"; PI = "Prairie Independent Broadcasters Association"; CM = "Standing Committee on Regional and Local Media"
LT = "Ms. Louise Tremblay-Okimaw"; DH = "Mr. Derek Halvorsen"; CH = "The Chair (Mr. Gordon Ashby)"
GC_ = "Government of Canada"; CRTC = "CRTC"; CRTCALT = ["Canadian Radio-television and Telecommunications Commission"]
A(d, "First, we ask the committee to recommend that the Community Radio Fund of Canada receive stable base funding of at least $10 million a year from the federal government, rather than the project-by-project funding we rely on today.", "request", NC, CM, [BROAD, TAX], speaker=LT, addressee_alt=[GC_, "House of Commons"])
A(d, "Second, the CRTC should require that a fixed share of the contributions collected under the Online Streaming Act be directed to community and Indigenous broadcasters.", "recommendation", NC, CRTC, [BROAD, TAX], speaker=LT, addressee_alt=CRTCALT)
A(d, "Third, we urge the government to designate community stations as part of the emergency alerting system, with funding for backup power and satellite links, so that they can stay on air when the power and the Internet go down.", "recommendation", NC, GC_, [BROAD, TAX], speaker=LT, addressee_alt=["federal government"])
A(d, "We would ask that the committee recommend that at least half of any new local news funding be reserved for independent stations with fewer than 100 employees.", "request", PI, CM, [BROAD, TAX], speaker=DH, addressee_alt=[GC_])
A(d, "We also believe the CRTC should relax the Canadian content requirements for commercial radio stations in markets under 50,000 people, which were designed for a very different market.", "recommendation", PI, CRTC, [BROAD], speaker=DH, addressee_alt=CRTCALT)
A(d, "Finally, the government should exempt local broadcasters from the proposed increase in Part II licence fees.", "recommendation", PI, GC_, [BROAD, TAX], speaker=DH, addressee_alt=["CRTC", "federal government"])
A(d, "We will send the committee the exact figures, broken down by language, by the end of next week.", "commitment", NC, None, [BROAD], speaker=LT)
A(d, "We'll provide the survey to the clerk.", "commitment", PI, None, [BROAD], speaker=DH)
A(d, "The government should make federal advertising buys in local media a rule, not a choice.", "recommendation", PI, GC_, [BROAD], speaker=DH, addressee_alt=["federal government", CM])
A(d, "Departments should be required to place at least 25% of their advertising spending with Canadian local media.", "recommendation", PI, GC_, [BROAD], speaker=DH, addressee_alt=["federal departments", CM])
A(d, "we would support that recommendation, and we would ask that community stations be named in it explicitly.", "request", NC, CM, [BROAD], speaker=LT, addressee_alt=[GC_])
A(d, "Members, before we suspend, I will ask the analysts to prepare draft recommendations on funding for community and Indigenous broadcasters for our meeting on March 5.", "commitment", CM, None, [BROAD], speaker=CH, borderline=True)
N(d, "Thank you, Mr. Chair, and thank you to the members of the committee.", "thanks")
N(d, "I'm happy to take your questions.", "courtesy")
N(d, "We have three requests of this committee.", "position_statement", borderline=True)
N(d, "We welcome the government's decision to create the Independent Local News Fund, and we support the CRTC's decision to require online streaming services to contribute to Canadian content.", "welcome")
N(d, "We do not support a complete removal of those requirements, and let me be clear about that, but small stations need flexibility.", "position_statement")
N(d, "Mr. Halvorsen, would you agree that the CRTC should also require the web giants to carry local news?", "question_not_ask")
N(d, "Can you tell us how many?", "question_not_ask")
N(d, "Is there anything else you'd want us to put in the report?", "question_not_ask")
N(d, "We think the committee should look at that carefully, but we have not taken a position on mandatory carriage.", "non_committal")
N(d, "If the witnesses have additional information, please send it to the clerk.", "courtesy")
N(d, "Pursuant to Standing Order 108(2), the committee is resuming its study of the future of local radio and television news in rural and northern communities.", "position_statement")
P(d, NC, BROAD, "calls_for", "First, we ask the committee to recommend that the Community Radio Fund of Canada receive stable base funding of at least $10 million a year", LT)
P(d, NC, BROAD, "calls_for", "Second, the CRTC should require that a fixed share of the contributions collected under the Online Streaming Act be directed to community and Indigenous broadcasters.", LT)
P(d, NC, BROAD, "calls_for", "Third, we urge the government to designate community stations as part of the emergency alerting system", LT)
P(d, NC, BROAD, "supports", "we would support that recommendation, and we would ask that community stations be named in it explicitly.", LT)
P(d, NC, BROAD, "commits", "We will send the committee the exact figures, broken down by language, by the end of next week.", LT)
P(d, NC, TAX, "calls_for", "receive stable base funding of at least $10 million a year from the federal government, rather than the project-by-project funding we rely on today.", LT)
P(d, PI, BROAD, "welcomes", "We welcome the government's decision to create the Independent Local News Fund", DH)
P(d, PI, BROAD, "supports", "we support the CRTC's decision to require online streaming services to contribute to Canadian content.", DH)
P(d, PI, BROAD, "concerned", "But we are concerned that the base contributions will be captured by the largest broadcasters.", DH)
P(d, PI, BROAD, "calls_for", "We would ask that the committee recommend that at least half of any new local news funding be reserved for independent stations with fewer than 100 employees.", DH)
P(d, PI, BROAD, "calls_for", "We also believe the CRTC should relax the Canadian content requirements for commercial radio stations in markets under 50,000 people", DH)
P(d, PI, BROAD, "calls_for", "The government should make federal advertising buys in local media a rule, not a choice.", DH)
P(d, PI, BROAD, "opposes", "We do not support a complete removal of those requirements, and let me be clear about that, but small stations need flexibility.", DH)
P(d, PI, BROAD, "commits", "We'll provide the survey to the clerk.", DH)
P(d, PI, TAX, "calls_for", "Finally, the government should exempt local broadcasters from the proposed increase in Part II licence fees.", DH)
P(d, PI, TAX, "concerned", "A 20% increase would close stations.", DH)
P(d, CM, BROAD, "commits", "I will ask the analysts to prepare draft recommendations on funding for community and Indigenous broadcasters for our meeting on March 5.", CH)

# ---------------------------------------------------------------- BetHarbor comment letter (invented)
d = "us_ma_gaming_comment_betharbor.txt"; h = "BetHarbor Interactive, LLC"
MGC = "Massachusetts Gaming Commission"; MGCALT = ["Commission", "MGC"]
A(d, "We urge the Commission not to adopt Section 259.04(2) in its current form.", "recommendation", h, MGC, [GAMB], addressee_alt=MGCALT)
A(d, "Instead, the Commission should adopt a risk-based approach under which operators use behavioral indicators, such as sudden increases in deposits, chasing losses, or late-night play, to trigger a review.", "recommendation", h, MGC, [GAMB], addressee_alt=MGCALT)
A(d, "If the Commission retains a monetary trigger, we recommend that it be set at no less than $5,000 in net deposits over 30 days, and that operators be permitted to use third-party financial data, with the patron's consent, rather than documents uploaded by the patron.", "recommendation", h, MGC, [GAMB], addressee_alt=MGCALT)
A(d, "BetHarbor respectfully requests that the Commission limit Section 259.06 to the use of the words \"free\" and \"risk-free,\" and allow operators to advertise promotional credits accompanied by a clear statement of the wagering requirements.", "request", h, MGC, [GAMB], addressee_alt=MGCALT)
A(d, "We ask that the Commission provide an implementation period of at least 120 days from the date of final publication.", "request", h, MGC, [GAMB], addressee_alt=MGCALT)
A(d, "Finally, we encourage the Commission to work with the other New England regulators to develop a single self-exclusion list that applies across all licensed operators and all participating states.", "recommendation", h, MGC, [GAMB], addressee_alt=MGCALT)
A(d, "BetHarbor commits to integrating with such a platform within 90 days of its launch and will share anonymized data on self-exclusion requests with the Commission's Research and Responsible Gaming team each quarter.", "commitment", h, None, [GAMB])
A(d, "We would welcome the opportunity to meet with Commission staff to discuss the affordability review provisions before the Proposed Rule is finalized.", "request", h, MGC, [GAMB], borderline=True, addressee_alt=MGCALT)
N(d, "an operator shall conduct an affordability review of any patron whose net deposits exceed $1,000 in any 30-day period, and shall not accept further deposits from the patron until the review is complete.", "descriptive_should")
N(d, "The Proposed Rule would take effect 30 days after publication.", "descriptive_should")
N(d, "BetHarbor agrees that the term \"risk-free\" is misleading and supports its prohibition.", "position_statement")
N(d, "However, a complete ban on advertising promotional credits would be excessive.", "position_statement")
N(d, "BetHarbor thanks the Commission and its staff for their work on the Proposed Rule.", "thanks")
N(d, "Please do not hesitate to contact me with any questions.", "courtesy")
N(d, "We have concerns, however, with three provisions of the Proposed Rule, and we offer recommendations below.", "position_statement")
P(d, h, GAMB, "supports", "We share the Commission's goal of ensuring that sports wagering in Massachusetts is offered responsibly, and we support the majority of the Proposed Rule.")
P(d, h, GAMB, "supports", "In particular, BetHarbor supports the prohibition on advertising directed at persons under 21 and on college campuses")
P(d, h, GAMB, "welcomes", "we welcome the Commission's decision to require operators to display responsible gaming messaging in all advertisements.")
P(d, h, GAMB, "supports", "We also support the requirement that operators offer every patron the ability to set daily, weekly and monthly deposit limits.")
P(d, h, GAMB, "supports", "BetHarbor agrees that the term \"risk-free\" is misleading and supports its prohibition.")
P(d, h, GAMB, "concerned", "We have concerns, however, with three provisions of the Proposed Rule, and we offer recommendations below.")
P(d, h, GAMB, "opposes", "BetHarbor opposes this provision as drafted.")
P(d, h, GAMB, "opposes", "However, a complete ban on advertising promotional credits would be excessive.")
P(d, h, GAMB, "opposes", "We urge the Commission not to adopt Section 259.04(2) in its current form.")
P(d, h, GAMB, "calls_for", "We urge the Commission not to adopt Section 259.04(2) in its current form.")
P(d, h, GAMB, "calls_for", "We ask that the Commission provide an implementation period of at least 120 days from the date of final publication.")
P(d, h, GAMB, "calls_for", "Finally, we encourage the Commission to work with the other New England regulators to develop a single self-exclusion list")
P(d, h, GAMB, "commits", "BetHarbor commits to integrating with such a platform within 90 days of its launch")

# ---------------------------------------------------------------- NZIDSP letter to minister (invented)
d = "nz_disability_professional_body_letter.txt"; h = "New Zealand Institute of Disability Support Professionals"
MDI = "Minister for Disability Issues"; WH = "Whaikaha – Ministry of Disabled People"; NZG = "New Zealand Government"
A(d, "We ask that you direct Whaikaha to pause the application of the new purchasing rules to existing funding allocations until a full review has been completed with disabled people, whānau and providers.", "request", h, MDI, [DIS, CONS], addressee_alt=[WH])
A(d, "The Institute recommends that any revised purchasing guidance be co-designed with disabled people and their representative organisations, in line with the Enabling Good Lives principles that the Government has endorsed.", "recommendation", h, MDI, [DIS, CONS], addressee_alt=[WH, NZG])
A(d, "Guidance should also be published at least three months before it takes effect, so that families can plan.", "recommendation", h, MDI, [DIS, CONS], addressee_alt=[WH])
A(d, "Support workers who are employed through Individualised Funding should be covered by the same pay equity settlement as those employed by contracted providers, and we urge the Government to extend the settlement accordingly.", "recommendation", h, NZG, [DIS, TAX], addressee_alt=[MDI])
A(d, "We would also welcome a commitment from the Government to fund the Level 3 and Level 4 New Zealand Certificate in Health and Wellbeing for all disability support workers, regardless of who employs them.", "request", h, NZG, [DIS, TAX], addressee_alt=[MDI])
A(d, "Whaikaha should publish waiting times for needs assessments by region each quarter.", "recommendation", h, WH, [DIS, CONS], addressee_alt=[MDI])
A(d, "For our part, the Institute will publish, by 30 June 2024, practice guidance for our members on supporting families through funding reassessments.", "commitment", h, None, [DIS])
A(d, "We will also survey our members on the effect of the changes and will share the results with your office and with Whaikaha.", "commitment", h, None, [DIS])
A(d, "We would be grateful for the opportunity to meet with you to discuss these matters.", "request", h, MDI, [DIS], borderline=True)
N(d, "Under the Needs Assessment and Service Coordination framework, an assessment should be reviewed at least every three years.", "descriptive_should")
N(d, "Other organisations, including the Disability Rights Coalition, have called for the changes to be reversed in full.", "reported_recommendation")
N(d, "We acknowledge that the Government must manage a growing budget, and we accept that clear purchasing guidance is needed.", "position_statement")
N(d, "The Institute's view is that a pause and a proper review are the right first step.", "opinion", borderline=True)
N(d, "I can be contacted at the address above.", "courtesy")
P(d, h, DIS, "concerned", "Our members are deeply concerned about the changes to the purchasing rules for flexible disability support funding announced by Whaikaha – Ministry of Disabled People on 18 March 2024.")
P(d, h, DIS, "supports", "we accept that clear purchasing guidance is needed.")
P(d, h, DIS, "calls_for", "We ask that you direct Whaikaha to pause the application of the new purchasing rules to existing funding allocations")
P(d, h, DIS, "calls_for", "Whaikaha should publish waiting times for needs assessments by region each quarter.")
P(d, h, DIS, "commits", "For our part, the Institute will publish, by 30 June 2024, practice guidance for our members on supporting families through funding reassessments.")
P(d, h, DIS, "commits", "We will also survey our members on the effect of the changes and will share the results with your office and with Whaikaha.")
P(d, h, CONS, "concerned", "The changes were introduced without notice, and with immediate effect, for people using Individualised Funding, Enhanced Individualised Funding and Carer Support.")
P(d, h, CONS, "calls_for", "The Institute recommends that any revised purchasing guidance be co-designed with disabled people and their representative organisations")
P(d, h, CONS, "calls_for", "Guidance should also be published at least three months before it takes effect, so that families can plan.")
P(d, h, TAX, "calls_for", "we urge the Government to extend the settlement accordingly.")
P(d, h, TAX, "calls_for", "We would also welcome a commitment from the Government to fund the Level 3 and Level 4 New Zealand Certificate in Health and Wellbeing")

# ---------------------------------------------------------------- CEFP academic submission (invented)
d = "eu_energy_taxation_academic_submission.md"; h = "Centre for Environmental Fiscal Policy"
EC = "European Commission"; ECALT = ["Directorate-General for Taxation and Customs Union", "DG TAXUD"]
A(d, "The Commission should propose the phase-out of the mandatory exemption for fishing fuels in Article 14(1)(c) over a period of ten years, with the minimum rate rising in equal annual steps.", "recommendation", h, EC, [TAX, FISH], list_item=True, number="1", addressee_alt=ECALT)
A(d, "Member States should be permitted to recycle the revenue raised into direct, lump-sum support for small-scale coastal fishing and for farms below a size threshold, so that the distributional effect is neutral for the smallest operators.", "recommendation", h, EC, [TAX, FISH], list_item=True, number="2", addressee_alt=ECALT)
A(d, "We recommend that the revised Directive require Member States to report annually to the Commission on the value of every reduced rate and exemption they apply, broken down by sector, and that the Commission publish these figures.", "recommendation", h, EC, [TAX, CONS], list_item=True, number="3", addressee_alt=ECALT)
A(d, "The revised Directive should include a review clause requiring the Commission to evaluate the effect of the phase-out on small-scale fisheries and on farm incomes after five years.", "recommendation", h, EC, [TAX, FISH, CONS], list_item=True, number="4", addressee_alt=ECALT)
A(d, "The Commission should consider whether renewable fuels, such as biomethane and renewable diesel, used in agriculture and fishing could be taxed at the lowest rate from the entry into force of the revised Directive, to encourage early switching.", "recommendation", h, EC, [TAX, ENER], list_item=True, number="5", addressee_alt=ECALT)
A(d, "The Commission should therefore pursue an agreement on a common approach with Norway, the United Kingdom and Iceland, alongside the revision of the Directive.", "recommendation", h, EC, [TAX, FISH], addressee_alt=ECALT)
A(d, "The Centre will publish its full model and data, under an open licence, by the end of January 2025, so that the Commission and Member States can test alternative phase-out paths.", "commitment", h, None, [TAX, CONS])
A(d, "We would welcome the opportunity to present our findings to the Commission's services.", "request", h, EC, [TAX], borderline=True, addressee_alt=ECALT)
N(d, "Article 14(1)(c) requires Member States to exempt energy products supplied for use as fuel for the purposes of navigation within Community waters, including fishing.", "descriptive_should")
N(d, "We support the Commission's objective, set out in the 2021 proposal, of aligning minimum tax rates with the energy content and environmental performance of fuels.", "position_statement")
N(d, "We do not support the immediate removal of all exemptions, which would fall hardest on small-scale operators in peripheral regions with no practical alternative fuels.", "position_statement")
N(d, "This submission reflects the views of the authors and not of Vesterhavn University.", "position_statement")
N(d, "Our central finding is that the exemptions are poorly targeted.", "opinion")
N(d, "We recognise that unilateral taxation of fuel bunkered by EU vessels could lead to vessels refuelling outside EU ports.", "opinion")
P(d, h, TAX, "concerned", "Our central finding is that the exemptions are poorly targeted.")
P(d, h, TAX, "supports", "We support the Commission's objective, set out in the 2021 proposal, of aligning minimum tax rates with the energy content and environmental performance of fuels.")
P(d, h, TAX, "opposes", "We do not support the immediate removal of all exemptions, which would fall hardest on small-scale operators in peripheral regions with no practical alternative fuels.")
P(d, h, TAX, "calls_for", "The Commission should propose the phase-out of the mandatory exemption for fishing fuels in Article 14(1)(c) over a period of ten years")
P(d, h, TAX, "calls_for", "Member States should be permitted to recycle the revenue raised into direct, lump-sum support for small-scale coastal fishing")
P(d, h, TAX, "commits", "The Centre will publish its full model and data, under an open licence, by the end of January 2025")
P(d, h, FISH, "calls_for", "The Commission should propose the phase-out of the mandatory exemption for fishing fuels in Article 14(1)(c) over a period of ten years")
P(d, h, FISH, "calls_for", "The Commission should therefore pursue an agreement on a common approach with Norway, the United Kingdom and Iceland, alongside the revision of the Directive.")
P(d, h, FISH, "opposes", "We do not support the immediate removal of all exemptions, which would fall hardest on small-scale operators in peripheral regions with no practical alternative fuels.")
P(d, h, ENER, "concerned", "they weaken the price signal that the EU Emissions Trading System and national carbon taxes are meant to send.")
P(d, h, ENER, "supports", "We support the Commission's objective, set out in the 2021 proposal, of aligning minimum tax rates with the energy content and environmental performance of fuels.")
P(d, h, ENER, "calls_for", "The Commission should consider whether renewable fuels, such as biomethane and renewable diesel, used in agriculture and fishing could be taxed at the lowest rate")
P(d, h, CONS, "calls_for", "We recommend that the revised Directive require Member States to report annually to the Commission on the value of every reduced rate and exemption they apply")
P(d, h, CONS, "calls_for", "The revised Directive should include a review clause requiring the Commission to evaluate the effect of the phase-out")
P(d, h, CONS, "commits", "The Centre will publish its full model and data, under an open licence, by the end of January 2025")


# ---------------------------------------------------------------- extra position lines (second pass)
P("act_greater_canberra_planning_bill_submission.md", "Greater Canberra", HOUS, "supports", "We believe an outcomes-focused approach to development assessment can enable a broader diversity of housing options.")
P("act_greater_canberra_planning_bill_submission.md", "Greater Canberra", HOUS, "concerned", "High housing costs are a key driver of poverty and inequality in our city, as well as a dampener on economic development.")
P("ca_committee_local_broadcasting_transcript.txt", "Northern Community Radio Alliance", BROAD, "concerned", "At present, the decision leaves that share undefined.", "Ms. Louise Tremblay-Okimaw")
P("wales_govt_response_river_water_quality.txt", "Welsh Government", TAX, "supports", "We recognise the case for long-term funding.")
P("us_ma_gaming_comment_betharbor.txt", "BetHarbor Interactive, LLC", GAMB, "concerned", "requiring patrons to submit pay stubs or bank statements will push many of them to illegal offshore sites that carry no consumer protections at all.")
P("nz_disability_professional_body_letter.txt", "New Zealand Institute of Disability Support Professionals", DIS, "concerned", "The disability support workforce is already stretched.")

# ---------------------------------------------------------------- authors
authors = {
 "au_ev_inquiry_phil_browne.md": {"author_org": "Phil Browne", "author_org_alt": ["Mr Phil Browne"], "author_person": "Phil Browne",
   "addressee": "Senate Select Committee on Electric Vehicles", "addressee_alt": ["Committee Secretary, Department of the Senate", "Australian Senate"], "kind": "individual"},
 "au_ev_inquiry_city_of_adelaide.md": {"author_org": "City of Adelaide", "author_org_alt": ["Adelaide City Council", "CoA", "Council"], "author_person": "Martin Haese",
   "addressee": "Senate Select Committee on Electric Vehicles", "addressee_alt": ["Committee Secretary, Department of the Senate", "Australian Senate"], "kind": "public body"},
 "nz_green_party_fisheries_release.md": {"author_org": "Green Party", "author_org_alt": ["Green Party of Aotearoa New Zealand", "Greens", "the Green Party"], "author_person": "Eugenie Sage",
   "addressee": None, "addressee_alt": [], "kind": "elected member"},
 "act_griffith_manor_house_open_letter.md": {"author_org": "Signatories of the Griffith Manor House open letter", "author_org_alt": ["Greater Canberra", "open letter signatories"], "author_person": None,
   "addressee": "Members of the ACT Legislative Assembly", "addressee_alt": ["ACT Legislative Assembly", "Legislative Assembly"], "kind": "coalition"},
 "act_greater_canberra_planning_bill_submission.md": {"author_org": "Greater Canberra", "author_org_alt": [], "author_person": None,
   "addressee": "ACT Government", "addressee_alt": ["Environment, Planning and Sustainable Development Directorate", "the Directorate", "ACT Planning System Review and Reform Project"], "kind": "charity/voluntary"},
 "ie_committee_inshore_fisheries_report.txt": {"author_org": "Joint Committee on the Marine and Coastal Communities", "author_org_alt": ["Houses of the Oireachtas", "the Committee"], "author_person": "Áine Ní Fhlatharta",
   "addressee": "Houses of the Oireachtas", "addressee_alt": ["Dáil Éireann", "Seanad Éireann", "Minister for Agriculture, Food and the Marine", "Department of Agriculture, Food and the Marine"], "kind": "public body"},
 "wales_govt_response_river_water_quality.txt": {"author_org": "Welsh Government", "author_org_alt": ["Llywodraeth Cymru", "Cabinet Secretary for Water and Rural Affairs"], "author_person": "Huw Prydderch",
   "addressee": "Rural Affairs and Water Committee", "addressee_alt": ["Senedd Cymru", "Senedd", "the Committee"], "kind": "public body"},
 "ca_committee_local_broadcasting_transcript.txt": {"author_org": "Standing Committee on Regional and Local Media", "author_org_alt": ["House of Commons of Canada", "House of Commons"], "author_person": None,
   "addressee": None, "addressee_alt": [], "kind": "public body"},
 "us_ma_gaming_comment_betharbor.txt": {"author_org": "BetHarbor Interactive, LLC", "author_org_alt": ["BetHarbor", "BetHarbor Interactive"], "author_person": "Karen L. Whitcombe",
   "addressee": "Massachusetts Gaming Commission", "addressee_alt": ["the Commission", "MGC", "Commissioners"], "kind": "company"},
 "nz_disability_professional_body_letter.txt": {"author_org": "New Zealand Institute of Disability Support Professionals", "author_org_alt": ["NZIDSP", "the Institute"], "author_person": "Anahera Whitmore",
   "addressee": "Minister for Disability Issues", "addressee_alt": ["Office of the Minister for Disability Issues"], "kind": "professional body"},
 "eu_energy_taxation_academic_submission.md": {"author_org": "Centre for Environmental Fiscal Policy", "author_org_alt": ["CEFP", "Centre for Environmental Fiscal Policy, Vesterhavn University School of Economics", "Vesterhavn University School of Economics"], "author_person": "Ingrid Solberg-Marek",
   "addressee": "European Commission", "addressee_alt": ["Directorate-General for Taxation and Customs Union", "DG TAXUD"], "kind": "academic"},
}

def dump(name, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
dump("gold_asks.jsonl", asks)
dump("gold_negatives.jsonl", negs)
dump("gold_positions.jsonl", pos)
with open(os.path.join(HERE, "gold_authors.json"), "w", encoding="utf-8") as f:
    json.dump(authors, f, ensure_ascii=False, indent=1)
print(len(asks), "asks;", len(negs), "negatives;", len(pos), "positions")
