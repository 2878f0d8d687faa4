"""The ask rules, one sentence at a time: each rule in ``RULES`` and each exclusion in ``NOT_ASK``.

An ask is a sentence by which its holder recommends, requests, urges, invites, pledges or commits
to a future action. Background, statistics, thanks, praise, refusals, descriptive "should",
reported speech, other people's past recommendations and questions asking for facts are not asks.

Sentences are invented and cover many topics (health, housing, schools, transport, climate, digital,
social care, policing, water, arts funding …) so that no rule passes by knowing a topic.
Cases where the rules currently disagree with these definitions are marked ``xfail(strict=True)``.
"""
import pytest

from analysis import ask_rules
from analysis.ask_rules import NOT_ASK, RULES, classify, excluded, lead_in_hit, looks_like_action, self_commitment
from analysis.records import COMMITMENT, PLEDGE, RECOMMENDATION, REQUEST

RULE = {r.__name__: r for r in RULES}


def known_bug(reason: str):
    """A behaviour that contradicts the definitions today: strict, and only an assertion may fail."""
    return pytest.mark.xfail(reason=reason, strict=True, raises=AssertionError)


# ------------------------------------------------------------------ positives: rule → (type, sentences)

POSITIVES: dict[str, tuple[str, list[str]]] = {
    "reported_recommendation": (RECOMMENDATION, [
        "Recommendation seven of the library review was for councils to keep branches open on Saturdays.",
        "Recommendation 12 of the 2019 coastal survey is that harbour authorities publish tide gauge data.",
        "The audit's third recommendation asked schools to publish their energy use every term.",
        "The Ombudsman's recommendation 5 was that landlords log every damp complaint within a day.",
        "The second recommendation of the Harbour Commission was for ferry operators to publish timetables early.",
        "In its 2022 report, the panel's fourth recommendation required water companies to fit smart meters.",
        "Recommendation 2 of the audit was for the police to record stop and search outcomes by ethnicity.",
        "Recommendation 3 of the inspection was that every ward should have a falls lead.",
        "Action 2 in their plan is to double the number of school crossing patrols.",
    ]),
    "named_list": (RECOMMENDATION, [
        "The Association makes three further recommendations:",
        "We therefore make the following proposals:",
        "Our key demands are as follows:",
        "The Alliance puts forward five proposals for the new rail franchise:",
    ]),
    "labelled_recommendation": (RECOMMENDATION, [
        "Recommendation 4: Fund a ventilation programme for every primary school.",
        "Action 2 – Publish monthly data on sewage overflows.",
        "Proposal three. Extend free bus travel to carers.",
        "Ask 1: Protect arts funding in the next spending review.",
        "Recommendation twelve: Set a target for fibre broadband in rural villages.",
        "Recommendation 9 - Require water companies to publish real-time overflow data.",
    ]),
    "response_request": (REQUEST, [
        "We would appreciate a response by 1 May.",
        "I would be grateful if you could confirm the date of the next inspection.",
        "Please set out the timetable for replacing the lead pipes.",
        "Please could you share the latest figures on fly-tipping?",
        "The Committee asks the Minister to reply within two months.",
        "I look forward to your reply.",
        "We request a meeting with your housing team.",
        "Please confirm whether the arts grant will be renewed next year.",
        "We would welcome an update on the flood defence works.",
    ]),
    "question_request": (REQUEST, [
        "Will you commit to publishing the air quality data every month?",
        "Would the Minister agree to meet families affected by the closure?",
        "Can the council confirm when the library will reopen?",
        "Do you accept that the funding formula must change?",
        "So will you reinstate the evening bus service?",
        "Could you set out how the force will recruit more neighbourhood officers?",
        "Does the Trust accept that the maternity unit is understaffed?",
    ]),
    "invitation": (REQUEST, [
        "We invite you to attend our summit on water quality on 4 June.",
        "We therefore ask the Regulator to publish the cost model behind the new tariffs.",
        "We would also ask the Minister to meet the fruit growers before the levy is set.",
        "I am inviting all candidates to visit a food bank before polling day.",
        "We would urge you to sign our charter on clean air.",
        "We are inviting every secondary school to join the digital skills pilot.",
    ]),
    "pledge": (PLEDGE, [
        "I pledge to protect the green belt from development.",
        "We hereby pledge to halve the attainment gap by 2030.",
        "We urge every candidate to sign our pledge on social care.",
        "Sign up to our pledge to end period poverty in schools.",
    ]),
    "recommend_verb": (RECOMMENDATION, [
        "The Committee recommends that the Department publishes its workforce plan.",
        "It is therefore suggested that the licence fee be halved for volunteer-run museums.",
        "We further propose a single complaints point for passengers on every ferry route.",
        "It is recommended that the definition of a trader include online marketplaces.",
        "We recommend the council adopts a 20mph limit on residential streets.",
        "We propose that the water company funds a hardship scheme.",
        "I would suggest that schools share their mental health leads.",
        "Our recommendation is that the ferry subsidy continues.",
        "We strongly recommend a statutory register of private landlords.",
        "I would advise the board to delay the closure until the consultation ends.",
    ]),
    "urge": (RECOMMENDATION, [
        "We urge the Government to restore the bus service improvement grant.",
        "The Panel urges ministers to publish the social care reform plan.",
        "We call on Ofwat to cap executive bonuses at failing water companies.",
        "We are calling on the Department to fund school rebuilding.",
        "We continue to call on the Mayor to freeze fares.",
        "We call upon the Chief Constable to restore neighbourhood policing in rural areas.",
    ]),
    "encourage": (RECOMMENDATION, [
        "I would encourage you to consider extending the scheme to care leavers.",
        "We encourage the trust to publish its waiting times by specialty.",
        "We encourage greater use of community pharmacies.",
        "We would also encourage local museums to open free on Sundays.",
        "We would encourage Collbury Buses to restore the Sunday timetable.",
        "We strongly encourage central government to fund the scheme for another year.",
    ]),
    "wish": (RECOMMENDATION, [
        "We would like to see every new home fitted with solar panels.",
        "The Forum would welcome a dedicated fund for rural arts venues.",
        "We want every school to have a trained mental health lead.",
        "We are keen to ensure that carers are consulted on the new strategy.",
        "We hope the Council will reconsider the closure of the day centre.",
        "We ask for a review of the parking charges.",
        "We would really like to see a digital inclusion officer in every library.",
    ]),
    "commitment": (COMMITMENT, [
        "We will publish the revised flood plan by June.",
        "Our officials will consult residents on the new parking zones this summer.",
        "I have made a commitment to end rough sleeping in the borough by 2027.",
        "We are currently identifying sites for two new secondary schools.",
        "We are working with the Environment Agency to reduce storm overflows.",
        "We would be happy to meet your officers to discuss the data.",
        "For our part, the Trust will recruit forty more district nurses.",
        "I can confirm that we will extend the pilot to every library.",
        "We remain committed to keeping the museum free to enter.",
        "Our officers will attend every ward surgery in March.",
    ]),
    "vital_that": (RECOMMENDATION, [
        "It is vital that the Council protects frontline youth services.",
        "It is essential to maintain weekly bin collections in rural areas.",
        "There is an urgent need for more respite care for unpaid carers.",
        "It is therefore crucial that the regulator acts on sewage spills.",
        "It is imperative that the regulator acts before the summer.",
    ]),
    "modal_should": (RECOMMENDATION, [
        "The Trust should review its transport booking system.",
        "Any housing strategy must include targets for social rent.",
        "Bus operators need to publish punctuality data every month.",
        "Landlords ought to register every rented property.",
        "The regulator has to take firmer action against water companies.",
        "Schools should not exclude pupils for uniform breaches.",
        "The police must record every hate crime reported to them.",
        "Broadband providers need to offer a social tariff to low-income households.",
    ]),
    "passive_ask": (RECOMMENDATION, [
        "The Ministry is urged to publish the fisheries quota review before the autumn.",
        "Regional water boards are strongly encouraged to report every overflow within a day.",
        "The regulator is called upon to set a ceiling on stake sizes for online slots.",
    ]),
    "direction": (REQUEST, [
        "The Authority requires Harbour Water Limited to publish a leakage recovery plan by March.",
        "The Commission directs Brightline Rail to restore the Sunday timetable within four weeks.",
    ]),
    "motion": (RECOMMENDATION, [
        "That the House debates the closure of rural post offices in the Eastern Cape.",
        "That the Assembly calls on the Minister to publish the drought plan.",
    ]),
    "needed": (RECOMMENDATION, [
        "Dedicated funding is urgently needed to keep rural bus routes running.",
        "Further safeguards are needed to protect tenants from unlawful eviction.",
        "The draft code would benefit from a clear definition of a vulnerable customer.",
    ]),
    "accepts": (COMMITMENT, [
        "The Government accepts the recommendations on the licensing of fishing vessels.",
        "The Department agrees to the Committee's proposals for a single complaints portal.",
        "Ministers reaffirm their existing policy of publishing every inspection report.",
    ]),
    "opportunity": (RECOMMENDATION, [
        "The new duty provides an opportunity to work with local employers.",
        "The devolution deal offers a real opportunity for the region to invest in skills.",
        "The review creates an opportunity for councils to rethink home care.",
        "The new powers offer an opportunity for the police to tackle fly-tipping.",
    ]),
}

