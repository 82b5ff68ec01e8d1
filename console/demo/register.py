"""The demo register's fixed content: ten fictional subjects at HMP Ashdown,
with their reports, referrals, measures and log entries. Every person,
prisoner number and reference here is invented. Day offsets are relative to
the day the demo is built (negative: in the past), so its flags are true
whenever it is run.
"""

# Day offsets: negative is in the past. Statuses are reached through the
# ordinary transitions, one reason each.
# Each subject: profile, threat (L, I, residual L, residual I), status path,
# closing outcome, side states, reports, referrals, measures.
# Report: (key, type, days, source, intel, handling, condition, author,
#          withheld, summary, full text)
# Referral: (target, days referred, reference, report key or None,
#            days acknowledged or None, next chase days or None, outcome)
# Measure: (deputy, aim, type, details, start days, review days, status,
#           effectiveness, [(deputy, log text), ...])

SUBJECTS = [
    dict(
        name="Rhys Llewellyn", staff_number="AS10417", role="Prison officer (Band 3)",
        location="A Wing", employment_type="directly_employed", start=-2900,
        categories=["conveyance", "relationship"], threat=(4, 5, 3, 4),
        owner="hmarsh", review=10,
        notes="Night-shift officer on A Wing. Suspended pending the police investigation.",
        path=["assessed", "referred_hq", "under_investigation"], outcome=None,
        suspended=True, restricted=False,
        reports=[
            ("r1", "ssir", -62, 2, "B", "P", "", "SO Hannah Price", False,
             "Officer seen passing a small package to a prisoner at the A Wing servery.",
             "At about 17:40 SO Price saw the officer hand a small wrapped package to "
             "prisoner A4821KD at the servery hatch. The prisoner put it in his waistband."),
            ("r2", "telephone", -55, 1, "B", "C", "Share only with HQ counter-corruption and "
             "the police.", "Telephone monitoring team", False,
             "A prisoner's call refers to 'the officer on nights' bringing items in.",
             "Call from A4821KD to a number linked to a known associate: 'the one on nights "
             "will sort it Thursday'. The officer was rostered on nights that Thursday."),
            ("r3", "search_find", -41, 1, "A", "P", "", "Dedicated search team", False,
             "Mobile phone and SIM cards found in a cell on the officer's landing after a "
             "night shift.",
             "Intelligence-led search of A2-14 found a mobile phone, charger and three SIM "
             "cards wrapped in the same tape as the package seen at the servery."),
            ("r4", "prisoner_info", -5, 3, "C", "P", "", "", True,
             "A prisoner says items are still coming onto A Wing despite the suspension.",
             "Prisoner informant (author withheld) says another member of staff may be "
             "involved. Untested; passed to the head of security."),
        ],
        referrals=[
            ("hq", -50, "CCU-ASH-0412", None, -46, None,
             "Accepted by HQ counter-corruption; passed to the regional police team."),
            ("police", -38, "Operation Kestrel", "r3", -36, 14, ""),
        ],
        measures=[
            ("dosei", "pursue", "suspension", "Suspended from duty on full pay pending the "
             "police investigation; building pass withdrawn.", -37, 20, "active",
             "Effective: no access to the establishment since suspension.",
             [("dosei", "Suspension agreed with HR; continues for another 28 days."),
              ("cvaughan", "Pass withdrawn and gate staff briefed.")]),
            ("cvaughan", "pursue", "referral", "Evidence bundle for the police team: search "
             "records, call monitoring extracts, rosters.", -38, -3, "active", "",
             [("cvaughan", "Rosters for the last six months sent to the police team.")]),
        ]),
    dict(
        name="Katarzyna Nowak", staff_number="AS10288", role="Supervising officer (Band 4)",
        location="Reception", employment_type="directly_employed", start=-4100,
        categories=["conveyance", "failure_of_duty"], threat=(5, 5, 2, 5),
        owner="hmarsh", review=30,
        notes="Reception supervisor. Charged; suspended with bail conditions not to contact "
              "staff at the establishment.",
        path=["assessed", "referred_hq", "under_investigation", "criminal_proceedings"],
        outcome=None, suspended=True, restricted=False,
        reports=[
            ("r1", "search_find", -120, 1, "A", "P", "", "Reception officer", False,
             "Controlled drugs found in a property parcel that had been signed off as "
             "searched at reception.",
             "A parcel for B3118TW, signed as searched by the supervisor, held 40 grams of "
             "a synthetic cannabinoid when re-searched on the wing."),
            ("r2", "drug_testing", -110, 2, "C", "P", "", "Drug strategy lead", False,
             "Positive drug tests rose on the wings served by reception over the same "
             "period.",
             "Random testing positives rose from 9% to 23% across B and C wings between "
             "the dates on which the supervisor led reception."),
            ("r3", "police", -75, 1, "A", "C", "Not to be shared with wing staff.",
             "Police liaison officer", False,
             "Police confirm the member of staff has been charged.",
             "Charged with misconduct in public office and conspiracy to convey a List A "
             "article. First hearing at the magistrates' court."),
        ],
        referrals=[
            ("police", -114, "Operation Larch", "r1", -113, None,
             "Charged; trial listed at the Crown Court."),
            ("hq", -108, "CCU-ASH-0377", None, -106, None,
             "Joint investigation by HQ counter-corruption and the police."),
            ("hq", -74, "CCU-ASH-0377", None, -73, None,
             "HQ told of the charge; case file updated."),
        ],
        measures=[
            ("cvaughan", "pursue", "suspension", "Suspended from duty; bail conditions "
             "forbid contact with staff.", -113, 30, "active", "Effective.",
             [("cvaughan", "Bail conditions copied to the gate and the HR business partner.")]),
            ("dosei", "prepare", "other", "Review of reception search procedures and "
             "sign-off controls.", -100, None, "ended",
             "Two-person sign-off for property parcels now in the local security strategy.",
             [("dosei", "Review finished; new sign-off sheet in use from Monday."),
              ("cvaughan", "Dip sample of 20 parcels: all signed by two officers.")]),
        ]),
    dict(
        name="Ciarán Doyle", staff_number="AS10563", role="Custodial manager",
        location="Segregation unit", employment_type="directly_employed", start=-5200,
        categories=["influencing", "bribes"], threat=(3, 4, 2, 3),
        owner="dosei", review=-12,
        notes="Restricted to non-prisoner-facing duties while the disciplinary case runs.",
        path=["assessed", "referred_hq", "under_investigation", "disciplinary"],
        outcome=None, suspended=False, restricted=True,
        reports=[
            ("r1", "ssir", -95, 2, "C", "P", "", "", True,
             "Staff report the manager pressed colleagues to overlook a prisoner's "
             "unauthorised item.",
             "Two officers say the manager told them to 'leave it' when they found a "
             "vape and cash in a segregation cell, and to leave it off the search record."),
            ("r2", "ssir", -90, 2, "B", "P", "", "", True,
             "A second colleague reports being offered favours to change a shift.",
             "An officer was offered a preferred leave slot if he swapped onto the "
             "segregation unit on a named date."),
            ("r3", "other", -87, 1, "B", "P", "", "Head of Security", False,
             "Roster records match the dates in the staff reports.",
             "Rosters confirm the manager was in charge on both dates and that the shift "
             "swap took place."),
        ],
        referrals=[
            ("hq", -88, "CCU-ASH-0391", None, -84, None,
             "HQ counter-corruption advised a local disciplinary route."),
            ("psu", -85, "PSU-2231", None, -80, 21,
             "Disciplinary investigation commissioned; hearing to be arranged."),
        ],
        measures=[
            ("dosei", "protect", "moved", "Moved to the orderly office; no prisoner contact "
             "and no segregation duties.", -84, 14, "active", "Effective so far.",
             [("dosei", "Move agreed with the trade union representative present.")]),
            ("dosei", "prevent", "supervision", "Weekly supervision meeting with the deputy "
             "governor.", -80, -6, "degraded",
             "Two meetings missed because of staffing shortfalls.",
             [("dosei", "Meeting held; no concerns raised."),
              ("cvaughan", "Meeting cancelled: detached duty. Needs rebooking.")]),
        ]),
    dict(
        name="Aisha Siddiqui", staff_number="AS30112", role="Healthcare support worker",
        location="Healthcare", employment_type="contractor", start=-700,
        categories=["conveyance", "theft"], threat=(3, 3, 2, 3),
        owner="dosei", review=21,
        notes="Employed by the healthcare provider. Provider's manager informed.",
        path=["assessed", "referred_hq"], outcome=None, suspended=False, restricted=False,
        reports=[
            ("r1", "prisoner_info", -30, 3, "C", "P", "", "", True,
             "A prisoner alleges medication is supplied outside the prescription process.",
             "Prisoner C2290LM says the support worker gives out extra pregabalin in exchange for "
             "canteen items. Untested source."),
            ("r2", "drug_testing", -26, 2, "C", "P", "", "Pharmacy lead", False,
             "Healthcare stock counts were short on dates the member of staff was on shift.",
             "Stock reconciliation shows shortfalls of pregabalin on six of eight dates the "
             "support worker was on the medication round."),
            ("r3", "search_find", -12, 2, "B", "P", "", "C Wing search team", False,
             "Tablets matching healthcare stock were found in a cell on C Wing.",
             "Cell search of C1-07 found 28 tablets in healthcare blister packs with the "
             "batch number of the missing stock."),
        ],
        referrals=[
            ("hq", -24, "", None, None, -3, ""),
        ],
        measures=[
            ("cvaughan", "protect", "restricted_access", "Removed from controlled-drugs key "
             "holding; no lone access to the pharmacy.", -24, 7, "active", "",
             [("cvaughan", "Key removed from the support worker's key pouch; key log updated.")]),
            ("dosei", "prevent", "supervision", "Second checker on every medication round "
             "the support worker works.", -24, -2, "active", "Partly effective: not every round "
             "has a second checker.",
             [("dosei", "Provider agreed to supply a second checker."),
              ("cvaughan", "Spot check: second checker present on two of three rounds.")]),
        ]),
    dict(
        name="Gwilym Hughes", staff_number="AS10702", role="Prison officer (Band 3)",
        location="C Wing", employment_type="directly_employed", start=-1500,
        categories=["relationship", "disclosure"], threat=(4, 4, 3, 3),
        owner="cvaughan", review=14,
        notes="Long-serving officer; no previous concerns.",
        path=["assessed", "referred_hq"], outcome=None, suspended=False, restricted=False,
        reports=[
            ("r1", "telephone", -20, 1, "B", "C", "Do not disclose to wing staff.",
             "Telephone monitoring team", False,
             "Calls between a prisoner and a relative mention the officer by first name and "
             "shift times.",
             "D5530QP's calls to his sister name 'Gwil' and give the officer's shifts for "
             "the following week accurately."),
            ("r2", "ssir", -16, 2, "C", "P", "", "Visits officer", False,
             "Officer seen in a long private conversation in the visits hall with a "
             "prisoner's relative.",
             "During a social visit the officer spoke with the prisoner's sister for about "
             "ten minutes away from the tables, while not rostered on visits."),
            ("r3", "ssir", -25, 2, "C", "P", "", "", True,
             "A colleague says the officer knew about a cell search before it was announced.",
             "The officer told a colleague which cell would be searched that evening, "
             "before the search team had briefed the wing."),
        ],
        referrals=[
            ("hq", -5, "", None, None, 5, ""),
        ],
        measures=[
            ("dosei", "protect", "shift_change", "Removed from the evening rota on C Wing "
             "and from visits.", -15, 21, "active", "",
             [("dosei", "New shift pattern agreed and published.")]),
            ("cvaughan", "prepare", "other", "Contingency plan should the officer be "
             "suspended: cover, pass withdrawal and briefing lines.", -5, 14, "planned", "",
             [("cvaughan", "Draft plan written; to be agreed with the governor.")]),
        ]),
    dict(
        name="Tomasz Wiśniewski", staff_number="AS40318", role="Maintenance technician",
        location="Works department", employment_type="contractor", start=-400,
        categories=["escape", "theft"], threat=(3, 5, 2, 5),
        owner="cvaughan", review=-4,
        notes="Facilities contractor working inside the secure perimeter.",
        path=["assessed"], outcome=None, suspended=False, restricted=False,
        reports=[
            ("r1", "search_find", -18, 2, "A", "P", "", "Works manager", False,
             "Tools went missing from the works department after the technician's shift; "
             "one was later found in a prisoner's cell.",
             "A hacksaw blade signed out to the technician was not returned; it was found in "
             "E2-31 three days later."),
            ("r2", "ssir", -14, 2, "C", "P", "", "Perimeter patrol officer", False,
             "The technician was seen sketching the fence line near the works yard.",
             "Officer saw the technician drawing in a notebook by the inner fence for several "
             "minutes; the notebook was not checked at the gate."),
        ],
        referrals=[],
        measures=[
            ("cvaughan", "protect", "restricted_access", "Escorted at all times inside the "
             "perimeter; tool checks at the start and end of every shift.", -13, 7,
             "active", "",
             [("cvaughan", "Escort rota agreed with the works manager."),
              ("cvaughan", "Tool check sheet reviewed: complete for the week.")]),
            ("dosei", "prevent", "enhanced_searching", "Full search on entry and exit, "
             "including bags and notebooks.", -13, -1, "active", "",
             [("dosei", "Gate briefed; searches recorded on the gate log.")]),
        ]),
    dict(
        name="Niamh O'Sullivan", staff_number="AS30245", role="Teacher",
        location="Education", employment_type="contractor", start=-900,
        categories=["sexual_misconduct", "relationship"], threat=(2, 5, 2, 3),
        owner="dosei", review=-2,
        notes="Employed by the education provider.",
        path=[], outcome=None, suspended=False, restricted=False,
        reports=[
            ("r1", "ssir", -9, 3, "D", "P", "", "", True,
             "A colleague reports hearing remarks of a sexual nature made to a prisoner in "
             "class.",
             "A teaching support worker heard remarks to one learner she found inappropriate; "
             "she did not hear the full exchange."),
            ("r2", "prisoner_info", -11, 3, "C", "P", "", "", True,
             "A prisoner says a learner boasts of a relationship with the teacher.",
             "Wing informant says F1062RS claims to be 'seeing' a teacher. Untested."),
        ],
        referrals=[],
        measures=[
            ("dosei", "protect", "supervision", "Classroom door kept open and a second member "
             "of staff present in lessons with the learner.", -8, 14, "active", "",
             [("dosei", "Education manager agreed the arrangement.")]),
            ("cvaughan", "prepare", "other", "Plan for immediate removal from the classroom "
             "if the reports are corroborated; safeguarding lead briefed.", -8, 21,
             "planned", "",
             [("cvaughan", "Safeguarding lead briefed.")]),
        ]),
    dict(
        name="Bilal Ahmed", staff_number="AS10811", role="Prison officer (Band 3)",
        location="Visits", employment_type="directly_employed", start=-1100,
        categories=["transfer"], threat=(2, 3, 2, 2),
        owner="dosei", review=28,
        notes="",
        path=["assessed"], outcome=None, suspended=False, restricted=False,
        reports=[
            ("r1", "ssir", -6, 2, "C", "P", "", "Records clerk", False,
             "Officer asked a records clerk several times about a prisoner's "
             "categorisation review.",
             "The officer asked three times in a week when G7741HB's recategorisation board "
             "would sit and who was on it."),
            ("r2", "prisoner_info", -4, 3, "D", "P", "", "", True,
             "A prisoner claims the officer promised to help a friend move to open "
             "conditions.",
             "Untested claim from a prisoner in dispute with the officer; may be malicious."),
        ],
        referrals=[],
        measures=[
            ("dosei", "prevent", "supervision", "Categorisation papers for the named prisoner "
             "handled only by the head of offender management.", -4, 10, "active", "",
             [("dosei", "Head of offender management agreed.")]),
            ("cvaughan", "prepare", "vetting", "Vetting review requested.", -3, 28,
             "planned", "",
             [("cvaughan", "Request sent to the vetting team.")]),
        ]),
    dict(
        name="Grace Adeyemi", staff_number="AS10934", role="Operational support grade",
        location="Gate", employment_type="directly_employed", start=-600,
        categories=["failure_of_duty", "other"], threat=(2, 4, 1, 4),
        owner="cvaughan", review=30,
        notes="New in post; possible training need rather than deliberate failure.",
        path=[], outcome=None, suspended=False, restricted=False,
        reports=[
            ("r1", "search_find", -2, 2, "B", "P", "", "Gate supervisor", False,
             "A dip sample found a contractor's tool bag was not fully searched at the gate.",
             "Dip sample: the tool bag's side pockets were not opened. The bag held nothing "
             "unauthorised."),
        ],
        referrals=[],
        measures=[
            ("cvaughan", "prevent", "enhanced_searching", "Refresher searching training "
             "booked; supervised gate shifts until it is done.", -1, 10, "planned", "",
             [("cvaughan", "Training booked for next week.")]),
            ("dosei", "pursue", "other", "Weekly dip sample of the officer's gate searches.",
             -1, 30, "active", "",
             [("dosei", "First dip sample: searches complete.")]),
        ]),
    dict(
        name="Owen Price", staff_number="AS10359", role="Prison officer (Band 3)",
        location="B Wing", employment_type="directly_employed", start=-3300,
        categories=["bribes"], threat=(3, 3, 1, 1),
        owner="hmarsh", review=None,
        notes="Dismissed. Case kept on the register for the record.",
        path=["assessed", "referred_hq", "under_investigation", "disciplinary", "closed"],
        outcome="dismissed", suspended=False, restricted=False,
        reports=[
            ("r1", "ssir", -200, 2, "B", "P", "", "", True,
             "Officer reported to accept money from a prisoner's family for favours on the "
             "wing.",
             "The officer was said to be paid to move a prisoner to a single cell and to "
             "overlook phone use."),
            ("r2", "police", -170, 1, "B", "P", "", "Police liaison officer", False,
             "Police confirm bank transfers to the officer from a prisoner's associate.",
             "Four transfers over three months from an account linked to a known associate."),
        ],
        referrals=[
            ("hq", -195, "CCU-ASH-0301", "r1", -190, None,
             "Investigated by HQ counter-corruption; a case for dismissal found."),
            ("psu", -160, "PSU-2107", None, -158, None,
             "Dismissed for gross misconduct after a disciplinary hearing."),
        ],
        measures=[
            ("dosei", "pursue", "suspension", "Suspended from duty pending the disciplinary "
             "hearing.", -168, None, "ended", "Ended on dismissal.",
             [("dosei", "Suspension ended: dismissed after the hearing.")]),
            ("cvaughan", "prepare", "vetting", "Lessons-learned review of gift and "
             "hospitality reporting on the wings.", -150, None, "ended",
             "Staff briefing on gifts now part of induction.",
             [("cvaughan", "Review finished and shared with the senior team.")]),
        ]),
]

STATUS_REASONS = {
    "assessed": "Local assessment by the governor and head of security.",
    "referred_hq": "Referred to HQ counter-corruption.",
    "under_investigation": "Investigation opened.",
    "criminal_proceedings": "Charged by the police.",
    "disciplinary": "Disciplinary investigation commissioned.",
    "closed": "Case concluded.",
}

# Retention decisions the governor has already taken, so the review queue
# (records due within 30 days) has work in it: (staff number, days until
# the next review, the reason kept). Reasons never name the person.
RETENTION_DECISIONS = (
    ("AS10359", 6, "Dismissal upheld; kept until the appeal window has closed."),
    ("AS10934", 21, "Training need under review; decide after the dip samples end."),
)
