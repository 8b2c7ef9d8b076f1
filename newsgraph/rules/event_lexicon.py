"""The event trigger vocabulary: the words that report a happening, by event type.

One table (``_TRIGGERS``) says which words report which event type of ``EVENT_TYPES``; the
events stage reads it and keeps no list of its own. Word lists are general English news usage
by PLOVER type (verbs and the nouns of the acts they name), never words taken from one article.

Entries: a bare word is a regular verb, inflected (``agree`` -> agree agrees agreed agreeing;
``ban=banned`` doubles the consonant); ``~word`` is one literal form (a noun, an irregular form);
``_`` joins the words of a phrase (``~set_fire_to``). Plain reporting verbs (say, tell,
announce) are no trigger: a statement is an attribution (``rules.lexicon``), not an event.
"""

from __future__ import annotations

from newsgraph.models.event import EventType
from newsgraph.rules.lexicon import SPEECH_FORMS, inflections
from newsgraph.rules.scanner import Cues

_TRIGGERS: dict[EventType, str] = {
    "agreement": "agree ~agreed_to ~agreed_on pledge promise commit=committed ~accord "
                 "~agreement ~deal ~ready_to ~willing_to ~pact",
    "offer": "offer ~offers ~offered_to",
    "contract_signing": "sign=signed ~signing ~signed_a_deal seal ~contract",
    "meeting": "meet ~met ~meets ~meeting ~summit ~talks_with host ~telephoned ~phoned "
               "~hosted welcome",
    "visit": "visit ~arrived_in ~arrived_at ~arrives_in ~arrive_in",
    "negotiation": "negotiate ~negotiations ~negotiation ~talks_between ~talks_on ~held_talks discuss",
    "mediation": "mediate ~mediation ~mediator",
    "endorsement": "support praise endorse ~backed ~backs recognize recognise ~backing",
    "concession": "concede accept yield ~conceded_to ~gave_in ~give_in ~compensation "
                  "~introduced allow=allowed ~permitted ~permit",
    "easing": "lift ease relax shorten ~lifting ~cancelled_restrictions",
    "resignation": "resign ~resignation ~stepped_down ~step_down ~quit",
    "cooperation": "cooperate collaborate ~cooperation",
    "arms_delivery": "deliver ~delivery ~deliveries ~received_the_first_batch",
    "arms_purchase": "purchase ~bought ~buy ~buys ~buying ~acquire ~acquired",
    "extradition": "extradite ~handed_over_to ~extradition",
    "intelligence_sharing": "~shared_evidence ~shared_intelligence ~shared_information "
                            "~share_intelligence",
    "aid": "~gave ~give ~gives ~giving ~provide ~provided ~provides ~providing ~donate "
           "~donated ~grant ~granted ~contribute ~contributed ~aid ~loan ~handed_over "
           "~opened_its_borders ~sent ~send",
    "humanitarian_aid": "~food_aid ~medicine ~relief_supplies ~humanitarian_aid",
    "asylum": "~asylum",
    "withdrawal": "withdraw ~withdrew ~withdrawn ~withdrawal ~pulled_out ~pull_out retreat "
                  "demobilize demobilise evacuate",
    "release": "release free ~freed",
    "ceasefire": "~ceasefire ~cease-fire ~truce",
    "demand": "demand ~demands order ~ordered insist",
    "appeal": "urge appeal ~called_for ~call_for ~calls_for ~calling_for request ~asked "
              "~called_on ~calls_on plead",
    "accusation": "accuse ~accusation ~accusations allege blame charge",
    "criticism": "condemn criticize criticise denounce ~criticism ~condemnation ~protest_to ~protested_to",
    "investigation": "investigate probe ~investigation ~inquiry examine",
    "lawsuit": "sue ~lawsuit",
    "rejection": "reject refuse ~refusal deny ~declined decline ~opposed_to ~rebuff ~rebuffed "
                 "veto=vetoed ~vetoes ~out_of_the_question dismiss",
    "defiance": "defy ~violated ~violate ~defiance",
    "threat": "threaten ~threat ~threats warn ~warning ~vowed_to",
    "ultimatum": "~ultimatum",
    "protest": "~protest ~protests ~protested ~protesting ~protesters",
    "demonstration": "demonstrate ~demonstration ~demonstrations rally ~marched ~march",
    "hunger_strike": "~hunger_strike",
    "strike": "~strike ~strikes ~went_on_strike ~stopped_work boycott ~walkout",
    "obstruction": "block ~blockade ~blockaded ~barricaded",
    "riot": "riot ~rioting",
    "sanction": "sanction ~sanctions embargo ~embargoes",
    "suspension": "suspend ~suspension ~cut ~cuts ~cutting ~broke_off ~break_off ~ended ~end "
                  "~halted ~halt ~cancelled ~canceled ~cancel ~prohibit ~prohibited",
    "expulsion": "expel=expelled ~forced_out ~ousted ~oust",
    "deployment": "deploy ~deployment",
    "weapons_test": "~tested ~test-fired ~missile_test ~nuclear_test",
    "mobilization": "mobilize mobilise ~mobilization ~on_alert ~massed",
    "arrest": "arrest detain ~detention ~jailed ~imprisoned",
    "deportation": "deport ~expulsion_of",
    "ban": "ban=banned ~barred ~bar restrict ~restrictions prevent ~outlawed",
    "curfew": "~curfew ~state_of_emergency ~martial_law",
    "seizure": "confiscate seize ~set_fire ~set_fire_to ~torched ~blew_up ~destroyed ~looted",
    "attack": "attack capture ~retaken ~retook ~recaptured ~overran ~stormed "
              "~fought ~fighting ~clashed ~clashes ~invaded ~invade ~raided ~raid",
    "military_operation": "~offensive ~military_operation ~operation_in",
    "bombing": "bomb ~bombing ~explosion ~explosive_device",
    "abduction": "kidnap=kidnapped abduct ~took_hostage ~hostage",
    "physical_assault": "~beat ~beat_up ~beaten torture ~tortured",
    "killing": "kill ~killed murder assassinate ~massacre ~executed ~shot_dead",
    "coup_attempt": "~coup",
    "shelling": "shell=shelled ~airstrike ~airstrikes ~air_strike ~air_strikes ~shot_down",
    "election": "~election ~elections ~elected ~re-elected",
    "vote": "vote ~ballot ~referendum",
    "legislation": "~passed_the_bill ~passed_a_bill ~passed_the_law ~passed_legislation "
                   "~signed_into_law ~legislation",
    "court_ruling": "~ruled ~ruling ~verdict ~sentenced ~convicted ~acquitted",
    "disaster": "~flood ~floods ~flooding ~earthquake ~wildfire ~hurricane ~storm ~fire "
                "~crashed ~crash ~broke_out",
    "economic_release": "~earned ~earnings ~unemployment_rate ~inflation ~gdp ~profit "
                        "~profits ~forecast ~loss ~losses ~net_income ~revenue ~revenues "
                        "~sales ~results ~growth ~deficit ~surplus",
    "business_decision": "~production ~layoffs ~laid_off ~hire ~hired ~appointed ~appointment "
                         "~recapitalization ~restructuring ~dividend",
    "acquisition": "~merger ~mergers ~merge ~merged ~acquisition ~acquisitions ~takeover "
                   "~buyout ~tender_offer",
    "market_move": "~rose ~rise ~rises ~rising ~risen ~fell ~fall ~falls ~falling ~fallen "
                   "drop=dropped decline gain climb slip=slipped ~slid ~slide ~slides plunge "
                   "surge jump soar tumble ~increased ~increase ~increases ~decreased "
                   "~decrease ~inched ~edged_up ~edged_down ~closed_at ~closed_up "
                   "~closed_down ~grew ~grow ~grows ~in_trading ~early_trading "
                   "~late_trading ~composite_trading ~heavy_trading",
}

