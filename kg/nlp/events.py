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
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Token

from .entities import DocEntities, Mention
from .lexicon import DATA_DIR

REPORTING = {"say", "announce", "report", "state", "confirm", "allege", "accuse", "claim", "disclose", "reveal",
             "tell", "write", "note", "add", "explain", "find"}
REGULATOR_LED = {"INVESTIGATION", "LAWSUIT", "CRIMINAL_CASE", "FINE", "BAN", "LICENSE", "WARNING"}
MAX_PARTICIPANTS = 12
MODIFIER_SENSITIVE = {"FUNDING", "ACQUISITION", "LICENSE", "LAUNCH", "PARTNERSHIP", "LISTING"}
DEAL_NOUNS = {"acquisition", "takeover", "merger", "buyout", "stake"}
ORDER_VERBS = {"order", "direct", "instruct", "force", "tell", "require"}
# agreed with a regulator to stop serving or leave a market (not to shut one product: "shut its staking program")
LEAVE_VERBS = {"stop", "cease", "exit", "leave", "quit"}
STOP_VERBS = {"stop", "cease", "halt", "suspend", "shut", "close", "exit", "wind", "quit", "leave"}
ONE_PER_PARTY = {"PRICE_MOVE", "BANKRUPTCY"}
# each person's leadership change, each venue's listing, each regulator's suit is its own event
ONE_PER_KIND = {"LEADERSHIP_CHANGE": "PERSON", "LISTING": "EXCHANGE", "LAWSUIT": "REGULATOR"}
COURT_ROLES = {"liquidator", "administrator", "trustee", "receiver", "examiner", "monitor", "provisional"}
NEEDS_CLAUSE = {"LAUNCH", "ACQUISITION", "HACK"}  # no named party in its clause: no event
EXPLAIN_VERBS = {"explain", "submit", "justify", "provide", "disclose", "answer", "respond", "furnish"}
REMOVE_VERBS = {"remove", "pull", "delist", "drop", "take"}
APP_WORDS = {"app", "apps", "application", "applications", "store"}
RECEIVED = {"receive", "get", "field", "handle", "log"}
PERSON_NOUNS = {"executive", "ceo", "chief", "founder", "co-founder", "president", "chairman", "chair", "director",
                "officer", "head", "veteran", "banker", "lawyer", "official", "commissioner", "manager", "partner"}
SUPPORT_VERBS = {"drop"}  # with a named asset as the object: a delisting, not a price move
CRIMINAL_STAGES = (
    ("sentence", {"sentence", "prison", "jail", "imprison", "years", "months"}),
    ("verdict", {"plead", "pleaded", "guilty", "convict", "conviction", "verdict", "plea"}),
    ("arrest", {"arrest", "detain", "extradite", "extradition", "custody"}),
    ("charge", {"indict", "indictment", "charge", "prosecute", "prosecution"}),
)
AUTHORITY_NOUNS = {"authority", "government", "regulator", "police", "ministry", "court", "prosecutor", "official",
                   "watchdog", "lawmaker", "parliament", "state"}  # unnamed, they still ban: "authorities blocked"
SEND_VERBS = {"send", "push", "drive", "lift", "knock", "drag"}
PRICE_PREPS = {"at", "above", "below", "around", "near", "between", "under", "over", "for", "as", "to"}
SECURITY_WORDS = {"security", "data", "system", "systems", "network", "server", "wallet", "account", "hacker",
                  "attacker"}
COMPLIANCE_WORDS = {"rule", "regulation", "obligation", "requirement", "law", "compliance", "laundering", "aml",
                    "sanction", "monitoring", "reporting", "screening"}
ILLICIT = {"terrorist", "terrorism", "counter-terrorist", "illicit", "criminal"}
OWN_PRONOUNS = {"its", "our", "we", "us"}
REPORTED_TARGET = {"WARNING", "INVESTIGATION"}
CRIMINAL_WORDS = {"criminal", "criminally", "conspiracy", "laundering", "indictment", "indicted", "prosecutors",
                  "arrested", "arrest", "prison", "jail", "extradition", "extradited", "guilty"}
OFFICIAL_TITLES = {"chair", "chairman", "chairwoman", "commissioner", "director", "head", "secretary", "attorney",
                   "general", "governor", "minister", "prosecutor", "spokesperson", "spokesman", "spokeswoman",
                   "enforcement", "chief", "deputy", "acting", "u.s.", "attorney-general"}
JUDGE_WORDS = {"judge", "justice", "magistrate"}
HACKER_NOUNS = {"hacker", "hackers", "attacker", "attackers", "thief", "thieves", "exploiter", "cybercriminals"}

if not Doc.has_extension("kg_events"):
    Doc.set_extension("kg_events", default=None)


@dataclass(frozen=True)
class TriggerSpec:
    type: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    participants: frozenset[str]
    needs: frozenset[str]
    context: frozenset[str]


@dataclass(frozen=True)
class Triggers:
    specs: dict[str, TriggerSpec]
    by_verb: dict[str, tuple[str, ...]]
    by_noun: dict[str, tuple[str, ...]]
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> [(words, type)]
    governors: frozenset[str]
    modals: frozenset[str]
    cancelled: tuple[tuple[str, ...], ...]


@dataclass
class FoundEvent:
    type: str
    participants: list[str]  # EntityRecord keys, actor first
    trigger: str
    start: int  # token span of the sentence it came from
    end: int
    date_text: str = ""
    stage: str = ""  # a criminal case's step: arrest, charge, verdict, sentence (each its own event)


