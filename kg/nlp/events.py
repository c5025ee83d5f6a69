"""``kg_events``: events from trigger words, with participants read off the parse.

A trigger (``kg/data/triggers.yaml``) proposes an event type. Its clause gives
the participants: the subject (or the passive's "by" agent) first, then
objects and prepositional objects; generic mentions ("the exchange") count
through the entity they refer to. Sources credited for a report (the
dateline's outlet, "according to X") are not participants. Each person's
leadership change, each venue's listing, each regulator's suit and each step
of a criminal case (arrest, charge, verdict, sentence) is its own event. A trigger under a negation, a modal, a
denial, a plan or a called-off deal yields nothing. Reports of one event in
several sentences of an article are merged. Results go to
``doc._.kg_events`` as ``FoundEvent``s; dates stay as the text that gave them
and are resolved by ``kg.extract`` against the article's date.

The steps live beside this component: ``event_triggers`` (the lexicon and the
triggers of a sentence), ``event_factuality`` (did it happen) and
``event_participants`` (who took part). This module runs them and merges the
reports.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import dates
from .entities import DocEntities
from .event_factuality import announced_as_decided, called_off, happened, sought_protection
from .event_participants import (MAX_PARTICIPANTS, ONE_PER_PARTY, FoundEvent, names_two_companies, past_employer,
                                 read_event, swallowed_subject, verb_of_a_verbless_parse)
from .event_triggers import Triggers, TriggerSpec, dated_derivative, find_triggers, has_context, invests_in_company, \
    joined_a_round, load_triggers
from .guard import guarded
from .lexicon import load_lexicon

__all__ = ["EventFinder", "FoundEvent", "TriggerSpec", "Triggers", "load_triggers", "make_event_finder"]

MODIFIER_SENSITIVE = {"FUNDING", "ACQUISITION", "LICENSE", "LAUNCH", "PARTNERSHIP", "LISTING"}
CANCELLABLE = {"ACQUISITION", "FUNDING", "PARTNERSHIP", "LISTING", "LAUNCH"}  # deals a called-off sentence takes back
# triggers of someone leaving a job (the rest tell of someone taking one): a succession joins one of each
LEAVING_STEMS = ("resign", "step", "depart", "quit", "retir", "oust", "fire", "dismiss", "left", "leav", "exit",
                 "sack", "remov")
PLACED_TYPES = {"EXCHANGE", "ORGANIZATION", "REGULATOR"}  # what a leader leads
# each person's leadership change, each venue's listing, each regulator's suit is its own event
ONE_PER_KIND = {"LEADERSHIP_CHANGE": "PERSON", "LISTING": "EXCHANGE", "LAWSUIT": "REGULATOR",
                "WITHDRAWAL_HALT": "EXCHANGE"}
# what one person does to another's job
PERSONNEL_VERBS = {"appoint", "name", "oust", "fire", "hire", "promote", "elect", "nominate", "dismiss", "tap", "sack"}
EXAMINING_VERBS = {"examine", "investigate", "determine", "assess", "check", "verify", "establish", "review"}
# regulators whose charges are civil: securities, commodities and markets commissions and authorities
CIVIL_ENFORCER = re.compile(r"Securities|Commodit|Exchange Commission|Financial Conduct|Market|Consumer", re.I)
COURT_NAME = re.compile(r"\b(?:Court|Tribunal)\b")  # "U.S. District Court for ...", "Capital Markets Tribunal"
CRIMINAL_WORDS = {"criminal", "criminally", "conspiracy", "laundering", "indictment", "indicted", "prosecutors",
                  "arrested", "arrest", "prison", "jail", "extradition", "extradited", "guilty"}

if not Doc.has_extension("kg_events"):
    Doc.set_extension("kg_events", default=None)


@Language.factory("kg_events", requires=["doc._.kg", "token.dep", "token.lemma"], assigns=["doc._.kg_events"])
def make_event_finder(nlp: Language, name: str) -> "EventFinder":
    return EventFinder(load_triggers())


class EventFinder:
    def __init__(self, triggers: Triggers):
        self.t = triggers

    @guarded(lambda doc: setattr(doc._, "kg_events", []))
    def __call__(self, doc: Doc) -> Doc:
        ents: DocEntities = doc._.kg
        events: list[FoundEvent] = []
        ref = dates.reference_day(doc.user_data.get(dates.PUBLISHED_KEY, ""), doc.text)
        for sent in doc.sents:
            if not ents.in_span(sent.start, sent.end) and not names_two_companies(sent) and \
                    not any(t.lower_ in ("price", "shares", "stock") for t in sent):
                continue  # (but "the two firms", "the price" and "the shares" name parties told before)
            cancelled = None  # read only for a sentence with a deal in it
            subjects: dict[str, str | None] = {}  # the subject of the sentence's first event of each type
            for token, type_ in find_triggers(self.t, sent):
                spec = self.t.specs[type_]
                if type_ in CANCELLABLE:
                    if cancelled is None:
                        cancelled = called_off(self.t, sent)
                    if cancelled:
                        continue
                if spec.context and not has_context(token, spec) and not (
                        type_ == "FUNDING" and joined_a_round(token) and any(e.type == "FUNDING" for e in events)) \
                        and not (type_ == "FUNDING" and invests_in_company(doc, token)):
                    continue  # (a round told before is context enough for "A and B also took part")
                if type_ in MODIFIER_SENSITIVE and token.dep_ in ("compound", "amod", "nmod") and \
                        token.head.pos_ in ("NOUN", "PROPN") and not _verb_read_as_modifier(token, spec):
                    continue  # "investment warnings", "license plate": the trigger only describes another noun
                if not happened(self.t, token) and not (type_ == "LISTING" and announced_as_decided(token)) and \
                        not (type_ == "BANKRUPTCY" and sought_protection(self.t, token)):
                    continue
                following = type_ == "LISTING" and token.lemma_.lower() == "follow"
                # (the venues that followed a listing name no coin of their own: they list the one before)
                event = read_event(self.t, doc, ents, sent, token, replace(spec, needs=frozenset()) if following
                                   else spec)
                if event is None:
                    continue
                if type_ == "FUNDING" and joined_a_round(token):
                    # investors who "also took part" join the round told last; with none told, no event
                    told = next((e for e in reversed(events) if e.type == "FUNDING"), None)
                    if told is not None:
                        _add_parties(told, event)
                    continue
                if following:
                    told = next((e for e in reversed(events) if e.type == "LISTING"), None)
                    if told is None:
                        continue
                    event.participants = [k for k in event.participants if ents.records[k].type == "EXCHANGE"] + \
                        [k for k in told.participants if ents.records[k].type != "EXCHANGE"]
                event = _retyped(event, ents, sent, token, events)
                type_ = event.type
                if token.lemma_.lower() == "charge" and token.pos_ == "VERB" and all(
                        ents.records[k].type == "REGULATOR" for k in event.participants) and \
                        any(_same_kind(e, event) for e in events):
                    _merge_back(events, event)  # "prosecutors charged all three with wire fraud": the case told
                    continue
                if type_ == "PARTNERSHIP" and len(pairs := _pairs_listed(ents, sent)) > 1:
                    # "had secured bank partnerships: Upbit with K Bank, Bithumb and Coinone with NH Nonghyup
                    # Bank, and Korbit with Shinhan Bank": one partnership per pair the list gives
                    for keys in pairs:
                        _merge_into(events, FoundEvent(type_, keys, event.trigger, event.start, event.end,
                                                       event.date_text), ref)
                    continue
                if type_ == "FUNDING" and (further := _a_further_round(token)) is not None:
                    # "raised $900 million in July and a further $420 million in October": two rounds
                    amount, when = further
                    _merge_into(events, FoundEvent(type_, list(event.participants[:1]), event.trigger, event.start,
                                                   event.end, when, amount), ref)
                if _only_recalled(token) and any(_same_kind(e, event) for e in events):
                    # "days after the hack, FTX lent Liquid $120 million", "swapped the stolen tokens on
                    # Uniswap": the event told before, and the clause's parties belong to another story
                    own = {m.key for m in ents.in_span(token.head.left_edge.i, token.head.right_edge.i + 1)}
                    event.participants = [k for k in event.participants if k in own]
                    if type_ not in ONE_PER_PARTY and not _names_new_party(ents, token, events, event, own_phrase=True):
                        _merge_back(events, event)
                        continue
                    # "after the collapse of TerraUSD": the move of the party it names, told before or not
                subject = _subject_key(ents, token)
                if type_ in ONE_PER_PARTY and not (type_ == "BANKRUPTCY" and token.pos_ == "VERB" and
                                                   token.lemma_.lower() in ("appoint", "name")):
                    # each asset that moved, each company that failed, is its own event (the officers appointed to
                    # one failed company are parties of its insolvency)
                    courts = [k for k in event.participants if "court" in ents.records[k].name.lower()]
                    for key in event.participants:
                        if key not in courts:
                            _merge_into(events, FoundEvent(type_, [key, *courts], event.trigger, event.start,
                                                           event.end, event.date_text, event.stage), ref)
                elif (kind := _one_per(type_, token)) and sum(ents.records[k].type == kind
                                                              for k in event.participants) > 1 and \
                        not (type_ == "LEADERSHIP_CHANGE" and _succession_in_clause(ents, sent, event)):
                    # each person's leadership change, each venue's listing or halt, each regulator's suit: the
                    # others (organisation, assets, defendants) join each one
                    # "Erdoğan dismissed his predecessor, Ağbal": who appoints or dismisses joins the change
                    actor = subject if type_ == "LEADERSHIP_CHANGE" and token.lemma_.lower() in PERSONNEL_VERBS \
                        else None
                    shared = [k for k in event.participants if ents.records[k].type != kind or k == actor]
                    for key in event.participants:
                        if ents.records[key].type == kind and key != actor:
                            _merge_into(events, FoundEvent(type_, [key, *shared], event.trigger, event.start,
                                                           event.end, event.date_text), ref)
                elif _new_party_of_kind(ents, events, event):
                    _merge_into(events, event, ref)  # "Brooks resigned ... Binance.US named Shroder": two changes
                elif _refers_back(token) and any(_same_kind(e, event) for e in events) and \
                        not _names_new_party(ents, token, events, event):
                    _merge_back(events, event)
                elif any(_same_kind(e, event) and e.start == event.start for e in events) and \
                        not _other_subject(subjects.get(type_), subject) and not _other_grantor(ents, events, event) \
                        and not _other_party_and_date(events, event) and not (
                            token.pos_ == "NOUN" and _names_new_party(ents, token, events, event, own_phrase=True)):
                    # (but "blamed for the theft from Atomic Wallet and for the hack of Harmony's bridge": an event
                    # noun that names its own new victim is another event)
                    _merge_back(events, event)  # one sentence, one event of a kind: "resigned ... was replaced by"
                else:
                    _merge_into(events, event, ref)
                subjects.setdefault(type_, subject)
        events = _without_bystanders(ents, doc, events)
        doc._.kg_events = _join_successions(ents, doc, _with_employers(ents, doc, events))
        return doc


def _without_bystanders(ents: DocEntities, doc: Doc, events: list[FoundEvent]) -> list[FoundEvent]:
    """Names beside an event that are where it happened, not who took part: 'sued Binance in the U.S. District
    Court for the Eastern District of Texas' (a suit is between the parties; a court deciding a bankruptcy takes
    part in it), a theft 'on Ethereum', a firm beside the people a criminal case is against. A criminal case
    whose only party is such a chain, or a theft told only "on" it, is none ('convicted for attacking two
    platforms on the Solana blockchain': the victims go unnamed)."""
    chains = load_lexicon().base_chains
    emptied = []
    for event in events:
        if event.type == "LAWSUIT":
            parties = [k for k in event.participants if not COURT_NAME.search(ents.records[k].name)]
            event.participants = parties or event.participants
        elif event.type == "HACK" and len(event.participants) > 1:
            # "drained $80 million from bridges on Ethereum and BNB Chain": the chain is where, not who
            event.participants = [k for k in event.participants if ents.records[k].kb_id not in chains] or \
                event.participants
        elif event.type == "CRIMINAL_CASE" and all(ents.records[k].kb_id in chains for k in event.participants):
            emptied.append(event)  # (no chain is ever a party of a criminal case in the gold sets)
        elif event.type == "HACK" and all(ents.records[k].kb_id in chains for k in event.participants) and \
                _only_where(ents, doc, event):
            emptied.append(event)  # "for attacking two platforms on the Solana blockchain": where, the victims unnamed
        elif event.type == "CRIMINAL_CASE" and any(ents.records[k].type == "PERSON" for k in event.participants):
            # "charged Ross Ulbricht with running Silk Road", "Telegram's founder was detained": a criminal case
            # is against people; the venture they ran or the firm beside them is where, not who (the gold sets
            # name such an organisation in a case with a person 7 times in 38); the court that tries them stays
            event.participants = [k for k in event.participants if ents.records[k].type != "ORGANIZATION"
                                  or COURT_NAME.search(ents.records[k].name)]
    return [e for e in events if not any(e is x for x in emptied)]


def _only_where(ents: DocEntities, doc: Doc, event: FoundEvent) -> bool:
    """Every mention of the event's parties in its sentence follows "on" ("on the Solana blockchain")."""
    mentions = [m for m in ents.in_span(event.start, event.end) if m.key in event.participants]
    return bool(mentions) and all(m.start >= 2 and "on" in (doc[m.start - 1].lower_, doc[m.start - 2].lower_)
                                  for m in mentions)


def _with_employers(ents: DocEntities, doc: Doc, events: list[FoundEvent]) -> list[FoundEvent]:
    """'Aigaio said its founder and chief executive, Nikos Papadakis, had resigned': a leadership change
    that names a person and no organisation is at the one the same sentence says the person works for; one
    at a company leaves out a regulator named beside it."""
    works_for: dict[tuple[int, str], set[str]] = {}
    for r in getattr(doc._, "kg_relations", None) or ():
        # (not a past post elsewhere: "handing the role to Wanjiru Kamau, a former head of digital banking at Tana
        # Bank")
        if r.type == "WORKS_FOR" and not any(m.key == r.tail and past_employer(doc, ents, m)
                                             for m in ents.in_span(r.start, r.end)):
            # (by the sentence of either end: a title at the company the article is about spans back to its name)
            for sent_start in {doc[r.start].sent.start, doc[r.end - 1].sent.start}:
                works_for.setdefault((sent_start, r.head), set()).add(r.tail)
    for event in events:
        if event.type in ("LEADERSHIP_CHANGE", "LAUNCH") and any(
                ents.records[k].type in ("EXCHANGE", "ORGANIZATION") for k in event.participants):
            # "names Layla Haddad CEO after VARA upgrade", "launched the app under the central bank's sandbox": a
            # company's change or launch; the regulator is named beside it (one launches only what it makes itself:
            # "the Bank of Jamaica launched its digital currency")
            event.participants = [k for k in event.participants if ents.records[k].type != "REGULATOR"]
        if event.type != "LEADERSHIP_CHANGE" or any(ents.records[k].type in PLACED_TYPES for k in event.participants):
            continue
        employers = set().union(*(works_for.get((event.start, k), set()) for k in event.participants))
        if len(employers) == 1:
            event.participants.insert(0, employers.pop())
    return events


def _join_successions(ents: DocEntities, doc: Doc, events: list[FoundEvent]) -> list[FoundEvent]:
    """'Powell stepped down as chief executive and was succeeded by Ripley', 'Zhao stepped down ... Binance
    named Teng as its new chief executive': one person leaving and the next taking over at the same
    organisation (or where one of the two names none: "... had resigned. The board named X as interim chief
    executive"), told in one sentence or the next, are one change (as the dev set annotates a succession);
    two people's unrelated moves stay two."""
    sentence_of = {sent.start: k for k, sent in enumerate(doc.sents)}
    people = lambda e: {k for k in e.participants if ents.records[k].type == "PERSON"}  # noqa: E731
    bodies = lambda e: {k for k in e.participants if ents.records[k].type in PLACED_TYPES}  # noqa: E731
    out: list[FoundEvent] = []
    for event in events:
        earlier = next((old for old in reversed(out) if old.type == event.type == "LEADERSHIP_CHANGE"), None)
        if earlier is not None and len(people(earlier)) == 1 and len(people(event)) == 1 and \
                people(earlier) != people(event) and not _other_years(earlier.date_text, event.date_text) and \
                (_leaving(earlier.trigger) != _leaving(event.trigger) or _succeeding(event.trigger)) and \
                0 <= sentence_of[event.start] - sentence_of[earlier.start] <= 1 and (
                    bodies(earlier) & bodies(event) or not (bodies(earlier) and bodies(event))):
            _add_parties(earlier, event)
            continue
        if earlier is not None and len(people(earlier)) == 1 and people(earlier) < people(event) and \
                not _other_years(earlier.date_text, event.date_text) and \
                0 <= sentence_of[event.start] - sentence_of[earlier.start] <= 2 and (
                    bodies(earlier) & bodies(event) or not (bodies(earlier) and bodies(event))):
            # "... has named Meenakshi Raghavan as its chief executive. ... Raghavan takes over from co-founder
            # Arvind Subramaniam": the change told again, with the one who leaves
            _add_parties(earlier, event)
            continue
        out.append(event)
    return out


def _succession_in_clause(ents: DocEntities, sent, event: FoundEvent) -> bool:
    """'Powell stepped down and was succeeded by Ripley': two people the trigger reads in different roles (not
    coordinated, as in "Powell and Ripley resigned") are one leaving and one taking over, a single change."""
    people = [m for m in ents.in_span(sent.start, sent.end)
              if m.key in event.participants and ents.records[m.key].type == "PERSON" and not m.generic]
    keys = {m.key for m in people}
    if len(keys) != 2:
        return False
    doc = sent.doc
    a, b = {m.key: doc[m.start:m.end].root for m in people}.values()
    return b.i not in {t.i for t in a.conjuncts} and b.head.i != a.i and a.head.i != b.i


def _succeeding(trigger: str) -> bool:
    """'named Ardoino chief executive, succeeding van der Velde', 'She replaces co-founder Emre Yıldırım': the
    trigger names the one who leaves as its object, the other half of a change told beside it."""
    return trigger.lower().startswith(("succeed", "replac"))


def _leaving(trigger: str) -> bool:
    """'resigned', 'stepped down', 'ousted': the trigger tells of someone leaving (not of someone taking over)."""
    return trigger.lower().startswith(LEAVING_STEMS)


def _one_per(type_: str, token: Token) -> str | None:
    """The kind of party of which each is its own event: each person's leadership change, ...; and
    'approvals from the Central Bank of Bahrain and Dubai's VARA': a plural grant, one per regulator."""
    if type_ == "LICENSE" and token.tag_ == "NNS":
        return "REGULATOR"
    return ONE_PER_KIND.get(type_)


def _pairs_listed(ents: DocEntities, sent) -> list[list[str]]:
    """'...: Upbit with K Bank, Bithumb and Coinone with NH Nonghyup Bank, and Korbit with Shinhan Bank': after a
    colon, each stretch up to a comma of names, "with" and names gives one deal per name before "with" (read
    from the words, which the parser seldom hangs right)."""
    colon = next((t.i for t in sent if t.text == ":"), None)
    if colon is None:
        return []
    pairs, left, right, seen_with, stretches = [], [], [], False, 0
    for t in sent.doc[colon + 1:sent.end]:
        if t.pos_ in ("VERB", "AUX") and t.i not in ents.by_token:
            return []  # "three issuers: A, B and C, which teamed up with D": a clause, not a list of pairs
        if t.lower_ == "with":
            if seen_with:
                return []  # a second "with" before a comma: not a list of pairs
            seen_with = True
        elif t.text in (",", ";", ".") and seen_with:
            pairs.extend([key, *right] for key in left if right)  # ("Bithumb and Coinone with X": two deals)
            stretches += 1
            left, right, seen_with = [], [], False
        elif t.text in (",", ";"):
            left = []
        elif t.i in ents.by_token and not ents.by_token[t.i].generic:
            key = ents.record(ents.by_token[t.i]).key
            side = right if seen_with else left
            if key not in side:
                side.append(key)
    return pairs if stretches > 1 else []


def _a_further_round(verb: Token) -> tuple[str, str] | None:
    """'raised $900 million in July and a further $420.69 million in October': the further sum and the date
    told with it, where the clause tells one (the round after the first)."""
    for t in verb.subtree:
        if t.lower_ not in ("further", "another") or t.head.ent_type_ != "MONEY":
            continue
        money = t.head
        when = next((o for c in money.children if c.dep_ == "prep" and c.lower_ in ("in", "on")
                     for o in c.children if o.ent_type_ == "DATE"), None)
        if when is not None:
            amount = "".join(w.text for w in money.subtree if w.ent_type_ == "MONEY").lower()
            date = next((e.text for e in verb.doc.ents if e.start <= when.i < e.end), when.text)
            return amount, date
    return None


def _subject_key(ents: DocEntities, token: Token) -> str | None:
    """The entity that is the (active) subject of the trigger's verb, if one is: the party that acted.
    Passive subjects are left out: "A was arrested in Ohio, and B was arrested in Spain" is one case."""
    verb = token if token.pos_ in ("VERB", "AUX") else None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    mention = ents.by_token.get(subject.i) if subject is not None else None
    if verb is not None and subject is None and (swallowed := swallowed_subject(verb)) is not None:
        mention = next(iter(ents.in_span(swallowed.left_edge.i + 1, swallowed.right_edge.i + 1)), None)
    return ents.record(mention).key if mention is not None else None


def _other_subject(first: str | None, this: str | None) -> bool:
    """'Kraken halted withdrawals on Monday, and Gemini suspended them on Tuesday': each verb with a
    subject of its own is its own event, though one sentence tells both."""
    return first is not None and this is not None and first != this


def _other_party_and_date(events: list[FoundEvent], event: FoundEvent) -> bool:
    """'In October Cream Finance lost $130 million, and in August an attacker took $611 million from Poly
    Network': another party on another date, though one sentence tells both, is another event."""
    old = next((e for e in reversed(events) if e.type == event.type), None)
    return old is not None and bool(event.participants) and not set(old.participants) & set(event.participants) \
        and bool(old.date_text) and bool(event.date_text) and old.date_text != event.date_text


def _other_grantor(ents: DocEntities, events: list[FoundEvent], event: FoundEvent) -> bool:
    """'Coinbase obtained its licence from the CSSF, while OKX and Crypto.com were authorised by the MFSA': a
    licence from another regulator than the one the sentence's first licence names is another licence."""
    if event.type != "LICENSE":
        return False
    old = next((e for e in reversed(events) if e.type == event.type), None)
    mine = {k for k in event.participants if ents.records[k].type == "REGULATOR"}
    theirs = {k for k in old.participants if ents.records[k].type == "REGULATOR"} if old else set()
    return bool(mine and theirs and not mine & theirs)


def _verb_read_as_modifier(token: Token, spec: TriggerSpec) -> bool:
    """'Bitstamp added trading in XRP': a past tense the parser hung on the noun after it, where the two make one
    of the type's trigger phrases ("add trading")."""
    return token.tag_ in ("VBD", "VBN") and token.head.i == token.i + 1 and \
        (token.lemma_.lower(), token.head.lemma_.lower()) in spec.phrases or verb_of_a_verbless_parse(token)


def _retyped(event: FoundEvent, ents: DocEntities, sent, token: Token, told: list[FoundEvent]) -> FoundEvent:
    """'charged with conspiracy' is a criminal case; 'suspended trading in XRP' is a (de)listing; 'the
    complaint', after a criminal complaint was told, is that criminal case."""
    # (a complaint or a lawsuit that charges someone is a civil case: "The complaint charges Wasatch Ledger and
    # Andersen with violating the anti-fraud provisions")
    civil = any(t.lower_ == "civil" for t in sent) or any(
        c.dep_ == "nsubj" and c.lemma_.lower() in ("complaint", "lawsuit", "suit") for c in token.children)
    if event.type == "LAWSUIT" and any(t.lower_ in CRIMINAL_WORDS for t in sent) and not civil:
        event.type = "CRIMINAL_CASE"
    elif event.type == "LAWSUIT" and _refers_back(token) and any(
            e.type == "CRIMINAL_CASE" and e.trigger.lower() == token.lower_ for e in told):
        event.type = "CRIMINAL_CASE"
    elif event.type == "LAWSUIT" and token.lemma_.lower() in ("charge", "charges") and not civil and not any(
            ents.records[k].type == "REGULATOR" and CIVIL_ENFORCER.search(ents.records[k].name)
            for k in {*event.participants, *(ents.record(m).key for m in ents.in_span(sent.start, sent.end))}) \
            and token.head.lemma_.lower() != "settle":
        # "Nigeria drops charges against Gambaryan": charges are criminal unless a markets regulator,
        # which brings civil ones, brings them or is named beside them, or they are settled
        event.type = "CRIMINAL_CASE"
    elif event.type == "LAWSUIT" and token.lemma_.lower() in ("proceeding", "proceedings") and any(
            t.lemma_.lower() in EXAMINING_VERBS and t.dep_ in ("xcomp", "advcl", "acl", "relcl")
            for t in token.head.subtree):
        # "opened proceedings against the exchange to examine whether it had adequate safeguards"
        event.type = "INVESTIGATION"
    elif event.type == "WITHDRAWAL_HALT" and any(
            ents.records[k].type == "ASSET" for k in event.participants) and any(
            t.lower_ == "trading" for t in token.subtree):
        event.type = "LISTING"
    elif event.type == "LISTING" and _derivatives_listed(token):
        event.type = "LAUNCH"  # "the exchange listed bitcoin futures": a product started, not a coin listed
        # (the venue that starts them acts, however the sentence orders them: "solana futures began trading on X")
        event.participants.sort(key=lambda k: ents.records[k].type == "ASSET")
    elif event.type == "WITHDRAWAL_HALT" and token.lemma_.lower() != "freeze" and \
            (halter := _subject_key(ents, token)) is not None and ents.records[halter].type == "REGULATOR":
        # "the SEC halted trading in Kelvora Holdings stock": a halt an authority orders is a ban (not
        # accounts an authority freezes: funds held, no business stopped)
        event.type = "BAN"
        event.participants = [halter, *(k for k in event.participants if k != halter)]
    return event


DERIVATIVE_NOUNS = {"futures", "future", "options", "option", "contract", "contracts", "swaps"}


def _derivatives_listed(token: Token) -> bool:
    """The listing verb's object (or its subject: "solana futures began trading") is a dated derivative
    ("futures", "options", "its first quarterly contract"), which an exchange launches; perpetual futures stay
    listings."""
    verbs = [token, *(c for c in token.children if c.dep_ == "xcomp"), *([token.head] if token.dep_ == "xcomp" else [])]
    things = [c for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    things += [c for t in things for c in t.children if c.dep_ == "compound"]  # "starts solana futures trading"
    return any(dated_derivative(t, DERIVATIVE_NOUNS) for t in things)


def _names_new_party(ents: DocEntities, token: Token, events: list[FoundEvent], event: FoundEvent,
                     own_phrase: bool = False) -> bool:
    """'the $620 million theft from the Ronin bridge' names its own victim: another event, not a back-reference.
    With ``own_phrase``, only the noun's own modifiers count ("after the raid on the Ronin network", "since the
    Coincheck theft"), not a name set beside it ("days after the lawsuit, Binance.US, ...")."""
    known = {k for e in events if e.type == event.type for k in e.participants}
    noun = token.head if token.dep_ in ("amod", "acl") else token
    parts = [c for c in noun.children if c.dep_ in ("prep", "compound", "poss", "nmod")] if own_phrase else [noun]
    if own_phrase and noun.dep_ == "pobj":
        # "for attacks on payment processors Alphapo and CoinsPaid": the parser may hang the names on the preposition
        parts += [c for c in noun.head.children if c.dep_ == "pobj" and c.i > noun.i]
    own = {ents.by_token[t.i].key for p in parts for t in p.subtree
           if t.i in ents.by_token and not ents.by_token[t.i].generic}
    return bool(own - known)


def _new_party_of_kind(ents: DocEntities, events: list[FoundEvent], event: FoundEvent) -> bool:
    """A leadership change of a person (a suit by a regulator) the latest such event does not name is its own."""
    kind = ONE_PER_KIND.get(event.type)
    if kind is None:
        return False
    old = next((e for e in reversed(events) if e.type == event.type), None)
    mine = {k for k in event.participants if ents.records[k].type == kind}
    theirs = {k for k in old.participants if ents.records[k].type == kind} if old else set()
    return bool(mine and theirs and not mine & theirs)


def _same_kind(old: FoundEvent, new: FoundEvent) -> bool:
    """Same type, and for criminal cases the same step (an arrest and a sentence are two events)."""
    return old.type == new.type and (old.stage == new.stage or not old.stage or not new.stage)


YEAR = re.compile(r"\b(?:19|20)\d\d\b")
TIME_PREPOSITIONS = {"after", "before", "since", "following", "until", "amid", "during"}


def _only_recalled(token: Token) -> bool:
    """A definite event noun that only dates or describes something else: 'days after the hack', 'the
    stolen tokens' (a participle before its noun)."""
    if not _refers_back(token):
        return False
    if token.dep_ == "amod" and token.tag_ == "VBN":
        return True
    return token.dep_ == "pobj" and token.head.lower_ in TIME_PREPOSITIONS


def _refers_back(token: Token) -> bool:
    """'the attack', 'the theft', 'last week's hack': a definite noun names an event already told."""
    if token.dep_ in ("amod", "acl") and token.head.pos_ == "NOUN":
        token = token.head  # "the stolen tokens"
    elif token.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their") or
               c.dep_ == "poss" and c.tag_ in ("NNP", "NN") and any(g.text in ("'s", "’s") for g in c.children)
               for c in token.children)


def _other_years(a: str, b: str, ref: date | None = None) -> bool:
    """'licensed in 2022' and 'licences revoked in 2020': events told with different years are different; so
    are "on Saturday" in an article of 2019 and "in June 2018" (a year the text leaves out is the article's)."""
    years_a, years_b = set(YEAR.findall(a)), set(YEAR.findall(b))
    if ref is not None and bool(years_a) != bool(years_b):
        resolved = dates.resolve(a if not years_a else b, ref)[:4]
        (years_a if not years_a else years_b).update([resolved] if resolved else [])
    return bool(years_a and years_b and not years_a & years_b)


def _merge_back(events: list[FoundEvent], new: FoundEvent) -> None:
    """Fold a back-reference into the latest event of its type (it adds the parties it names)."""
    _add_parties(next(e for e in reversed(events) if _same_kind(e, new)), new)


def _add_parties(old: FoundEvent, new: FoundEvent) -> None:
    """The parties of ``new`` that ``old`` lacks join it, up to MAX_PARTICIPANTS."""
    for k in new.participants:
        if k not in old.participants and len(old.participants) < MAX_PARTICIPANTS:
            old.participants.append(k)


def _merge_into(events: list[FoundEvent], new: FoundEvent, ref: date | None = None) -> None:
    """Another report of an event already found (same type, participants one within the other, the same year
    as far as the text tells) merges."""
    for old in events:
        if not _same_kind(old, new) or _other_years(old.date_text, new.date_text, ref):
            continue
        a, b = set(old.participants), set(new.participants)
        if a <= b or b <= a:
            _add_parties(old, new)
            if not old.date_text:
                old.date_text = new.date_text
            return
    events.append(new)
