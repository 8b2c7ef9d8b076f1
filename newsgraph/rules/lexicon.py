"""The attribution vocabulary: reporting verbs and their forms, each defined once.

Quotes, claims, people, organisations and attribution read these tables; none keeps a list
of its own. A rule that reads only some forms of the speech verbs inside a regex of its own
takes a named subset from here (``UTTERANCE_FORMS``, ``RELAY_FORMS``...) and joins it with
``scanner.alternation``. Word lists are general English news usage, never words taken from a
particular article. How a text is searched for these words is in ``scanner``.
"""

from __future__ import annotations

#: Speech verbs inflected regularly (lemma, -s, -ed, -ing; "admit=admitted" doubles).
_SPEECH_REGULAR = """
add argue warn deny acknowledge admit=admitted suggest respond reply interject implore sigh note
explain announce ask declare continue stress remark recall urge vow predict caution concede
complain testify shout yell scream whisper plead quip=quipped retort observe assert maintain
emphasize emphasise lament wonder muse conclude confirm describe accuse criticize criticise
boast exclaim recount reiterate contend allege proclaim insist claim tweet answer agree disagree
tout blast gush marvel mention scoff sneer summarize counter inform advise demand lash rebut=rebutted
chide scold mock deride concur joke brag=bragged snap=snapped slam=slammed opine vent fume
rave speculate surmise posit underscore assure reassure confide confess divulge disclose
insinuate blog=blogged remember
"""
#: Irregular speech verbs with every form.
_SPEECH_IRREGULAR = """
say says said saying | tell tells told telling | write writes wrote writing written | speak
speaks spoke speaking | cry cries cried crying
"""
#: Forms of verbs whose other forms are mostly nouns ("a post", "the report", "reports").
_SPEECH_PAST_ONLY = """
posted reported stated promised pledged commented protested chanted called calling quoted cited
emailed texted laughed smiled shrugged hinted grumbled groaned thundered interrupted charged
echoed pointed_out points_out shot_back fired_back chimed_in went_on believes put_it
issued_a_statement pressed barked exhorted elaborated retweeted questioned
"""
#: Cognition and stance verbs: a source's belief or wish, reported without quotation.
_COGNITION_REGULAR = """
believe expect hope fear worry doubt want estimate consider assume suspect reckon figure
realize realise recognize recognise imagine guess learn=learned
"""
_COGNITION_IRREGULAR = """
think thinks thought thinking | feel feels felt feeling | know knows knew knowing | find finds
found finding | understand understands understood understanding
"""

#: Stance verbs: what a source wants, supports or rejects ("X wants to ...", "X opposed the bill").
_STANCE_REGULAR = """
support oppose endorse reject refuse propose plan=planned defend blame dismiss question challenge
insist warn threaten vow urge offer demand recommend welcome condemn applaud pledge praise attack
denounce decry assail lambaste hail champion embrace congratulate thank favor favour
prefer=preferred highlight portray liken encourage request downplay decide decline promise
express discuss
"""
_STANCE_IRREGULAR = """
seek seeks sought seeking | show shows showed shown | call_for calls_for called_for calling_for |
call_on calls_on called_on calling_on | push_for pushes_for pushed_for pushing_for |
reveal reveals revealed | indicate indicates indicated | predict predicts predicted |
cite cites citing | backs backed backing | refer_to refers_to referred_to referring_to |
point_to points_to pointed_to pointing_to | talk_about talks_about talked_about talking_about |
see sees saw seen seeing | view views viewed viewing |
rail_against rails_against railed_against railing_against | lash_out_at lashed_out_at |
weigh_in_on weighs_in_on weighed_in_on | side_with sides_with sided_with siding_with |
agree_with agrees_with agreed_with | apologize_for apologizes_for apologized_for |
take_issue_with takes_issue_with took_issue_with | focus_on focuses_on focused_on focusing_on |
vote_for votes_for voted_for voting_for | vote_against votes_against voted_against |
made_clear made_it_clear makes_clear makes_it_clear | raised_concerns raised_questions |
speak_about speaks_about spoke_about speaking_about spoken_about |
speak_of speaks_of spoke_of speaking_of spoken_of | talk_of talks_of talked_of talking_of |
stating | remind reminds reminded reminding | signal signaled signalled signaling signalling |
hint_at hints_at hinted_at hinting_at | lay_out lays_out laid_out laying_out |
outline outlines outlined outlining
"""
#: Attitude adjectives: a source's stance, reported without a verb of speech ("she is eager to
#: run", "he is convinced that P", "they are critical of the plan").
_ATTITUDE = """
eager | confident | convinced | optimistic | pessimistic | adamant | determined | keen |
critical_of | skeptical_of | sceptical_of | wary_of | supportive_of | dismissive_of |
worried_about | concerned_about | proud_of | angry_at | angry_about | upset_about |
optimistic_about | opposed_to | in_favor_of | in_favour_of | quick_to
"""