# sentences near each rule's pattern that are not asks at all: the rule stays silent, and so does classify
NEGATIVES: dict[str, list[str]] = {
    "reported_recommendation": [
        "Recommendation 4 was accepted in full by the Board.",
        "The first recommendation of the review concerned rural bus routes.",
        "Recommendations are set out in Annex B.",
        "The review's final recommendation was rejected by the library service.",
        "Our second recommendation was drafted with tenants' groups.",
    ],
    "named_list": [
        "The report makes four recommendations:",
        "The Association makes three further recommendations.",
        "Respondents made the following points:",
        "The consultation paper sets out the following proposals:",
    ],
    "labelled_recommendation": [
        "Recommendation 4 was accepted in full by the Board.",
        "In recommendation 5 we set out our concerns about staffing.",
        "Recommendations are set out in Annex B.",
    ],
    "response_request": [
        "Please note that the consultation closes on 5 June.",
        "Please see the attached annex for the full data.",
        "Please find enclosed our annual report.",
        "The response rate to the housing survey was 38%.",
    ],
    "question_request": [
        "Could this be the reason waiting times rose?",
        "You will receive a reply within 20 working days.",
        "The question is whether councils can cope with demand.",
        "How many beds are there?",
    ],
    "invitation": [
        "The council invited residents to comment on the plans last year.",
        "We were invited to give evidence to the inquiry.",
        "The invitation to tender closed in March.",
    ],
    "pledge": [
        "The pledge was launched in 2019 by forty councils.",
        "Councils that signed the pledge have cut waiting lists.",
    ],
    "recommend_verb": [
        "The review recommended that councils pool their budgets.",
        "We do not accept recommendation 3.",
        "The inspector suggested that we extend opening hours.",
    ],
    "urge": [
        "Campaigners have called for a ban on fixed-odds betting terminals.",
        "Residents urged the council to act in 2021.",
        "Parents call for more school places in the town centre.",
        "The urgent care centre opened in May.",
    ],
    "encourage": [
        "The scheme has encouraged 300 households to insulate their homes.",
        "Low fares encourage people to use the bus.",
        "The scheme encourages older residents to try the bus.",
        "Early results from the digital skills pilot are encouraging.",
    ],
    "wish": [
        "Many residents welcomed the new cycle lanes.",
        "We welcome the Government's announcement on flood funding.",
        "Visitors to the gallery would like the café to open later, the survey found.",
    ],
    "commitment": [
        "We will not be able to fund the scheme beyond March.",
        "The new ferry will enter service in 2026.",
        "Officers will know that the budget is under pressure.",
        "We will no doubt return to this subject.",
    ],
    "vital_that": [
        "Clean water is vital for public health.",
        "It was essential that the bridge reopened quickly.",
        "Vital signs were recorded every hour on the ward.",
    ],
    "modal_should": [
        "Should the council fund the scheme?",
        "Sewage spills rose by 40% in 2023.",
        "The museum received 48,000 visitors last year.",
    ],
    "passive_ask": [
        "Last year the board was asked to review its tariffs.",
        "Applicants were invited to attend an interview in March.",
        "The tribunal is asked about fees far less often than about delays.",
    ],
    "direction": [
        "The scheme requires a permit for each vessel.",
        "Planning law requires that every application is advertised.",
    ],
    "motion": [
        "That the house was flooded twice is not in dispute.",
        "The Council debated the budget on Tuesday.",
    ],
    "needed": [
        "No further information is needed at this stage of the application.",
        "The pilot benefited from strong support from local schools.",
        "A licence was needed to fish in the estuary until 2019.",
    ],
    "accepts": [
        "The Government does not accept the recommendations on quotas.",
        "The council accepted only part of the proposals in 2019.",
        "Most respondents accept that the scheme has reduced litter.",
    ],
    "opportunity": [
        "There was no opportunity to comment on the plans.",
        "Residents had the opportunity to vote on the proposals.",
        "Equality of opportunity is one of the Trust's values.",
    ],
}

