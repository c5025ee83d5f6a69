"""Participants of a triggered event, read off its clause: the actor first, sources credited for a
report left out, each event type's own checks on who may take part; the result is a ``FoundEvent``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .candidate_spans import said_on
from .entities import DocEntities, Mention
from .event_triggers import HACKER_NOUNS, LEAVE_VERBS, REMOVE_VERBS, SEND_VERBS, TECHNOLOGY_NOUNS, Triggers, \
    TriggerSpec, about_apps, accounts_taken_over, agreed_to, central_bank, cuts_off_a_company, insolvency_officer, \
    signed_as_endorser
from .generic_mentions import REPORTING_VERBS

REPORTING = {"say", "announce", "report", "state", "confirm", "allege", "accuse", "claim", "disclose", "reveal",
             "tell", "write", "note", "add", "explain", "find"}
REGULATOR_LED = {"INVESTIGATION", "LAWSUIT", "CRIMINAL_CASE", "FINE", "BAN", "LICENSE", "WARNING"}
MAX_PARTICIPANTS = 12
# words that tell data got out, one of which a leak's sentence has ("exposed", "stolen", "accessed", "left open")
LEAK_CUES = {"leak", "expose", "exposure", "dox", "breach", "steal", "stolen", "access", "compromise", "publish",
             "dump", "surface", "hack", "unprotected", "unsecured", "obtain", "scrape", "sell", "sale", "post", "open",
             "online", "misconfigure", "misconfigured", "reveal", "disclose", "send", "sent", "share", "blunder",
             "theft", "incident", "attack", "exfiltrate"}
# what attackers take over: control, not ownership
SEIZED_THINGS = {"account", "accounts", "control", "server", "servers", "system", "systems", "computer", "computers",
                 "wallet", "wallets", "domain", "handle", "website", "laptop", "device", "devices", "email"}
# fees paid for a service, never a penalty
SERVICE_FEES = {"transaction", "trading", "gas", "network", "listing", "withdrawal", "management", "service",
                "custody", "licence", "license", "subscription", "membership"}
# what drains deposits or reserves without anyone breaking in
DRAINING_CAUSES = {"collapse", "withdrawal", "outflow", "run", "crisis", "loss", "exodus", "redemption", "flight",
                   "panic", "fear", "crash", "failure", "turmoil", "migration"}
DEAL_NOUNS = {"acquisition", "takeover", "merger", "buyout", "stake"}
STAKE_VERBS = {"take", "buy", "acquire", "purchase", "build", "increase", "raise", "agree", "sell", "complete",
               "announce", "boost", "lift", "double", "of"}
ONE_PER_PARTY = {"PRICE_MOVE", "BANKRUPTCY"}
COURT_ROLES = {"liquidator", "administrator", "trustee", "receiver", "examiner", "monitor", "provisional"}
# what an authority's inquiry is into when it is into the story the article tells: "into the incident"
STORY_NOUNS = {"incident", "hack", "breach", "theft", "attack", "collapse", "loss", "losses", "finances", "app",
               "exchange", "company", "platform", "firm", "matter", "case", "leak", "exploit", "failure", "outage",
               "operations", "dealings", "affairs", "activities"}
# words that count what a verb's object is: "dozens of coins", "a handful of exchanges"
COUNT_WORDS = {"dozens", "hundreds", "scores", "handful", "several", "few", "many"}
# what traders lose when a market liquidates them
LIQUIDATED_BETS = {"position", "positions", "bet", "bets", "loan", "loans", "collateral", "trader", "traders", "long",
                   "longs", "short", "shorts", "holding", "holdings", "account", "accounts"}
# what is breached without a hack: a law, a rule, a contract
BROKEN_RULES = {"act", "law", "rule", "rules", "regulation", "regulations", "agreement", "contract", "obligation",
                "obligations", "code", "covenant", "covenants", "term", "terms", "order", "duty", "duties", "condition",
                "conditions", "guideline", "guidelines", "requirement", "requirements", "provision", "provisions"}
# what a breach is of when it is a wrong and no break-in: "breach of trust", "breach of fiduciary duty"
BROKEN_TRUSTS = {"trust", "contract", "duty", "duties", "confidence", "covenant", "promise", "warranty", "faith"}
NEEDS_CLAUSE = {"LAUNCH", "ACQUISITION", "HACK"}  # no named party in its clause: no event
RECEIVED = {"receive", "get", "field", "handle", "log"}
# what is paid in the course of business, never a penalty: "struggling to pay their bills", "pay staff"
RUNNING_COSTS = {"bill", "bills", "salary", "salaries", "wage", "wages", "rent", "staff", "employee", "employees",
                 "supplier", "suppliers", "creditor", "creditors", "debt", "debts", "invoice", "invoices", "tax",
                 "taxes", "dividend", "dividends", "interest", "yield", "yields", "fee", "fees", "loan", "loans",
                 "freelancer", "freelancers", "worker", "workers", "contractor", "contractors", "merchant", "merchants",
                 "vendor", "vendors", "price", "prices"}
BOUGHT_NOUNS = {"stake", "share", "shares", "percent", "control", "company", "business", "unit", "asset", "assets",
                "majority", "rights"}
PENALTY_WORDS = {"penalty", "fine", "settle", "settlement", "charge", "violation", "regulator", "forfeit",
                 "disgorge", "disgorgement", "restitution", "damages", "plea", "guilty"}
# what a penalty is only sought in: "civil penalty proceedings", "a penalty action"
SOUGHT_IN = {"proceeding", "proceedings", "action", "case", "lawsuit", "suit", "claim", "claims"}
# "launched civil penalty proceedings", "unveiled an all-stock merger": the case or the deal is the event, no launch
LAUNCHED_CASES = SOUGHT_IN | {"crackdown"} | DEAL_NOUNS | {"deal", "agreement", "bid", "offer"}
HOLDING_VERBS = {"hold", "have", "lack", "need", "require", "possess", "keep"}
FILING_VERBS = {"file", "lodge", "bring", "amend", "unseal", "dismiss", "settle", "submit", "refile", "drop",
                "withdraw", "face", "win", "lose", "revive", "reject", "throw", "toss", "join", "seek"}
CALLING_VERBS = {"call", "describe", "label", "brand", "dismiss", "denounce", "condemn"}
WORDS_NOT_SYSTEMS = {"politically", "political", "personal", "verbal", "smear", "media", "legal"}
CHALLENGE_VERBS = {"file", "lodge", "bring", "mount", "launch"}  # not "faces a challenge from a rival"
ALLEGING_VERBS = {"allege", "say", "accuse", "claim", "seek", "charge", "name", "cite", "state", "argue", "assert",
                  "contend", "ask", "demand", "show", "describe", "add"}
LEGAL_MODIFIERS = {"civil", "legal", "federal", "class-action", "class", "action", "amended", "criminal", "court",
                   "sec", "cftc", "regulatory", "antitrust", "securities", "fraud", "lawsuit", "administrative"}
CRIMINAL_STAGES = (
    ("sentence", {"sentence", "prison", "jail", "imprison", "years", "months"}),
    ("verdict", {"plead", "pleaded", "guilty", "convict", "conviction", "verdict", "plea"}),
    ("arrest", {"arrest", "detain", "extradite", "extradition", "custody"}),
    ("charge", {"indict", "indictment", "charge", "prosecute", "prosecution"}),
)
# a listing and a delisting by one venue are two events ("added EURC in August ... will delist USDT")
LISTING_DIRECTIONS = (
    ("off", {"delist", "delisting", "remove", "drop", "stop", "cease", "end", "halt", "suspend", "pull"}),
    ("on", {"list", "listing", "relist", "add", "debut", "open", "resume", "launch"}),
)
MARKET_DEBUT_WORDS = {"shares", "stock", "ipo", "listing", "nyse", "nasdaq"}
LISTED_VERBS = {"list", "trade", "quote"}  # "listed on Nasdaq": where shares trade
PRICE_DIRECTIONS = (
    ("up", {"rise", "jump", "surge", "soar", "rally", "climb", "gain", "rebound", "spike", "advance", "record",
            "high", "peak", "quadruple", "double", "triple", "higher", "top"}),
    ("down", {"fall", "slump", "plunge", "tumble", "drop", "sink", "slide", "crash", "lose", "dip", "slip", "sag",
              "crater", "collapse", "plummet", "decline", "retreat", "halve", "selloff", "sell-off", "rout",
              "lower", "depeg", "de-peg", "back", "pare", "pared"}),
)
ORDER_NOUNS = {"order", "settlement", "ruling", "decision", "judgment", "judgement"}  # what speaks for its issuer
CONSENTING_VERBS = {"agree", "consent", "accept", "stipulate"}  # how a party takes an order on
# unnamed, they still ban: "authorities blocked"
AUTHORITY_NOUNS = {"authority", "government", "regulator", "police", "ministry", "court", "tribunal", "prosecutor",
                   "official", "watchdog", "lawmaker", "parliament", "state"}
PRICE_WORDS = {"cent", "penny", "dollar", "fraction", "par", "peg", "price", "level", "high", "low"}
PRICE_PREPS = {"at", "above", "below", "around", "near", "between", "under", "over", "for", "as", "to"}
SECURITY_WORDS = {"security", "data", "system", "systems", "network", "server", "wallet", "account", "hacker",
                  "attacker"}
COMPLIANCE_WORDS = {"rule", "regulation", "obligation", "requirement", "law", "compliance", "laundering", "aml",
                    "sanction", "monitoring", "reporting", "screening"}
ILLICIT = {"terrorist", "terrorism", "counter-terrorist", "illicit", "criminal"}
OWN_PRONOUNS = {"its", "our", "we", "us"}
REPORTED_TARGET = {"WARNING", "INVESTIGATION"}
OFFICIAL_TITLES = {"chair", "chairman", "chairwoman", "commissioner", "director", "head", "secretary", "attorney",
                   "general", "governor", "minister", "prosecutor", "spokesperson", "spokesman", "spokeswoman",
                   "enforcement", "chief", "deputy", "acting", "u.s.", "attorney-general"}
JUDGE_WORDS = {"judge", "justice", "magistrate"}
# what surges or slumps without being a price: "a surge of activity"
NOT_PRICES = {"activity", "volume", "interest", "demand", "user", "deposit", "withdrawal", "traffic", "inflow",
              "outflow", "complaint", "application", "download", "signup", "transaction", "bet", "wager"}
# "warning signs", "warning signals": what should have alarmed someone, not a warning given
WARNING_SIGNS = {"sign", "signal", "flag"}
# who may be dismissed or fired without being named
PERSON_NOUNS = {"chief", "executive", "ceo", "founder", "head", "director", "officer", "governor", "chairman", "chair",
                "president", "manager", "staff", "employee", "employees", "board", "predecessor", "deputy", "team",
                "leadership", "management", "executives", "workers", "minister", "commissioner"}
# staff a company's name may describe: "police arrest Kelp Exchange engineer"
STAFF_NOUNS = {"engineer", "developer", "contractor", "trader", "analyst", "programmer", "worker", "insider"}
# what names people without giving them a job: "the complaint names X and Y"
NAMING_DOCUMENTS = {"suit", "lawsuit", "complaint", "indictment", "filing", "petition", "report", "list", "motion",
                    "affidavit", "document", "letter", "order", "ruling", "judgment", "warrant", "notice"}
BANK_NAME = re.compile(r"\bBank(?:ing)?\b")
BANK_CUSTOMERS = {"customer", "client", "user", "account", "payment", "transfer", "transaction", "cardholder"}
# checks a regulator runs on every applicant: in a sentence about a licence granted, a step towards it, no
# inquiry (unless the check found faults or cost a licence)
LICENCE_CHECKS = {"examine", "examination", "review", "audit", "inspect", "inspection"}
LICENSING_WORDS = {"charter", "approval", "approve", "grant", "satisfied"}
FAULT_WORDS = {"revoke", "suspend", "cancel", "breach", "violation", "fault", "failure", "unscheduled", "turn"}
# what a company buys when it pays ("for the naming rights", "to put its logo on the stadium")
PURCHASES = {"right", "sponsorship", "name", "logo", "stake", "share", "advertising", "advert", "ad", "slot", "deal"}
PAYING_VERBS = {"pay", "face", "incur", "owe", "receive", "accept"}  # who does these to a fine bears it


@dataclass
class FoundEvent:
    type: str
    participants: list[str]  # EntityRecord keys, actor first
    trigger: str
    start: int  # token span of the sentence it came from
    end: int
    date_text: str = ""
    # a criminal case's step (arrest, charge, verdict, sentence) or a price move's direction (up, down):
    # each its own event
    stage: str = ""


# words that make a description a person's past ("a former head of ... at X", "previously at X")
PAST_WORDS = {"former", "formerly", "previously", "ex", "once", "earlier"}
# a career told in the past tense of a clause about the person: "who spent a decade at", "who ran ... at"
CAREER_VERBS = {"spend", "work", "serve", "run", "lead", "head", "build", "manage", "oversee"}


def read_event(triggers: Triggers, doc, ents: DocEntities, sent, token: Token, spec: TriggerSpec) -> FoundEvent | None:
    clause = token if token.pos_ in ("VERB", "AUX") else _governing_verb(token)
    ordered = clause_mentions(triggers, ents, token, clause, spec.type)
    mover = token  # the verb whose subject moved
    if spec.type == "PRICE_MOVE" and token.pos_ == "VERB" and _cue(token, PRICE_DIRECTIONS) and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        # "BTC peaked at $68,990 before pulling back": the subject of the verb the clause hangs from
        main = token.head.head if token.dep_ == "pcomp" else token.head if token.dep_ in ("advcl", "conj") else None
        # (not when a coin stands right before it: "TRIBE rose 9% on Monday and RGT gained 11%", RGT read as
        # a conjunct of "Monday")
        coin_before = token.i > 0 and token.i - 1 in ents.by_token and \
            ents.record(ents.by_token[token.i - 1]).type == "ASSET" and _coin_before_a_subjectless_verb(ents, token)
        if main is not None and main.pos_ in ("VERB", "AUX") and not coin_before:
            mover = main
            ordered = ordered or clause_mentions(triggers, ents, main, main, spec.type)
    if spec.type == "BANKRUPTCY" and token.lemma_.lower() in ("appoint", "name") and \
            (officer := insolvency_officer(token)) is not None:
        ordered = _insolvency_appointment(ents, token, officer, sent)
    if not ordered and spec.type == "HACK":
        ordered = _robbed_speaker(ents, clause)
    ordered = _names_the_verb_hangs_from(ents, clause) + ordered
    if spec.type == "INVESTIGATION" and clause is not None and clause.dep_ == "xcomp" and \
            not any(c.dep_ == "nsubj" for c in clause.children):
        # "allowed the tax agency to serve a summons on the exchange": who the verb before lets act
        ordered = [m for c in clause.head.children if c.dep_ == "dobj"
                   for m in ents.in_span(c.left_edge.i, c.right_edge.i + 1)] + ordered
    if verb_of_a_verbless_parse(token):
        # the name before it is its subject; the name it hangs on, and what that one's phrase holds, its object
        ordered = ents.in_span(token.sent.start, token.i) + ents.in_span(token.i + 1, token.head.right_edge.i + 1)
    if spec.type == "LAUNCH" and token.dep_ == "acl" and token.tag_ == "VBN":
        # "Kelp's KLP token, handed out to stakers last spring,": its owner, and the token described
        described = token.head
        owners = [m for c in described.children if c.dep_ == "poss"
                  for m in ents.in_span(c.left_edge.i, c.i + 1) if not m.generic]  # (named: "the company's" is vague)
        named = [m for c in (described, *(c for c in described.children if c.dep_ == "compound"))
                 for m in ents.in_span(c.i, c.i + 1)]
        ordered = (owners + named if owners else []) + ordered
    if not ordered and spec.type in NEEDS_CLAUSE:
        return None  # "slides in debut": a launch names its launcher or what it launched
    if not ordered:
        ordered = sorted(ents.in_span(sent.start, sent.end), key=lambda m: abs(m.start - token.i))
    if spec.type == "PARTNERSHIP":
        ordered = ordered + _the_two_companies(ents, sent, ordered)
    ordered = [m for m in ordered if not _is_source(doc, m) or ents.record(m).type == "REGULATOR" or
               spec.type == "HACK" and m.key in {r.key for r in _robbed_speaker(ents, clause)}]
    agree = agreed_to(token) if spec.type == "BAN" and token.lemma_.lower() in LEAVE_VERBS else None
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
            c.dep_ == "prep" and c.lower_ in PRICE_PREPS and any(
                t.like_num or t.tag_ == "$" or t.lemma_.lower() in PRICE_WORDS for t in c.subtree) or
            c.dep_ == "dobj" and any(t.tag_ == "$" for t in c.subtree) and _measured_move(token.sent)
            for c in token.children):  # "trades under the ticker SFM" names no price
        return None  # "ETFs began trading": trading is no price move unless at a price
    elif spec.type == "PRICE_MOVE" and token.pos_ in ("VERB", "AUX"):
        # "bitcoin fell": the asset moves itself; "gained access to ... bitcoin" is no price move; "Shares of
        # Genkai, the Tokyo Stock Exchange-listed parent of Hakata Coin, rose": nor do the description's names
        # (the name right before the verb is its subject however the parser hung it: "The marketplace's
        # governance token, CNDI, fell 41%")
        ordered = [m for m in ordered if _is_subject_of(ents, m, mover) and
                   not _in_description(ents, doc[m.start], mover) or
                   m.end <= token.i and all(t.is_punct for t in doc[m.end:token.i]) and
                   ents.record(m).type == "ASSET" and not any(a.dep_ == "prep" for a in doc[m.start].ancestors)]
    elif spec.type == "PRICE_MOVE":
        # "bitcoin's slump", "a rally in ether", "Solana hit a record high": the noun's own phrase or
        # the subject of its verb
        spans = [(token.left_edge.i, token.right_edge.i)]
        if token.dep_ == "dobj":
            # "set off a rout in CEL": the parser hangs the market's phrase on the verb, not the noun
            spans += [(c.left_edge.i, c.right_edge.i) for c in token.head.children
                      if c.dep_ == "prep" and c.lower_ == "in" and c.i > token.i]
        ordered = [m for m in ordered if any(a <= m.start <= b for a, b in spans)
                   or _is_subject_of(ents, m, clause)]
    if spec.type in ("BANKRUPTCY", "WITHDRAWAL_HALT"):
        # "filed for Chapter 11 ... in the wake of FTX's collapse", "froze its customers' accounts after the
        # collapse of FTX": the cause is not the one that failed or froze
        # (the name right before the verb is its subject, however the parser hung it: "after its lending
        # partner, Genesis, halted withdrawals")
        ordered = [m for m in ordered if not _in_cause_phrase(doc[m.start], token, clause) or
                   m.end <= token.i and all(t.is_punct for t in doc[m.end:token.i])]
    if spec.type == "LAUNCH" and token.lemma_.lower() == "debut" and any(
            t.lower_ in MARKET_DEBUT_WORDS for t in sent):
        return None  # "Circle shares soar in NYSE debut": a company's stock market debut, not a launch
    if spec.type == "LAUNCH":
        ordered = [m for m in ordered if _launch_party(ents, m, token)]
    if spec.type not in ("LISTING", "PRICE_MOVE"):
        ordered = [m for m in ordered if not _listing_venue(doc, ents, m)]
    if spec.type == "CRIMINAL_CASE":
        ordered = [m for m in ordered if not _bystander(doc, ents, m) and not _in_a_later_clause(ents, token, m)]
    if spec.type == "LEADERSHIP_CHANGE":
        ordered = [m for m in ordered if not past_employer(doc, ents, m)]
    if spec.type in REGULATOR_LED:
        ordered = [m for m in ordered if not _official_of_regulator(doc, ents, m)]
    if spec.type == "ACQUISITION":
        ordered = _asset_purchase(ents, token, ordered)
    if spec.type == "FINE":
        ordered = [m for m in ordered if ents.record(m).type != "PERSON" or _fined_person(doc, m, token)]
    keys: list[str] = []
    for m in ordered:
        record = ents.record(m)
        if record.type not in spec.participants and not (spec.type == "PARTNERSHIP" and (
                central_bank(record) or record.type == "PERSON" and _the_endorser(doc, token, m))) or \
                record.key in keys:
            continue
        if record.type in ("EXCHANGE", "ORGANIZATION") and spec.type == "PRICE_MOVE" and not _shares_of(doc, m) and \
                not _listed_company_moved(doc, m, token):
            continue
        keys.append(record.key)
    if spec.type == "INVESTIGATION" and keys:
        target = _inquiry_into_the_story(ents, token, sent, keys)
        if target and target not in keys:
            keys.append(target)
    if spec.type == "PARTNERSHIP" and len(keys) == 1 and ents.records[keys[0]].type == "PERSON":
        # "Kora built its campaign around X, who signed on as its ambassador": the sentence's company
        subject = next((m for m in ents.in_span(sent.start, sent.end) if not m.generic and
                        ents.record(m).type in ("EXCHANGE", "ORGANIZATION") and
                        doc[m.end - 1].dep_ in ("nsubj", "nsubjpass") and doc[m.end - 1].head.i == sent.root.i), None)
        if subject is not None:
            keys.insert(0, ents.record(subject).key)
    if spec.type == "LEADERSHIP_CHANGE" and keys and all(ents.records[k].type == "PERSON" for k in keys):
        post_at = _the_articles_organisation(doc, ents, sent)
        if post_at is not None:
            keys.insert(0, post_at)
    if spec.type in REGULATOR_LED:
        reporter = _reporting_regulator(ents, clause)
        if reporter and reporter not in keys:
            keys.insert(0, reporter)
        keys.sort(key=lambda k: ents.records[k].type != "REGULATOR")
    if not keys and spec.type == "PRICE_MOVE" and token.pos_ == "VERB":
        keys = _asset_of_the_price(ents, mover) or _coin_before_a_subjectless_verb(ents, token)
    if not keys and spec.type == "PRICE_MOVE" and clause is not None:
        keys = _company_of_the_shares(ents, mover if mover.pos_ == "VERB" else clause)
    if spec.type == "PARTNERSHIP" and len(keys) == 1 and token.lemma_.lower() in TECHNOLOGY_NOUNS:
        keys = _user_of_the_technology(ents, token) + keys
    if not keys:
        return None
    types = {ents.records[k].type for k in keys}
    shares = spec.type == "PRICE_MOVE" and (_about_shares(sent) or any(
        _listed_company_moved(doc, m, token) for m in ordered if m.key in keys))
    # "Daniel Shin, who is under investigation", "police raided a warehouse used by Worldcoin": an
    # authority left unnamed still investigates
    unnamed_authority = spec.type == "INVESTIGATION" and (token.head.lower_ == "under" or any(
        c.dep_ == "nsubj" and c.lemma_.lower() in AUTHORITY_NOUNS for c in clause.children))
    if spec.needs and not (types & spec.needs) and not shares and not unnamed_authority:
        return None
    if spec.type in ("ACQUISITION", "PARTNERSHIP") and types <= {"ASSET"}:
        return None
    if spec.type in ("BAN", "FINE") and "REGULATOR" not in types and _an_order_of_an_earlier_regulator(clause, token):
        # "The order also keeps its owner out of ...", "the firm consented to a cease-and-desist order": the
        # order is the regulator's the article named just before
        issuer = _regulator_named_before(ents, sent)
        if issuer:
            keys.insert(0, issuer)
            types.add("REGULATOR")
    if spec.type == "BAN" and "REGULATOR" not in types and not any(c.dep_ == "nsubjpass" for c in token.children) \
            and not (token.lemma_.lower() in REMOVE_VERBS and about_apps(token)) and \
            not _bank_barring_customers(ents, clause) and \
            not any(c.dep_ == "nsubj" and (c.lemma_.lower() in AUTHORITY_NOUNS or any(
                t.dep_ == "compound" and t.lower_ == "judge" for t in c.children)) for c in clause.children):
        # "now blocks U.S. users": a company's own policy; bans come from authorities ("District Judge Analisa
        # Torres also barred Ripple from ...": a judge is one)
        return None
    if spec.type == "LAUNCH" and any(c.dep_ == "dobj" and (c.lemma_.lower() in LAUNCHED_CASES or (
            c.lemma_.lower() in triggers.by_noun and
            {"INVESTIGATION", "LAWSUIT", "HACK"} & set(triggers.by_noun[c.lemma_.lower()]))) for c in token.children):
        # "launched an investigation into", "launched civil penalty proceedings", "launched an attack on":
        # that is the event
        return None
    if spec.type == "LEADERSHIP_CHANGE" and token.lemma_.lower() == "hire" and not _hired_someone(ents, token):
        return None  # "to hire aggressively", "hired 200 engineers": staff, not a post changing hands
    if spec.type == "WITHDRAWAL_HALT" and token.lemma_.lower() == "freeze" and any(
            c.dep_ == "dobj" and any(t.tag_ == "$" or t.lower_ in ("million", "billion") for t in c.subtree)
            for c in token.children):
        return None  # "Tether froze $1.4 million of the stolen coins": funds held back, not customers' withdrawals
    if spec.type == "LISTING" and token.lemma_.lower() == "list" and _standing_count(token):
        return None  # "lists dozens of smaller coins": what a venue carries, not a listing that happened
    if spec.type == "CRIMINAL_CASE" and _sentence_ahead(token):
        return None  # "faces a maximum sentence of 110 years", "are due to be sentenced": a sentence still to come
    if spec.type == "LICENSE" and _licensing_in_general(token):
        return None  # "Thailand licenses a handful of exchanges", "will require exchanges to obtain a licence"
    if spec.type == "BANKRUPTCY" and _market_liquidation(token):
        return None  # "a wave of liquidations", "margin positions were liquidated": traders' bets, no firm's end
    if spec.type == "BANKRUPTCY" and token.tag_ == "NNS" and not any(
            t.i in ents.by_token for t in [*token.subtree, *token.doc[token.i + 1:sent.end]]):
        # "a string of bankruptcies among lenders": failures of no one named ("the bankruptcies in 2022 of
        # Celsius and BlockFi" name theirs, however the parser hangs them)
        return None
    if spec.type == "LAWSUIT" and token.lemma_.lower() in ("proceeding", "proceedings", "case") and any(
            c.lemma_.lower() in ("bankruptcy", "insolvency", "liquidation", "receivership") for c in token.children):
        return None  # "opens bankruptcy proceedings against X": the bankruptcy, no suit
    if spec.type == "LAWSUIT" and token.lemma_.lower() == "complaint" and any(
            c.dep_ == "prep" and c.lower_ in ("with", "to") and any(o.lemma_.lower() in ("police", "policeman")
                                                                for o in c.children)
            for c in [*token.children, *token.head.children]):
        return None  # "filed a complaint with police": a report of a crime, no suit
    if spec.type == "LAWSUIT" and token.lemma_.lower() == "complaint" and token.tag_ == "NNS" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in CUSTOMER_NOUNS | {"member", "saver", "depositor"}
            for c in token.head.children):
        return None  # "400 people had lodged complaints about the scheme": victims reporting to the police, no suit
    if spec.type == "LAWSUIT" and token.lemma_.lower() == "accuse" and token.dep_ in ("acl", "relcl"):
        return None  # "sanctions Iranian accused of running Nemesis", "a mixer it accused of laundering": who is meant
    if spec.type == "LAWSUIT" and token.lemma_.lower() == "challenge" and token.pos_ != "VERB" and \
            not _court_challenge(token):
        return None  # "the regulatory challenges it faces": not one brought in court (the verb triggers only so)
    if spec.type == "LAWSUIT" and token.lemma_.lower() in ("complaint", "suit", "proceeding", "proceedings",
                                                           "charge", "charges") and token.pos_ != "VERB" and \
            not _legal_filing(token):
        # "received complaints from customers", "a wave of complaints", "appeared in a dark suit": a
        # grievance or clothing; a suit is filed, brought against someone, or alleges something
        return None
    if spec.type == "LEADERSHIP_CHANGE" and token.dep_ in ("amod", "compound") and token.i > 0 and \
            token.nbor(-1).text == "-":
        return None  # "Milei-promoted token": a modifier, no one changed jobs
    if spec.type == "LEADERSHIP_CHANGE" and token.pos_ == "VERB" and not _person_patient(ents, token):
        return None  # "a memecoin promoted by Milei": what was promoted, named or appointed is no person
    if spec.type == "ACQUISITION" and token.lemma_.lower() == "take" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in SEIZED_THINGS for c in token.children):
        return None  # "took over the Twitter accounts of": a hijacking, not a purchase
    if spec.type == "PRICE_MOVE" and token.lemma_.lower() == "trade" and any(
            t.lower_ in ("unchanged", "flat", "steady") or t.lower_ == "changed" and t.i > 0 and
            t.nbor(-1).lower_ in ("little", "barely") for t in sent):
        return None  # "Bitcoin traded at about $450, little changed on the day": no move
    if spec.type == "FINE" and token.lemma_.lower() == "settlement" and _payment_settlement(ents, token):
        return None  # "testing settlement in USDC", "a settlement layer": payments settle, no one is fined
    if spec.type == "FINE" and token.lemma_.lower() == "pay" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("fee", "fees") and any(
                g.dep_ in ("compound", "amod") and g.lower_ in SERVICE_FEES for g in c.children)
            for c in token.children):
        return None  # "uses MLT to pay transaction fees": the price of a service, no penalty
    if spec.type == "INVESTIGATION" and token.lemma_.lower() in LICENCE_CHECKS and \
            any(t.lemma_.lower() in LICENSING_WORDS for t in sent) and \
            not any(t.lemma_.lower() in FAULT_WORDS for t in sent):
        return None  # "reviewed its controls and was satisfied with them", "a charter after an examination"
    if spec.type == "FINE" and _pays_for_a_purchase(token):
        return None  # "will pay $90 million for the naming rights to the stadium": a price, no penalty
    if spec.type == "HACK" and token.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod")
                                                               for c in token.children):
        by = [c for t in (token, *token.conjuncts) for c in t.children if c.dep_ == "prep" and c.lower_ == "by"]
        if by and all(any(b.left_edge.i <= m.start <= b.right_edge.i for b in by)
                      for m in ents.in_span(sent.start, sent.end) if ents.record(m).key in keys):
            # "proceeds of ransomware attacks, drug sales and hacks by Lazarus": a kind of crime its
            # attacker commits, no break-in of anyone's named
            return None
    if spec.type == "WARNING" and token.lemma_.lower() in ("alert", "notify", "inform") and any(
            c.dep_ == "dobj" and c.i in ents.by_token and ents.record(ents.by_token[c.i]).type != "PERSON"
            for c in token.children):
        return None  # "researchers alerted the company": a notice to it, not a public warning
    if spec.type == "PARTNERSHIP" and token.pos_ == "NOUN" and (
            token.dep_ == "appos" or any(c.lower_ in ("general", "limited") for c in token.children)):
        # "AllUnity, a joint venture of DWS and Galaxy": what it is, not what was agreed; "members of a
        # general partnership": a legal form
        return None
    if spec.type == "HACK" and token.lemma_.lower() == "attack" and (
            token.dep_ in ("oprd", "attr", "dobj") and token.head.lemma_.lower() in CALLING_VERBS or
            any(t.lower_ in WORDS_NOT_SYSTEMS for t in token.subtree)):
        return None  # "called the raid a politically motivated attack", "a personal attack on its founder"
    if spec.type == "HACK" and token.lemma_.lower() == "breach" and _rule_breach(token):
        return None  # "admitted the breaches" of anti-money-laundering rules: no one broke in
    if spec.type == "FUNDING" and any(c.lower_ in ILLICIT for c in token.children) or \
            spec.type == "FUNDING" and token.i > 0 and token.nbor(-1).lower_ in ILLICIT:
        return None  # "money laundering and terrorist financing"
    if spec.type == "LAUNCH" and types <= {"PERSON"}:
        return None
    if spec.type == "LAUNCH" and token.lemma_.lower() == "roll" and any(c.lower_ == "back" for c in token.children):
        return None  # "until engineers rolled back the update": a change undone, nothing launched
    if spec.type == "INVESTIGATION" and token.pos_ == "NOUN" and any(
            c.dep_ == "amod" and c.lower_ in ROUTINE_CHECKS for c in token.children):
        return None  # "faces regular examinations by the state's banking division": supervision, no probe
    if spec.type == "INVESTIGATION" and token.lemma_.lower() == "scrutiny" and not any(
            c.dep_ == "prep" and c.lower_ in ("of", "from", "by") and any(t.i in ents.by_token for t in c.subtree)
            for c in [*token.children, *(token.head.children if token.dep_ == "dobj" else ())]):
        return None  # "has increased its scrutiny", "licensed with hardly any scrutiny": no one's inquiry into anyone
    if spec.type == "LEADERSHIP_CHANGE" and any(t.lower_ in ("defendant", "defendants") for t in sent):
        return None  # "was also named as a defendant"
    if spec.type == "PRICE_MOVE" and token.pos_ == "NOUN" and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.lower() in NOT_PRICES for o in c.children)
            for c in token.children):
        return None  # "a surge of activity", "a jump in trading volume" is no price
    if spec.type == "BANKRUPTCY" and token.head.lower_ == "from" and \
            token.head.head.lemma_.lower() in ("emerge", "exit", "leave"):
        return None  # "emerged from Chapter 11": the case's end, not a filing
    if spec.type == "BAN" and token.lemma_.lower() in ("shut", "take") and not _authority_acts(ents, token) and \
            not (token.lower_.startswith("shut") and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "down"):
        # "police took down the site", "German authorities shut eXch": an authority closing a service bans it;
        # not "the posts were taken down", "told him to shut them down", nor regulators closing a failed bank
        # ("agreed to shut down its staking service" to settle charges is read as before)
        return None
    if spec.type == "WITHDRAWAL_HALT" and token.lemma_.lower() == "go" and any(
            c.lower_ == "dark" for c in token.children) and not any(
            c.dep_ == "nsubj" and (c.i in ents.by_token or c.pos_ == "PRON") for c in token.children):
        return None  # "as the site went dark, rival exchanges issued a statement": only a named venue goes dark
    if spec.type == "WITHDRAWAL_HALT" and _one_tokens_trading(ents, token):
        return None  # "suspended SRDB trading", "suspended deposits of HNZD": one token's market, not the venue's
    if spec.type == "LEADERSHIP_CHANGE" and token.pos_ == "VERB" and _dismissed_a_thing(ents, token):
        return None  # "Ardoino dismissed the lawsuit as a shakedown": an argument waved away, no one's job
    root = token.sent.root
    if spec.type == "LEADERSHIP_CHANGE" and token.lemma_.lower() == "name" and (any(
            c.dep_ == "nsubj" and c.lemma_.lower() in NAMING_DOCUMENTS for c in token.children) or
            token.dep_ != "ROOT" and root.lemma_.lower() in NAMING_DOCUMENTS and root.i < token.i):
        # "the suit also names several former executives": whom a filing names, no one's job (also where the parser
        # made the filing the sentence's root: "The complaint, filed on Tuesday, also names founder X")
        return None
    if spec.type == "LEADERSHIP_CHANGE" and any(t.lemma_.lower() in COURT_ROLES for t in token.subtree):
        return None  # "named joint liquidators": officers of a court process, not the company's leaders
    if spec.type == "LICENSE" and "REGULATOR" not in types and token.pos_ not in ("VERB", "AUX"):
        return None  # "holds more than 50 licenses": a state, not an event, unless a regulator acts
    if spec.type == "LICENSE" and token.lemma_.lower() == "clear" and ("REGULATOR" not in types or any(
            c.dep_ == "dobj" and c.lower_ == "way" for c in token.children)):
        return None  # "cleared of embezzlement", "cleared the way for": only a regulator clears a product
    if spec.type == "LICENSE" and clause.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP")
                                                               for c in clause.children) and \
            not any(c.dep_ == "aux" for c in clause.children):
        # "is registered with the central bank as a virtual asset service provider", "are licensed in
        # Dubai": a state (not "has been registered")
        return None
    if spec.type == "LICENSE" and token.pos_ != "VERB" and next(
            (a.lemma_.lower() for a in token.ancestors if a.pos_ == "VERB"), "") in ("seek", "apply"):
        return None  # "seeking a permanent ban on trading and registration", "applied for a licence": not granted
    if spec.type == "LICENSE" and token.lemma_.lower() == "register" and "REGULATOR" not in types and any(
            c.dep_ == "prep" and c.lower_ == "in" for c in token.children):
        return None  # "Garantex was registered in Estonia": where it is incorporated, no licence
    if spec.type == "LICENSE" and token.tag_ == "VBN" and token.dep_ == "acl" and not _opening_name_did(ents, token):
        return None  # "a small exchange registered with Japan's FSA": what it is, not what happened
    if spec.type == "LICENSE" and token.dep_ == "dobj" and token.head.lemma_.lower() in HOLDING_VERBS:
        return None  # "one of 30 exchanges that hold the FSA registration": a state, whoever granted it
    if spec.type == "FINE" and token.lemma_.lower() == "penalty" and token.dep_ in ("compound", "amod", "nmod") and \
            token.head.lemma_.lower() in SOUGHT_IN:
        return None  # "launched civil penalty proceedings": a penalty sought, none imposed yet
    if spec.type == "ACQUISITION" and token.lemma_.lower() == "stake" and not (
            token.head.lemma_.lower() in STAKE_VERBS or any(c.dep_ == "acl" for c in token.children)):
        return None  # "With that stake, the attacker pushed through a proposal": a stake held, none bought
    if spec.type == "HACK" and token.lemma_.lower() == "drain" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in DRAINING_CAUSES
            for c in [*token.children, *(token.head.children if token.dep_ == "advcl" else ())]):
        # "the collapse of FTX drained its deposits", "The migration went ahead, draining $800 million of
        # liquidity from Uniswap": customers or funds left, no one broke in
        return None
    if spec.type == "ACQUISITION" and token.lemma_.lower() in ("buy", "sell", "purchase") and _customers_trade(token):
        return None  # "began letting customers buy and sell bitcoin": a service offered, nothing acquired
    if spec.type == "INVESTIGATION" and token.lemma_.lower() == "review" and \
            any(t.lemma_.lower() in GRANTING_VERBS for t in sent):
        return None  # "the licence had been granted after a review of its controls": the licensing, no probe
    if spec.type == "DATA_LEAK" and not any(t.lemma_.lower() in LEAK_CUES for t in sent):
        return None  # "traced the attacker's email address": data named, none of it leaked
    if spec.type == "HACK" and token.lower_ == "breach" and token.head.lower_ == "in" and \
            any(c.lower_ == "of" for c in token.children):
        return None  # "in breach of the 2018 Emergency Decree": a rule broken, no system broken into
    if spec.type == "WARNING" and token.lower_ == "advisory" and token.dep_ in ("amod", "compound"):
        return None  # "the advisory board of crypto exchange Huobi": a kind of board, no warning
    if spec.type == "WARNING" and token.dep_ in ("amod", "compound") and token.head.lemma_.lower() in WARNING_SIGNS:
        return None  # "the bank ignored warning signs": what someone should have seen, no one warned
    if spec.type == "FINE" and _payment_not_penalty(ents, token):
        return None  # "to pay for real estate", "pay out funds in USDC", "settlement in USDC"
    if spec.type == "ACQUISITION" and token.lemma_.lower() not in DEAL_NOUNS and len(keys) < 2:
        return None  # "customers can no longer buy them": a purchase needs a buyer and a bought party
    if spec.type == "INVESTIGATION" and token.lemma_.lower() in ("attribute", "link", "tie"):
        # "attributed the Stake.com theft to Lazarus": the authority and the culprit; the victim is the theft's
        victim = {ents.record(m).key for c in token.children if c.dep_ == "dobj"
                  for m in ents.in_span(c.left_edge.i, c.right_edge.i + 1)}
        keys = [k for k in keys if k not in victim]
    keys = keys[:MAX_PARTICIPANTS]
    stage = _cue(token, CRIMINAL_STAGES) if spec.type == "CRIMINAL_CASE" else \
        _cue(token, PRICE_DIRECTIONS) if spec.type == "PRICE_MOVE" else \
        _cue(token, LISTING_DIRECTIONS) if spec.type == "LISTING" else \
        _amount_raised(clause) if spec.type == "FUNDING" else ""
    return FoundEvent(spec.type, keys, token.text, sent.start, sent.end,
                      _the_nouns_own_date(token) or _date_text(sent, clause), stage)


def names_two_companies(sent) -> bool:
    """'the two firms', 'both companies': a pair the sentence does not name."""
    words = [t.lower_ for t in sent]
    return any(a in ("two", "both") and b in ("companies", "firms", "groups", "exchanges")
               for a, b in zip(words, words[1:]))


def _the_two_companies(ents: DocEntities, sent, ordered: list[Mention]) -> list[Mention]:
    """'The two firms announced their partnership in June', '... under a partnership the two companies signed':
    the companies named last before the sentence make up the pair its own names leave short."""
    if not names_two_companies(sent):
        return []
    named = {ents.record(m).key for m in ordered if ents.record(m).type in ("EXCHANGE", "ORGANIZATION")}
    out = []
    for m in reversed(ents.in_span(0, sent.start)):
        if len(named) >= 2:
            break
        record = ents.record(m)
        if not m.generic and record.type in ("EXCHANGE", "ORGANIZATION") and record.key not in named:
            named.add(record.key)
            out.append(m)
    return out


def clause_mentions(triggers: Triggers, ents: DocEntities, token: Token, clause: Token,
                    spec_type: str = "") -> list[Mention]:
    """Mentions governed by the trigger's clause, the actor first."""
    if spec_type in ONE_PER_PARTY and token.dep_ == "compound" and token.head.pos_ == "NOUN":
        # "Genesis halted withdrawals after FTX's bankruptcy filing": the owner of the phrase the trigger
        # modifies is the party, not the clause's subject
        owner = [m for c in token.head.children if c.dep_ == "poss" or  # "FTX's", "the Genesis bankruptcy case"
                 c.dep_ in ("compound", "amod", "nmod") and c.i != token.i and c.i in ents.by_token
                 for m in ents.in_span(c.left_edge.i, c.right_edge.i + 1)]
        if owner:
            return owner
    first, rest = [], []
    roots = [token] if clause.i == token.i else [token, clause]
    seen: set[int] = set()
    for root in roots:
        # "after its partner, Genesis, halted withdrawals": the other clause's subject, read once per root
        swallowed = {s.i for c in root.children if c.dep_ == "advcl" and (s := swallowed_subject(c)) is not None}
        for child in root.children:
            if child.dep_ in ("advcl", "parataxis") and child.i != token.i:
                if spec_type == "FUNDING" and child.lemma_.lower() in ("lead", "back", "fund"):
                    # "raised $20 million in April, led by Paradigm": the round's investors
                    rest.extend(m for a in child.children if a.dep_ == "agent"
                                for m in ents.in_span(a.left_edge.i, a.right_edge.i + 1))
                if spec_type == "LAWSUIT" and child.lemma_.lower() in ("challenge", "contest"):
                    # "filed a lawsuit challenging the SEC's rejection": the one whose act is challenged
                    rest.extend(ents.in_span(child.left_edge.i, child.right_edge.i + 1))
                continue
            if child.dep_ == "ccomp" and not (root.i == token.i and spec_type in REPORTED_TARGET):
                continue  # "warned that Binance was operating ...": the warning is about Binance
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                continue  # "froze withdrawals, and BlockFi took a loan": another clause, with its own subject
            if child.dep_ in ("conj", "dep") and child.pos_ in ("VERB", "NOUN") and spec_type == "FUNDING" and \
                    root.i == clause.i and child.i > token.i and not child.left_edge.i <= token.i <= child.right_edge.i:
                continue  # "raises $30 million, teams up with Bank ABC": the partner of the next act is no investor
            if child.i in seen or child.i in swallowed:
                continue
            if child.dep_ == "prep" and child.lower_ in EARLIER_PREPOSITIONS and \
                    not child.left_edge.i <= token.i <= child.right_edge.i and any(
                    o.dep_ == "pobj" and o.lemma_.lower() in triggers.by_noun for o in child.children):
                # "the theft is among the largest this year, after the raid on the Ronin network": the
                # earlier event's parties are its own
                continue
            span_mentions = ents.starting_in(child.left_edge.i, child.right_edge.i + 1)
            if child.dep_ in ("nsubj", "nsubjpass"):
                # "Genesis, a subsidiary of DCG, filed": DCG describes the subject, it did not file
                aside = [d for d in child.children if d.dep_ in ("appos", "relcl", "acl")]
                if child.i not in ents.by_token and child.pos_ not in ("PROPN", "PRON"):
                    # "Two Malaysian exchanges, Luno Malaysia and Hata, will list", "Two of China's largest
                    # exchanges, OKCoin and Huobi, stopped ...", "AAX's own token, AAB, fell" (where the parser
                    # tagged "token" an adjective): the names are the subject
                    aside = [d for d in aside if d.dep_ != "appos"]
                if child.i in ents.by_token and ents.record(ents.by_token[child.i]).type == "PERSON":
                    # "Kevin Portillo, 24, Josué Flores, 27, and Marvin Rivas, 31, were arrested": a person's name
                    # the parser hung as another's appositive is the next of a list, not a description
                    aside = [d for d in aside if not (d.dep_ == "appos" and d.i in ents.by_token and
                                                      ents.record(ents.by_token[d.i]).type == "PERSON")]
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
            # (and "... has repeated that crypto is not legal tender, while the Bank of Tanzania issued a notice":
            # a subordinate clause with a named subject of its own tells that subject's doings)
            nested = [d for d in child.subtree if d.i != child.i and d.dep_ in ("relcl", "advcl") and
                      d.pos_ == "VERB" and (d.lemma_.lower() in triggers.by_verb and
                                            spec_type not in triggers.by_verb[d.lemma_.lower()] or
                                            d.dep_ == "advcl" and any(c.dep_ == "nsubj" and c.i in ents.by_token and
                                                                      not ents.by_token[c.i].generic
                                                                      for c in d.children)) and
                      not d.left_edge.i <= token.i <= d.right_edge.i]
            # "blamed for the theft from Atomic Wallet and for the hack of Harmony's bridge": coordinated phrases
            # with event nouns of the same kind tell one event each, with its own parties
            same_kind = [d for d in child.subtree if d.dep_ == "conj" and any(
                spec_type in triggers.by_noun.get(t.lemma_.lower(), ()) for t in d.subtree if t.pos_ == "NOUN")]
            nested += [d for d in same_kind if not d.left_edge.i <= token.i <= d.right_edge.i]
            mine = next((d for d in same_kind if d.left_edge.i <= token.i <= d.right_edge.i), None)
            span_mentions = [m for m in span_mentions
                             if not any(d.left_edge.i <= m.start <= d.right_edge.i for d in nested) and
                             (mine is None or mine.left_edge.i <= m.start <= mine.right_edge.i or
                              not mine.head.left_edge.i <= m.start <= mine.head.right_edge.i)]
            if child.dep_ in ("nsubj", "nsubjpass") and (child.lower_ in ("which", "who") or _of_which(child)) and \
                    not span_mentions:
                span_mentions = _relative_antecedent(ents, child)
            seen.add(child.i)
            actor = child.dep_ in ("nsubj", "agent", "poss") or (child.dep_ == "compound" and root.i == token.i)
            (first if actor else rest).extend(span_mentions)
        if root.i in ents.by_token:
            rest.insert(0, ents.by_token[root.i])
    if not first and clause.dep_ == "pcomp":
        # "two months after freezing withdrawals": the gerund's subject is the main clause's
        head = clause.head
        while head.dep_ in ("prep", "pcomp", "pobj") and head.head.i != head.i:
            head = head.head
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                first.extend(ents.in_span(child.left_edge.i, child.right_edge.i + 1))
    if first and clause.dep_ == "relcl" and clause.sent.start == 0 and clause.head.i in ents.by_token and \
            clause.head.dep_ == "ROOT":
        first.insert(0, ents.by_token[clause.head.i])  # headline "Binance, Mastercard launch crypto card"
    described = _named_by_relative_clause(ents, clause)
    if described is not None:
        rest.insert(0, described)  # "WazirX, which Binance acquired in November"
    swallowed = swallowed_subject(clause) if not first and clause.dep_ == "advcl" else None
    if swallowed is not None:
        first.extend(ents.in_span(swallowed.left_edge.i + 1, swallowed.right_edge.i + 1))
    if not first and clause.dep_ in ("xcomp", "ccomp", "conj", "advcl", "relcl", "acl") and not (
            rest and _dated_clause_of_its_own(clause)):
        head = clause.head
        if clause.dep_ in ("relcl", "acl") and head.dep_ == "appos" and head.i not in ents.by_token:
            head = head.head  # "Celsius and Voyager, two platforms that sought bankruptcy protection"
        elif clause.dep_ == "acl" and head.dep_ == "dobj" and head.i not in ents.by_token:
            head = head.head  # "Ripple announced an agreement to acquire Hidden Road": who made the deal acts
        if clause.dep_ in ("relcl", "acl") and head.i in ents.by_token:
            first.append(ents.by_token[head.i])
            first.extend(ents.by_token[c.i] for c in head.conjuncts if c.i in ents.by_token)
        elif not (clause.dep_ == "ccomp" and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"
                                                  for c in clause.children) and
                  not any(t.lower_ in OWN_PRONOUNS for t in clause.subtree) and
                  not _robbed_of_no_company(ents, clause, rest, spec_type)):
            # "Kraken said it was hacked", "Bitkub said a breach exposed its wallet": the sayer is the
            # party; "Cyvers said the pattern pointed to compromised keys": the clause has its own
            # subject and nothing of the sayer's, the sayer is only a source
            for step in range(3):
                for child in head.children:
                    if child.dep_ in ("nsubj", "nsubjpass"):
                        first.extend(ents.in_span(child.left_edge.i, child.right_edge.i + 1) or (
                            # "Banco Galicia, which began letting customers buy bitcoin": the name "which" stands for
                            _relative_antecedent(ents, child) if child.lower_ in ("which", "who") else []))
                    elif step == 0 and clause.dep_ == "advcl" and spec_type in REGULATOR_LED and \
                            child.dep_ == "prep" and child.lower_ == "to":
                        # "paid $5 million to the SEC to settle charges"
                        rest.extend(ents.in_span(child.left_edge.i, child.right_edge.i + 1))
                if first or any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children) or \
                        head.dep_ not in ("xcomp", "conj") or head.head.i == head.i or \
                        clause.dep_ != "advcl" or spec_type not in REGULATOR_LED:
                    break
                head = head.head  # "Kraken agreed to pay $5 million to settle charges": who agreed settles
    out, have = [], set()
    for m in first + rest:
        if id(m) not in have:
            have.add(id(m))
            out.append(m)
    return out


