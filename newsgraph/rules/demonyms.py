"""Demonyms: the adjective a news sentence uses for a country ("Turkish troops"), or for a
region or people ("European", "Texan"). The one demonym vocabulary of the rules.

PLOVER and CAMEO code "Turkish troops" with the actor Turkey (TUR, plus a sector code), so an
event whose source or target is written with a demonym gets that country as a participant.
The country table is read by the events stage only: the actors stage keeps its own rules, so a
demonym never makes a country an actor of an article unless an event names it.

The name rules read some demonyms as a word of a title before a name ("German Chancellor Olaf
Scholz"): ``TITLE_DEMONYMS``, the table's entries marked ``*`` and the demonyms of no country
(``REGIONAL_DEMONYMS``: "Kentuckian", "European", which name no country of the table).
"""

from __future__ import annotations

from newsgraph.rules.scanner import Cues

#: Demonym -> country (underscores stand for spaces). General news usage, in alphabetical order.
#: ``*`` after a demonym: the name rules read it as a title word too (``TITLE_DEMONYMS``).
_TABLE = """
Afghan=Afghanistan Albanian=Albania Algerian=Algeria American*=United_States Angolan=Angola
Argentine=Argentina Argentinian=Argentina Armenian=Armenia Australian*=Australia
Austrian*=Austria Azerbaijani=Azerbaijan Bahraini=Bahrain Bangladeshi=Bangladesh
Belarusian=Belarus Belgian*=Belgium Beninese=Benin Bolivian=Bolivia Bosnian=Bosnia_and_Herzegovina
Brazilian*=Brazil British*=United_Kingdom Bulgarian=Bulgaria Burmese=Myanmar Burundian=Burundi
Cambodian=Cambodia Cameroonian=Cameroon Canadian*=Canada Chadian=Chad Chilean=Chile
Chinese*=China Colombian=Colombia Congolese=Democratic_Republic_of_the_Congo Croatian=Croatia
Cuban=Cuba Cypriot=Cyprus Czech=Czech_Republic Danish*=Denmark Dutch*=Netherlands
Ecuadorian=Ecuador Egyptian*=Egypt Eritrean=Eritrea Estonian=Estonia Ethiopian*=Ethiopia
Fijian=Fiji Filipino=Philippines Finnish*=Finland French*=France Gambian=Gambia
Georgian=Georgia German*=Germany Ghanaian=Ghana Greek*=Greece Guatemalan=Guatemala
Haitian=Haiti Honduran=Honduras Hungarian=Hungary Icelandic=Iceland Indian*=India
Indonesian=Indonesia Iranian*=Iran Iraqi=Iraq Irish*=Ireland Israeli*=Israel Italian*=Italy
Ivorian=Ivory_Coast Jamaican=Jamaica Japanese*=Japan Jordanian=Jordan Kazakh=Kazakhstan
Kenyan*=Kenya Kosovar=Kosovo Kuwaiti=Kuwait Kyrgyz=Kyrgyzstan Laotian=Laos Latvian=Latvia
Lebanese=Lebanon Liberian=Liberia Libyan=Libya Lithuanian=Lithuania Macedonian=North_Macedonia
Malagasy=Madagascar Malawian=Malawi Malaysian=Malaysia Malian=Mali Maltese=Malta
Mauritanian=Mauritania Mexican*=Mexico Moldovan=Moldova Mongolian=Mongolia Montenegrin=Montenegro
Moroccan=Morocco Mozambican=Mozambique Namibian=Namibia Nepalese=Nepal Nicaraguan=Nicaragua
Nigerian*=Nigeria Nigerien=Niger Norwegian*=Norway Omani=Oman Pakistani*=Pakistan
Palestinian=Palestine Panamanian=Panama Paraguayan=Paraguay Peruvian=Peru Polish*=Poland
Portuguese*=Portugal Qatari=Qatar Romanian=Romania Russian*=Russia Rwandan=Rwanda
Saudi*=Saudi_Arabia Senegalese=Senegal Serb=Serbia Serbian=Serbia Singaporean=Singapore Slovak=Slovakia
Slovenian=Slovenia Somali=Somalia Soviet=Soviet_Union Spanish*=Spain Sudanese=Sudan Swedish*=Sweden
Swiss*=Switzerland Syrian*=Syria Taiwanese=Taiwan Tajik=Tajikistan Tanzanian=Tanzania Thai=Thailand
Tunisian=Tunisia Turkish*=Turkey Turkmen=Turkmenistan Ugandan=Uganda Ukrainian*=Ukraine
Uruguayan=Uruguay Uzbek=Uzbekistan Venezuelan=Venezuela Vietnamese=Vietnam Yemeni=Yemen
Yugoslav=Yugoslavia Zairean=Zaire Zambian=Zambia Zimbabwean=Zimbabwe
"""

_ENTRIES = [entry.partition("=") for entry in _TABLE.split()]
DEMONYM_COUNTRIES: dict[str, str] = {
    demonym.rstrip("*"): country.replace("_", " ") for demonym, _, country in _ENTRIES}
#: Demonyms of a region, a people or a US state, no country of the table (lower case).
REGIONAL_DEMONYMS = frozenset("""
european african asian arab english scottish welsh korean
kentuckian texan floridian californian iowan ohioan virginian arizonan coloradan oregonian
""".split())
#: Demonyms (lower case) the name rules read as a word of a title in front of a name
#: (``names.is_title_word``): the table's entries marked ``*`` and the regional ones.
TITLE_DEMONYMS = frozenset(
    demonym[:-1].lower() for demonym, _, _ in _ENTRIES if demonym.endswith("*")
) | REGIONAL_DEMONYMS

#: A capitalised demonym as a whole word ("Turkish", not "Turkishness"; "Serb" in "Bosnian
#: Serb" too), or its plural as a noun ("Palestinians", "Serbs"): the words
#: ``\b[A-Z][a-z]+\b`` finds that the table holds, alone or before an "s" (every demonym is
#: such a word), found by the cue scanner's one pass over the article's words.
_DEMONYMS = Cues(set(DEMONYM_COUNTRIES) | {f"{d}s" for d in DEMONYM_COUNTRIES})
#: The countries of the table by their names, for the ones no gazetteer lists ("Benin"): as
#: ``\b(?:names, longest first)\b`` finds them (``Cues``: not an alternation of 120 names
#: tried at every position of every sentence, 0.45 ms an article over PolNeAR).
_COUNTRIES = Cues(set(DEMONYM_COUNTRIES.values()))


def find_demonyms(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, country) of every demonym in ``text[start:end]``, and of every country of
    the table named as such ("Benin"), in text order. ``tests/test_demonyms.py`` holds it
    equal to the two regular expressions it was written with."""
    out = [(m.start(), m.end(), m.group()) for m in _COUNTRIES.finditer(text, start, end)]
    for m in _DEMONYMS.finditer(text, start, end):
        if any(a <= m.start() < b for a, b, _ in out):
            continue
        word = m.group()
        country = DEMONYM_COUNTRIES.get(word) or (
            DEMONYM_COUNTRIES.get(word[:-1]) if word.endswith("s") else None)
        if country is not None:
            out.append((m.start(), m.end(), country))
    return sorted(out)