POSITIVE_CASES = [(rule, typ, s) for rule, (typ, sentences) in POSITIVES.items() for s in sentences]
NEGATIVE_CASES = [(rule, s) for rule, sentences in NEGATIVES.items() for s in sentences]


def test_every_rule_has_positive_and_negative_examples():
    names = {r.__name__ for r in RULES}
    assert set(POSITIVES) == names
    assert set(NEGATIVES) == names


@pytest.mark.parametrize("rule, typ, sentence", POSITIVE_CASES, ids=[f"{r}:{s[:40]}" for r, _, s in POSITIVE_CASES])
def test_rule_fires_and_classify_agrees(rule, typ, sentence):
    hit = RULE[rule](sentence)
    assert hit is not None, f"{rule} missed: {sentence}"
    assert (hit.type, hit.rule) == (typ, rule)
    assert 0 < hit.confidence <= 1
    assert excluded(sentence) is None
    got = classify(sentence)
    assert got is not None and (got.type, got.rule) == (typ, rule)


@pytest.mark.parametrize("rule, sentence", NEGATIVE_CASES, ids=[f"{r}:{s[:40]}" for r, s in NEGATIVE_CASES])
def test_rule_is_silent_on_non_asks(rule, sentence):
    assert RULE[rule](sentence) is None
    assert classify(sentence) is None