def _robbed_of_no_company(ents: DocEntities, clause: Token, found: list[Mention], spec_type: str) -> bool:
    """'Kestrel Games said an attacker had minted 5 billion KSTL': an attacker's act the sayer reports, naming no
    other company it was done to, was done to the sayer (not a sum stolen from no one: "Chainalysis said hackers
    stole $3.8 billion in 2022" is a tracker's count)."""
    counted = any(c.dep_ == "dobj" and any(t.tag_ == "$" for t in c.subtree) for c in clause.children) and \
        not any(c.dep_ == "prep" and c.lower_ == "from" for c in clause.children)
    return spec_type == "HACK" and any(c.dep_ == "nsubj" and c.lower_ in HACKER_NOUNS for c in clause.children) and \
        not counted and not any(ents.record(m).type in ("EXCHANGE", "ORGANIZATION") for m in found) and \
        any(c.dep_ == "nsubj" and c.lower_ not in ("team", "project") and
            ents.in_span(c.left_edge.i, c.right_edge.i + 1)
            for c in clause.head.children)  # (not "the team" behind a bridge, which may be linked to another firm)


def _authority_acts(ents: DocEntities, verb: Token) -> bool:
    """The verb's subject (or passive agent) is an authority, named or not, and what it closes is no bank."""
    actors = [c for c in verb.children if c.dep_ == "nsubj"] + \
        [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not any(a.lemma_.lower() in AUTHORITY_NOUNS or any(
            t.i in ents.by_token and ents.record(ents.by_token[t.i]).type == "REGULATOR" for t in a.subtree)
               for a in actors):
        return False
    return not any(c.dep_ == "dobj" and "bank" in " ".join(t.lower_ for t in c.subtree) for c in verb.children)


def _dated_clause_of_its_own(clause: Token) -> bool:
    """'Cream Finance lost $130 million in October, and in August an attacker took $611 million from Poly
    Network': a joined clause with a subject (not a pronoun) and a date of its own tells another act, whose
    party is the one it names, not the first clause's subject."""
    if clause.dep_ != "conj" or not any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"
                                        for c in clause.children):
        return False
    return any(c.dep_ in ("prep", "npadvmod") and c.lower_ != "for" and any(t.ent_type_ == "DATE" for t in c.subtree)
               for c in clause.children)