@functools.lru_cache(maxsize=1)
def load_triggers() -> Triggers:
    data = yaml.safe_load((DATA_DIR / "triggers.yaml").read_text(encoding="utf-8"))
    meta = data.pop("not_happened")
    specs, by_verb, by_noun, phrases = {}, {}, {}, {}
    for type_, spec in data.items():
        words = lambda key: frozenset(w.lower() for w in spec.get(key, []) if " " not in w)  # noqa: E731
        multi = [tuple(p.lower().split()) for p in spec.get("phrases", []) + spec.get("nouns", []) if " " in p]
        specs[type_] = TriggerSpec(type_, words("verbs"), words("nouns"), tuple(multi),
                                   frozenset(spec.get("participants", [])), frozenset(spec.get("needs", [])),
                                   frozenset(w.lower() for w in spec.get("context", [])))
        for w in specs[type_].verbs:
            by_verb.setdefault(w, ())
            by_verb[w] += (type_,)
        for w in specs[type_].nouns:
            by_noun.setdefault(w, ())
            by_noun[w] += (type_,)
        for words_ in multi:
            phrases.setdefault(words_[0], []).append((words_, type_))
    return Triggers(specs, by_verb, by_noun, phrases, frozenset(meta["governors"]), frozenset(meta["modals"]),
                    tuple(tuple(c.split()) for c in meta["cancelled"]))


@Language.factory("kg_events", requires=["doc._.kg", "token.dep", "token.lemma"], assigns=["doc._.kg_events"])
def make_event_finder(nlp: Language, name: str) -> "EventFinder":
    return EventFinder(load_triggers())