# ------------------------------------------------------------------ lead-ins

@pytest.mark.parametrize("lead", [
    "We recommend that the council:",
    "The Committee urges the Government to:",
    "Amongst other measures, we propose that:",
    "The charter asks party leaders to commit to:",
])
def test_a_lead_in_in_which_its_holder_asks_is_an_ask(lead):
    assert classify(lead) is not None


# ------------------------------------------------------------------ not asks, by kind (the definitions' list)

NOT_ASKS = [
    ("background", "Westbury General Hospital opened its new emergency department in 2021."),
    ("background", "The inquiry closed on 12 March."),
    ("background", "The county's bus network is run by three operators under contract to the council."),
    ("statistic", "Sewage spills rose by 40% in 2023."),
    ("statistic", "The force employs 1,200 officers."),
    ("statistic", "In 2022 the council spent £4.2m on temporary accommodation."),
    ("statistic", "One in five pupils in the county is eligible for free school meals."),
    ("thanks", "Thank you for your letter of 3 May about bus services."),
    ("thanks", "We would like to thank the volunteers who ran the pop-up clinic."),
    ("thanks", "Many thanks for meeting us to discuss the flood scheme."),
    ("thanks", "I am grateful for the time your officers gave to our members."),
    ("praise", "The volunteers should be commended for their work."),
    ("praise", "Staff on the ward deserve to be congratulated on the inspection result."),
    ("praise", "The school must also be praised for its inclusive approach."),
    ("praise", "We welcome the Government's announcement on flood funding."),
    ("refusal", "We do not accept recommendation 3."),
    ("refusal", "The Department does not agree that a statutory register is needed."),
    ("refusal", "The Government rejects this recommendation."),
    ("refusal", "We are not minded to extend the scheme to private hire vehicles."),
    ("refusal", "We cannot commit to additional funding for the museum this year."),
    ("refusal", "The Council has no plans to close Hillside Library."),
    ("refusal", "The Trust will not support the proposed merger of the two wards."),
    ("descriptive should", "It should be noted that the figures exclude agency staff."),
    ("descriptive should", "Referrals should rise as awareness grows."),
    ("descriptive should", "The service is not as responsive as it should be."),
    ("descriptive should", "The bridge should have been repaired years ago."),
    ("reported speech", "Officers told us that the new system had reduced waiting times."),
    ("reported speech", "The Chief Constable assured the committee that patrols would increase."),
    ("reported speech", "Parents said that school transport costs were rising."),
    ("past recommendation", "The review recommended that councils pool their budgets."),
    ("past recommendation", "In 2019 the inspectorate called for a national register of landlords."),
    ("past recommendation", "The Panel's previous report urged ministers to act on fuel poverty."),
    ("past recommendation", "Residents requested a pedestrian crossing outside the school."),
    ("wh-question", "How many beds are there?"),
    ("wh-question", "When did the pilot start?"),
    ("wh-question", "What is the current waiting time for an assessment?"),
    ("wh-question", "Which schools have been inspected this year?"),
    ("courtesy", "If you have any questions about our comments, please do not hesitate to contact me."),
    ("courtesy", "Please feel free to contact us if any further information would help."),
    ("position", "Growers are concerned that the new levy should not fall on the smallest farms first."),
    ("position", "We agree with the regulator that operators should not offer inducements to lapsed customers."),
    ("position", "The association agrees that quota transfers must be recorded in a public register."),
    ("position", "We share the Ministry's concern that quota swaps must not weaken inshore fleets."),
    ("descriptive requirement", "The register lists the data fields that must be collected at every visit."),
    ("reported speech", "In a statement to the press, the coalition has said the Minister must act."),
    ("bare lead-in", "Our priorities are as follows:"),
    ("bare lead-in", "Actions should include:"),
]


@pytest.mark.parametrize("kind, sentence", NOT_ASKS, ids=[f"{k}:{s[:40]}" for k, s in NOT_ASKS])
def test_not_an_ask(kind, sentence):
    assert classify(sentence) is None