PAYMENT_SETTLEMENT_WORDS = {"layer", "network", "system", "rails", "capability", "capabilities", "time", "times",
                            "instant", "cross-border", "real-time", "stablecoin", "payment", "payments", "transaction",
                            "card", "merchant", "faster", "same-day", "on-chain", "onchain", "blockchain",
                            "peer", "p2p", "peer-to-peer",
                            # securities services: "issuance, custody and settlement of tokenized instruments"
                            "custody", "clearing", "issuance", "instruments", "trades", "conversion", "processing"}


def _opening_name_did(ents: DocEntities, verb: Token) -> bool:
    """'Tarsk Markets registered with the FSA in June 2021': a past tense right after the name that opens the
    sentence is what the company did, though the parser may read it as a description of the name."""
    head = verb.head
    return head.pos_ in ("PROPN", "NOUN") and head.i + 1 == verb.i and head.left_edge.i == head.sent.start and \
        head.i in ents.by_token and not ents.by_token[head.i].generic


def _the_endorser(doc, token: Token, mention: Mention) -> bool:
    """The person a firm signed as its ambassador or the face of its campaign takes part in that deal; so does
    one who signed a deal with a company ("the tennis player signed a three-year contract with the exchange"), where
    no other company is named beside the person (an executive signs for one)."""
    verb = token if token.lemma_.lower() == "sign" else token.head if token.head.lemma_.lower() == "sign" else None
    if verb is None:
        return False
    signed = signed_as_endorser(doc, verb)
    if signed is not None:
        return mention.start <= signed.i < mention.end
    ents = doc._.kg
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    partners = [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                for m in ents.in_span(c.left_edge.i, c.right_edge.i + 1)
                if ents.record(m).type in ("EXCHANGE", "ORGANIZATION")]
    companies = {m.key for m in ents.in_span(verb.sent.start, verb.sent.end)
                 if ents.record(m).type in ("EXCHANGE", "ORGANIZATION", "REGULATOR")}
    return subject is not None and mention.start <= subject.i < mention.end and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("deal", "contract", "agreement") for c in verb.children) and \
        bool(partners) and companies == {m.key for m in partners}