class EventFinder:
    def __init__(self, triggers: Triggers):
        self.t = triggers

    def __call__(self, doc: Doc) -> Doc:
        ents: DocEntities = doc._.kg
        events: list[FoundEvent] = []
        for sent in doc.sents:
            if not ents.in_span(sent.start, sent.end):
                continue
            cancelled = self._cancelled(sent)
            for token, type_ in self._triggers(sent):
                spec = self.t.specs[type_]
                if cancelled and type_ in ("ACQUISITION", "FUNDING", "PARTNERSHIP", "LISTING", "LAUNCH"):
                    continue
                if spec.context and not self._has_context(token, spec):
                    continue
                if type_ in MODIFIER_SENSITIVE and token.dep_ in ("compound", "amod", "nmod") and \
                        token.head.pos_ in ("NOUN", "PROPN"):
                    continue  # "investment warnings", "license plate": the trigger only describes another noun
                if not self._happened(token):
                    continue
                event = self._event(doc, ents, sent, token, spec)
                if event is None:
                    continue
                event = _retyped(event, ents, sent, token)
                type_ = event.type
                if type_ in ONE_PER_PARTY:  # each asset that moved, each company that failed, is its own event
                    courts = [k for k in event.participants if "court" in ents.records[k].name.lower()]
                    for key in event.participants:
                        if key not in courts:
                            _merge_into(events, FoundEvent(type_, [key, *courts], event.trigger, event.start,
                                                           event.end, event.date_text))
                elif type_ in ONE_PER_KIND and sum(ents.records[k].type == ONE_PER_KIND[type_]
                                                   for k in event.participants) > 1:
                    # each person's leadership change, each venue's listing, each regulator's suit: the
                    # others (organisation, assets, defendants) join each one
                    kind = ONE_PER_KIND[type_]
                    shared = [k for k in event.participants if ents.records[k].type != kind]
                    for key in event.participants:
                        if ents.records[key].type == kind:
                            _merge_into(events, FoundEvent(type_, [key, *shared], event.trigger, event.start,
                                                           event.end, event.date_text))
                elif _new_party_of_kind(ents, events, event):
                    _merge_into(events, event)  # "Brooks resigned ... Binance.US named Shroder": two changes
                elif _refers_back(token) and any(_same_kind(e, event) for e in events) and \
                        not _names_new_party(ents, token, events, event):
                    _merge_back(events, event)
                elif any(_same_kind(e, event) and e.start == event.start for e in events):
                    _merge_back(events, event)  # one sentence, one event of a kind: "resigned ... was replaced by"
                else:
                    _merge_into(events, event)
        doc._.kg_events = events
        return doc

    # triggers -----------------------------------------------------------------

    def _triggers(self, sent) -> list[tuple[Token, str]]:
        found: dict[tuple[int, str], Token] = {}
        lemmas = [t.lemma_.lower() for t in sent]
        lowers = [t.lower_ for t in sent]
        taken = sent.doc._.kg.by_token
        for k, tok in enumerate(sent):
            lemma = lemmas[k]
            if tok.i in taken and not taken[tok.i].generic:
                continue  # "Bankruptcy" in "U.S. Bankruptcy Court" names a court, not an event
            if lemma in ("get", "receive", "serve") and any(
                    c.dep_ == "dobj" and c.lower_ in ("years", "months", "year") for c in tok.children):
                found.setdefault((tok.i, "CRIMINAL_CASE"), tok)  # "Mashinsky gets 12 years"
            if tok.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lower_ in HACKER_NOUNS for c in tok.children):
                found.setdefault((tok.i, "HACK"), tok)  # "attackers took $87 million from the bridge"
            ordered = [c.lemma_.lower() for c in tok.children if c.dep_ in ("xcomp", "advcl") and
                       any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)] if lemma in ORDER_VERBS else []
            if any(w in STOP_VERBS for w in ordered):
                found.setdefault((tok.i, "BAN"), tok)  # "ordered the exchange to stop offering services"
            if any(w in EXPLAIN_VERBS for w in ordered):
                found.setdefault((tok.i, "INVESTIGATION"), tok)  # "ordered Zipmex to explain why ..."
            if lemma in SUPPORT_VERBS and tok.pos_ == "VERB" and _asset_object(taken, tok):
                found.setdefault((tok.i, "LISTING"), tok)  # "Robinhood to drop SOL, ADA and MATIC"
            if lemma == "desist" and tok.i - sent.start >= 4 and sent.doc[tok.i - 4].lower_ == "cease":
                # "cease-and-desist letters from two state regulators": the tokenizer splits the hyphens
                cease = sent.doc[tok.i - 4]
                anchor = cease.head if cease.dep_ in ("nmod", "compound", "amod") and \
                    cease.head.pos_ in ("NOUN", "PROPN") else tok
                found.setdefault((anchor.i, "BAN"), anchor)
            if lemma in LEAVE_VERBS and tok.pos_ == "VERB" and _agreed_to(tok) is not None and any(
                    sent.doc._.kg.record(m).type == "REGULATOR" for m in sent.doc._.kg.in_span(sent.start, sent.end)):
                found.setdefault((tok.i, "BAN"), tok)  # "agreed to pay a fine and to stop serving New Yorkers"
            if lemma in SEND_VERBS and any(c.lower_ in ("higher", "lower") for c in tok.subtree):
                found.setdefault((tok.i, "PRICE_MOVE"), tok)  # "sending bitcoin briefly higher"
            if lemma in REMOVE_VERBS and _about_apps(tok):
                found.setdefault((tok.i, "BAN"), tok)  # "Apple removed the apps of five exchanges at FSA's request"
            headline_verb = sent.start == 0 and tok.tag_ == "NNS" and tok.lower_.endswith("s")  # "Hyperliquid delists X"
            if tok.pos_ in ("VERB", "AUX") or (tok.tag_ in ("VBN", "VBD", "VBG") and tok.pos_ == "ADJ") or headline_verb:
                for type_ in self.t.by_verb.get(lemma, ()) or self.t.by_verb.get(self._verb_base(tok.lower_), ()):
                    found.setdefault((tok.i, type_), tok)
            if tok.pos_ in ("NOUN", "PROPN"):
                for type_ in self.t.by_noun.get(lemma, ()) + self.t.by_noun.get(tok.lower_, ()):
                    found.setdefault((tok.i, type_), tok)
            for seq in (lemmas, lowers):
                for words, type_ in self.t.phrases.get(seq[k], ()):
                    if tuple(seq[k:k + len(words)]) == words:
                        phrase = sent[k:k + len(words)]
                        head = next((t for t in phrase if t.pos_ == "VERB"), phrase.root)
                        found.setdefault((head.i, type_), head)
        # one trigger token proposes each type once; keep sentence order
        return sorted(((tok, type_) for (i, type_), tok in found.items()), key=lambda x: x[0].i)

    def _verb_base(self, word: str) -> str:
        """The trigger verb an inflected word comes from when the lemmatizer missed it: the small
        English model reads 'fined', 'fines' and 'fining' as 'fin', 'cratered' as 'cratere'."""
        for cut, add in (("d", ""), ("ed", ""), ("s", ""), ("es", ""), ("ing", ""), ("ing", "e")):
            if word.endswith(cut) and len(word) - len(cut) >= 3:
                base = word[:-len(cut)] + add
                if base in self.t.by_verb:
                    return base
        return ""

    def _has_context(self, token: Token, spec: TriggerSpec) -> bool:
        near = [token, *token.children, token.head, *token.head.children]
        window = token.doc[max(token.i - 4, token.sent.start):min(token.i + 5, token.sent.end)]
        return any(t.lower_ in spec.context or t.lemma_.lower() in spec.context for t in [*near, *window])

    def _cancelled(self, sent) -> bool:
        words = [t.lower_ for t in sent]
        lemmas = [t.lemma_.lower() for t in sent]
        present = {*words, *lemmas}
        for phrase in self.t.cancelled:
            if phrase and phrase[0] not in present:
                continue
            n = len(phrase)
            for k in range(len(words) - n + 1):
                if tuple(words[k:k + n]) == phrase or tuple(lemmas[k:k + n]) == phrase:
                    return True
        return False

    def _happened(self, token: Token) -> bool:
        """False under a negation, a modal, a denial, a plan or a conditional."""
        if token.head.lower_ == "without" or any(c.lower_ == "without" for c in token.children):
            return False
        if any(c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
               for c in token.children):
            return False  # "will pay no administrative fees"
        node, steps = token, 0
        while True:
            for child in node.children:
                if child.dep_ == "neg":
                    return False
                if child.dep_ == "aux" and child.lemma_.lower() in self.t.modals:
                    return False
                if child.dep_ == "mark" and child.lower_ in ("if", "whether", "unless"):
                    return False
            if node is not token and node.lemma_.lower() in self.t.governors:
                return False
            if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                   for c in node.children):
                return False  # "face criminal penalties if they continue"
            if node.head is node or steps >= 4 or node.dep_ in ("conj",) and steps > 0:
                return True
            if node.dep_ in ("relcl", "acl") and steps > 0:
                return True
            node = node.head
            steps += 1

    # participants -------------------------------------------------------------

    def _event(self, doc, ents: DocEntities, sent, token: Token, spec: TriggerSpec) -> FoundEvent | None:
        clause = token if token.pos_ in ("VERB", "AUX") else _governing_verb(token)
        ordered = self._clause_mentions(ents, token, clause, spec.type)
        if not ordered and spec.type in NEEDS_CLAUSE:
            return None  # "slides in debut": a launch names its launcher or what it launched
        if not ordered:
            ordered = sorted(ents.in_span(sent.start, sent.end), key=lambda m: abs(m.start - token.i))
        ordered = [m for m in ordered if not _is_source(doc, m) or ents.record(m).type == "REGULATOR"]
        agree = _agreed_to(token) if spec.type == "BAN" and token.lemma_.lower() in LEAVE_VERBS else None
        if agree is not None:
            # a settlement's undertaking to stop: the regulator it settles with bans the parties that agreed
            regulators = [m for m in ents.in_span(sent.start, sent.end) if ents.record(m).type == "REGULATOR"]
            agreed = [m for c in agree.children if c.dep_ == "nsubj"
                      for m in ents.in_span(c.left_edge.i, c.right_edge.i + 1)]
            if agree.dep_ in ("ccomp", "conj", "xcomp") and not agreed:
                agreed = [m for c in agree.head.children if c.dep_ == "nsubj"
                          for m in ents.in_span(c.left_edge.i, c.right_edge.i + 1)]
            ordered = regulators[:1] + agreed if agreed else []
        if token.lemma_.lower() in ("liquidator", "administrator", "receiver", "trustee"):
            # "named Teneo liquidator of Three Arrows": the appointee runs the process, the company went under
            ordered = [m for m in ordered if token.left_edge.i <= m.start <= token.right_edge.i and
                       not (m.start <= token.i < m.end)]
        if spec.type == "PRICE_MOVE" and token.lemma_.lower() in SEND_VERBS:
            ordered = [m for c in token.children if c.dep_ in ("dobj", "nsubj", "ccomp")  # "sent ether lower"
                       for m in ents.in_span(c.left_edge.i, c.right_edge.i + 1) if ents.record(m).type == "ASSET"]
        elif spec.type == "PRICE_MOVE" and token.lemma_.lower() == "trade" and not any(
                c.dep_ == "prep" and c.lower_ in PRICE_PREPS for c in token.children):
            return None  # "ETFs began trading": trading is no price move unless at a price
        elif spec.type == "PRICE_MOVE" and token.pos_ in ("VERB", "AUX"):
            # "bitcoin fell": the asset moves itself; "gained access to ... bitcoin" is no price move
            ordered = [m for m in ordered if _is_subject_of(ents, m, token)]
        elif spec.type == "PRICE_MOVE":
            # "bitcoin's slump", "a rally in ether", "Solana hit a record high": the noun's own phrase or
            # the subject of its verb
            ordered = [m for m in ordered if token.left_edge.i <= m.start <= token.right_edge.i
                       or _is_subject_of(ents, m, clause)]
        if spec.type == "LAUNCH":
            ordered = [m for m in ordered if _launch_party(ents, m, token)]
        if spec.type == "CRIMINAL_CASE":
            ordered = [m for m in ordered if not _bystander(doc, ents, m)]
        if spec.type in REGULATOR_LED:
            ordered = [m for m in ordered if not _official_of_regulator(doc, ents, m)]
        if spec.type == "ACQUISITION":
            ordered = _asset_purchase(ents, token, ordered)
        keys: list[str] = []
        for m in ordered:
            record = ents.record(m)
            if record.type not in spec.participants or record.key in keys:
                continue
            if record.type in ("EXCHANGE", "ORGANIZATION") and spec.type == "PRICE_MOVE" and not _shares_of(doc, m):
                continue
            keys.append(record.key)
        if spec.type in REGULATOR_LED:
            reporter = _reporting_regulator(ents, clause)
            if reporter and reporter not in keys:
                keys.insert(0, reporter)
            keys.sort(key=lambda k: ents.records[k].type != "REGULATOR")
        if not keys:
            return None
        types = {ents.records[k].type for k in keys}
        shares = spec.type == "PRICE_MOVE" and _about_shares(sent)
        if spec.needs and not (types & spec.needs) and not shares:
            return None
        if spec.type in ("ACQUISITION", "PARTNERSHIP") and types <= {"ASSET"}:
            return None
        if spec.type == "BAN" and "REGULATOR" not in types and not any(c.dep_ == "nsubjpass" for c in token.children) \
                and not (token.lemma_.lower() in REMOVE_VERBS and _about_apps(token)) and \
                not any(c.dep_ == "nsubj" and c.lemma_.lower() in AUTHORITY_NOUNS for c in clause.children):
            return None  # "now blocks U.S. users": a company's own policy; bans come from authorities
        if spec.type == "LAUNCH" and any(c.dep_ == "dobj" and c.lemma_.lower() in self.t.by_noun and
                                         "INVESTIGATION" in self.t.by_noun[c.lemma_.lower()] for c in token.children):
            return None  # "launched an investigation into": the investigation is the event
        if spec.type == "LAWSUIT" and token.lemma_.lower() == "complaint" and token.head.lemma_.lower() in RECEIVED:
            return None  # "received complaints from customers": grievances, not a suit
        if spec.type == "LEADERSHIP_CHANGE" and token.dep_ in ("amod", "compound") and token.i > 0 and \
                token.nbor(-1).text == "-":
            return None  # "Milei-promoted token": a modifier, no one changed jobs
        if spec.type == "LEADERSHIP_CHANGE" and token.pos_ == "VERB" and not _person_patient(ents, token):
            return None  # "a memecoin promoted by Milei": what was promoted, named or appointed is no person
        if spec.type == "HACK" and token.lemma_.lower() == "breach" and _rule_breach(token):
            return None  # "admitted the breaches" of anti-money-laundering rules: no one broke in
        if spec.type == "FUNDING" and any(c.lower_ in ILLICIT for c in token.children) or \
                spec.type == "FUNDING" and token.i > 0 and token.nbor(-1).lower_ in ILLICIT:
            return None  # "money laundering and terrorist financing"
        if spec.type == "LAUNCH" and types <= {"PERSON"}:
            return None
        if spec.type == "LEADERSHIP_CHANGE" and any(t.lower_ in ("defendant", "defendants") for t in sent):
            return None  # "was also named as a defendant"
        if spec.type == "LEADERSHIP_CHANGE" and any(t.lemma_.lower() in COURT_ROLES for t in token.subtree):
            return None  # "named joint liquidators": officers of a court process, not the company's leaders
        if spec.type == "LICENSE" and "REGULATOR" not in types and token.pos_ not in ("VERB", "AUX"):
            return None  # "holds more than 50 licenses": a state, not an event, unless a regulator acts
        if spec.type == "FINE" and _payment_not_penalty(ents, token):
            return None  # "to pay for real estate", "pay out funds in USDC", "settlement in USDC"
        if spec.type == "ACQUISITION" and token.lemma_.lower() not in DEAL_NOUNS and len(keys) < 2:
            return None  # "customers can no longer buy them": a purchase needs a buyer and a bought party
        keys = keys[:MAX_PARTICIPANTS]
        stage = _stage(token) if spec.type == "CRIMINAL_CASE" else ""
        return FoundEvent(spec.type, keys, token.text, sent.start, sent.end, _date_text(sent, clause), stage)

    def _clause_mentions(self, ents: DocEntities, token: Token, clause: Token, spec_type: str = "") -> list[Mention]:
        """Mentions governed by the trigger's clause, the actor first."""
        if spec_type in ONE_PER_PARTY and token.dep_ == "compound" and token.head.pos_ == "NOUN":
            # "Genesis halted withdrawals after FTX's bankruptcy filing": the owner of the phrase the trigger
            # modifies is the party, not the clause's subject
            owner = [m for c in token.head.children if c.dep_ == "poss" or  # "FTX's", "the Genesis bankruptcy case"
                     c.dep_ in ("compound", "amod", "nmod") and c is not token and c.i in ents.by_token
                     for m in ents.in_span(c.left_edge.i, c.right_edge.i + 1)]
            if owner:
                return owner
        first, rest = [], []
        roots = [token] if clause is token else [token, clause]
        seen: set[int] = set()
        for root in roots:
            for child in root.children:
                if child.dep_ in ("advcl", "parataxis") and child is not token:
                    if spec_type == "FUNDING" and child.lemma_.lower() in ("lead", "back", "fund"):
                        # "raised $20 million in April, led by Paradigm": the round's investors
                        rest.extend(m for a in child.children if a.dep_ == "agent"
                                    for m in ents.in_span(a.left_edge.i, a.right_edge.i + 1))
                    if spec_type == "LAWSUIT" and child.lemma_.lower() in ("challenge", "contest"):
                        # "filed a lawsuit challenging the SEC's rejection": the one whose act is challenged
                        rest.extend(ents.in_span(child.left_edge.i, child.right_edge.i + 1))
                    continue
                if child.dep_ == "ccomp" and not (root is token and spec_type in REPORTED_TARGET):
                    continue  # "warned that Binance was operating ...": the warning is about Binance
                if child.i in seen:
                    continue
                span_mentions = ents.starting_in(child.left_edge.i, child.right_edge.i + 1)
                if child.dep_ in ("nsubj", "nsubjpass"):
                    # "Genesis, a subsidiary of DCG, filed": DCG describes the subject, it did not file
                    aside = [d for d in child.children if d.dep_ in ("appos", "relcl", "acl")]
                    if child.i in ents.by_token and ents.record(ents.by_token[child.i]).type == "LOCATION":
                        # a dateline parsed as the subject: "BUENOS AIRES, Aug. 25 - Binance, the ... exchange, has"
                        named = next((d for d in aside if d.dep_ == "appos" and d.i in ents.by_token and
                                      ents.record(ents.by_token[d.i]).type != "LOCATION"), None)
                        if named is not None:
                            aside = [d for d in aside if d is not named] + \
                                [d for d in named.children if d.dep_ in ("appos", "relcl", "acl")]
                    span_mentions = [m for m in span_mentions
                                     if not any(d.left_edge.i <= m.start <= d.right_edge.i for d in aside)]
                # "was arrested in November, when the SEC also sued him": the nested clause's parties belong
                # to its own event
                nested = [d for d in child.subtree if d is not child and d.dep_ in ("relcl", "advcl") and
                          d.pos_ == "VERB" and d.lemma_.lower() in self.t.by_verb and
                          spec_type not in self.t.by_verb[d.lemma_.lower()] and
                          not d.left_edge.i <= token.i <= d.right_edge.i]
                span_mentions = [m for m in span_mentions
                                 if not any(d.left_edge.i <= m.start <= d.right_edge.i for d in nested)]
                seen.add(child.i)
                actor = child.dep_ in ("nsubj", "agent", "poss") or (child.dep_ == "compound" and root is token)
                (first if actor else rest).extend(span_mentions)
            if root.i in ents.by_token:
                rest.insert(0, ents.by_token[root.i])
        if not first and clause.dep_ == "pcomp":
            # "two months after freezing withdrawals": the gerund's subject is the main clause's
            head = clause.head
            while head.dep_ in ("prep", "pcomp", "pobj") and head.head is not head:
                head = head.head
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    first.extend(ents.in_span(child.left_edge.i, child.right_edge.i + 1))
        if first and clause.dep_ == "relcl" and clause.sent.start == 0 and clause.head.i in ents.by_token and \
                clause.head.dep_ == "ROOT":
            first.insert(0, ents.by_token[clause.head.i])  # headline "Binance, Mastercard launch crypto card"
        if not first and clause.dep_ in ("xcomp", "ccomp", "conj", "advcl", "relcl", "acl"):
            head = clause.head
            if clause.dep_ in ("relcl", "acl") and head.dep_ == "appos" and head.i not in ents.by_token:
                head = head.head  # "Celsius and Voyager, two platforms that sought bankruptcy protection"
            if clause.dep_ in ("relcl", "acl") and head.i in ents.by_token:
                first.append(ents.by_token[head.i])
                first.extend(ents.by_token[c.i] for c in head.conjuncts if c.i in ents.by_token)
            elif not (clause.dep_ == "ccomp" and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"
                                                      for c in clause.children) and
                      not any(t.lower_ in OWN_PRONOUNS for t in clause.subtree)):
                # "Kraken said it was hacked", "Bitkub said a breach exposed its wallet": the sayer is the
                # party; "Cyvers said the pattern pointed to compromised keys": the clause has its own
                # subject and nothing of the sayer's, the sayer is only a source
                for step in range(3):
                    for child in head.children:
                        if child.dep_ in ("nsubj", "nsubjpass"):
                            first.extend(ents.in_span(child.left_edge.i, child.right_edge.i + 1))
                        elif step == 0 and clause.dep_ == "advcl" and spec_type in REGULATOR_LED and \
                                child.dep_ == "prep" and child.lower_ == "to":
                            # "paid $5 million to the SEC to settle charges"
                            rest.extend(ents.in_span(child.left_edge.i, child.right_edge.i + 1))
                    if first or any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children) or \
                            head.dep_ not in ("xcomp", "conj") or head.head is head or \
                            clause.dep_ != "advcl" or spec_type not in REGULATOR_LED:
                        break
                    head = head.head  # "Kraken agreed to pay $5 million to settle charges": who agreed settles
        out, have = [], set()
        for m in first + rest:
            if id(m) not in have:
                have.add(id(m))
                out.append(m)
        return out