# ------------------------------------------------------------------ exclusions

# (exclusion, sentence, a rule that fires on the sentence on its own and is overridden — or None)
EXCLUDED = [
    ("non_committal", "We will keep the age limit for the bus pass under review.", "commitment"),
    ("non_committal", "The Ministry will consider whether a levy on plastic cutlery is needed.", None),
    ("worth_noting", "It is important to note that waiting lists fell by 8% last year.", "vital_that"),
    ("worth_noting", "It is worth noting that the depot closed in 2019.", None),
    ("expectation", "The new boilers should last for twenty years.", "modal_should"),
    ("expectation", "The survey results should be available in the spring.", "modal_should"),
    ("thanks", "Thank you for your letter of 3 May about bus services.", None),
    ("thanks", "We would like to thank the volunteers who ran the pop-up clinic.", None),
    ("thanks", "We are grateful for the additional funding for school meals.", None),
    ("refusal", "We do not accept recommendation 3.", None),
    ("refusal", "The Department does not agree that a statutory register is needed.", None),
    ("refusal", "The Board declines the invitation to review its charging policy.", None),
    ("refusal", "We cannot commit to additional funding for the museum this year.", None),
    ("descriptive_should", "Referrals should rise as awareness grows.", "modal_should"),
    ("descriptive_should", "It must be remembered that the trust inherited a large deficit.", "modal_should"),
    ("descriptive_should", "The bridge should have been repaired years ago.", "modal_should"),
    ("descriptive_should", "Costs would double by 2030 without intervention.", None),
    ("reported_speech", "Officers told us that the new system had reduced waiting times.", None),
    ("reported_speech", "The inspector explained that the inspection had been delayed.", None),
    ("reported_speech", "The inspector suggested that we extend opening hours.", None),
    ("reported_speech", "In the earlier review it was suggested that the ferry fares rise.", None),
    ("past_report", "The review recommended that councils pool their budgets.", None),
    ("past_report", "Campaigners have called for a ban on fixed-odds betting terminals.", None),
    ("past_report", "Residents requested a pedestrian crossing outside the school.", None),
    ("descriptive_trend", "Demand is expected to rise by 20% over the next decade.", None),
    ("descriptive_trend", "Waiting lists will continue to grow as the population ages.", None),
    ("descriptive_trend", "Bus patronage will fall sharply in rural areas.", None),
    ("conditional_necessity", "Councils would have to raise council tax to fill the gap.", "modal_should"),
    ("conditional_necessity", "We'll have to wait and see what the spending review brings.", "modal_should"),
    ("legal_duty", "Under section 11 of the Children Act 2004, the council must safeguard children in its area.", "modal_should"),
    ("legal_duty", "Under regulation 4, providers must notify the regulator of serious incidents.", "modal_should"),
    ("procedure", "That concludes this session.", None),
    ("procedure", "We will now take a short break.", "commitment"),
    ("procedure", "Let us move on to the question of funding.", None),
    ("praise", "The volunteers should be commended for their work.", "modal_should"),
    ("praise", "Staff on the ward deserve to be congratulated on the inspection result.", None),
    ("normative_right", "Every child should have the right to a school place near home.", "modal_should"),
    ("normative_right", "Disabled passengers must have an equal right to use the station.", "modal_should"),
    ("speech_hedge", "We need to be honest about the scale of the problem.", "modal_should"),
    ("speech_hedge", "I have to be realistic about what the council can afford.", "modal_should"),
    ("bare_lead_in", "The measures should include:", "modal_should"),
    ("courtesy", "If you have any questions about our comments, please do not hesitate to contact me.", "response_request"),
    ("courtesy", "Please feel free to contact us if any further information would help.", None),
    ("courtesy", "We would be happy to discuss any aspect of this response with officials.", None),
    ("consulted_proposal", "The Regulator proposes that operators must publish complaint figures every quarter.", "modal_should"),
    ("position_clause", "We share the Ministry's concern that quota swaps must not weaken inshore fleets.", "modal_should"),
    ("position_clause", "The growers are concerned that the levy should fall on small farms first.", "modal_should"),
    ("relative_requirement", "The register lists the data fields that must be collected at every visit.", "modal_should"),
    ("bare_lead_in", "Actions should include:", "modal_should"),
    ("bare_lead_in", "Our priorities are as follows:", None),
    ("wh_question", "How many beds are there?", None),
    ("wh_question", "Why were the results not published?", None),
    ("wh_question", "What is the current waiting time for an assessment?", None),
    ("information_question", "Please show me what the budget is for road repairs.", "response_request"),
    ("information_question", "Could you show us where the new cycle lanes will go?", "question_request"),
    ("conditional_should", "If you should need further information, please contact me.", "modal_should"),
    ("conditional_should", "If there should be any problems with the collection, call the helpline.", "modal_should"),
]