def _pays_for_a_purchase(token: Token) -> bool:
    """'will pay $300 million over a decade to put its logo on the stadium', 'pays $90 million for the naming
    rights': money paid for something bought is a price, not a penalty."""
    pay = token if token.lemma_.lower() == "pay" else next(
        (c for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() == "pay"), None)
    if pay is None:
        return False
    for child in pay.children:
        if child.dep_ == "prep" and child.lower_ == "for" and any(
                o.dep_ == "pobj" and o.lemma_.lower() in PURCHASES for o in child.children):
            return True
        if child.dep_ in ("advcl", "xcomp") and any(
                o.dep_ == "dobj" and o.lemma_.lower() in PURCHASES for o in child.children):
            return True
    return False


def _payment_settlement(ents: DocEntities, token: Token) -> bool:
    """'settlement' of payments, not of a case: a payments word beside it, or 'settlement in' a coin."""
    near = [*token.children, token.head] if token.head.i != token.i else list(token.children)
    if any(t.lower_ in PAYMENT_SETTLEMENT_WORDS for t in near):
        return True
    # "settlement in USDC", or "testing settlement in USDC" where the parse hangs "in" on the verb
    preps = [*token.children, *(token.head.children if token.dep_ == "dobj" else ())]
    return any(c.dep_ == "prep" and c.lower_ in ("in", "of") and any(
        (m := ents.by_token.get(o.i)) is not None and ents.record(m).type == "ASSET"
        for o in c.children if o.dep_ == "pobj") for c in preps)


