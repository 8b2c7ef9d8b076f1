"""Shared vocabulary of the name rules: capitalised words, titles, roles and place words.

Used by ``people`` (who is a person), ``organisations`` (what is an organisation or outlet)
and ``attribution`` (who is speaking). Word lists are general English news usage, never names
taken from a particular article.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from newsgraph.rules.demonyms import TITLE_DEMONYMS
from newsgraph.rules.lexicon import PERSON_VERB_FORMS
from newsgraph.rules.scanner import alternation
from newsgraph.rules.timewords import DATE_WORDS, WEEKDAY_NAMES

UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
LOWER = "a-zß-öø-ÿĀ-ž"
#: One capitalised word of a name: "Kowalska", "O'Brien", "Fa'amausili", "McDonald", "Jean-Luc";
#: a possessive "’s" is not part of it ("Benton’s" is "Benton").
NAME_WORD = (rf"[{UPPER}](?=[{LOWER}{UPPER}'’])[{LOWER}]*(?:[{UPPER}][{LOWER}]+)?"
             rf"(?:[-'’](?!s(?![{LOWER}]))[{UPPER}{LOWER}][{LOWER}]+)*(?![\w])")
PARTICLE = r"(?:van|von|der|den|de|del|della|di|da|du|dos|das|le|la|bin|bint|ibn|ter|ten|zu)"
#: A run of capitalised words, with name particles ("Ingrid van Dijk") and middle initials.
#: Leading initials of a name ("J.M. Berger", "G.K. Butterfield"), not the country and city
#: abbreviations written the same way.
_INITIALS = (rf"(?!(?:U\.S|U\.K|U\.N|E\.U|D\.C|L\.A|N\.Y|A\.M|P\.M)\.)"
             rf"(?:(?:[{UPPER}]\.){{2,3}}[ \u00a0]+"
             rf"|[{UPPER}]\.[ \u00a0]+(?=[{UPPER}][{LOWER}]+[ \u00a0]+[{UPPER}]))")
NAME_RUN = re.compile(
    rf"(?<![\w'’.-])(?:{_INITIALS})?(?:(?:al|el)-)?{NAME_WORD}"
    rf"(?:[ \u00a0]+(?:{PARTICLE}[ \u00a0]+)*(?:(?:al|el)-)?(?:{NAME_WORD}|[{UPPER}]\.(?=[ \u00a0])))*"
)
WORD = re.compile(r"\S+")

#: Words for positions and roles (lower case; plurals are accepted by ``is_role``).
ROLES = frozenset("""
president vice prime minister secretary chancellor director chairman chairwoman chair
chairperson chief executive ceo cfo coo cto senator representative congressman congresswoman
governor ambassador envoy spokesman spokeswoman spokesperson admiral king queen prince
princess pope mayor speaker commissioner head leader manager coach captain substitute striker
goalkeeper defender midfielder forward player critic winner author novelist writer editor
reporter columnist lawyer attorney judge justice prosecutor economist analyst strategist
negotiator diplomat official officer engineer scientist researcher professor doctor surgeon
nurse clinician physician physio teacher member councillor councilman councilwoman councilor
administrator associate deputy assistant adviser advisor aide founder co-founder owner partner
investor trader worker employee resident activist campaigner organizer organiser student
secretary-general director-general general-secretary treasurer sheriff commander colonel
lieutenant sergeant inspector detective constable superintendent premier whip principal dean
rector provost vice-chancellor bishop archbishop cardinal rabbi imam priest pastor reverend
astronaut pilot ombudsman auditor chef artist singer actor actress musician composer director
producer presenter host anchor broadcaster economist historian philosopher cleric sheikh emir
sultan marshal lawmaker legislator politician candidate chairman-elect president-elect
governor-general head-coach manageress midwife paramedic firefighter farmer fisherman driver
runner athlete cyclist swimmer boxer champion veteran survivor victim witness mother father
son daughter wife husband brother sister uncle aunt grandmother grandfather mp mep msp
consultant oncologist lobbyist fundraiser donor commentator pundit operative pollster nominee
delegate organizer spokesman contributor correspondent anchorman anchorwoman comedian
entrepreneur businessman businesswoman executive banker financier billionaire millionaire
developer expert scholar academic fellow lecturer instructor coordinator chaplain minister
surrogate supporter opponent rival challenger incumbent contender frontrunner front-runner
co-host co-founder co-chair co-author cofounder blogger podcaster tweeter columnist novelist
journalist assemblyman assemblywoman assemblymember
playwright poet filmmaker photographer rapper actor singer songwriter guitarist drummer
quarterback coach pitcher linebacker referee mayor-elect sheriff deputy marshal trooper
officer agent attorney-general solicitor barrister paralegal clerk nurse dentist therapist
psychologist psychiatrist pediatrician surgeon epidemiologist economist statistician
demographer sociologist historian analyst strategist adviser advisor aide staffer intern
volunteer resident homeowner landlord tenant retiree veteran widow widower mom dad
""".split())
#: Titles of address ("Mr. Khan", "Ms. Ortiz"): words that open no name of their own.
ADDRESS_TITLES = frozenset({"mr", "mrs", "ms"})
#: The title abbreviations of everyday news copy, written with a full stop before a name
#: ("Dr. Lee", "Sen. Ortiz", "Lt. Col. Hale"): the sentence splitter never ends a sentence
#: after one (``rules.sentences``).
TITLE_ABBREVIATIONS = ADDRESS_TITLES | frozenset("dr prof gen sen rep lt col capt sgt gov".split())
#: Capitalised titles that may precede a name but are also surnames when standing alone.
HONORIFICS = TITLE_ABBREVIATIONS | frozenset("""
miss mx professor sir dame lord lady cllr rev fr maj adm insp det supt hon
""".split())
#: Titles written right before a name ("Judge Lowell", "Councillor Ashworth", "Mr. Khan").
NAME_TITLES = HONORIFICS | frozenset({"councillor", "reverend", "judge", "justice"})
MALE_HONORIFICS = frozenset({"mr", "sir", "lord", "king", "prince", "sheikh", "emir", "sultan"})
FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "dame", "lady", "queen", "princess"})
#: Words of department and portfolio names ("Secretary of Energy", "Health Secretary").
DEPARTMENTS = frozenset("""
state defense defence energy science health education transportation transport commerce labor
labour justice treasury agriculture interior foreign affairs home homeland security economy
economic finance trade industry environment culture sport sports housing veterans technology
communications development works infrastructure employment social welfare digital climate
public internal external research innovation operations policy strategy marketing sales human
resources information intelligence staff majority minority opposition shadow acting interim
former then senior junior managing district federal national regional county city attorney
medical legal financial technical executive general local top new veteran young leading
prominent longtime long-time outgoing incoming current retired
""".split())
_WEEKDAYS = frozenset(WEEKDAY_NAMES)
#: Words that never start or sit inside a person's name.
FUNCTION_WORDS = _WEEKDAYS | frozenset("""
the a an in on at but and or if when as after before while since this that these those it its
he she they we i his her their our my your there here what why how who whom which asked
according meanwhile however not no yes some all many most both each every other such only also
even just still then now today yesterday tomorrow earlier later last next first second third
one two three four five six seven eight nine ten by for from with to of over under about into
than so did does do was were is
are be been has have had will would could should can may must
dear although though because unless whereas whether once until despite during
throughout without within upon via per among amid like unlike whenever wherever where whatever
whichever whoever instead rather perhaps maybe indeed thus hence yet nor either neither
several few numerous various
""".split()) | ADDRESS_TITLES
#: Words that make a capitalised run a place, a work, an event or a law, not a person (words
#: that are also common surnames, such as Hill or Park, are left out).
PLACE_WORDS = frozenset("""
street road avenue lane drive boulevard square river mount mountain valley bay beach island
islands airport station stadium arena centre center building palace castle cathedral hospital
school prize award awards cup league championship championships marathon games olympics
festival act treaty program programme project summit conference forum war coast sea ocean gulf
strait desert canal gardens heights earth mars""".split())
#: Words that make a capitalised run an organisation ("Royal College of Nursing").
ORG_WORDS = frozenset("""
association council party ministry department agency commission committee union institute
institution university college academy bank company corporation corp inc ltd llc plc group
club fc afc senate parliament assembly congress court board authority service services office
foundation trust fund society federation organization organisation administration bureau
coalition alliance front movement army navy forces force police guard airlines airways
securities holdings partners capital industries technologies technology systems dynamics
pharmaceuticals foods motors pictures studios semiconductor semiconductors electronics
laboratories labs hospital infirmary clinic church network networks centre center cabinet
government
secretariat tribunal reserve exchange brotherhood guild chamber caucus command directorate
regulator commissioners trustees athletic rovers wanderers albion hotspur consulting
consultancy consultants associates advisors realty strategies research analytics media
""".split())
#: Company and club designators: the word before them alone names the organisation too
#: ("Meridian" for "Meridian Foods", "Harrow" for "Harrow Athletic").
DESIGNATORS = frozenset("""
inc corp corporation company co ltd llc plc group holdings securities partners capital
industries technologies systems dynamics pharmaceuticals foods motors pictures studios
semiconductor semiconductors electronics laboratories labs airlines airways athletic rovers
wanderers albion hotspur fc afc city united town women ladies pharma
""".split())
#: Last words of the names of newspapers, broadcasters and journals.
MEDIA_WORDS = frozenset("""
news times post journal herald ledger telegraph gazette tribune chronicle dagblad daily radio tv
television magazine weekly monitor examiner courier inquirer dispatch bulletin sport sports
""".split())

#: Speech and agent verbs: a capitalised word right before one is somebody.
PERSON_VERBS = alternation(PERSON_VERB_FORMS)


#: Nouns a name can modify ("the Okafor campaign", "Okafor aides", "Trump supporters").
GROUP_NOUNS = frozenset("""
campaign campaigns camp administration administrations team staff staffers supporters backers
allies ally surrogate surrogates loyalist loyalists donors voters fans critics officials aides
advisers advisors family government foundation organization people camp's loyalists delegates
operatives operative fundraiser fundraisers strategist strategists pollster pollsters
""".split())


def is_modified_noun(word: str) -> bool:
    """A lower-case noun that a name before it modifies ("campaign", "spokesman", "aides")."""
    w = word.strip(",.;:")
    return w.islower() and (is_role(w) or w in GROUP_NOUNS or w + "s" in GROUP_NOUNS)


#: The word tests below are pure functions of one word, asked hundreds of thousands of times
#: for a few thousand distinct words (PolNeAR train: 321,000 ``is_role`` calls); a bounded
#: cache answers a repeated word without the lowering and set lookups (memory stays flat).
_WORD_CACHE = 1 << 16


@lru_cache(maxsize=_WORD_CACHE)
def is_role(word: str) -> bool:
    """A position or role word ("minister", "Coach", "workers")."""
    w = word.lower().strip(",.")
    return w in ROLES or (w.endswith("s") and w[:-1] in ROLES)


@lru_cache(maxsize=_WORD_CACHE)
def is_title_word(word: str) -> bool:
    """A word that belongs to a title in front of a name ("Chief", "Health", "Dr", "German")."""
    w = word.lower().rstrip(".")
    return is_role(w) or w in HONORIFICS or w in DEPARTMENTS or w in TITLE_DEMONYMS


def is_title_case(line: str, min_words: int = 3) -> bool:
    """'Russian-Made S-400 Systems Vital for Turkish Defence': a headline in title case, where
    capitals say nothing about names (at least ``min_words`` words, 60% capitalised).

    Asked of every sentence by the claim rules: the first letters are taken in one list
    and counted with ``map`` rather than a generator per word (tests/test_names_speed.py
    proves it equal to ``is_title_case_reference``)."""
    firsts = [w[0] for w in line.split()]
    if len(firsts) < min_words:
        return False
    letters = [c for c in firsts if c.isalpha()]
    return len(letters) >= min_words and sum(map(str.isupper, letters)) >= 0.6 * len(letters)


def is_title_case_reference(line: str, min_words: int = 3) -> bool:
    """``is_title_case`` as first written (the reference of its equality test)."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= min_words and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


