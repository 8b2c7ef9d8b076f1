"""Events: dated happenings with type, status, normalised dates, location and participants.

Event types form an ontology (``EVENT_TYPES``, documented in docs/events.md): finer types that
each map to one of PLOVER's 16 event types (the ontology of POLECAT, the successor of CAMEO)
and one CAMEO code (Conflict and Mediation Event Observations, the coding behind GDELT and
ICEWS), so the records join event datasets; and types of their own for what PLOVER leaves
out (elections, votes, court rulings, disasters, economic releases), with no PLOVER type.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from newsgraph.models.base import (
    METHOD_FIELD,
    ActorId,
    ArticleId,
    Date,
    DatePrecision,
    EventId,
    EventMentionId,
    Mention,
    Method,
    NonEmptyStr,
    Offset,
    Record,
)

#: The 16 PLOVER event types, as PLOVER writes them (PLOVER is the ontology of POLECAT and the
#: successor of CAMEO).
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]

#: event_type -> (PLOVER type or None, CAMEO code or None, CAMEO label, what the type covers).
#: Each finer type maps to exactly one PLOVER type and one CAMEO code; the types PLOVER leaves
#: out (elections, votes, court rulings, disasters, economic releases...) have no PLOVER type,
#: never a forced one. ``docs/events.md`` is the reader's page of this table.
EVENT_TYPES: dict[str, tuple[str | None, str | None, str, str]] = {
    "agreement": ("AGREE", "030", "Express intent to cooperate",
                  "an agreement, promise or pledge to act"),
    "offer": ("AGREE", "030", "Express intent to cooperate", "an offer of help, troops or a deal"),
    "contract_signing": ("AGREE", "057", "Sign formal agreement", "a deal or contract signed"),
    "meeting": ("CONSULT", "040", "Consult", "a meeting, summit or call between parties"),
    "visit": ("CONSULT", "042", "Make a visit", "an official visit"),
    "negotiation": ("CONSULT", "046", "Engage in negotiation", "talks towards an agreement"),
    "mediation": ("CONSULT", "045", "Mediate", "a third party mediating between others"),
    "endorsement": ("SUPPORT", "051", "Praise or endorse", "praise, backing or recognition"),
    "concession": ("CONCEDE", "080", "Yield", "a demand accepted, a concession made"),
    "easing": ("CONCEDE", "081", "Ease administrative sanctions",
               "a restriction, ban or curfew lifted or eased"),
    "resignation": ("CONCEDE", "0831", "Accede to demands for change in leadership",
                    "a leader or official resigning"),
    "cooperation": ("COOPERATE", "060", "Engage in material cooperation",
                    "joint work or material cooperation"),
    "arms_delivery": ("COOPERATE", "062", "Cooperate militarily", "weapons or parts delivered"),
    "arms_purchase": ("COOPERATE", "062", "Cooperate militarily", "weapons bought from a supplier"),
    "extradition": ("COOPERATE", "063", "Engage in judicial cooperation",
                    "a suspect extradited or handed over"),
    "intelligence_sharing": ("COOPERATE", "064", "Share intelligence or information",
                             "evidence or intelligence shared"),
    "aid": ("AID", "070", "Provide aid", "money, goods or help given"),
    "humanitarian_aid": ("AID", "073", "Provide humanitarian aid", "food, medicine or relief given"),
    "asylum": ("AID", "075", "Grant asylum", "asylum or refuge granted"),
    "withdrawal": ("RETREAT", "087", "De-escalate military engagement",
                   "forces withdrawn, demobilised or a blockade lifted"),
    "release": ("RETREAT", "084", "Return, release", "prisoners, hostages or property released"),
    "ceasefire": ("RETREAT", "0871", "Declare truce, ceasefire", "a truce or ceasefire declared"),
    "demand": ("REQUEST", "100", "Demand", "a demand, order or deadline set"),
    "appeal": ("REQUEST", "020", "Make an appeal or request", "a call, request or letter urging action"),
    "accusation": ("ACCUSE", "112", "Accuse", "an accusation or charge"),
    "criticism": ("ACCUSE", "111", "Criticize or denounce", "a condemnation or denunciation"),
    "investigation": ("ACCUSE", "090", "Investigate", "an inquiry or investigation"),
    "lawsuit": ("ACCUSE", "115", "Bring lawsuit against", "a lawsuit filed"),
    "rejection": ("REJECT", "120", "Reject", "a proposal, request or demand refused"),
    "defiance": ("REJECT", "128", "Defy norms, law", "a ban, rule or order defied"),
    "threat": ("THREATEN", "130", "Threaten", "a threat or warning of consequences"),
    "ultimatum": ("THREATEN", "139", "Give ultimatum", "an ultimatum issued"),
    "protest": ("PROTEST", "140", "Engage in political dissent", "a protest"),
    "demonstration": ("PROTEST", "141", "Demonstrate or rally", "a demonstration, march or rally"),
    "hunger_strike": ("PROTEST", "142", "Conduct hunger strike", "a hunger strike"),
    "strike": ("PROTEST", "143", "Conduct strike or boycott", "a strike or boycott"),
    "obstruction": ("PROTEST", "144", "Obstruct passage, block", "a road, bridge or site blocked"),
    "riot": ("PROTEST", "145", "Protest violently, riot", "a riot"),
    "sanction": ("SANCTION", "163", "Impose embargo, boycott, or sanctions",
                 "sanctions or an embargo imposed"),
    "suspension": ("SANCTION", "160", "Reduce relations",
                   "relations, links, aid or a programme suspended or cut"),
    "expulsion": ("SANCTION", "166", "Expel or withdraw",
                  "diplomats, inspectors or agencies expelled"),
    "deployment": ("MOBILIZE", "150", "Demonstrate military or police power",
                   "troops or a weapons system deployed or made operational"),
    "weapons_test": ("MOBILIZE", "150", "Demonstrate military or police power",
                     "a weapons system tested"),
    "mobilization": ("MOBILIZE", "154", "Mobilize or increase armed forces",
                     "forces mobilised or put on alert"),
    "arrest": ("COERCE", "173", "Arrest, detain, or charge with legal action",
               "people arrested or detained"),
    "deportation": ("COERCE", "174", "Expel or deport individuals", "people deported or expelled"),
    "ban": ("COERCE", "172", "Impose administrative sanctions", "a ban or restriction imposed"),
    "curfew": ("COERCE", "1723", "Impose curfew", "a curfew or state of emergency imposed"),
    "seizure": ("COERCE", "171", "Seize or damage property", "property seized, damaged or destroyed"),
    "attack": ("ASSAULT", "190", "Use conventional military force", "an attack or armed clash"),
    "military_operation": ("ASSAULT", "190", "Use conventional military force",
                           "a military offensive"),
    "bombing": ("ASSAULT", "183", "Conduct suicide, car, or other non-military bombing",
                "a bombing"),
    "abduction": ("ASSAULT", "181", "Abduct, hijack, or take hostage", "people abducted"),
    "physical_assault": ("ASSAULT", "182", "Physically assault", "people beaten or tortured"),
    "killing": ("ASSAULT", "180", "Use unconventional violence", "people killed"),
    "coup_attempt": ("ASSAULT", "180", "Use unconventional violence", "an attempted coup"),
    "shelling": ("ASSAULT", "194", "Fight with artillery and tanks", "shelling or air strikes"),
    "statement": (None, "010", "Make statement",
                  "a statement, interview or briefing that is itself the news"),
    "election": (None, None, "", "an election held or called"),
    "vote": (None, None, "", "a vote by a legislature, council, union or members"),
    "legislation": (None, None, "", "a bill or law passed or signed"),
    "court_ruling": (None, None, "", "a court ruling, verdict or sentence"),
    "disaster": (None, None, "", "a flood, fire, earthquake, storm or accident"),
    "economic_release": (None, None, "", "economic figures, earnings or a forecast released"),
    "business_decision": (None, None, "",
                          "a decision on production, jobs, plants, a firm's capital or its "
                          "officers (a firm's or a government's)"),
    "acquisition": (None, None, "", "a merger, takeover or acquisition of a firm or its assets"),
    "market_move": (None, None, "",
                    "a price, share, index, rate or figure rising or falling; a day's trading"),
}

EventType = Literal[
    "agreement", "offer", "contract_signing", "meeting", "visit", "negotiation", "mediation",
    "endorsement", "concession", "easing", "resignation", "cooperation", "arms_delivery",
    "arms_purchase", "extradition", "intelligence_sharing", "aid", "humanitarian_aid", "asylum",
    "withdrawal", "release", "ceasefire", "demand", "appeal", "accusation", "criticism",
    "investigation", "lawsuit", "rejection", "defiance", "threat", "ultimatum", "protest",
    "demonstration", "hunger_strike", "strike", "obstruction", "riot", "sanction", "suspension",
    "expulsion", "deployment", "weapons_test", "mobilization", "arrest", "deportation", "ban",
    "curfew", "seizure", "attack", "military_operation", "bombing", "abduction",
    "physical_assault", "killing", "coup_attempt", "shelling", "statement", "election", "vote",
    "legislation", "court_ruling", "disaster", "economic_release", "business_decision",
    "acquisition", "market_move",
]
EventStatus = Literal[
    "occurred", "ongoing", "planned", "expected", "hypothetical", "cancelled", "denied"
]
#: How an event's date was obtained.
DateBasis = Literal["stated", "relative", "publication_date", "unknown"]
ParticipantRole = Literal["agent", "target", "recipient", "participant"]


class Event(Record):
    """A happening that sources report, deduplicated across articles, with a normalised date.

    ``date_start``..``date_end`` is the interval the date expression allows at
    ``date_precision`` (a month gives its first and last day); ``date_basis`` says whether the
    date was stated, resolved from a relative expression ('on Tuesday') against the article's
    publication date, or unknown, and ``date_article_id``/``date_char_*`` point at the words.
    """

    event_id: EventId = Field(description="Id derived from the event's type and key.")
    event_type: EventType = Field(
        description="Type from the ontology in EVENT_TYPES (docs/events.md): finer types that "
        "each map to one PLOVER type and CAMEO code, and types PLOVER leaves out."
    )
    plover_type: PloverType | None = Field(
        description="The PLOVER event type the event_type maps to (AGREE ... ASSAULT), null "
        "for types PLOVER does not cover (election, vote, court_ruling, ...)."
    )
    plover_mode: NonEmptyStr | None = Field(
        description="PLOVER's mode of the event, where the event type's triggers name one "
        "(demonstration: demonstrate, riot: riot, hunger_strike: hunger strike, bombing: "
        "explosives, arrest: arrest); null otherwise."
    )
    cameo_code: NonEmptyStr | None = Field(
        description="The CAMEO event code of the event_type (for joins with GDELT and ICEWS), "
        "null where CAMEO has none."
    )
    label: NonEmptyStr = Field(description="A one-line description of what happened.")
    status: EventStatus = Field(
        description="Factuality: occurred, ongoing, planned, expected, hypothetical, "
        "cancelled or denied, as the sources report it."
    )
    date_start: Date | None = Field(description="First day the date expression allows.")
    date_end: Date | None = Field(description="Last day the date expression allows.")
    date_precision: DatePrecision = Field(
        description="day, week, month, quarter, half, year or unknown."
    )
    date_basis: DateBasis = Field(
        description="'stated' (an absolute date in the text), 'relative' (resolved against the "
        "article's publication date), 'publication_date' (the article date as fallback), or "
        "'unknown'."
    )
    date_text: str | None = Field(description="The date expression as written, e.g. 'on Tuesday'.")
    date_article_id: ArticleId | None = Field(
        description="The article whose words gave the date (-> articles)."
    )
    date_char_start: Offset | None = Field(description="Start of date_text in that article.")
    date_char_end: Offset | None = Field(description="End of date_text in that article.")
    location: str | None = Field(description="Where it happened, as named, if stated.")
    method: Method = METHOD_FIELD


class EventMention(Mention):
    """One place where an article reports an event."""

    mention_id: EventMentionId = Field(description="Id derived from event, article and offsets.")
    event_id: EventId = Field(description="The event reported (-> events).")


class EventParticipant(Record):
    """An actor's part in an event: who did what to whom (PLOVER's source and target)."""

    event_id: EventId = Field(description="The event (-> events).")
    actor_id: ActorId = Field(description="The participating actor (-> actors).")
    role: ParticipantRole = Field(
        description="agent (did it: PLOVER's source, also a host or a supplier), target (it "
        "was done to or against them: PLOVER's target), recipient (something was given to "
        "them) or participant (one of several parties acting together, as in talks)."
    )
    method: Method = METHOD_FIELD