def _governing_verb(token: Token) -> Token:
    node = token
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break  # a verb, or the root (of a verbless headline: no verb governs the trigger)
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") else token


def _reporting_regulator(ents: DocEntities, clause: Token) -> str:
    """The regulator that 'said' the thing happened: its report makes it a party."""
    while clause.dep_ == "conj" and clause.head.i != clause.i:
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


def _robbed_speaker(ents: DocEntities, clause: Token) -> list[Mention]:
    """'CoinDCX said that attackers had taken $44 million from an internal operational account': what is taken
    from an account or wallet no one else is named for (or accounts broken into or taken over) is the speaking
    company's."""
    if not any(c.dep_ == "prep" and c.lower_ == "from" and any(
            o.dep_ == "pobj" and o.lemma_.lower() in ("account", "wallet") for o in c.children) or
            c.dep_ == "prep" and c.lower_ == "into" and any(
                o.dep_ == "pobj" and o.lemma_.lower() == "account" for o in c.children)
            for c in clause.subtree) and not accounts_taken_over(clause):
        # (or "said that intruders had taken over hundreds of client accounts", "attackers had used leaked
        # passwords to log into about 740 accounts")
        return []
    while clause.dep_ in ("xcomp", "advcl") and clause.head.i != clause.i:
        clause = clause.head  # "said attackers had used stolen passwords to log into ...": the clause said
    head = clause.head if clause.dep_ in ("ccomp", "parataxis") else None
    if head is None or head.lemma_.lower() not in REPORTING:
        return []
    return [m for c in head.children if c.dep_ == "nsubj" for m in ents.in_span(c.left_edge.i, c.right_edge.i + 1)
            if ents.record(m).type in ("EXCHANGE", "ORGANIZATION") and not m.generic][:1]


def _bank_barring_customers(ents: DocEntities, clause: Token) -> bool:
    """'Lloyds Banking Group barred its customers from buying cryptocurrencies with its credit cards',
    'Mastercard cut off Orla Cards, the issuer of the cards': a bank or a card network shutting its customers,
    its payments or a named company out bans, as an authority does."""
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    mention = ents.by_token.get(subject.i) if subject is not None else None
    if mention is None or mention.generic or ents.record(mention).type != "ORGANIZATION":
        return False
    name = ents.record(mention).name
    bank = BANK_NAME.search(name) is not None
    return bank and any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() in BANK_CUSTOMERS for c in clause.children) \
        or (bank or name in CARD_NETWORKS) and cuts_off_a_company(clause)


CARD_NETWORKS = {"Visa", "Mastercard", "American Express", "UnionPay"}


def _fined_person(doc: Doc, mention: Mention, token: Token) -> bool:
    """'Zhao agreed to pay $50 million', 'the SEC fined Ripley', 'a $4 million penalty on Kwon': a person is
    party to a fine as the one who pays it or is fined, not as a bystander named in the sentence (the
    judge, an executive quoted)."""
    head = doc[mention.end - 1]
    # (a penalty's verb only where it is paid: not "Judge Parsons approved a $4.5 billion penalty")
    verbs = {token.i, token.head.i} if token.pos_ == "NOUN" and token.head.lemma_.lower() in PAYING_VERBS \
        else {token.i}
    # ("fined Ostra Labs and its founder, Tom Lafont, €150,000": the one fined named in an appositive of a
    # conjunct of the object)
    for _ in range(4):
        if head.dep_ not in ("appos", "conj") or head.head.i == head.i:
            break
        head = head.head
    if head.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") and head.head.i in verbs:
        return True
    return head.dep_ == "pobj" and head.head.lower_ in ("on", "against") and head.head.head.i == token.i


def _launch_party(ents: DocEntities, mention: Mention, token: Token) -> bool:
    """Companies launch; a token is launched only as the thing a verb launches; a person only as its subject."""
    kind = ents.record(mention).type
    lists_a_fund = token.lemma_.lower() == "list"
    around = [*token.children, *(o for c in token.children if c.dep_ == "dobj" for o in c.subtree)] \
        if lists_a_fund else token.children
    if token.pos_ in ("VERB", "AUX") and any(c.dep_ == "prep" and c.lower_ == "on" and
                                             c.left_edge.i <= mention.start <= c.right_edge.i for c in around):
        # "RLUSD launches on Uphold and Bitso": where it is listed, not who launched it (nor the stock
        # market an issuer lists its fund on, however the parser hangs the "on")
        return kind not in ("EXCHANGE", "ORGANIZATION")
    if lists_a_fund and any(c.dep_ == "dobj" and c.left_edge.i <= mention.start <= c.right_edge.i and
                            not mention.start <= c.i < mention.end for c in token.children):
        return False  # "listed an exchange-traded product that holds Avalanche": the coin the fund holds
    if kind in ("EXCHANGE", "ORGANIZATION"):
        return True
    if token.pos_ not in ("VERB", "AUX"):
        return False
    head = token.doc[mention.end - 1]
    if kind == "ASSET" and head.dep_ == "nsubj" and head.head.i == token.i and \
            not any(c.dep_ == "dobj" for c in token.children):
        return True  # "RLUSD launches on ...": the token launches itself
    if kind == "PERSON":
        return _is_subject_of(ents, mention, token) and not token.tag_ == "VBN"
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if kind == "REGULATOR" and _is_subject_of(ents, mention, token) and any(
            ents.record(m).type == "ASSET" for c in objects for m in ents.in_span(c.left_edge.i, c.right_edge.i + 1)):
        return True  # "the Central Bank of Nigeria launched the eNaira": an authority issuing a currency
    if token.dep_ in ("acl", "relcl") and token.head.i in ents.by_token and ents.by_token[token.head.i] is mention:
        return True  # "USDC, launched in 2018 by Circle"
    if token.dep_ == "acl" and head.dep_ == "compound" and head.head.i == token.head.i:
        return True  # "Kelp's KLP token, handed out to stakers": the named token the clause describes
    return any(c.left_edge.i <= mention.start <= c.right_edge.i for c in objects)


def _an_order_of_an_earlier_regulator(clause: Token, token: Token) -> bool:
    """'The order also keeps its owner out of ...', 'the settlement requires the broker to cease and desist',
    'consented to a cease-and-desist order', 'took ten-year bars': a regulator's order told without the
    regulator."""
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in ORDER_NOUNS and not any(
            d.dep_ == "poss" or d.dep_ == "prep" and d.lower_ in ("by", "of", "from") for d in c.children)
           for c in clause.children):
        return True
    head = token.head.head if token.dep_ == "pobj" else token.head
    return token.pos_ == "NOUN" and token.dep_ in ("dobj", "pobj") and head.lemma_.lower() in CONSENTING_VERBS


def _regulator_named_before(ents: DocEntities, sent) -> str:
    """The regulator named last in the three sentences before this one (its own or its generic mention)."""
    doc = sent.doc
    start = sent.start
    for _ in range(3):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    before = [m for m in ents.in_span(start, sent.start) if ents.record(m).type == "REGULATOR"]
    return ents.record(before[-1]).key if before else ""


def _person_patient(ents: DocEntities, verb: Token) -> bool:
    """Unless a passive or participle's patient is a thing ('a memecoin promoted by X'), a person may have moved."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        patient = [verb.head]
    else:
        patient = [c for c in verb.children if c.dep_ == "nsubjpass"]
    # (the person the "as" phrase names, not one named further on in it: "took over as president from X")
    named_as = [ents.by_token[o.i] for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                for o in c.children if o.dep_ == "pobj" and o.i in ents.by_token and
                ents.record(ents.by_token[o.i]).type == "PERSON"]
    if named_as and not any(c.dep_ == "dobj" and c.i in ents.by_token for c in verb.children):
        return False  # "named the second person as Han Chang-joon": who someone is, not a job
    if not patient:
        return True
    p = patient[0]
    if p.pos_ == "PRON" or p.lower_ in ("who", "which", "that"):
        return True
    found = ents.in_span(p.left_edge.i, p.right_edge.i + 1) if verb.dep_ != "acl" else \
        [ents.by_token[p.i]] if p.i in ents.by_token else []
    return any(ents.record(m).type == "PERSON" for m in found) or p.lemma_.lower() in PERSON_NOUNS


def _payment_not_penalty(ents: DocEntities, token: Token) -> bool:
    """Paying for things or settling in a token is commerce: 'to pay for real estate', 'lets businesses pay
    out funds', 'testing settlement in USDC'; 'pay $4 million for violations' is still a penalty."""
    # ("agreed to pay $1.5 billion for NinjaTrader": the payment the agreement names)
    token = next((c for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() == "pay"), token)
    lemma = token.lemma_.lower()
    if lemma == "pay":
        preps = {c.lower_ for c in token.children if c.dep_ in ("prep", "prt")}
        # (a company paid is the payee, no sum: "using its cards to pay Kelp Exchange")
        has_amount = any(c.dep_ == "dobj" and not (c.i in ents.by_token and ents.record(ents.by_token[c.i]).type in
                                                   ("EXCHANGE", "ORGANIZATION")) for c in token.children)
        bought = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "for"
                  for o in c.children if o.dep_ == "pobj"]
        if any(o.lemma_.lower() in BOUGHT_NOUNS or "%" in o.text or any(t.text == "%" for t in o.children) or
               o.i in ents.by_token for o in bought):
            return True  # "agreed to pay 17.85 billion baht for 51% of Bitkub": a price
        if any(t.lower_ in ("share", "shares") and t.i > 0 and t.nbor(-1).lower_ in ("a", "per", "each")
               for c in token.children for t in c.subtree):
            return True  # "will pay C$0.36 a share": a takeover's price
        if any(c.dep_ == "dobj" and c.lemma_.lower() in RUNNING_COSTS for c in token.children):
            return True  # "customers struggling to pay their bills": what a business owes in the course of trade
        if not has_amount and not any(t.lemma_.lower() in PENALTY_WORDS for t in token.sent):
            return True  # "shoppers will be able to pay from a range of wallets"
        if any(c.dep_ == "dobj" and c.lemma_.lower() in PAID_BACK for c in token.children) and \
                not any(t.lemma_.lower() in PENALTY_WORDS for t in token.sent):
            return True  # "will pay affected borrowers back": making users whole, no penalty
        # ("pay out funds"; "to pay down a credit line", "paid back the loan": a debt repaid)
        return bool(preps & {"out", "down", "back", "off"}) or ("for" in preps and not has_amount)
    if lemma in ("settlement", "settle"):
        return any(c.dep_ == "prep" and c.lower_ in ("in", "via") and
                   any(t.i in ents.by_token and ents.record(ents.by_token[t.i]).type == "ASSET" for t in c.subtree) or
                   # "settlement between institutions happens in wholesale Drex": payments cleared between kinds of
                   # firm, not a settlement between two named parties
                   c.dep_ == "prep" and c.lower_ == "between" and
                   any(o.dep_ == "pobj" and o.tag_ == "NNS" and o.i not in ents.by_token for o in c.children)
                   for c in token.children)
    return False