@lru_cache(maxsize=_WORD_CACHE)
def is_function_word(word: str) -> bool:
    return word.lower() in FUNCTION_WORDS


_DATE_WORDS = DATE_WORDS


def is_date_word(word: str) -> bool:
    return word.lower().rstrip(".") in _DATE_WORDS


#: Words of time that a capitalised run carries in front of a name ("Person of the Year Ann
#: Lowe"), besides the weekdays and days of ``FUNCTION_WORDS``; not the months, which are
#: given names too ("April Ryan", "June Carter").
_PERIOD_WORDS = frozenset("""
year years week weekend month decade century tonight morning afternoon evening night
""".split())
#: Party labels written in front of a name ("Democrat Bernie Sanders", "Missouri Republican
#: Roy Blunt"): an affiliation, not part of the name nor a role.
PARTY_WORDS = frozenset("""
democrat democratic republican gop libertarian independent socialist conservative labour
tory""".split())
#: Compass words that begin the name of a region ("North Carolina", "Southern California",
#: "Central America"), never a person's name, and end a person's name before one ("the Ted
#: Cruz South Carolina victory party").
REGION_WORDS = frozenset("""
north south east west northern southern eastern western central northeast northwest
southeast southwest northeastern northwestern southeastern southwestern upper lower""".split())


def is_name_prefix(word: str) -> bool:
    """A word of time or a party label: never the first word of a person's name."""
    return word.lower() in _PERIOD_WORDS or word.lower() in PARTY_WORDS


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    text = resources.files("newsgraph.resources").joinpath("given_names.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    names = {name: "f" for name in data["female"]}
    names.update({name: "m" for name in data["male"]})
    return names


def given_name_gender(word: str) -> str | None:
    """'m' or 'f' for a common given name ("Mary", "John"), else None."""
    return _given_names().get(word)