#: PLOVER's modes (the PLOVER ontology, Halterman et al.) this table uses, by PLOVER type:
#: every value of ``TYPE_MODES`` must be one of them (a test checks).
PLOVER_MODES: dict[str, frozenset[str]] = {
    "PROTEST": frozenset({"demonstrate", "riot", "strike", "hunger strike"}),
    "ASSAULT": frozenset({"beat", "firearms", "explosives", "aerial"}),
    "COERCE": frozenset({"seize", "arrest"}),
}
#: The PLOVER mode an event type's triggers all name, where they name one: every trigger of
#: "riot" is a riot, every trigger of "bombing" a bomb or an explosion. Types whose triggers
#: mix modes (strike: a strike or a boycott; shelling: artillery or air strikes; seizure:
#: seized or burnt; physical_assault: beaten or tortured) have none, and their events a null.
TYPE_MODES: dict[EventType, str] = {
    "demonstration": "demonstrate",
    "riot": "riot",
    "hunger_strike": "hunger strike",
    "bombing": "explosives",
    "arrest": "arrest",
}

#: The types of the broad vocabulary of economic news: in a clause that also holds a trigger
#: of another type, that one is the clause's event ("shares rose after X attacked Y").
WEAK_TYPES = frozenset({"market_move", "economic_release", "business_decision",
                        "acquisition"})

def _expand(entries: str) -> list[str]:
    forms: list[str] = []
    for entry in entries.split():
        if entry.startswith("~"):
            forms.append(entry[1:].replace("_", " "))
        else:
            forms.extend(f.replace("_", " ") for f in inflections(entry))
    return forms


#: Every trigger form -> its event type (a form listed under two types keeps the first).
TRIGGER_FORMS: dict[str, EventType] = {}
for _type, _entries in _TRIGGERS.items():
    for _form in _expand(_entries):
        TRIGGER_FORMS.setdefault(_form, _type)
        TRIGGER_FORMS.setdefault(_form[:1].upper() + _form[1:], _type)

#: Speech verbs that report speech only after a quotation ('"...," he continued'); before an
#: act they are no reporting verb ("they continued their hunger strike").
_AFTER_QUOTES_ONLY = frozenset(f for f, lemma in SPEECH_FORMS.items() if lemma == "continue")
#: Reporting verbs that are no trigger (say, tell, announce, report...): the speech verbs of
#: ``rules.lexicon`` minus the ones that name an act PLOVER codes (demand, urge, warn...).
REPORTING_FORMS = frozenset(f for f in SPEECH_FORMS
                            if f not in TRIGGER_FORMS and f not in _AFTER_QUOTES_ONLY)
#: "Russia said Sudan must return the helicopter": an obligation a reporter states is a
#: demand (PLOVER's REQUEST) by the reporter of the one who must act.
OBLIGATION_FORMS = frozenset({"must", "should"})

#: One scan over a sentence's words finds every trigger (linear time).
TRIGGER_CUES = Cues(TRIGGER_FORMS)
OBLIGATION_CUES = Cues(OBLIGATION_FORMS)