def _dismissed_a_thing(ents: DocEntities, verb: Token) -> bool:
    """'dismissed the lawsuit', 'dismissed the claims': what is dismissed is no person."""
    if verb.lemma_.lower() not in ("dismiss", "fire", "sack", "oust"):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(
        o.pos_ in ("PRON", "PROPN") or any(t.i in ents.by_token and ents.record(ents.by_token[t.i]).type == "PERSON"
                                          for t in o.subtree)
        or o.lemma_.lower() in PERSON_NOUNS for o in objects)


def _one_tokens_trading(ents: DocEntities, token: Token) -> bool:
    """What is halted is trading in, or deposits of, a named token (no withdrawals): 'suspended SRDB trading',
    'suspended trading in XRP', 'halted deposits of HNZD'."""
    if token.lemma_.lower() == "stop" and any(
            c.lemma_.lower() in ("trade", "trading") and any(g.dep_ in ("dobj", "npadvmod") or g.dep_ == "prep" and
                                                             g.lower_ in ("in", "of") for g in c.children)
            for c in token.children if c.dep_ in ("dobj", "xcomp")):
        return True  # "stopped trading Paycoin": whatever the token, its market stopped, not the venue
    halted = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    # (every one of them: "deposits and withdrawals of SOL" stop the venue paying out)
    if not halted or not all(t.lemma_.lower() in ("trading", "deposit", "trade") for c in halted
                             for t in (c, *c.conjuncts)):
        return False
    phrase = [t for c in halted for t in c.subtree] + \
        [t for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "for") for t in c.subtree]
    return any(t.i in ents.by_token and ents.record(ents.by_token[t.i]).type == "ASSET" for t in phrase)


def _insolvency_appointment(ents: DocEntities, verb: Token, officer: Token, sent) -> list[Mention]:
    """'The High Court appointed Ndovu Advisory as provisional liquidator', 'Helen Marsh and David Okafor of Keel &
    Partners were appointed joint administrators of Severn Yield': the court or authority that appoints, the
    failed company (named in the officer's phrase, else the one the article is about) and the firm appointed."""
    def inside(nodes) -> list[Mention]:
        return [m for n in nodes for m in ents.in_span(n.left_edge.i, n.right_edge.i + 1) if not m.generic]

    def authority(m: Mention) -> bool:
        return ents.record(m).type == "REGULATOR" or "court" in ents.record(m).name.lower()

    acting = verb.head if verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children) else verb
    appointer = [m for m in inside(c for c in acting.children if c.dep_ == "nsubj") if authority(m)]
    firms = ("ORGANIZATION", "EXCHANGE")
    # (the parser may hang the appointees' "of restructuring firm X" on the verb)
    appointees = [m for m in inside([c for c in verb.children
                                     if c.dep_ in ("dobj", "nsubjpass", "oprd") and c.i != officer.i] +
                                    [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
                                     for o in c.children if o.dep_ == "pobj"])
                  if ents.record(m).type in firms]
    of_company = [m for m in inside(o for h, preps in ((officer, ("of", "to", "for")), (verb, ("to", "for")))
                                    for c in h.children if c.dep_ == "prep" and c.lower_ in preps
                                    for o in c.children if o.dep_ == "pobj")
                  if ents.record(m).type in firms]
    taken = {m.key for m in appointer + appointees}
    if not of_company and acting is not verb:
        # "ordered Manly Exchange to be wound up and appointed X as liquidator": the first verb's company
        # (or the order's: "ordered X to be wound up and appointed", the parser hanging "appointed" on "wound")
        ordering = [acting, *([acting.head] if acting.dep_ == "xcomp" else [])]
        of_company = [m for m in inside(c for v in ordering for c in v.children if c.dep_ == "dobj")
                      if ents.record(m).type in firms and m.key not in taken][:1]
    if not of_company:
        lead = ents.leading_company([m for m in ents.in_span(0, sent.end) if m.key not in taken and not authority(m)])
        of_company = [m for m in ents.in_span(0, sent.end) if m.key == lead][:1]
    return appointer + of_company + appointees if of_company else []


def _named_by_relative_clause(ents: DocEntities, clause: Token) -> Mention | None:
    """The name a relative clause's object stands for: "WazirX, which Binance acquired", or the name a
    described noun stands for, its object left unsaid ("Quillstone, the venue Kraken bought last year")."""
    if clause.dep_ != "relcl":
        return None
    head = clause.head
    if head.i not in ents.by_token and head.dep_ == "appos" and head.head.i in ents.by_token:
        head = head.head
    if head.i not in ents.by_token:
        return None
    objects = [c for c in clause.children if c.dep_ == "dobj"]
    if any(c.lower_ in ("which", "that", "whom") for c in objects) or head is not clause.head and not objects and \
            any(c.dep_ == "nsubj" and c.lower_ not in ("which", "that", "who") for c in clause.children):
        return ents.by_token[head.i]
    return None


def _relative_antecedent(ents: DocEntities, pronoun: Token) -> list[Mention]:
    """'comparisons with WazirX, which lost $230 million when attackers ...': the name right before ", which"
    is what the pronoun stands for, even where the parser hung the clause elsewhere."""
    doc = pronoun.doc
    i = pronoun.i - 2
    if i < pronoun.sent.start or doc[pronoun.i - 1].text != ",":
        return []
    if doc[i].dep_ == "appos" and doc[i].head.i in ents.by_token and doc[i].head.i < i:
        i = doc[i].head.i  # "Banco Galicia, the country's largest private bank, which ...": the name described
    if i not in ents.by_token or ents.by_token[i].generic:
        return []
    if pronoun.lower_ == "which" and ents.record(ents.by_token[i]).type == "PERSON":
        # "Kelp Holdings, the bank group led by Ana Vidal, which bought ...": "which" is no person; the name the
        # person's phrase describes
        for up in doc[i].ancestors:
            if up.dep_ == "appos" and up.head.i in ents.by_token:
                up = up.head
            if up.i in ents.by_token and ents.record(ents.by_token[up.i]).type in ("EXCHANGE", "ORGANIZATION"):
                return [ents.by_token[up.i]]
        return []
    if _of_which(pronoun):
        # "CoinDCX and CoinSwitch, both of which registered": every name the quantifier counts
        last = doc[i]
        first = last.head if last.dep_ == "conj" and last.head.i in ents.by_token else last
        return [ents.by_token[t.i] for t in (first, *first.conjuncts) if t.i in ents.by_token]
    return [ents.by_token[i]]


def _of_which(subject: Token) -> bool:
    """'both of which', 'each of whom': a quantifier over a relative pronoun."""
    return subject.lower_ in ("both", "all", "each", "either") and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ in ("which", "whom") for o in c.children)
        for c in subject.children)


# supervision as usual, not an inquiry: "regular examinations", "routine inspections"
ROUTINE_CHECKS = {"regular", "routine", "periodic", "annual", "ongoing", "scheduled", "onsite", "on-site"}
# who a company pays back of its own accord: "will pay affected borrowers back"
PAID_BACK = {"borrower", "user", "customer", "victim", "depositor", "holder", "client", "creditor", "lender", "trader"}
GRANTING_VERBS = {"grant", "approve", "award", "authorise", "authorize", "register"}
CUSTOMER_NOUNS = {"customer", "user", "client", "investor", "people", "trader", "resident", "consumer", "retail",
                  "victim"}
LETTING_VERBS = {"let", "allow", "enable", "help", "permit",
                 # a scheme telling its victims what to buy: "Victims were told to buy USDT on Binance"
                 "tell", "ask", "urge", "instruct", "persuade", "encourage", "lure"}


def _customers_trade(verb: Token) -> bool:
    """The buying or selling is done by customers: their verb ("customers can buy"), or one a company lets
    or tells them do ("letting customers in Brazil buy and sell bitcoin", "asked investors to buy bitcoin")."""
    before = verb.doc[max(verb.sent.start, verb.i - 7):verb.i]
    # (a capitalised plural the tagger read as a name keeps its "s": "Victims were told to buy")
    lemmas = [t.lemma_.lower().removesuffix("s") if t.pos_ == "PROPN" else t.lemma_.lower() for t in before]
    if any(w in LETTING_VERBS for w in lemmas) and any(w in CUSTOMER_NOUNS for w in lemmas):
        return True  # read from the words: the parser often hangs the second verb elsewhere
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in CUSTOMER_NOUNS for c in verb.children)