def _governing_verb(token: Token) -> Token:
    node = token
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX") or node.head is node:
            return node
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") else token


def _reporting_regulator(ents: DocEntities, clause: Token) -> str:
    """The regulator that 'said' the thing happened: its report makes it a party."""
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head  # "said it had summoned the managers and was examining whether ..."
    head = clause.head if clause.dep_ in ("ccomp", "parataxis") else None
    if head is None or head.lemma_.lower() not in REPORTING:
        return ""
    for child in head.children:
        if child.dep_ == "nsubj":
            for m in ents.in_span(child.left_edge.i, child.right_edge.i + 1):
                if ents.record(m).type == "REGULATOR":
                    return m.key
    return ""


def _launch_party(ents: DocEntities, mention: Mention, token: Token) -> bool:
    """Companies launch; a token is launched only as the thing a verb launches; a person only as its subject."""
    kind = ents.record(mention).type
    if kind in ("EXCHANGE", "ORGANIZATION"):
        return True
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if kind == "PERSON":
        return _is_subject_of(ents, mention, token) and not token.tag_ == "VBN"
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ in ("acl", "relcl") and token.head.i in ents.by_token and ents.by_token[token.head.i] is mention:
        return True  # "USDC, launched in 2018 by Circle"
    return any(c.left_edge.i <= mention.start <= c.right_edge.i for c in objects)