# (exclusion the sentence comes close to, sentence, type, rule): an ask the exclusion must not swallow
NOT_EXCLUDED = [
    ("non_committal", "We will publish a tracker of step-free stations every six months.", COMMITMENT, "commitment"),
    ("past_report", "The council should consult residents near the proposed development on the road layout.",
     RECOMMENDATION, "modal_should"),
    ("expectation", "Support should be available to every survivor, whatever their immigration status.",
     RECOMMENDATION, "modal_should"),
    ("worth_noting", "It is important that the trust publishes its waiting times.", RECOMMENDATION, "vital_that"),
    ("thanks", "We would be grateful if you could confirm the date of the inspection.", REQUEST, "response_request"),
    ("refusal", "We urge the council not to close the library.", RECOMMENDATION, "urge"),
    ("refusal", "The Trust should not reject referrals from GPs.", RECOMMENDATION, "modal_should"),
    ("refusal", "We will support the Council to deliver the new housing strategy.", COMMITMENT, "commitment"),
    ("descriptive_should", "Business rates should be frozen for small music venues.", RECOMMENDATION, "modal_should"),
    ("descriptive_should", "Landlords should register every rented property.", RECOMMENDATION, "modal_should"),
    ("reported_speech", "We urge the Council to tell residents what the changes mean.", RECOMMENDATION, "urge"),
    ("past_report", "The review recommended a single register and we urge ministers to legislate for it.",
     RECOMMENDATION, "urge"),
    ("descriptive_trend", "The Government must increase the grant by 10%.", RECOMMENDATION, "modal_should"),
    ("conditional_necessity", "Operators have to be held to account for sewage spills.", RECOMMENDATION, "modal_should"),
    ("legal_duty", "The council must use its powers under section 215 to tackle derelict buildings.",
     RECOMMENDATION, "modal_should"),
    ("procedure", "We will publish our conclusions in the spring.", COMMITMENT, "commitment"),
    ("praise", "The Trust should be required to publish its staffing levels.", RECOMMENDATION, "modal_should"),
    ("normative_right", "Tenants should have a say in how repairs are prioritised.", RECOMMENDATION, "modal_should"),
    ("speech_hedge", "Providers need to be clear with families about charges.", RECOMMENDATION, "modal_should"),
    ("bare_lead_in", "We recommend that the council adopts a 20mph limit on residential streets.",
     RECOMMENDATION, "recommend_verb"),
    ("wh_question", "Which is why we urge the Government to act now.", RECOMMENDATION, "urge"),
    ("information_question", "Please tell residents when the works will start.", REQUEST, "response_request"),
    ("conditional_should", "If the pilot succeeds, the Council should extend it to every ward.",
     RECOMMENDATION, "modal_should"),
]


def test_every_exclusion_is_exercised():
    names = {name for name, _ in NOT_ASK}
    assert {e for e, _, _ in EXCLUDED} == names
    assert {e for e, _, _, _ in NOT_EXCLUDED} <= names


@pytest.mark.parametrize("name, sentence, overridden", EXCLUDED, ids=[f"{n}:{s[:40]}" for n, s, _ in EXCLUDED])
def test_exclusion_applies(name, sentence, overridden):
    assert excluded(sentence) == name
    assert classify(sentence) is None
    if overridden:  # the exclusion is what stops an ask rule that matches the words
        assert RULE[overridden](sentence) is not None


@pytest.mark.parametrize("name, sentence, typ, rule", NOT_EXCLUDED, ids=[f"{n}:{s[:40]}" for n, s, _, _ in NOT_EXCLUDED])
def test_exclusion_leaves_real_asks_alone(name, sentence, typ, rule):
    assert excluded(sentence) is None
    hit = classify(sentence)
    assert hit is not None and (hit.type, hit.rule) == (typ, rule)


def test_skip_lets_a_named_exclusion_through():
    lead = "The measures should include:"
    assert classify(lead) is None
    assert excluded(lead, skip=("bare_lead_in",)) is None
    hit = classify(lead, skip=("bare_lead_in",))
    assert (hit.type, hit.rule) == (RECOMMENDATION, "modal_should")
    # skipping one exclusion leaves the others in force
    assert classify("We do not accept recommendation 3.", skip=("bare_lead_in",)) is None