def _asset_purchase(ents: DocEntities, token: Token, ordered: list[Mention]) -> list[Mention]:
    """A company buying a named asset ("Metaplanet bought 1,000 bitcoin", "bought $50 million of ether"):
    the asset only as what the verb bought, the buyer not a venue it bought on ("buy bitcoin on Kraken")."""
    bought = [c for c in token.children if c.dep_ == "dobj"] if token.pos_ in ("VERB", "AUX") else []
    inside = lambda m, nodes: any(n.left_edge.i <= m.start <= n.right_edge.i for n in nodes)  # noqa: E731
    assets = [m for m in ordered if ents.record(m).type == "ASSET" and inside(m, bought)]
    if token.lemma_.lower() == "sell":
        # "sold its Texas site to Galaxy Digital": the one sold to is the buyer, named first
        buyers = [c for c in token.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
        ordered = [m for m in ordered if inside(m, buyers)] + [m for m in ordered if not inside(m, buyers)]
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


def _listing_venue(doc: Doc, ents: DocEntities, mention: Mention) -> bool:
    """'Arroyo Seco, a bitcoin miner listed on Nasdaq, agreed to buy ...': the stock market a company's shares
    trade on only describes it and takes no part in what the company does (a crypto venue a token trades on
    may: "tokens traded on Mango Markets" were stolen from it)."""
    root = doc[mention.start:mention.end].root
    return ents.record(mention).type == "ORGANIZATION" and root.dep_ == "pobj" and root.head.lower_ == "on" and \
        root.head.head.lemma_.lower() in LISTED_VERBS


# what "as" a name follows names someone, not another clause: "known as", "identified one of them as"
NAMING_WORDS = {"known", "named", "identified", "called", "described", "listed", "designated", "such", "well", "same"}


def _in_a_later_clause(ents: DocEntities, trigger: Token, mention: Mention) -> bool:
    """'Police arrest Simba Coin promoter as SMB slumps 70%; Central Bank of Kenya warns public': a headline's
    later clause, after a semicolon or an "as" its subject's name opens, tells another act (the parser rarely sees
    the clause in a headline's words)."""
    doc = trigger.doc
    if mention.start <= trigger.i:
        return False
    for t in doc[trigger.i + 1:mention.start]:
        if t.text == ";" or t.lower_ == "as" and t.i + 1 in ents.by_token and \
                not any(w.lower_ in NAMING_WORDS for w in doc[max(0, t.i - 4):t.i]):
            return True  # (not "known only as X", "identified the man held as Y")
    return False


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
        if node.dep_ == "pobj" and node.head.dep_ == "agent" and node.head.head.dep_ in ("acl", "relcl") and \
                node.head.head.lemma_.lower() in ("employ", "hire", "contract", "retain"):
            return True  # "arrested an IT contractor employed by Kelp Exchange": the employer describes him
        if node.dep_ in ("appos",) and node.head.i in ents.by_token and \
                ents.record(ents.by_token[node.head.i]).type == "PERSON":
            return True  # "Mashinsky, the founder of Celsius,"
        if node.dep_ == "pobj" and node.head.head.lemma_.lower() in PERSON_NOUNS | {"role", "part"}:
            node = node.head.head
            continue  # "chief executive of Celsius", walk on to see whose title it is
        if node.dep_ in ("compound", "nmod") and node.head.lemma_.lower() in PERSON_NOUNS | {"founder", "co"} | \
                STAFF_NOUNS:
            return True  # "Tornado Cash founders", "a Kelp Exchange engineer"
        if (node.dep_ in ("pobj", "prep", "compound", "amod", "conj") or
                node.dep_ == "appos" and node.head.i not in ents.by_token) and node.head.i != node.i:
            node = node.head
            continue
        break
    if node.dep_ in ("nsubj", "nsubjpass") and node.lemma_.lower() in PERSON_NOUNS and node.i != head.i:
        return True  # "A former head of trading at Norwell Credit pleaded guilty": the case is the person's
    return node.dep_ == "appos" and node.head.i in ents.by_token and \
        ents.record(ents.by_token[node.head.i]).type == "PERSON"


def _the_articles_organisation(doc: Doc, ents: DocEntities, sent) -> str | None:
    """'Anna Weber has been appointed chair, the company said': a post named without its organisation is at
    the one the sentence before was about (after a title opening the sentence), else at the organisation the
    article names most (named twice at least), where the sentence names no organisation of its own (a past
    employer aside)."""
    mentions = ents.in_span(sent.start, sent.end)
    if any(not m.generic and ents.record(m).type in ("EXCHANGE", "ORGANIZATION", "REGULATOR") and
           not past_employer(doc, ents, m) for m in mentions):
        return None
    person = next((m for m in mentions if ents.record(m).type == "PERSON"), None)
    if person is not None and 0 < person.start - sent.start <= 4 and not any(
            t.pos_ in ("VERB", "AUX") or t.i in ents.by_token for t in doc[sent.start:person.start]):
        # ("Co-founder Ilmari Koskinen stepped down": a title opening the sentence goes on from the one before)
        before = subject_of_sentence_before(doc, ents, sent)
        if before is not None:
            return before.key
    lead = ents.leading_company(ents.mentions, ("EXCHANGE", "ORGANIZATION", "REGULATOR"))
    return lead if lead is not None and sum(m.key == lead and not m.generic for m in ents.mentions) >= 2 else None


def subject_of_sentence_before(doc: Doc, ents: DocEntities, sent) -> Mention | None:
    """The company named as the subject of the main verb of the sentence before ``sent``, when no other
    company is a subject there ("Bitstamp denied it, and Kraken appealed" is about two)."""
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    subjects = [o for o in ents.in_span(before.start, before.end) if not o.generic and
                ents.record(o).type in ("EXCHANGE", "ORGANIZATION") and
                doc[o.end - 1].dep_ in ("nsubj", "nsubjpass")]
    if len({o.key for o in subjects}) != 1 or doc[subjects[0].end - 1].head.i != before.root.i:
        return None
    # (one the article names again, or one the knowledge base knows: a name NER cut from a person's, "Leyla
    # Huseynova, head of security, will take over", is no company the next sentence goes on about)
    # (and not one that only reports what the sentence says: "..., The Daily Ledger reported")
    if sum(o.key == subjects[0].key and not o.generic for o in ents.mentions) < 2 and \
            (not ents.record(subjects[0]).kb_id or _reports_on_another(ents, subjects[0], doc)):
        return None
    return subjects[0]


def _reports_on_another(ents: DocEntities, subject: Mention, doc: Doc) -> bool:
    """'Kelvora will cut a third of its staff, The Daily Ledger reported': the subject only tells
    what the clause it reports says of another company."""
    verb = doc[subject.end - 1].head
    return verb.lemma_.lower() in REPORTING_VERBS and any(
        not m.generic and m.key != subject.key and ents.record(m).type in ("EXCHANGE", "ORGANIZATION")
        for c in verb.children if c.dep_ == "ccomp" for m in ents.in_span(c.left_edge.i, c.right_edge.i + 1))


def past_employer(doc: Doc, ents: DocEntities, mention: Mention) -> bool:
    """'handing the role to Wanjiru Kamau, a former head of digital banking at Tana Commercial Bank': the
    company that describes where the person worked before ("at" it) is not where the post changes hands,
    unless it is the company the article is about (a past title of a company's own, "Ben Gagnon, previously
    Bitfarms' chief mining officer, replaced him", names no "at")."""
    if mention.generic or ents.record(mention).type not in ("EXCHANGE", "ORGANIZATION"):
        return False
    node = doc[mention.start:mention.end].root
    if node.dep_ != "pobj":
        return False  # (a past title of the company's own: "previously Bitfarms' chief mining officer")
    for _ in range(8):
        if node.dep_ == "appos" and node.head.i in ents.by_token and \
                ents.record(ents.by_token[node.head.i]).type == "PERSON":
            # (the article's own company, counted over all its mentions, only once a past description is found)
            return any(t.lower_ in PAST_WORDS for t in doc[node.left_edge.i:mention.start]) and \
                ents.leading_company(ents.mentions) != mention.key
        if node.dep_ == "relcl" and (node.tag_ == "VBD" and node.lemma_.lower() in CAREER_VERBS or any(
                c.dep_ == "prep" and c.lower_ == "until" for c in node.children)) and \
                node.head.i in ents.by_token and ents.record(ents.by_token[node.head.i]).type == "PERSON":
            # "X, who spent a decade at Y, has been appointed ...", "X, who until May was head of risk at Y, joined"
            return ents.leading_company(ents.mentions) != mention.key
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _legal_filing(token: Token) -> bool:
    """'filed a complaint', 'a suit against Binance', 'the complaint alleges', 'said in its complaint',
    'a class-action suit', 'according to the complaint': words that make a complaint or a suit a court filing."""
    head, dep = token.head, token.dep_
    if head.lemma_.lower() in RECEIVED:
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("against", "by", "over", "in") for c in token.children):
        return True
    if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in FILING_VERBS for c in token.children):
        return True
    if any(c.dep_ in ("amod", "compound") and c.lower_ in LEGAL_MODIFIERS for c in token.children):
        return True
    if dep in ("dobj", "nsubjpass") and head.lemma_.lower() in FILING_VERBS:
        return True
    if dep == "nsubj" and head.lemma_.lower() in ALLEGING_VERBS:
        return True
    if dep == "pobj" and head.dep_ == "prep" and (head.head.lemma_.lower() in ALLEGING_VERBS or
                                                  head.head.lemma_.lower() == "accord"):
        return True  # "the SEC said in its complaint", "according to the complaint"
    return any(c.dep_ == "poss" for c in token.children) and dep != "pobj"  # "the SEC's complaint"


def _court_challenge(token: Token) -> bool:
    """'The challenge was brought by IAMAI', 'filed a legal challenge', 'a court challenge': a challenge is a
    lawsuit when it is brought or filed, or called legal."""
    return token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in CHALLENGE_VERBS or any(
        c.dep_ in ("amod", "compound") and c.lower_ in LEGAL_MODIFIERS for c in token.children)


def _rule_breach(token: Token) -> bool:
    """A breach of rules, not of systems: a law or rule as what was breached ("its conduct breached the Capital
    Markets and Services Act"), or no security word beside it and compliance words in its article."""
    if any(c.dep_ == "dobj" and c.lemma_.lower() in BROKEN_RULES for c in token.children) or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.lower() in BROKEN_TRUSTS for o in c.children)
            for c in token.children):
        return True  # (and "charged with breach of trust", "a breach of contract")
    near = {t.lemma_.lower() for t in token.subtree} | {c.lemma_.lower() for c in token.head.children}
    if near & SECURITY_WORDS:
        return False
    doc = token.doc
    window = doc[max(token.sent.start - 60, 0):token.sent.end]
    return bool(near & COMPLIANCE_WORDS) or sum(t.lemma_.lower() in COMPLIANCE_WORDS for t in window) >= 2


def _is_source(doc: Doc, mention: Mention) -> bool:
    """A source credited for a report, not a party: the dateline's outlet ("JAKARTA (Chainline) -"),
    "according to BleepingComputer"."""
    if mention.start > 0 and mention.end + 1 < len(doc) and doc[mention.start - 1].text == "(" and \
            doc[mention.end].text == ")" and doc[mention.end + 1].text in ("-", "–", "—", "--"):
        return True
    if doc[mention.start].text.startswith("/") and doc[mention.end - 1].text.endswith("/"):
        return True  # a wire service: "BANGKOK, Jan. 16, 2024 /PRNewsChannel/ --"
    if said_on(doc, mention.start):
        return True  # where it was said: "warned on X", "in a post on X"
    node = doc[mention.end - 1]
    for _ in range(5):
        if node.lower_ == "to" and node.head.lower_ == "according":
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def swallowed_subject(clause: Token) -> Token | None:
    """'paused redemptions after its partner, Genesis, halted withdrawals': the parser can take a clause's
    subject for the object of the "after" before it, and leave the clause without one. That phrase."""
    if clause.dep_ != "advcl" or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children):
        return None
    return next((c for c in clause.head.children if c.dep_ == "prep" and c.lower_ in CLAUSE_PREPOSITIONS
                 and c.right_edge.i + 1 == clause.left_edge.i), None)


def _measured_move(sent) -> bool:
    """'traded around $39,000, down roughly 40%', '... just below the record': the sentence measures a move
    (not 'traded around $48,000, roughly where it stood a day earlier')."""
    return any(t.text == "%" or t.lemma_.lower() in ("record", "high", "low", "peak") for t in sent)


def _is_subject_of(ents: DocEntities, mention: Mention, verb: Token) -> bool:
    """Is the mention inside the verb's subject ("bitcoin fell", not "gained access to bitcoin")?"""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "ROOT":
        # "Kyber Network Crystal (KNC), the project's governance token, fell": the parser lost the subject inside the
        # description between the name and the verb; what opens the sentence before the verb is it
        subjects = [c for c in verb.lefts
                    if c.dep_ in ("parataxis", "dep", "advcl") and c.left_edge.i == verb.sent.start]
    if verb.dep_ in ("relcl", "acl") and all(c.lower_ in ("that", "which", "who") for c in subjects):
        # "TerraUSD, the stablecoin that collapsed in May": the noun the clause describes, and the name
        # that noun stands beside
        heads = [verb.head]
        while heads[-1].dep_ in ("appos", "pobj", "prep") and len(heads) < 5:
            # "CEL, the token Celsius issues to its users, which lost half its value": the parser may hang
            # the clause on the last noun of the description; the name it describes is further up
            heads.append(heads[-1].head)
        # (or the name the noun is called by before the clause: "a token called Velora, which fell 20%")
        return any(h.left_edge.i <= mention.start <= h.i or
                   h.i < mention.start < verb.i and mention.start <= h.right_edge.i and
                   verb.doc[mention.start].head.lemma_.lower() in ("call", "name", "dub")
                   for h in heads if h.pos_ in ("NOUN", "PROPN"))
    return any(c.left_edge.i <= mention.start and mention.end - 1 <= c.right_edge.i for c in subjects)


def _asset_of_the_price(ents: DocEntities, verb: Token) -> list[str]:
    """'The price surged past $16,000 on Thursday': a bare "the price" is that of the coin named last before."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() != "price" or \
            not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its") for c in subject.children) or \
            any(c.dep_ == "prep" for c in subject.children):
        return []
    last = next((m for m in reversed(ents.in_span(0, subject.i)) if ents.record(m).type == "ASSET"), None)
    return [ents.record(last).key] if last is not None else []


def _user_of_the_technology(ents: DocEntities, noun: Token) -> list[str]:
    """'Kestrel Bank has started offering bitcoin ..., using technology supplied by Bitpanda': the supplier's
    partner is the subject of the nearest clause above the technology that names one."""
    for verb in noun.ancestors:
        for c in verb.children:
            if c.dep_ == "nsubj" and c.i in ents.by_token and not ents.by_token[c.i].generic and \
                    ents.record(ents.by_token[c.i]).type in ("EXCHANGE", "ORGANIZATION"):
                return [ents.record(ents.by_token[c.i]).key]
    return []


def _coin_before_a_subjectless_verb(ents: DocEntities, verb: Token) -> list[str]:
    """'Tether's USDT token briefly slipped to 98 cents', where the parser hung the subject on the adverb: with no
    subject of its own, the verb moves the coin named right before it in its clause."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    doc = verb.doc
    start = verb.i  # (only nouns and adverbs between: "USDT token briefly")
    while start > verb.sent.start and verb.i - start < 4 and doc[start - 1].pos_ in ("NOUN", "PROPN", "ADV"):
        start -= 1
    coins = [m for m in ents.in_span(start, verb.i) if ents.record(m).type == "ASSET" and not m.generic]
    return [ents.record(coins[-1]).key] if coins else []


def _hired_someone(ents: DocEntities, verb: Token) -> bool:
    """A person (named, or "a chief executive") as what was hired."""
    return any(c.dep_ in ("dobj", "nsubjpass") and (
        any(ents.record(m).type == "PERSON" for m in ents.in_span(c.left_edge.i, c.right_edge.i + 1)) or
        c.lemma_.lower() in PERSON_NOUNS and not any(t.like_num for t in c.children)) for c in verb.children) or \
        verb.dep_ == "relcl" and verb.head.i in ents.by_token and \
        ents.record(ents.by_token[verb.head.i]).type == "PERSON"


def _sentence_ahead(token: Token) -> bool:
    """A sentence someone faces or is due to receive, not one handed down."""
    chain = [token, *list(token.ancestors)[:6]]  # "faces a maximum sentence of 110 years in prison"
    if token.lemma_.lower() in ("prison", "sentence", "year", "term", "jail") and \
            any(a.lemma_.lower() == "face" for a in chain):
        return True
    return token.pos_ == "VERB" and any(a.lower_ == "due" and token.dep_ in ("xcomp", "advcl") and token.head.i == a.i
                                        for a in chain[1:])


def _standing_count(verb: Token) -> bool:
    """A present-tense verb whose object is counted: "lists dozens of coins", "licenses a handful of
    exchanges" tell what is, not what happened."""
    return verb.pos_ == "VERB" and verb.tag_ in ("VBZ", "VBP") and any(
        c.dep_ == "dobj" and any(t.lower_ in COUNT_WORDS or t.dep_ == "nummod" for t in c.subtree)
        for c in verb.children)


# what is about licensed firms in general: "the supervisor of virtual asset service providers"
RULE_NOUNS = {"rule", "supervisor", "regulator", "framework", "regime", "law", "bill", "guideline", "standard",
              "oversight", "supervision", "regulation", "requirement", "definition"}