def _person_patient(ents: DocEntities, verb: Token) -> bool:
    """Unless a passive or participle's patient is a thing ('a memecoin promoted by X'), a person may have moved."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        patient = [verb.head]
    else:
        patient = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not patient:
        return True
    p = patient[0]
    if p.pos_ == "PRON" or p.lower_ in ("who", "which", "that"):
        return True
    found = ents.in_span(p.left_edge.i, p.right_edge.i + 1) if verb.dep_ != "acl" else \
        [ents.by_token[p.i]] if p.i in ents.by_token else []
    return any(ents.record(m).type == "PERSON" for m in found) or p.lemma_.lower() in PERSON_NOUNS


def _asset_object(taken: dict, verb: Token) -> bool:
    """'drop SOL', 'stopped supporting XMR': the verb's object is a named asset (its subject is not)."""
    ents = verb.doc._.kg
    named = {t.i for c in verb.children if c.dep_ == "dobj" for t in c.subtree}
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    is_asset = {i for i in named | subject if i in taken and ents.record(taken[i]).type == "ASSET"}
    return bool(is_asset & named) and not is_asset & subject


def _agreed_to(verb: Token) -> Token | None:
    """'agreed to pay $5 million and to stop serving ...': the 'agree' a to-infinitive hangs from."""
    node = verb
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    if node.dep_ == "xcomp" and node.head.lemma_.lower() in ("agree", "consent", "undertake", "commit"):
        return node.head
    return None