def test_rule_order_specific_before_general():
    # a pledge sentence is also a first-person "I pledge to …" intent: the pledge rule wins
    assert ask_rules.commitment("I pledge to protect the green belt from development.") is not None
    assert classify("I pledge to protect the green belt from development.").type == PLEDGE
    # "We would welcome an update" is both a wish and a request for a response: the request wins
    assert ask_rules.wish("We would welcome an update on the flood defence works.") is not None
    assert classify("We would welcome an update on the flood defence works.").type == REQUEST
    # a cited recommendation containing "should" is the cited recommendation, not the author's modal
    assert classify("Recommendation 3 of the inspection was that every ward should have a falls lead.").rule \
        == "reported_recommendation"


# ------------------------------------------------------------------ where the rules disagree with the definitions

WRONG = [
    pytest.param("We accept recommendation 3 and will publish the data by June.", (COMMITMENT, "commitment"),
                 id="missed-commitment-accept-and-will"),
    pytest.param("It is important to note that waiting lists fell last year.", None,
                 id="vital_that-important-to-note"),
    pytest.param("The new boilers should last for twenty years.", None,
                 id="epistemic-should-last"),
    pytest.param("The results should be available in the spring.", None,
                 id="epistemic-should-be-available"),
    pytest.param("We cannot accept any further delay and urge the Department to publish the strategy now.",
                 (RECOMMENDATION, "urge"),
                 id="refusal-swallows-urge"),
    pytest.param("Healthwatch reported that waiting times have doubled, so we urge the Trust to recruit more staff.",
                 (RECOMMENDATION, "urge"),
                 id="reported-speech-swallows-urge"),
    pytest.param("We recommend that the council adopts the approach the review proposed.",
                 (RECOMMENDATION, "recommend_verb"),
                 id="past-report-swallows-recommend"),
    pytest.param("We urge the Department to implement the changes requested by parents.", (RECOMMENDATION, "urge"),
                 id="past-report-swallows-urge"),
    pytest.param("Spending on children's mental health must rise by at least 5% a year.",
                 (RECOMMENDATION, "modal_should"),
                 id="descriptive-trend-swallows-must"),
    pytest.param("We will conclude the review by March.", (COMMITMENT, "commitment"),
                 id="procedure-swallows-commitment"),
    pytest.param("New tenants should be welcomed with a home visit within two weeks.",
                 (RECOMMENDATION, "modal_should"),
                 id="praise-swallows-should-be-welcomed"),
]


@pytest.mark.parametrize("sentence, expected", WRONG)
def test_rules_against_the_definitions(sentence, expected):
    hit = classify(sentence)
    assert (None if hit is None else (hit.type, hit.rule)) == expected


# ------------------------------------------------------------------ self_commitment

OWN = ["Northshire Chamber of Commerce", "NCC", "Chamber"]


@pytest.mark.parametrize("sentence", [
    "The Chamber will promote the apprenticeship scheme to its members.",
    "NCC is currently surveying members on energy costs.",
    "Northshire Chamber of Commerce is committed to halving its emissions by 2030.",
    "From April, the Chamber will host a monthly digital skills clinic.",
    "The Chamber also intends to lobby for lower business rates.",
])
def test_self_commitment_by_own_name(sentence):
    hit = self_commitment(sentence, OWN)
    assert hit is not None and (hit.type, hit.rule) == (COMMITMENT, "self_commitment")


@pytest.mark.parametrize("sentence, own", [
    ("The Chamber will not support the new levy.", OWN),  # a refusal
    ("The Chamber will no doubt return to this.", OWN),
    ("The Chamber welcomed the announcement.", OWN),  # no future action
    ("The Council will close the library in June.", OWN),  # someone else's plan
    ("The Chamber will promote the scheme.", []),  # no own names known
    ("Hillside Residents' Association will run the rota.", OWN),
])
def test_self_commitment_only_for_the_holder_binding_itself(sentence, own):
    assert self_commitment(sentence, own) is None


# ------------------------------------------------------------------ lead-ins of lists

@pytest.mark.parametrize("lead, typ, rule", [
    ("As a candidate, I pledge to:", PLEDGE, "pledge_list"),
    ("We ask candidates to sign our pledge:", PLEDGE, "pledge_list"),
    ("We ask the Government to:", REQUEST, "list_invitation"),
    ("We are asking every MP to:", REQUEST, "list_invitation"),
    ("Please could you:", REQUEST, "list_response_request"),
    ("The Committee recommends that the trust:", RECOMMENDATION, "list_recommend_verb"),
    ("We urge you to:", RECOMMENDATION, "list_urge"),
    ("We would like to see:", RECOMMENDATION, "list_wish"),
    ("We will:", COMMITMENT, "list_commitment"),
    ("This could include:", RECOMMENDATION, "action_list"),
    ("Our asks are:", RECOMMENDATION, "list_named_list"),
])
def test_lead_in_frames_its_items(lead, typ, rule):
    hit = lead_in_hit(lead)
    assert hit is not None and (hit.type, hit.rule) == (typ, rule)