def _licensing_in_general(token: Token) -> bool:
    """Licensing as a state or a rule, not a licence granted: a present-tense "licenses a handful of exchanges",
    a licence someone is required to obtain ("will require exchanges to obtain a licence"), and rules or powers
    "to license exchanges"."""
    if _standing_count(token):
        return True
    if token.lemma_.lower() == "provider" and token.dep_ == "pobj" and token.head.lower_ in ("of", "for") and \
            token.head.head.lemma_.lower() in RULE_NOUNS:
        return True  # "the main supervisor of virtual asset service providers", "licensing rules for ..."
    verb = token if token.pos_ == "VERB" else next((a for a in token.ancestors if a.pos_ == "VERB"), None)
    if verb is None:
        return False
    if any(a.lemma_.lower() in ("require", "need", "oblige", "force", "compel") for a in [verb, *verb.ancestors][:3]):
        return True
    by_token = verb.doc._.kg.by_token
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in verb.children) and any(
            c.dep_ == "nsubjpass" and c.tag_ == "NNS" and not any(t.i in by_token for t in c.subtree)
            for c in verb.children):
        return True  # "exchanges, brokers and custodians will be licensed by the central bank": a rule for kinds
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.dep_ in ("acl", "relcl") and \
        verb.head.lemma_.lower() in ("rule", "power", "law", "bill", "framework", "plan", "regime", "proposal")


def _market_liquidation(token: Token) -> bool:
    """Liquidations in the market sense: the plural ("liquidations of leveraged positions"), one that is
    forced or of margin, or positions, loans and collateral liquidated ("over liquidated bitcoin collateral")."""
    lemma = token.lemma_.lower()
    if lemma == "liquidation":
        return token.tag_ == "NNS" or any(c.lower_ in LIQUIDATED_BETS | {"forced", "margin"} for c in token.children)
    # ("$300 million of long bets were liquidated", "positions were forcibly liquidated")
    return lemma == "liquidate" and (any(c.dep_ in ("nsubjpass", "dobj") and any(
        t.lemma_.lower() in LIQUIDATED_BETS for t in c.subtree) for c in token.children) or
                                     any(c.dep_ == "advmod" and c.lower_ == "forcibly" for c in token.children) or
                                     token.dep_ == "amod" and token.head.lemma_.lower() in LIQUIDATED_BETS)


def _company_of_the_shares(ents: DocEntities, verb: Token) -> list[str]:
    """'The shares opened at $22.43, then gave back most of that gain', 'When the shares began trading, they
    closed down 3%': a bare "the shares" (or "they", where the sentence speaks of them) is the stock of the
    company the article has named most before the sentence; on a tie none is meant plainly enough."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    while subject is None and verb.dep_ in ("conj", "advcl", "xcomp", "dep") and verb.head.i != verb.i:
        verb = verb.head  # "opened flat and closed at $8.75", "gave back the gain to close": the first verb's
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return []
    if not (_bare_shares(subject) or subject.lower_ == "they" and
            any(_bare_shares(t) for t in subject.sent if t.i < subject.i)):
        return []
    # (named before the sentence: in it, "when the shares began trading on the Nasdaq" names the market)
    company = ents.leading_company(ents.in_span(0, subject.sent.start) or
                                   ents.in_span(subject.sent.start, subject.i))
    return [company] if company else []


def _bare_shares(token: Token) -> bool:
    """"the shares", "its stock": shares no name or phrase says whose."""
    return token.lemma_.lower() in ("share", "stock") and token.tag_ in ("NNS", "NN") and any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "its") for c in token.children) and not any(
        c.dep_ in ("prep", "compound") for c in token.children)


def _inquiry_into_the_story(ents: DocEntities, token: Token, sent, keys: list[str]) -> str | None:
    """'opened an inquiry into the incident', 'into the app's finances', 'The exchange has reported the attack to
    the police, whose cybercrime unit has opened an investigation': an authority's investigation that names no
    one else is into the company the article is about."""
    if any(ents.records[k].type != "REGULATOR" for k in keys):
        return None
    noun = token if token.pos_ == "NOUN" else next((c for c in token.children if c.dep_ == "dobj"), token)
    # (the parser hangs "into ..." on the noun or on the verb that opens it)
    into = [o for c in [*noun.children, *(noun.head.children if noun.dep_ == "dobj" else ())]
            if c.dep_ == "prep" and c.lower_ == "into" for o in c.children if o.dep_ == "pobj"]
    if into and not any(o.lemma_.lower() in STORY_NOUNS or any(t.lower_ in ("its", "their") for t in o.children)
                        for o in into):
        return None
    reporter = _reported_it_to_the_authority(ents, sent)
    if not into and reporter is not None:
        return reporter  # "Kestrel Pay reported the theft to the police, which confirmed it was investigating"
    if not into and not any(m.generic and ents.record(m).type in ("EXCHANGE", "ORGANIZATION")
                            for m in ents.in_span(sent.start, sent.end)):
        return None
    return ents.leading_company(ents.in_span(0, sent.end))


def _reported_it_to_the_authority(ents: DocEntities, sent) -> str | None:
    """The company that is the subject of "reported ... to" an authority in the sentence."""
    for verb in sent:
        if verb.lemma_.lower() == "report" and verb.pos_ == "VERB" and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(
                    (m := ents.by_token.get(o.i)) is not None and ents.record(m).type == "REGULATOR"
                    for o in c.children) for c in verb.children):
            companies = [ents.record(m).key for c in verb.children if c.dep_ == "nsubj"
                         for m in ents.in_span(c.left_edge.i, c.right_edge.i + 1)
                         if ents.record(m).type in ("EXCHANGE", "ORGANIZATION")]
            return companies[0] if companies else None
    return None


def _in_description(ents: DocEntities, token: Token, verb: Token) -> bool:
    """Inside an appositive or a relative clause that describes a name in the verb's subject (not the name an
    appositive gives a noun: "Mixin's native token, XIN, fell")."""
    node = token
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in ("appos", "relcl", "acl") and node.head.i != verb.i and \
                (node.head.i in ents.by_token and not ents.by_token[node.head.i].generic or
                 node.dep_ == "appos" and node.head.lemma_.lower() in ("share", "stock")):
            return True  # (or hung on the shares: "Shares of Kestrel Mining Inc., a miner run by ..., fell")
        node = node.head
    return False


def verb_of_a_verbless_parse(token: Token) -> bool:
    """'Kraken listed Dogecoin (DOGE) on Monday': a past tense the parser hung on the name after it, right
    after a name it made the root of a sentence with no verb, is that sentence's verb."""
    root = token.sent.root
    return token.dep_ == "amod" and token.tag_ in ("VBD", "VBN") and token.head.pos_ == "PROPN" and \
        root.pos_ == "PROPN" and token.i > 0 and token.doc[token.i - 1].i == root.i and token.head.head.i == root.i


def _names_the_verb_hangs_from(ents: DocEntities, verb: Token | None) -> list[Mention]:
    """'Kraken and Bitstamp, two big venues in Europe, halted withdrawals': the parser may hang a verb
    without a subject on the names before it, as one more item of their list; those names are its subject."""
    if verb is None or verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.head.pos_ != "PROPN" or \
            verb.head.i > verb.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    names = [verb.head, *(c for c in verb.head.conjuncts if c.i < verb.i and c.pos_ == "PROPN")]
    return [ents.by_token[t.i] for t in names if t.i in ents.by_token]


def _shares_of(doc, mention) -> bool:
    """'Shares of Coinbase', 'Coinbase shares', 'Circle's stock': the company's share price is meant."""
    window = doc[max(mention.start - 3, 0):min(mention.end + 3, len(doc))]
    return any(t.lower_ in ("shares", "stock", "share") for t in window)


def _listed_company_moved(doc, mention, verb: Token) -> bool:
    """'Guotai Junan International, the Hong Kong-based brokerage ..., fell 9% on Tuesday', 'OSL Group ... dropped
    7%': a company that is itself the subject of a price verb moving by a percentage, in an article about shares,
    is its stock."""
    root = doc[mention.end - 1]
    return verb.pos_ == "VERB" and root.dep_ == "nsubj" and root.head.i == verb.i and any(
        (c.text == "%" or c.lower_ == "percent") and not any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children)
        for c in verb.children if c.dep_ in ("dobj", "npadvmod")) and \
        any(t.lower_ in ("shares", "stock", "stocks") for t in doc)  # (not "dropped 7% of its staff")


def _about_shares(sent) -> bool:
    return any(t.lower_ in ("shares", "stock", "stocks", "share") for t in sent)


def _doc_dates(doc) -> list[Span]:
    """The document's DATE spans, read once per Doc: Span.ents rebuilds the whole list on every call."""
    if doc.user_data.get("kg_dates") is None:
        doc.user_data["kg_dates"] = [e for e in doc.ents if e.label_ == "DATE"]
    return doc.user_data["kg_dates"]


def _date_text(sent, clause: Token) -> str:
    dates = [e for e in _doc_dates(sent.doc) if sent.start <= e.start < sent.end and not _dates_another(e, clause)]
    if not dates:
        return ""
    subtree = set(range(clause.left_edge.i, clause.right_edge.i + 1))
    inside = [e for e in dates if e.start in subtree]
    # "Bitstamp, founded in Slovenia in 2011, added XRP in January": a date describing one of the clause's
    # nouns is that noun's, where the clause has a date of its own
    own = [e for e in inside if not _describes_a_noun(e.root, clause)]
    chosen = min(own or inside or dates, key=lambda e: abs(e.start - clause.i))
    return chosen.text


def _the_nouns_own_date(token: Token) -> str:
    """'a 2017 token sale', 'its June 2018 coin offering': an event noun dated by the words before it."""
    if token.pos_ != "NOUN":
        return ""
    before = [c for c in token.children if c.dep_ in ("compound", "nummod", "amod", "nmod") and c.i < token.i]
    return next((e.text for e in _doc_dates(token.doc) for c in before
                 if e.start <= c.i < e.end and any(t.like_num and len(t.text) == 4 for t in e)), "") or \
        next((c.text for c in before if re.fullmatch(r"(19|20)\d\d", c.text)), "")  # (a year NER took for a count)


def _describes_a_noun(token: Token, clause: Token) -> bool:
    """The token sits in a clause or appositive that describes a noun, below the event's clause."""
    node, steps = token, 0
    while node.i != clause.i and node.head.i != node.i and steps < 10:
        if node.dep_ in ("acl", "relcl", "appos"):
            return True
        node, steps = node.head, steps + 1
    return False


def _dates_another(date: Span, clause: Token) -> bool:
    """'offered the service since 2019', 'from 2015 to 2018', 'admits 2014 theft': a period's bound, or a
    year that dates another noun, is not when the event happened."""
    root = date.root
    if root.dep_ == "pobj" and root.head.lower_ in PERIOD_BOUNDS:
        return True
    return root.dep_ in ("compound", "nmod", "amod", "nummod") and root.head.pos_ == "NOUN" and \
        root.head.i != clause.i and not date.text[:1].isalpha() and not _occasion_of_the_clause(root.head, clause)


OCCASION_NOUNS = {"sale", "round", "offering", "auction", "raise", "ico"}


def _occasion_of_the_clause(noun: Token, clause: Token) -> bool:
    """'raised $6 million in a 2016 token sale', 'in its 2021 funding round': the year dates the sale or round
    the clause's verb took place in, and so the event."""
    return noun.lemma_.lower() in OCCASION_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during") \
        and noun.head.head.i == clause.i


PERIOD_BOUNDS = {"since", "from", "until", "till", "through", "between", "to"}
CAUSE_PREPOSITIONS = {"after", "following", "amid", "despite"}
EARLIER_PREPOSITIONS = {"after", "following", "since"}  # "after the raid on X": an event before the clause's
CLAUSE_PREPOSITIONS = {"after", "before", "until", "since", "as", "when", "while"}  # they can open a clause


def _in_cause_phrase(token: Token, trigger: Token, clause: Token) -> bool:
    """Is the token inside 'after X', 'following X', 'in the wake of X', 'due to X' of the clause, and
    not in the trigger's own phrase ('in the wake of FTX's bankruptcy filing' names FTX's)?"""
    phrase = trigger.head if trigger.dep_ == "compound" else trigger  # "bankruptcy filing": the noun it modifies
    node, steps = token, 0
    while node.i not in (clause.i, phrase.i) and node.head.i != node.i and steps < 8:
        if node.dep_ == "prep" and (node.lower_ in CAUSE_PREPOSITIONS or
                                    node.lower_ == "of" and node.head.lower_ == "wake" or
                                    node.lower_ == "to" and node.head.lower_ in ("due", "owing")):
            return True
        node, steps = node.head, steps + 1
    return False


def _amount_raised(clause: Token) -> str:
    """'$400 million' in 'FTX raised $400 million at a $32 billion valuation': rounds of other sizes are
    other rounds. The first sum of money in the clause that is not a valuation; '' when none is said."""
    words = list(clause.subtree)
    for i, t in enumerate(words):
        if t.ent_type_ != "MONEY" or t.ent_iob_ != "B":
            continue
        before = {w.lower_ for w in words[max(0, i - 3):i]}
        after = {w.lower_ for w in words[i + 1:i + 5]}
        if before & {"valuation", "valued", "values", "value"} or "valuation" in after:
            continue
        amount = [t.text]
        for w in words[i + 1:]:
            if w.ent_iob_ != "I":
                break
            amount.append(w.text)
        return "".join(amount).lower()
    return ""


def _cue(token: Token, table) -> str:
    """The first name of ``table`` whose cue words the trigger or its children say: a criminal case's
    step ('arrested', 'pleaded guilty') or a price move's direction ('hit a record', 'pulling back'),
    each its own event; '' when the trigger does not say ('traded at')."""
    words = {token.lemma_.lower(), token.lower_, *(c.lower_ for c in token.children)}
    return next((name for name, cues in table if words & cues), "")