def _payment_not_penalty(ents: DocEntities, token: Token) -> bool:
    """Paying for things or settling in a token is commerce: 'to pay for real estate', 'lets businesses pay
    out funds', 'testing settlement in USDC'; 'pay $4 million for violations' is still a penalty."""
    lemma = token.lemma_.lower()
    if lemma == "pay":
        preps = {c.lower_ for c in token.children if c.dep_ in ("prep", "prt")}
        has_amount = any(c.dep_ == "dobj" for c in token.children)
        return "out" in preps or ("for" in preps and not has_amount)
    if lemma in ("settlement", "settle"):
        return any(c.dep_ == "prep" and c.lower_ in ("in", "via") and
                   any(t.i in ents.by_token and ents.record(ents.by_token[t.i]).type == "ASSET" for t in c.subtree)
                   for c in token.children)
    return False


def _asset_purchase(ents: DocEntities, token: Token, ordered: list[Mention]) -> list[Mention]:
    """A company buying a named asset ("Metaplanet bought 1,000 bitcoin", "bought $50 million of ether"):
    the asset only as what the verb bought, the buyer not a venue it bought on ("buy bitcoin on Kraken")."""
    bought = [c for c in token.children if c.dep_ == "dobj"] if token.pos_ in ("VERB", "AUX") else []
    inside = lambda m, nodes: any(n.left_edge.i <= m.start <= n.right_edge.i for n in nodes)  # noqa: E731
    assets = [m for m in ordered if ents.record(m).type == "ASSET" and inside(m, bought)]
    if not assets:
        return [m for m in ordered if ents.record(m).type != "ASSET"]
    venues = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "from", "via", "through", "at")]
    return [m for m in ordered if ents.record(m).type != "ASSET" and not inside(m, venues + bought)] + assets