@pytest.mark.parametrize("lead", [
    "Members:",
    "Background:",
    "Our members told us that:",
    "We recommend that the Trust publishes its data.",  # not a lead-in: no colon
    "We will publish the plan in June.",
])
def test_not_a_lead_in_of_asks(lead):
    assert lead_in_hit(lead) is None


@pytest.mark.parametrize("lead", [
    pytest.param("The panel heard from the following witnesses:", id="witness-list"),
    pytest.param("Key statistics for 2023 include:", id="statistics-list"),
    pytest.param("The following organisations responded:", id="respondents-list"),
])
def test_lead_in_of_facts_frames_no_asks(lead):
    """'the following …:' may introduce actions or facts: the lead-in alone can't tell, so its items must
    read as actions before they count (extract_asks checks; here: names and figures never do)."""
    from analysis.ask_rules import looks_like_action

    hit = lead_in_hit(lead)
    assert hit is None or hit.rule == "action_list"
    for item in ["Dr Sara Lind, Director of Public Health", "62% of residents use the number 7 bus",
                 "Northshire Wildlife Trust", "Bus passengers in rural wards"]:
        assert not looks_like_action(item)


def test_the_holder_naming_itself_in_a_lead_in_frames_commitments():
    hit = lead_in_hit("In the coming year the Council will:", ["Anytown Borough Council", "Council"])
    assert (hit.type, hit.rule) == (COMMITMENT, "list_self_commitment")
    assert lead_in_hit("In the coming year the Council will:", ["Anytown Tenants' Association"]) is None


# ------------------------------------------------------------------ list items that read as actions

@pytest.mark.parametrize("item", [
    "Deliver 500 new homes for social rent",
    "Ensuring every pupil has a school place within two miles",
    "Prioritise repairs to damp and mouldy homes",
    "to fund free swimming for under-16s",
    "Set up a single point of contact for carers",
    "Roll out gigabit broadband to every village",
    "Restore the Sunday service on the number 7 bus.",
    "Recruit 50 more neighbourhood police officers",
])
def test_looks_like_action(item):
    assert looks_like_action(item)


@pytest.mark.parametrize("item", [
    "Jane Smith, Director of Public Health",
    "31,000 patients were discharged last year",
    "The Council",
    "62% of residents use the bus weekly",
    "Westbury Arts Centre (2019 to 2023)",
])
def test_does_not_look_like_action(item):
    assert not looks_like_action(item)


@pytest.mark.parametrize("item", [
    pytest.param("Housing associations and private landlords", id="Housing-noun"),
    pytest.param("Evening bus services on route 42", id="Evening-noun"),
    pytest.param("Likewise, the second pilot ended early.", id="Likewise-ise"),
])
def test_nouns_and_adverbs_are_not_actions(item):
    assert not looks_like_action(item)


@pytest.mark.parametrize("item", ["Meet the residents' association before the consultation closes.",
                                  "Plant 500 street trees in the town centre by 2027.",
                                  "Recycle the demolition rubble on site.",
                                  "Insulate every council home built before 1980."])
def test_list_items_in_the_imperative_are_actions(item):
    from analysis.ask_rules import looks_like_action

    assert looks_like_action(item)


# ------------------------------------------------------------------ verb-less proposals

@pytest.mark.parametrize("item", [
    "Reduced stamp duty on electric vans.",
    "A ban on gambling adverts before the watershed.",
    "Mandatory warnings on every alcohol advert.",
    "Funding for rural bus routes in upland parishes.",
    "Incentives for farmers to plant hedgerows.",
])
def test_a_verbless_proposal_is_recognised(item):
    assert ask_rules.looks_like_proposal(item)


@pytest.mark.parametrize("item", [
    "Independent testing in 2023 found that most callers got through first time.",
    "Annual Report 2023-24",
    "National Ferry Users Forum",
    "More homes are needed in the valley.",
    "fewer than one in five tenants takes up the offer;",
])
def test_a_clause_a_name_or_a_title_is_no_verbless_proposal(item):
    assert not ask_rules.looks_like_proposal(item)


@pytest.mark.parametrize("sentence, rule", [
    ("The Fishermen's Federation respectfully requests that the Ministry delay the quota change.", "response_request"),
    ("We ask that the council publish the tree survey.", "wish"),
])
def test_requests_that(sentence, rule):
    hit = classify(sentence)
    assert hit is not None and hit.type in (REQUEST, RECOMMENDATION)


def test_requests_as_a_noun_is_no_request():
    assert classify("In relation to the requests that the board has received, figures are in Annex B.") is None