def _inflect(entry: str) -> tuple[str, ...]:
    """'note' -> note notes noted noting; 'admit=admitted' doubles the consonant."""
    lemma, _, past = entry.partition("=")
    if lemma.endswith("e"):
        forms = (lemma + "s", past or lemma + "d", lemma[:-1] + "ing")
    elif lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        forms = (lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms = (lemma + "es", past or lemma + "ed", lemma + "ing")
    else:
        forms = (lemma + "s", past or lemma + "ed", (past[:-2] if past else lemma) + "ing")
    return (lemma, *forms)


def inflections(entry: str) -> tuple[str, ...]:
    """The forms of one regular verb entry ('ban=banned' -> ban bans banned banning), for the
    other vocabularies built the same way (the event triggers)."""
    return _inflect(entry)


def _forms(regular: str, irregular: str, past_only: str = "") -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for entry in regular.split():
        forms = _inflect(entry)
        out[forms[0]] = forms
    for group in irregular.split("|"):
        words = [w.replace("_", " ") for w in group.split()]  # "call_for": two words
        if words:
            out[words[0]] = tuple(words)
    for word in past_only.split():
        out[word.replace("_", " ")] = (word.replace("_", " "),)  # "pointed_out": two words
    return out


#: Reporting verbs (lemma -> its forms). Speech: what a source says, writes or posts.
SPEECH_VERBS = _forms(_SPEECH_REGULAR, _SPEECH_IRREGULAR, _SPEECH_PAST_ONLY)
COGNITION_VERBS = _forms(_COGNITION_REGULAR, _COGNITION_IRREGULAR)
#: Every form of a speech verb -> its lemma.
SPEECH_FORMS = {form: lemma for lemma, forms in SPEECH_VERBS.items() for form in forms}
COGNITION_FORMS = {form: lemma for lemma, forms in COGNITION_VERBS.items() for form in forms}
STANCE_VERBS = _forms(_STANCE_REGULAR, _STANCE_IRREGULAR + "|" + _ATTITUDE)
STANCE_FORMS = {form: lemma for lemma, forms in STANCE_VERBS.items() for form in forms}
#: The attitude adjectives among them (after "is", "was", "has been": not passives).
ATTITUDE_FORMS = frozenset(w.replace("_", " ") for w in _ATTITUDE.replace("|", " ").split())

#: Prepositions whose object is no subject ("a spokesman for X said", "asked about X"), as a
#: regular-expression alternation: the resolver and the claim sources each add their extras.
GOVERNING = "of|for|from|at|by|with|to|against|on|in|about|over|than|into|after"

#: Auxiliaries, negations and adverbs that stand between a subject and its verb ("has long
#: said", "did not say", "hasn't endorsed", "He's now claiming", "have all attacked"): a regular
#: expression for one such word with the space or apostrophe before it, to be repeated. Each
#: repetition starts with a space or an apostrophe, so a long word cannot be split two ways.
AUXILIARY = (r"(?:\s+(?:has|have|had|also|still|now|will|would|could|should|must|may|might|can|"
             r"did|do|does|is|are|was|were|been|being|once|first|again|not|never|ever|even|"
             r"just|already|long|often|all|both|each|then|later|soon|\w+n[’']t|\w+ly)(?=\W)|[’'](?:s|ve|d|ll|re)"
             r"(?=\s))")

#: Paragraph labels that name no speaker: "Editor's Note:", "UPDATE:", "Photo:", "The Latest:",
#: "BREAKING:", "Exclusive:" (compared by their first word, case-folded).
NOT_SPEAKER_LABELS = frozenset(
    "editor’s editor's update updated note photo photos video watch related read see listen "
    "correction clarification source sources the breaking exclusive bombshell wow so analysis "
    "opinion news fix live".split())

#: Gestures that stand for speaking after a quote ('"No," she smiled.').
GESTURES = frozenset("laughed smiled shrugged nodded paused hesitated".split())
#: Forms of speech verbs that say a capitalised word before them is somebody ("Moran said").
PERSON_VERB_FORMS = frozenset(f for f in SPEECH_FORMS if not f.endswith("ing")) | GESTURES


def _named(forms: dict[str, str], words: str) -> frozenset[str]:
    """The forms of a vocabulary that ``words`` names ("pointed_out": two words). A rule that
    reads only some forms of the speech verbs names them here, drawn from the one vocabulary:
    a word that is not one of its forms fails at import, not silently in a regex."""
    named = frozenset(w.replace("_", " ") for w in words.split())
    unknown = sorted(named - forms.keys())
    if unknown:
        raise ValueError(f"not forms of the vocabulary: {unknown}")
    return named


# Named subsets of the speech verbs, for the rules that read a reporting verb inside a larger
# regular expression (as ``alternation(...)``). Each is the exact set its rule was written and
# measured with (docs/quality.md), narrower than ``SPEECH_FORMS``: widening one changes what
# the rule finds, a change to measure, not a refactoring.

#: Forms whose complement is a whole utterance ('..., adding "where they are going ..."'): a
#: quote right after one is the verb's own words (``quotes``).
UTTERANCE_FORMS = _named(SPEECH_FORMS, "said says saying added adding asked asking wrote "
                         "writing declared announced stated continued replied tweeted posted "
                         "shouted")
#: Forms before the subject of a sentence that is only an attribution (' said Mr. Ruiz.').
BEFORE_SUBJECT_FORMS = _named(SPEECH_FORMS, "said says")
#: Forms after "X, which ...," that make X an organisation speaking ("Unison, which represents
#: nurses, said") (``org_context``).
ORG_SPEECH_FORMS = _named(SPEECH_FORMS, "said says told added warned announced called")
#: Forms by which an outlet relays a source's words ("as quoted by Politico", "X cited Y as
#: saying") (``org_context``).
RELAY_FORMS = _named(SPEECH_FORMS, "cited quoted reported")
#: Forms that open a sentence before their subject, written capitalised there ('Said Comey,
#: "..."') (``speech_cues``).
FRONT_FORMS = _named(SPEECH_FORMS, "said says added asked wrote writes noted explained recalled")
#: Forms of denying and rejecting: a claim its claimant denies ("X denied that ...") is
#: reported with its polarity turned (``claims``).
DENIAL_FORMS = _named(SPEECH_FORMS, "denied denies deny denying") | _named(
    STANCE_FORMS, "rejected rejects reject refused refuses")
#: Forms whose object is the person spoken of, not their speaker ("called him", "described
#: her as", "accused them"): a name after one does not say who spoke (``people``).
OBJECT_FORMS = _named(SPEECH_FORMS, "called described cited quoted accused blasted slammed "
                      "touted informed advised reported mentioned")
#: Forms that, in the claims' wider net (speech, cognition and stance verbs), are mostly not
#: attribution: nouns ("support", "remarks", "questions"), other senses ("posted a loss",
#: "charged with", "went on"), measured on PolNeAR train (``claim_rejections``).
NOT_CLAIM_FORMS = _named({**SPEECH_FORMS, **COGNITION_FORMS, **STANCE_FORMS}, """
posted maintained charged offer offers finding cried speaking spoke speak speaks continue
continues continued remarks remark questions question respond responds responded responding
went_on answer answers demands demand counter counters put_it issued_a_statement attack attacks
thanks thank tweet figure challenge challenges""")