def _official_of_regulator(doc: Doc, ents: DocEntities, mention: Mention) -> bool:
    """'Attorney General Letitia James', 'SEC Chair Gary Gensler': the official acts for the regulator,
    which is the party."""
    if ents.record(mention).type != "PERSON":
        return False
    i = mention.start - 1
    while i >= 0 and mention.start - i <= 4 and doc[i].lower_ in OFFICIAL_TITLES and i not in ents.by_token:
        i -= 1
    return i >= 0 and i in ents.by_token and ents.record(ents.by_token[i]).type == "REGULATOR"


def _bystander(doc: Doc, ents: DocEntities, mention: Mention) -> bool:
    """Named beside a criminal case, not in it: the judge ("Judge Lewis Kaplan"), or a company that only
    describes a person ("the founder of Celsius", "FTX's former CEO")."""
    head = doc[mention.start:mention.end].root
    kind = ents.record(mention).type
    if kind == "PERSON":
        return mention.start > 0 and doc[mention.start - 1].lower_ in JUDGE_WORDS or \
            any(c.lower_ in JUDGE_WORDS for c in head.children)
    if kind not in ("EXCHANGE", "ORGANIZATION"):
        return False
    node = head
    for _ in range(6):
        if node.dep_ == "poss" and node.head.lemma_.lower() in PERSON_NOUNS:
            return True  # "FTX's founder"
        if node.dep_ in ("appos",) and node.head.i in ents.by_token and \
                ents.record(ents.by_token[node.head.i]).type == "PERSON":
            return True  # "Mashinsky, the founder of Celsius,"
        if node.dep_ == "pobj" and node.head.head.lemma_.lower() in PERSON_NOUNS | {"role", "part"}:
            node = node.head.head
            continue  # "chief executive of Celsius", walk on to see whose title it is
        if node.dep_ in ("compound", "nmod") and node.head.lemma_.lower() in PERSON_NOUNS | {"founder", "co"}:
            return True  # "Tornado Cash founders"
        if (node.dep_ in ("pobj", "prep", "compound", "amod", "conj") or
                node.dep_ == "appos" and node.head.i not in ents.by_token) and node.head is not node:
            node = node.head
            continue
        break
    return node.dep_ == "appos" and node.head.i in ents.by_token and \
        ents.record(ents.by_token[node.head.i]).type == "PERSON"


def _rule_breach(token: Token) -> bool:
    """A breach of rules, not of systems: no security word beside it, and compliance words in its article."""
    near = {t.lemma_.lower() for t in token.subtree} | {c.lemma_.lower() for c in token.head.children}
    if near & SECURITY_WORDS:
        return False
    doc = token.doc
    window = doc[max(token.sent.start - 60, 0):token.sent.end]
    return bool(near & COMPLIANCE_WORDS) or sum(t.lemma_.lower() in COMPLIANCE_WORDS for t in window) >= 2


def _about_apps(verb: Token) -> bool:
    """'removed the Samourai app from its Play Store': the object or its source is an app or an app store."""
    for child in verb.children:
        if child.dep_ in ("dobj", "prep") and any(t.lower_ in APP_WORDS for t in child.subtree):
            return True
    return False


