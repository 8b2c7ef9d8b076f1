"""The attribution vocabulary: quotation marks and reporting verbs, each defined once.

Quotes, claims, people and attribution read these tables; none keeps a list of its own. Word
lists are general English news usage, never words taken from a particular article.
"""

from __future__ import annotations

import re

#: Opening mark -> closing mark. Two apostrophes (or two backticks) stand for a double
#: quotation mark in many newspaper archives ("''We won't,'' she said.").
QUOTE_PAIRS: dict[str, str] = {
    "“": "”", '"': '"', "''": "''", "``": "''", "«": "»", "„": "“", "‘": "’",
}
#: Marks that open a quotation, longest first (so "''" wins over a lone apostrophe).
OPENING = sorted(QUOTE_PAIRS, key=len, reverse=True)
#: The single characters of double quotation marks, for character classes: ``[^{DOUBLE}]``.
DOUBLE = "\"“”«»„"
#: A double opening mark (a mark of one character, or two apostrophes or backticks).
OPENING_MARK = re.compile(r"''|``|[\"“‘«„]")

#: Reporting verbs (lemma -> its forms). Speech: what a source says, writes or posts.
_SPEECH = """
say says said saying | tell tells told telling | add adds added adding | write writes wrote
writing | tweet tweets tweeted tweeting | posted | claim claims claimed claiming | insist
insists insisted insisting | argue argues argued arguing | warn warns warned | deny denies
denied denying | acknowledge acknowledges acknowledged acknowledging | admit admits admitted
admitting | suggest suggests suggested suggesting | respond responds responded responding |
reply replied replying | interject interjects interjected interjecting | implore implores
implored imploring | sigh sighs sighed | note notes noted noting | explain explains explained
explaining | announce announces announced announcing | ask asks asked asking | declare declares
declared declaring | stated | continue continues continued | stress stresses stressed stressing
| remark remarks remarked | recall recalls recalled recalling | urge urges urged urging | vow
vows vowed vowing | promised | pledged | predict predicts predicted predicting | caution
cautions cautioned cautioning | concede concedes conceded conceding | complain complains
complained complaining | testify testifies testified testifying | shout shouts shouted
shouting | yell yells yelled yelling | scream screams screamed | whisper whispers whispered |
plead pleads pleaded pleading | quip quips quipped quipping | retort retorts retorted | observe
observes observed | commented | assert asserts asserted asserting | maintain maintains
maintained | emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised |
lament laments lamented | protested | countered | chanted | joked | wonder wonders wondered |
muse muses mused | conclude concludes concluded | confirm confirms confirmed confirming |
reported | describe describes described describing | called calling | accuse accuses accused
accusing | criticize criticizes criticized criticizing criticise criticises criticised |
dismissed | praised | boast boasts boasted boasting | bragged | exclaim exclaims exclaimed |
cried | recount recounts recounted | reiterate reiterates reiterated | mentioned | contend
contends contended | allege alleges alleged | blasted | slammed | touted | quoted | cited |
emailed | laughed | smiled | shrugged | hinted | grumbled | groaned | snapped | thundered |
gushed | marveled marvelled | agreed | disagreed | demanded | proclaim proclaims proclaimed |
informed | advised | scoffed | sneered | summarized | explained | answer answers answered
answering | interrupted | believes | wrote | pointed_out | points_out | shot_back | fired_back |
chimed_in | went_on
"""
#: Cognition and stance verbs: a source's belief or wish, reported without quotation.
_COGNITION = """
believe believes believed | think thinks thought | feel feels felt | know knows knew | expect
expects expected | hope hopes hoped | fear fears feared | worry worries worried | doubt doubts
doubted | want wants wanted | predict predicts predicted | estimate estimates estimated |
acknowledge | consider considers considered | assume assumes assumed | suspect suspects
suspected | reckon reckons reckoned | conclude | find finds found | figure figures figured |
understand understands understood | argue | insist
"""


def _forms(table: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for group in table.split("|"):
        words = [w.replace("_", " ") for w in group.split()]  # "pointed_out": two words
        if words:
            out[words[0]] = tuple(dict.fromkeys(out.get(words[0], ()) + tuple(words)))
    return out


SPEECH_VERBS = _forms(_SPEECH)
COGNITION_VERBS = _forms(_COGNITION)
#: Every form of a speech verb -> its lemma.
SPEECH_FORMS = {form: lemma for lemma, forms in SPEECH_VERBS.items() for form in forms}
COGNITION_FORMS = {form: lemma for lemma, forms in COGNITION_VERBS.items() for form in forms}


#: Gestures that stand for speaking after a quote ('"No," she smiled.').
GESTURES = frozenset("laughed smiled shrugged nodded paused hesitated".split())
#: Forms of speech verbs that say a capitalised word before them is somebody ("Moran said").
PERSON_VERB_FORMS = frozenset(f for f in SPEECH_FORMS if not f.endswith("ing")) | GESTURES


def alternation(forms: set[str] | frozenset[str] | dict[str, str]) -> str:
    """A regular-expression alternation of words, longest first."""
    return "|".join(sorted((re.escape(f) for f in forms), key=lambda f: (-len(f), f)))