def _is_source(doc: Doc, mention: Mention) -> bool:
    """A source credited for a report, not a party: the dateline's outlet ("JAKARTA (Chainline) -"),
    "according to BleepingComputer"."""
    if mention.start > 0 and mention.end + 1 < len(doc) and doc[mention.start - 1].text == "(" and \
            doc[mention.end].text == ")" and doc[mention.end + 1].text in ("-", "–", "—", "--"):
        return True
    if doc[mention.start].text.startswith("/") and doc[mention.end - 1].text.endswith("/"):
        return True  # a wire service: "BANGKOK, Jan. 16, 2024 /PRNewsChannel/ --"
    node = doc[mention.end - 1]
    for _ in range(5):
        if node.lower_ == "to" and node.head.lower_ == "according":
            return True
        if node.head is node:
            break
        node = node.head
    return False


def _is_subject_of(ents: DocEntities, mention: Mention, verb: Token) -> bool:
    """Is the mention inside the verb's subject ("bitcoin fell", not "gained access to bitcoin")?"""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("relcl", "acl"):
        return verb.head.left_edge.i <= mention.start <= verb.head.i
    return any(c.left_edge.i <= mention.start and mention.end - 1 <= c.right_edge.i for c in subjects)


def _shares_of(doc, mention) -> bool:
    """'Shares of Coinbase', 'Coinbase shares', 'Circle's stock': the company's share price is meant."""
    window = doc[max(mention.start - 3, 0):min(mention.end + 3, len(doc))]
    return any(t.lower_ in ("shares", "stock", "share") for t in window)


def _about_shares(sent) -> bool:
    return any(t.lower_ in ("shares", "stock", "stocks", "share") for t in sent)


def _date_text(sent, clause: Token) -> str:
    # the document's DATE spans, read once per Doc: Span.ents rebuilds the whole list on every call
    doc = sent.doc
    if doc.user_data.get("kg_dates") is None:
        doc.user_data["kg_dates"] = [e for e in doc.ents if e.label_ == "DATE"]
    dates = [e for e in doc.user_data["kg_dates"] if sent.start <= e.start < sent.end]
    if not dates:
        return ""
    subtree = set(range(clause.left_edge.i, clause.right_edge.i + 1))
    inside = [e for e in dates if e.start in subtree]
    chosen = min(inside or dates, key=lambda e: abs(e.start - clause.i))
    return chosen.text


def _retyped(event: FoundEvent, ents: DocEntities, sent, token: Token) -> FoundEvent:
    """'charged with conspiracy' is a criminal case; 'suspended trading in XRP' is a (de)listing."""
    if event.type == "LAWSUIT" and any(t.lower_ in CRIMINAL_WORDS for t in sent) and \
            not any(t.lower_ == "civil" for t in sent):
        event.type = "CRIMINAL_CASE"
    elif event.type == "WITHDRAWAL_HALT" and any(
            ents.records[k].type == "ASSET" for k in event.participants) and any(
            t.lower_ == "trading" for t in token.subtree):
        event.type = "LISTING"
    return event


def _names_new_party(ents: DocEntities, token: Token, events: list[FoundEvent], event: FoundEvent) -> bool:
    """'the $620 million theft from the Ronin bridge' names its own victim: another event, not a back-reference."""
    known = {k for e in events if e.type == event.type for k in e.participants}
    noun = token.head if token.dep_ in ("amod", "acl") else token
    own = {ents.by_token[t.i].key for t in noun.subtree if t.i in ents.by_token and not ents.by_token[t.i].generic}
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


def _stage(token: Token) -> str:
    """'arrested', 'indicted', 'pleaded guilty', 'sentenced': the step of a criminal case a trigger reports."""
    words = {token.lemma_.lower(), token.lower_, *(c.lower_ for c in token.children)}
    for stage, cues in CRIMINAL_STAGES:
        if words & cues:
            return stage
    return ""


def _same_kind(old: FoundEvent, new: FoundEvent) -> bool:
    """Same type, and for criminal cases the same step (an arrest and a sentence are two events)."""
    return old.type == new.type and (old.stage == new.stage or not old.stage or not new.stage)


def _refers_back(token: Token) -> bool:
    """'the attack', 'the theft', 'last week's hack': a definite noun names an event already told."""
    if token.dep_ in ("amod", "acl") and token.head.pos_ == "NOUN":
        token = token.head  # "the stolen tokens"
    elif token.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their") or
               c.dep_ == "poss" and c.tag_ in ("NNP", "NN") and any(g.text in ("'s", "’s") for g in c.children)
               for c in token.children)


def _merge_back(events: list[FoundEvent], new: FoundEvent) -> None:
    """Fold a back-reference into the latest event of its type (it adds the parties it names)."""
    old = next(e for e in reversed(events) if _same_kind(e, new))
    for k in new.participants:
        if k not in old.participants and len(old.participants) < MAX_PARTICIPANTS:
            old.participants.append(k)


def _merge_into(events: list[FoundEvent], new: FoundEvent) -> None:
    """Another report of an event already found (same type, participants one within the other) merges."""
    for old in events:
        if not _same_kind(old, new):
            continue
        a, b = set(old.participants), set(new.participants)
        if a <= b or b <= a:
            for k in new.participants:
                if k not in old.participants and len(old.participants) < MAX_PARTICIPANTS:
                    old.participants.append(k)
            if not old.date_text:
                old.date_text = new.date_text
            return
    events.append(new)
