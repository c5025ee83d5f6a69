"""Trigger words for ``kg_events``: the lexicon in ``kg/data/triggers.yaml``, and the tokens
of a sentence that propose an event type.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import yaml
from spacy.tokens import Token

from .candidate_spans import FUND_WORDS
from .lexicon import DATA_DIR

# what a company winds down when it closes: "wound down its U.S. business", "wind down operations"
WOUND_DOWN = {"business", "operation", "operations", "company", "firm", "exchange", "bank", "platform", "itself"}
# what a venue does to open a trading pair, or to close one (a delisting is a listing event too)
PAIR_VERBS = {"add", "list", "launch", "open", "introduce", "offer", "begin", "start", "enable", "support", "debut",
              "roll", "unveil", "announce", "include", "expand", "get", "receive", "resume",
              "remove", "drop", "delist", "suspend", "halt", "end", "cease", "stop", "close", "terminate",
              "discontinue", "pull", "retire"}
ORDER_VERBS = {"order", "direct", "instruct", "force", "tell", "require"}
# leaving a post: the subject of these held it ("Its chief risk officer, X, left")
DEPARTING_VERBS = {"leave", "resign", "quit", "depart", "retire", "step"}
# agreed with a regulator to stop serving or leave a market (not to shut one product: "shut its staking program")
LEAVE_VERBS = {"stop", "cease", "exit", "leave", "quit"}
STOP_VERBS = {"stop", "cease", "halt", "suspend", "shut", "close", "exit", "wind", "quit", "leave"}
REPORT_ASKING_VERBS = {"ask", "request", "demand", "require", "seek"}
EXPLAIN_VERBS = {"explain", "submit", "justify", "provide", "disclose", "answer", "respond", "furnish", "report"}
ACCOUNTS = {"report", "explanation", "account", "clarification"}  # what a company asked to account for gives
REMOVE_VERBS = {"remove", "pull", "delist", "drop", "take"}
APP_WORDS = {"app", "apps", "application", "applications", "store"}
# with a named asset as the object: a delisting, not a price move ("drop SOL"), or a listing ("Binance added
# SHIB that month", "Coinbase adds SHIB trading")
SUPPORT_VERBS = {"drop", "add"}
DECLARING_VERBS = {"declare", "rule", "adjudge", "adjudicate", "pronounce", "find"}
CUSTOMER_ACTS = {"buy", "sell", "trade", "hold", "send", "pay", "spend", "stake", "swap", "convert"}
OFFER_STARTS = {"begin", "start", "stop", "cease", "resume"}  # a venue starting or stopping to offer a coin lists it
VENUE_WORDS = {"platform", "exchange", "marketplace", "venue", "app", "listing", "listings"}
SEND_VERBS = {"send", "push", "drive", "lift", "knock", "drag"}
# what thieves do with the loot afterwards, not the theft: "the thieves swapped the tokens on Uniswap"
LAUNDER_VERBS = {"swap", "launder", "convert", "exchange", "bridge", "mix", "deposit", "cash", "split", "send",
                 "funnel", "route", "tumble", "use", "move", "push", "transfer", "channel", "pass", "shift"}
# what attackers log or break into
BROKEN_INTO = {"account", "system", "server", "network", "wallet", "database"}
# what a loss is lost to or from when it is a theft
LOSS_TO_THEFT = {"hacker", "hackers", "attacker", "attackers", "thief", "thieves", "hack", "exploit", "theft", "heist",
                 "attack", "wallet", "wallets"}
HACKER_NOUNS = {"hacker", "hackers", "attacker", "attackers", "thief", "thieves", "exploiter", "cybercriminals"}
# who else breaks into an account ("criminals broke into the email account of its finance director"); only breaking
# in makes them intruders, not any verb they are the subject of
INTRUDERS = {"criminals", "fraudsters", "scammers", "intruders", "intruder", "impostors", "imposters"}
# irregular pasts the small model misreads as adjectives, keeping them as their own lemma: "Thodex froze
# customer accounts" (froze/ADJ); past forms that are never adjectives or nouns count wherever they stand,
# participles ("frozen", "stolen") only with an object of their own
IRREGULAR_PASTS = {"froze": "freeze", "stole": "steal", "bought": "buy", "sought": "seek", "sank": "sink",
                   "slid": "slide"}
IRREGULAR_PARTICIPLES = {"frozen": "freeze", "stolen": "steal"}
# what a firm signs someone up as to carry its name
ENDORSER_ROLES = {"ambassador", "partner", "sponsor", "face", "spokesperson", "spokesman", "spokeswoman", "endorser"}
# a deal with a company is a partnership unless it buys something ("a deal to buy Bitstamp", "a merger deal")
DEAL_NOUNS = {"deal", "agreement", "pact", "contract"}
REMEDY_WORDS = {"recover", "recovery", "trace", "track", "freeze", "return", "solution", "fix", "resolve", "restore",
                "compensate", "investigate", "investigation", "identify", "retrieve", "seize", "reimburse", "refund"}
NOT_PARTNERSHIP_DEALS = {"acquisition", "merger", "buyout", "takeover", "purchase", "plea", "settlement", "sale",
                         "loan", "financing", "funding", "licensing", "non-prosecution", "prosecution", "cash-and-stock",
                         "all-stock", "stock", "stake", "acquire", "buy", "invest", "investment", "support", "settle",
                         "pay", "sell", "merge", "lend"}
# what one breaches that is no system ("breached the undertaking", "breach of trust"), and what a drain that
# is no theft uses up ("drained its resources")
BROKEN_DUTIES = {"undertaking", "rule", "requirement", "obligation", "agreement", "law", "term", "contract", "duty",
                 "order", "licence", "license", "regulation", "code", "covenant", "trust", "condition", "sanction",
                 "commitment", "promise", "standard", "principle", "guideline", "act", "statute", "injunction",
                 "restriction", "limit"}
SPENT_MEANS = {"resource", "energy", "patience", "morale", "finance", "budget", "attention", "enthusiasm"}
GIVEAWAY_VERBS = {"hand", "distribute", "airdrop"}  # how a new token reaches its first holders for free
TOKEN_RECEIVERS = {"user", "wallet", "holder", "player", "staker", "address", "customer", "trader", "member",
                   "participant", "community", "account", "developer", "contributor", "supporter", "collector",
                   "everyone", "anyone", "lender", "borrower"}
FUND_NOUNS = {"fund", "etf", "etp", "etn"}
LISTED_SECURITIES = {"fund", "etf", "share", "stock", "product", "note", "trust", "bond"}  # what stock markets list
# what is built with a partner ("set" only as "set up"), and how one is chosen to build it
BUILDING_VERBS = {"build", "develop", "design", "create", "set", "pilot", "test", "co-develop"}
CHOOSING_VERBS = {"choose", "select", "pick", "hire", "appoint", "tap", "commission", "sign", "enlist", "engage"}
CHOSEN_TO_DO = BUILDING_VERBS | {"run", "operate", "provide", "supply", "handle", "process"}
# whom a scheme stops paying when it halts: "stopped paying its 40,000 members"
PAID_PEOPLE = {"investor", "member", "customer", "user", "depositor", "client", "holder", "saver", "lender",
               "participant"}
CIRCULATING_VERBS = {"put", "bring", "release", "introduce"}  # what is put into circulation is launched
# whom a product is opened to when opening it is its launch: "opened Base to the public"
AUDIENCES = {"public", "everyone", "users", "customers", "developers", "traders", "investors", "retail", "all"}


@dataclass(frozen=True)
class TriggerSpec:
    type: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    participants: frozenset[str]
    needs: frozenset[str]
    context: frozenset[str]
    # context may stand anywhere in the trigger's prepositional phrases ("raised $900 million at an
    # $18 billion valuation"), not only beside it
    context_in_phrases: bool = False


@dataclass(frozen=True)
class Triggers:
    specs: dict[str, TriggerSpec]
    by_verb: dict[str, tuple[str, ...]]
    by_noun: dict[str, tuple[str, ...]]
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> [(words, type)]
    governors: frozenset[str]
    modals: frozenset[str]
    cancelled: tuple[tuple[str, ...], ...]


@functools.lru_cache(maxsize=1)
def load_triggers() -> Triggers:
    data = yaml.safe_load((DATA_DIR / "triggers.yaml").read_text(encoding="utf-8"))
    meta = data.pop("not_happened")
    specs, by_verb, by_noun, phrases = {}, {}, {}, {}
    for type_, spec in data.items():
        words = lambda key: frozenset(w.lower() for w in spec.get(key, []) if " " not in w)  # noqa: E731
        multi = [tuple(p.lower().split()) for p in spec.get("phrases", []) + spec.get("nouns", []) if " " in p]
        # the tokenizer splits "sell-off" and "tie-up" at the hyphen: match those as the words they become
        multi += [_hyphen_split(p) for p in spec.get("phrases", []) + spec.get("nouns", [])
                  if re.search(r"\w-\w", p)]
        specs[type_] = TriggerSpec(type_, words("verbs"), words("nouns"), tuple(multi),
                                   frozenset(spec.get("participants", [])), frozenset(spec.get("needs", [])),
                                   frozenset(w.lower() for w in spec.get("context", [])),
                                   bool(spec.get("context_in_phrases", False)))
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


APPROVAL_VERBS = {"approve", "authorize", "authorise", "clear"}
APPROVED_PRODUCTS = {"fund", "etf", "etfs", "product", "funds", "products"}


def _hyphen_split(phrase: str) -> tuple[str, ...]:
    """'all-time high' -> ('all', '-', 'time', 'high'), the tokens spaCy makes of it."""
    return tuple(w for word in phrase.lower().split() for w in re.split(r"(?<=\w)(-)(?=\w)", word) if w)


# verbs of self-description: "promoted itself as a partner of X"
SELF_STYLING_VERBS = {"promote", "present", "describe", "bill", "market", "advertise", "pose", "style", "tout", "brand"}
# what a price does over a session, with the move told beside it: "traded around $39,000, down 40%"
CLOSING_VERBS = {"be", "trade", "close", "end", "finish", "open", "settle"}


# what an authority attributes to a culprit: "attributed the attack to Lazarus"
THEFT_NOUNS = {"attack", "hack", "theft", "heist", "breach", "exploit", "intrusion", "cyberattack"}
# what a theft takes, and where it takes it from
LOOT_NOUNS = {"coin", "token", "bitcoin", "ether", "fund", "asset", "crypto", "cryptocurrency", "stablecoin"}
LOOTED_PLACES = {"wallet", "treasury", "account", "exchange", "bridge", "platform", "protocol", "pool", "vault"}
# verbs that make a token: "issued a stablecoin", "created Dogecoin", "minted a new coin"
MAKING_VERBS = {"issue", "create", "mint"}
TOKEN_NOUNS = {"token", "stablecoin", "coin", "memecoin", "cryptocurrency", "altcoin"}


def find_triggers(triggers: Triggers, sent) -> list[tuple[Token, str]]:
    found: dict[tuple[int, str], Token] = {}
    tokens = list(sent)  # each attribute read once per token: every read is a lookup in spaCy's strings
    lemmas = [t.lemma_.lower() for t in tokens]
    lowers = [t.lower_ for t in tokens]
    poses = [t.pos_ for t in tokens]
    tags = [t.tag_ for t in tokens]
    for k, tok in enumerate(tokens):
        if lemmas[k] == lowers[k] and poses[k] in ("ADJ", "NOUN") and (lowers[k] in IRREGULAR_PASTS or (
                lowers[k] in IRREGULAR_PARTICIPLES and any(c.dep_ == "dobj" for c in tok.children))):
            lemmas[k] = IRREGULAR_PASTS.get(lowers[k]) or IRREGULAR_PARTICIPLES[lowers[k]]
            poses[k], tags[k] = "VERB", "VBD"
    hackers = not HACKER_NOUNS.isdisjoint(lowers)
    taken = sent.doc._.kg.by_token
    held_by_authority: set[int] = set()  # freezes of assets that tell an inquiry, no halt
    for k, tok in enumerate(tokens):
        lemma, pos, tag = lemmas[k], poses[k], tags[k]
        if tok.i in taken and not taken[tok.i].generic:
            continue  # "Bankruptcy" in "U.S. Bankruptcy Court" names a court, not an event
        if lemma in ("get", "receive", "serve") and any(
                c.dep_ == "dobj" and c.lower_ in ("years", "months", "year") for c in tok.children):
            found.setdefault((tok.i, "CRIMINAL_CASE"), tok)  # "Mashinsky gets 12 years"
        if hackers and pos == "VERB" and lemma not in LAUNDER_VERBS and any(
                c.dep_ == "nsubj" and c.lower_ in HACKER_NOUNS for c in tok.children):
            found.setdefault((tok.i, "HACK"), tok)  # "attackers took $87 million from the bridge"
        if (hackers or not INTRUDERS.isdisjoint(lowers)) and lemma in ("log", "break") and pos == "VERB" and any(
                c.dep_ == "prep" and c.lower_ == "into" and any(o.lemma_.lower() in BROKEN_INTO for o in c.children)
                for c in tok.children):
            found.setdefault((tok.i, "HACK"), tok)  # "attackers had used stolen passwords to log into 740 accounts"
        if lemma == "lose" and pos == "VERB" and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(o.dep_ == "pobj" and o.lower_ in HACKER_NOUNS
                                                              for o in c.children) for c in tok.children):
            found.setdefault((tok.i, "HACK"), tok)  # "lost customer deposits to a hacker", whatever the sum
        if lemma == "lose" and pos == "VERB" and _money_lost(tok) and (
                hackers or any(t.lower_ in LOSS_TO_THEFT for t in tok.subtree) or
                any(c.pos_ == "VERB" and "HACK" in triggers.by_verb.get(c.lemma_.lower(), ()) for c in tok.conjuncts)):
            # "lost $230 million from a wallet", "lost ... to hackers", "lost $160 million after a flaw let an
            # attacker empty its wallet" (however the parser hangs the attacker); "the Ronin bridge lost $620
            # million in March, and Nomad was drained of $190 million in August": a loss told beside a theft
            found.setdefault((tok.i, "HACK"), tok)
        if lemma == "pay" and pos == "VERB" and any(c.dep_ in ("dative", "dobj") and c.lower_ in HACKER_NOUNS
                                                    for c in tok.children):
            found.setdefault((tok.i, "HACK"), tok)  # "the clinic paid hackers to unlock its records": a ransom
        if lemma == "pay" and pos == "VERB" and _paid_for_a_company(taken, tok):
            found.setdefault((tok.i, "ACQUISITION"), tok)  # "agreed to pay $1.5 billion for NinjaTrader"
        # "ordered Coincheck to improve its operations and report back": every verb the order names
        # (not a company ordered "to be wound up", which a court puts into liquidation)
        ordered = [v.lemma_.lower() for c in tok.children if c.dep_ in ("xcomp", "advcl") and
                   any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                   for v in (c, *(d for d in c.children if d.dep_ == "conj" and d.pos_ == "VERB"))
                   if not (v.lemma_.lower() == "wind" and any(a.dep_ == "auxpass" for a in v.children))] \
            if lemma in ORDER_VERBS else []
        if any(w in STOP_VERBS for w in ordered):
            found.setdefault((tok.i, "BAN"), tok)  # "ordered the exchange to stop offering services"
        if any(w in EXPLAIN_VERBS for w in ordered) or _records_demanded(tok) and (
                lemma in ("authorize", "authorise") or lemma in ORDER_VERBS and not _a_court_orders(tok)):
            # "ordered Zipmex to explain why ...", "told the exchange to hand over client names",
            # "let the tax agency seek records from the exchange"
            found.setdefault((tok.i, "INVESTIGATION"), tok)
        if lemma in REPORT_ASKING_VERBS and pos == "VERB" and _asks_for_a_report(tok):
            # "asked Kowhai for a full report on the incident", "requested a report from the exchange"
            found.setdefault((tok.i, "INVESTIGATION"), tok)
        if lemma in SUPPORT_VERBS and pos == "VERB" and _asset_object(taken, tok) and not (
                lemma == "add" and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)):
            # (not what is added to a balance sheet or a treasury: "began adding bitcoin to its balance sheet")
            found.setdefault((tok.i, "LISTING"), tok)  # "Robinhood to drop SOL, ADA and MATIC"
        declared = next((c for c in tok.children if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and
                         c.lower_ in ("bankrupt", "insolvent") or
                         # "declared Fjellkoin AS, a small broker, bankrupt": the word hung on the name
                         # (or anywhere in its description: "declared Ikeja Coin Ltd, an exchange founded in 2019,
                         # insolvent")
                         c.dep_ in ("ccomp", "dobj") and any(
                             a.dep_ == "amod" and a.i > c.i and a.lower_ in ("bankrupt", "insolvent")
                             for a in c.subtree)),
                        None) if lemma in DECLARING_VERBS else None
        if declared is not None and pos == "VERB":
            # "a court declared Quadriga bankrupt in April" (where the parser makes the company the subject of
            # "bankrupt", that word is the trigger, whose clause names it)
            # (and where it hangs the word on the company's name, read as a clause, the name is)
            trigger = declared if declared.dep_ == "ccomp" else tok
            found.setdefault((trigger.i, "BANKRUPTCY"), trigger)
        if lemma == "offer" and pos == "VERB" and tok.dep_ == "xcomp" and tok.head.lemma_ in OFFER_STARTS and \
                _asset_object(taken, tok):
            # "SBI VC Trade began offering Circle's USDC stablecoin to customers": a venue lists the coin; a bank
            # beginning to offer coins to its clients launches a service ("Itaú began offering bitcoin and ether")
            found.setdefault((tok.i, "LAUNCH" if _offered_by_a_non_venue(taken, tok) else "LISTING"), tok)
        elif _began_a_service(taken, tok, lemma):
            found.setdefault((tok.i, "LAUNCH"), tok)  # "began offering crypto trading to retail customers"
        if lemma == "open" and pos == "VERB" and _opens_a_named_venue(taken, tok):
            found.setdefault((tok.i, "LAUNCH"), tok)  # "Binance has opened Binance Jersey, a fiat exchange"
        if lemma == "operate" and pos == "VERB" and tok.dep_ == "xcomp" and tok.head.lemma_ in ("begin", "start") \
                and not any(c.dep_ == "dobj" for c in tok.children):
            found.setdefault((tok.i, "LAUNCH"), tok)  # "DBS Digital Exchange began operating on Thursday"
        if lemma in ("attribute", "link", "tie") and pos == "VERB" and _authority_attributes_a_theft(taken, tok):
            # "The FBI attributed the attack to North Korea's Lazarus Group": who did it, found by looking into it
            found.setdefault((tok.i, "INVESTIGATION"), tok)
        if lemma in DECLARING_VERBS and pos == "VERB" and any(
                c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and c.lower_ in ("illegal", "unlawful")
                for c in tok.children):
            found.setdefault((tok.i, "BAN"), tok)  # "the People's Bank of China declared all crypto trading illegal"
        if lemma == "cut" and pos == "VERB" and any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.children) and \
                any(c.dep_ == "prep" and c.lower_ == "from" and any(t.lower_ in ("banking", "bank", "banks")
                                                                    for t in c.subtree) for c in tok.children):
            found.setdefault((tok.i, "BAN"), tok)  # "a directive that cut crypto exchanges off from the banking system"
        if lemma in ("stop", "block", "prevent") and pos == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in ("customer", "client", "cardholder") for c in tok.children) \
                and any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children):
            # "Kelp Bank stopped customers from paying crypto exchanges" (a bank's ban; the events step keeps it
            # only for a bank)
            found.setdefault((tok.i, "BAN"), tok)
        if lemma == "cut" and pos == "VERB" and cuts_off_a_company(tok):
            found.setdefault((tok.i, "BAN"), tok)  # "Mastercard cut off Orla Cards" (a bank's or card network's)
        if lemma in ("restore", "reinstate", "resume", "reopen") and pos == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_.lower() == "trading" and any(
                    t.i in taken and sent.doc._.kg.record(taken[t.i]).type == "ASSET" for t in c.subtree)
                for c in tok.children):
            found.setdefault((tok.i, "LISTING"), tok)  # "Coinbase restored XRP trading within hours"
        if pos == "VERB" and (lemma in BUILDING_VERBS and _built_with_company(tok) or
                              lemma in CHOOSING_VERBS and _chosen_to_build(tok)):
            # "a platform it is building with Microsoft and Starbucks", "set up Komainu together with Ledger",
            # "the Bank of Ghana has chosen Giesecke+Devrient to build a pilot"
            found.setdefault((tok.i, "PARTNERSHIP"), tok)
        if pos == "VERB" and _chosen_as_partner(taken, tok):
            # "Ipê has named Banco Cerrado as its custody partner", "relies on Genesis as the lending partner"
            found.setdefault((tok.i, "PARTNERSHIP"), tok)
        if lemma in ("appoint", "name") and pos == "VERB" and insolvency_officer(tok) is not None:
            # "appointed Ndovu Advisory as provisional liquidator", "were appointed joint administrators": an
            # officer of an insolvency put in charge of a failed company
            found.setdefault((tok.i, "BANKRUPTCY"), tok)
        if lemma == "take" and pos == "VERB" and accounts_taken_over(tok):
            found.setdefault((tok.i, "HACK"), tok)  # "intruders had taken over hundreds of client accounts"
        if lemma == "take" and pos == "VERB" and _funds_taken_from(taken, tok):
            found.setdefault((tok.i, "HACK"), tok)  # "$31 million of USDT had been taken from its treasury wallet"
        if lemma == "blame" and pos == "VERB" and any(
                c.dep_ == "dobj" and c.lower_ in HACKER_NOUNS or
                c.dep_ == "prep" and c.lower_ == "on" and any(o.lower_ in HACKER_NOUNS for o in c.children)
                for c in (*tok.children, *(t for d in tok.children if d.dep_ == "dobj" for t in d.children))):
            found.setdefault((tok.i, "HACK"), tok)  # "Mt. Gox blamed hackers", "blamed the loss on attackers"
        if (lemma in MAKING_VERBS or lemma == "release" and _owners_token_described(taken, tok)) and pos == "VERB" and \
                not hackers and _a_token_made(taken, tok):
            # "CoinFLEX issued a new token", "JDR, which Jadran Kripto issued in 2022" (not an attacker's minting)
            found.setdefault((tok.i, "LAUNCH"), tok)
        if lemma == "bar" and pos == "NOUN" and any(
                c.dep_ == "prep" and c.lower_ == "from" and c.i > tok.i
                for c in (*tok.children, *(tok.head.children if tok.dep_ == "dobj" else ()),
                          *(tok.head.head.children if tok.dep_ == "pobj" else ()))):
            # "both took ten-year bars from acting as directors" (however the parser hangs the "from")
            found.setdefault((tok.i, "BAN"), tok)
        if lemma in GIVEAWAY_VERBS and pos == "VERB" and _a_named_token_given_out(taken, tok):
            # "the network handed out its new ZAP token to early users", "airdropped 50 million GLX to wallets":
            # a token's first holders get it for free, its launch
            found.setdefault((tok.i, "LAUNCH"), tok)
        if lemma in ("suspend", "halt", "pause", "freeze") and pos == "VERB" and _venue_halts_a_coin(taken, tok):
            # "the exchange suspended trading in three memecoins, X, Y and Z", "halted trading in the token": a
            # venue taking coins off its market delists them (the venue's own halt names none)
            found.setdefault((tok.i, "LISTING"), tok)
        if lemma == "fail" and pos == "VERB" and _a_company_failed(taken, tok):
            found.setdefault((tok.i, "BANKRUPTCY"), tok)  # "the bank failed on Friday", "a broker that failed in 2019"
        if lemma == "moratorium" and pos == "NOUN" and any(
                c.dep_ == "prep" and c.lower_ == "on"
                for c in (*tok.children, *(tok.head.children if tok.dep_ == "dobj" else ()))):
            # "imposed an 18-month moratorium on new crypto mining operations" (however the parser hangs the "on";
            # not the one a court grants a debtor "to shield it from creditors")
            found.setdefault((tok.i, "BAN"), tok)
        if lemma == "charge" and pos == "VERB" and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) \
                and _charges_someone_named(sent.doc, tok):
            # "prosecutors charged Ross Ulbricht with ...": the phrase "charge with" split by the one charged
            # (the events step tells a criminal case from a regulator's civil one)
            found.setdefault((tok.i, "LAWSUIT"), tok)
        if lemma == "charge" and pos == "VERB" and any(
                c.dep_ == "agent" and any(t.lemma_.lower() in ("prosecutor", "police") for t in c.subtree)
                for c in tok.children):
            found.setdefault((tok.i, "CRIMINAL_CASE"), tok)  # "they were charged by prosecutors in Brooklyn"
        if lemma in ("open", "launch", "add", "introduce") and pos == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_.lower() == "book" and
                any(d.lower_ == "order" for d in c.children if d.dep_ in ("compound", "amod")) for c in tok.children):
            found.setdefault((tok.i, "LISTING"), tok)  # "opened ZARM/USDT and ZARM/BTC order books": new markets
        if lemma in ("open", "launch", "add", "introduce") and pos in ("VERB", "NOUN") and any(
                c.dep_ in ("dobj", "pobj") and c.lemma_.lower() in ("market", "pair") and _for_named_assets(taken, c)
                for c in [*tok.children, *(o for p in tok.children if p.dep_ == "prep" for o in p.children)]):
            found.setdefault((tok.i, "LISTING"), tok)  # "opened rupiah markets for XRP and Stellar"
        if lemma in ("open", "launch", "begin", "start", "enable") and pos == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_.lower() == "trading" and any(
                    d.dep_ in ("compound", "nmod", "amod") and d.i in taken and not taken[d.i].generic and
                    sent.doc._.kg.record(taken[d.i]).type == "ASSET" for d in c.children)
                for c in tok.children) and any(
                c.dep_ == "nsubj" and any(t.i in taken and sent.doc._.kg.record(taken[t.i]).type == "EXCHANGE"
                                          for t in c.subtree) for c in tok.children):
            # "Upbit and Korbit began SUI trading on Tuesday": venues list it (a bank opening bitcoin
            # trading to its clients launches a service)
            found.setdefault((tok.i, "LISTING"), tok)
        if lemma == "flag" and pos == "VERB" and _authority_flags_a_firm(sent.doc, tok) or \
                lemma == "tell" and pos == "VERB" and _tells_the_public_not_to(tok):
            # "SEC Nigeria flags crypto 'arbitrage club'", "telling the public not to send it money"
            found.setdefault((tok.i, "WARNING"), tok)
        if lemma == "leave" and pos == "VERB" and _left_a_post(sent.doc, tok):
            # "Its former chief compliance officer, Dana Whitlock, left in February": a titled person leaving
            found.setdefault((tok.i, "LEADERSHIP_CHANGE"), tok)
        if lemma == "seize" and pos == "VERB" and _seizes_a_site(tok) or \
                lemma == "add" and pos == "VERB" and _added_to_a_blacklist(tok) or \
                lemma in ("designate", "re-designate", "redesignate") and pos == "VERB" and _designated_by_authority(
                    sent.doc, tok):
            # "seized Garantex's web domains", "added BitRiver to its sanctions list", "OFAC designated Suex"
            found.setdefault((tok.i, "BAN"), tok)
        if lemma == "remove" and pos == "VERB" and _removed_from_venue(taken, sent.doc, tok):
            found.setdefault((tok.i, "LISTING"), tok)  # "would remove Monero and Zcash from its platform"
        if (lemma, lowers[k - 4] if k >= 4 else "") in (("desist", "cease"), ("refrain", "desist")):
            # "cease-and-desist letters from two state regulators", "a desist-and-refrain order": the
            # tokenizer splits the hyphens
            cease = sent.doc[tok.i - 4]
            anchor = cease.head if cease.dep_ in ("nmod", "compound", "amod") and \
                cease.head.pos_ in ("NOUN", "PROPN") else tok
            found.setdefault((anchor.i, "BAN"), anchor)
        if lemma in LEAVE_VERBS and pos == "VERB" and agreed_to(tok) is not None and any(
                sent.doc._.kg.record(m).type == "REGULATOR" for m in sent.doc._.kg.in_span(sent.start, sent.end)):
            found.setdefault((tok.i, "BAN"), tok)  # "agreed to pay a fine and to stop serving New Yorkers"
        if lemma in SEND_VERBS and any(c.lower_ in ("higher", "lower") or c.lower_ in ("up", "down") and
                                       _by_a_percentage(c) for c in tok.subtree):
            found.setdefault((tok.i, "PRICE_MOVE"), tok)  # "sending bitcoin briefly higher", "knocked it down 10%"
        if lemma in ("add", "shed") and pos == "VERB" and any(
                c.dep_ in ("dobj", "npadvmod") and (c.text == "%" or c.lower_ == "percent") and
                not any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children) for c in tok.children):
            found.setdefault((tok.i, "PRICE_MOVE"), tok)  # "Ether (ETH) added 2% to about $4,010", "SOL shed 5%"
        if lowers[k] in ("higher", "lower") and tok.dep_ == "acomp" and _by_a_percentage(tok):
            found.setdefault((tok.i, "PRICE_MOVE"), tok)  # "XRP was about 1% lower at $0.52"
        if lowers[k] in ("up", "down") and tok.dep_ == "advmod" and tok.head.lemma_ in CLOSING_VERBS and \
                _by_a_percentage(tok):
            # "dogecoin is up more than 10,000% this year", "traded around $39,000, down roughly 40%", "closed at
            # $8.75, down almost 3%"
            found.setdefault((tok.i, "PRICE_MOVE"), tok)
        if (lemma in DEAL_NOUNS and pos == "NOUN" or lemma == "work" and pos == "VERB") and \
                _with_company(sent.doc, tok):
            found.setdefault((tok.i, "PARTNERSHIP"), tok)  # "a tokenization deal with DAMAC", "worked with PayPal"
        if lemma in TECHNOLOGY_NOUNS and pos == "NOUN" and _anothers_technology_used(sent.doc, tok):
            # "started offering bitcoin using technology supplied by Bitpanda", "built on Bitpanda's infrastructure"
            found.setdefault((tok.i, "PARTNERSHIP"), tok)
        if lemma == "freeze" and pos == "VERB" and _an_authority_freezes_holdings(taken, tok):
            # "the markets authority froze Kelp Markets' accounts": a step of an inquiry, no halt of
            # the company's own
            found.setdefault((tok.i, "INVESTIGATION"), tok)
            held_by_authority.add(tok.i)
        if lemma == "use" and pos == "VERB" and _uses_a_company_to_serve(taken, tok):
            found.setdefault((tok.i, "PARTNERSHIP"), tok)  # "uses Kelp Pay to settle card payments"
        if lemma == "accept" and pos == "VERB" and _accepts_payment_through(taken, tok):
            found.setdefault((tok.i, "PARTNERSHIP"), tok)  # "a shop that takes ether through Coinbase Commerce"
        if lemma == "sponsor" and pos == "VERB" and any(c.dep_ == "dobj" and _named_company(sent.doc, c)
                                                        for c in tok.children):
            found.setdefault((tok.i, "PARTNERSHIP"), tok)  # "Orbital Pay has sponsored the Denver Nuggets since 2021"
        if lemma == "sign" and pos == "VERB" and signed_as_endorser(sent.doc, tok) is not None:
            found.setdefault((tok.i, "PARTNERSHIP"), tok)  # "signed the sprinter as its ambassador"
        if lemma == "sponsor" and pos == "NOUN" and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and _named_company(sent.doc, o)
                                                              for o in c.children) for c in tok.children):
            found.setdefault((tok.i, "PARTNERSHIP"), tok)  # "became the official crypto sponsor of Formula One"
        if lemma == "partner" and pos == "NOUN" and not _styled_as(tok) and any(
                (c.dep_ == "poss" and c.i in taken or c.dep_ == "prep" and c.lower_ in ("of", "to") and any(
                    o.dep_ == "pobj" and o.i in taken for o in c.children)) and
                _named_company(sent.doc, c if c.dep_ == "poss" else next(o for o in c.children if o.dep_ == "pobj"))
                for c in tok.children):
            # "K Bank, which has been Upbit's banking partner", "it has been a partner of Ripple"
            found.setdefault((tok.i, "PARTNERSHIP"), tok)
        if lowers[k] == "available" and any(
                c.dep_ == "prep" and c.lower_ in ("on", "through", "via") and any(
                    o.dep_ == "pobj" and _named_venue(sent.doc, o) for o in c.children)
                for c in [*tok.children, *(tok.head.children if tok.dep_ == "acomp" else ())]):
            found.setdefault((tok.i, "LISTING"), tok)  # "RLUSD is available from today on Uphold, MoonPay and Bitso"
        if lemma == "trade" and pos == "VERB" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in OFFER_STARTS \
                and _on_named_venue(sent.doc, tok) and not any(
                    c.dep_ == "nsubj" and c.lemma_.lower() in LISTED_SECURITIES for c in tok.head.children):
            # "DRG began trading on Mekong Exchange on Wednesday" (not "the exchange-traded fund began trading on
            # the Australian Securities Exchange": a stock market listing)
            found.setdefault((tok.i, "LISTING"), tok)
        if lemma == "trade" and pos == "VERB" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in OFFER_STARTS and \
                _venue_trades_coins(taken, tok):
            # "Nakasu Crypto began trading Astar (ASTR) and Polkadot (DOT)", "said it would stop trading in three
            # tokens — Byeol (BYL), ..."
            found.setdefault((tok.i, "LISTING"), tok)
        if lowers[k] == "trading" and tok.dep_ == "compound" and tok.head.dep_ == "dobj" and \
                tok.head.head.lemma_.lower() in OFFER_STARTS and _venue_trades_coins(taken, tok.head.head, tok.head):
            # "Kelpie began trading dogecoin and XRP": the parser reads "trading dogecoin" as one noun
            found.setdefault((tok.head.head.i, "LISTING"), tok.head.head)
        if lemma in ("open", "begin", "start", "resume") and pos == "VERB" and _trading_in_coins_opens(taken, tok):
            found.setdefault((tok.i, "LISTING"), tok)  # "Trading in the token opened on Kraken and Bitstamp"
        if lemma == "trade" and pos == "VERB" and tok.dep_ == "xcomp" and \
                tok.head.lemma_.lower() in ("begin", "start") and _a_named_fund_starts(taken, tok.head):
            # "the Harbourline Bitcoin ETF began trading in Toronto on Tuesday": a new fund's first day is its
            # launch (a stock market lists no coin)
            found.setdefault((tok.i, "LAUNCH"), tok)
        if lemma in ("trade", "offer", "list") and pos == "VERB" and tok.dep_ == "xcomp" and \
                tok.head.lemma_.lower() in ("begin", "start") and _derivatives_start(taken, tok):
            found.setdefault((tok.i, "LAUNCH"), tok)  # "the exchange began offering solana options on Monday"
        if lemma in ("issue", "publish", "mint") and pos == "VERB" and tok.dep_ == "xcomp" and \
                tok.head.lemma_.lower() in ("begin", "start") and any(
                    c.dep_ == "dobj" and c.i in taken and not taken[c.i].generic and
                    sent.doc._.kg.record(taken[c.i]).type in ("ASSET", "ORGANIZATION") for c in tok.children):
            found.setdefault((tok.i, "LAUNCH"), tok)  # "began issuing KELPY", "started publishing the Kelp 10 Index"
        if lowers[k] == "trading" and tok.dep_ == "compound" and tok.head.dep_ == "dobj" and \
                tok.head.head.lemma_.lower() in ("begin", "start") and _derivatives_start(taken, tok.head.head):
            found.setdefault((tok.head.head.i, "LAUNCH"), tok.head.head)  # "began trading futures": one noun parsed
        if lemma in ("launch", "debut", "go", "land", "arrive") and pos == "VERB" and _on_named_venue(sent.doc, tok):
            found.setdefault((tok.i, "LISTING"), tok)  # "RLUSD launches on Uphold", "Ethereum Classic lands on Kraken"
        if joined_a_round(tok):
            found.setdefault((tok.i, "FUNDING"), tok)  # "Existing investors A and B also took part"
        if lemma == "work" and pos == "VERB" and any(c.lower_ == "together" for c in tok.children) and \
                _companies_together(sent.doc, tok):
            found.setdefault((tok.i, "PARTNERSHIP"), tok)  # "Circle and Bitmain have agreed to work together"
        if lemma in ("stop", "cease") and pos == "VERB" and _stops_withdrawals(tok):
            found.setdefault((tok.i, "WITHDRAWAL_HALT"), tok)  # "stopped processing customer withdrawals"
        if pos == "VERB" and cannot_move_money(tok):
            # "customers could no longer withdraw bitcoins", "users have been unable to make payments"
            found.setdefault((tok.i, "WITHDRAWAL_HALT"), tok)
        if lemma in ("tell", "advise") and pos == "VERB" and any(
                c.dep_ in ("dobj", "dative") and c.lemma_.lower() in PUBLIC_NOUNS for c in tok.children) and any(
                c.dep_ == "nsubj" and c.i in taken and sent.doc._.kg.record(taken[c.i]).type == "REGULATOR"
                for c in tok.children):
            # "the central bank has repeatedly told the public that crypto is not legal tender" (a company that
            # tells investors all is well reassures them)
            found.setdefault((tok.i, "WARNING"), tok)
        if lemma == "become" and pos in ("VERB", "AUX") and any(
                c.dep_ == "attr" and _company_title(c, top=True) for c in tok.children):
            found.setdefault((tok.i, "LEADERSHIP_CHANGE"), tok)  # "Bobby Lee, who became chief executive this year"
        if lemma == "remove" and pos == "VERB" and any(
                c.dep_ == "prep" and c.lower_ == "as" and any(_company_title(o) for o in c.children)
                for c in _with_the_objects_children(tok)):
            found.setdefault((tok.i, "LEADERSHIP_CHANGE"), tok)  # "removed Micree Zhan as legal representative"
        if lemma == "hand" and pos == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in HANDED_ROLES
                                                      for c in tok.children):
            found.setdefault((tok.i, "LEADERSHIP_CHANGE"), tok)  # "Ripple hands CEO job to Brad Garlinghouse"
        if lemma in EXAMINE_VERBS and pos == "VERB" and _regulator_examines(taken, sent.doc, tok):
            found.setdefault((tok.i, "INVESTIGATION"), tok)  # "the Capital Markets Authority is reviewing Pwani's role"
        if lemma in ("take", "knock", "pull") and pos == "VERB" and any(
                c.lower_ == "offline" and c.i > tok.i + 1 for c in tok.children) and any(
                c.dep_ == "dobj" and c.lemma_.lower() in SERVICE_NOUNS for c in tok.children):
            # "has taken its trading platform offline", "took the bridge offline" (not "the bot" or "Hydra's
            # servers")
            found.setdefault((tok.i, "WITHDRAWAL_HALT"), tok)
        if lemma == "pick" and pos == "VERB" and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children) and \
                any(c.dep_ == "nsubjpass" and _names_people(taken, sent.doc, c) for c in tok.children):
            found.setdefault((tok.i, "CRIMINAL_CASE"), tok)  # "A and B were picked up in Lagos the same week"
        if lemma == "challenge" and pos == "VERB" and _challenged_in_court(tok):
            found.setdefault((tok.i, "LAWSUIT"), tok)  # "IAMAI has challenged the RBI's circular in the Supreme Court"
        if lemma == "join" and pos == "VERB" and _person_joins_as_a_leader(taken, sent.doc, tok):
            found.setdefault((tok.i, "LEADERSHIP_CHANGE"), tok)  # "Gracy Chen has joined BitKeep's board"
        if lemma == "take" and pos == "VERB" and _person_takes_over(taken, sent.doc, tok):
            found.setdefault((tok.i, "LEADERSHIP_CHANGE"), tok)  # "Kavcıoğlu, who took over the central bank"
        if (lemma == "sell" and pos == "VERB" or lemma == "sale" and pos == "NOUN") and _sold_to_company(sent.doc, tok):
            found.setdefault((tok.i, "ACQUISITION"), tok)  # "sold its Texas mining site to Galaxy Digital"
        if lemma in CIRCULATING_VERBS and pos == "VERB" and any(
                c.dep_ == "prep" and c.lower_ == "into" and any(o.lower_ == "circulation" for o in c.children)
                for c in tok.children):
            found.setdefault((tok.i, "LAUNCH"), tok)  # "put its digital tenge into circulation"
        if lemma == "open" and pos == "VERB" and opened_to_audience(tok):
            found.setdefault((tok.i, "LAUNCH"), tok)  # "Coinbase opened Base, its blockchain, to the public"
        if lemma in REMOVE_VERBS and about_apps(tok):
            found.setdefault((tok.i, "BAN"), tok)  # "Apple removed the apps of five exchanges at FSA's request"
        headline_verb = sent.start == 0 and tag == "NNS" and lowers[k].endswith("s")  # "Hyperliquid delists X"
        lists_a_fund = lemma == "list" and _lists_a_fund(taken, tok)
        if lists_a_fund:
            # "Pinecrest Asset Management listed its Cardano ETF in Toronto": an issuer putting its own fund on
            # a stock market launches the fund (no venue lists a coin)
            found.setdefault((tok.i, "LAUNCH"), tok)
        if pos in ("VERB", "AUX") or (tag in ("VBN", "VBD", "VBG") and pos == "ADJ") or headline_verb:
            for type_ in triggers.by_verb.get(lemma, ()) or \
                    triggers.by_verb.get(verb_base(lowers[k], triggers.by_verb), ()):
                if not (type_ == "HACK" and _no_attack(tok, lemma) or type_ == "LISTING" and lists_a_fund or
                        lemma == "block" and k + 1 < len(tokens) and lemmas[k + 1] in ("trade", "trading")):
                    # ("books block trades": large trades, nothing blocked)
                    found.setdefault((tok.i, type_), tok)
        if pos in ("NOUN", "PROPN") and not (lemma == "settlement" and tok.dep_ == "compound"):
            # (not "settlement accounts", "a settlement system": payments settled, no case settled)
            for type_ in triggers.by_noun.get(lemma, ()) + triggers.by_noun.get(lowers[k], ()):
                if not (type_ == "HACK" and _no_attack(tok, lemma)):
                    found.setdefault((tok.i, type_), tok)
        for seq in (lemmas, lowers):
            for words, type_ in triggers.phrases.get(seq[k], ()):
                if tuple(seq[k:k + len(words)]) == words:
                    phrase = sent[k:k + len(words)]
                    # (a gerund that only describes the next word of the phrase is no head: "the naming rights")
                    head = next((t for t in phrase if t.pos_ == "VERB" and not (
                        t.tag_ == "VBG" and t.dep_ in ("amod", "compound") and t.head.i == t.i + 1 and
                        t.head in phrase)), phrase.root)
                    if words[-1] in ("pair", "pairs") and not _pair_added(head):
                        continue  # "took place on the LTC-BTC trading pair": a market that was there already
                    if words[0] == "wind" and any(c.dep_ == "dobj" and c.lemma_.lower() not in WOUND_DOWN
                                                  for c in head.children):
                        continue  # "three months to wind down existing relationships": no company's end
                    if words[:3] == ("sign", "an", "agreement") and not any(
                            o.dep_ == "pobj" and _company_or_central_bank(o) for o in phrase[-1].children):
                        continue  # "signed an agreement with the SEC": a settlement, no partner
                    found.setdefault((head.i, type_), head)
    for i in held_by_authority:
        found.pop((i, "WITHDRAWAL_HALT"), None)
    for (i, type_), trigger in list(found.items()):
        if type_ == "FINE" and trigger.dep_ == "compound" and trigger.head.lemma_.lower() in CASE_NOUNS:
            del found[(i, type_)]  # "forfeiture complaints were brought": a suit to take the assets, no fine yet
            continue
        if type_ == "LICENSE" and (_approves_a_summons(trigger) or _records_demanded(trigger)):
            del found[(i, type_)]  # "a court allowed the tax agency to serve a summons": the summons tells it
        if type_ == "FUNDING" and trigger.lemma_.lower() in SALE_NOUNS and not _a_companys_own_sale(trigger):
            del found[(i, type_)]  # "warned about token sales": sales in general raise no one's money
        if type_ == "LISTING":
            for follower in _venues_that_followed(trigger):
                found.setdefault((follower.i, "LISTING"), follower)  # "Kraken listed it, and Bitstamp followed"
    if sum(type_ == "LEADERSHIP_CHANGE" for _, type_ in found) > 1:
        # "Ripple hands CEO job to Garlinghouse; Larsen becomes executive chairman": one succession, told by
        # the other trigger
        found = {k: t for k, t in found.items() if not (k[1] == "LEADERSHIP_CHANGE" and t.lemma_.lower() == "become")}
    # one trigger token proposes each type once; keep sentence order
    return sorted(((tok, type_) for (i, type_), tok in found.items()), key=lambda x: x[0].i)


SUMMONS_NOUNS = {"summons", "subpoena", "subpoenas", "summonses", "warrant", "warrants"}


CASE_NOUNS = {"complaint", "action", "suit", "lawsuit", "case", "proceeding", "proceedings"}
RECORD_NOUNS = {"record", "records", "name", "names", "data", "information", "document", "documents", "details",
                "identity", "identities"}
HANDING_VERBS = {"hand", "turn", "produce", "demand", "obtain", "seek", "collect", "give", "share"}


def _records_demanded(verb: Token) -> bool:
    """The verb lets or makes someone hand over or demand records: "told Kelp to hand over client names and
    trade data", "authorized the agency to demand records from Kelp"."""
    return any(x.dep_ in ("xcomp", "ccomp") and x.lemma_.lower() in HANDING_VERBS and any(
        o.dep_ == "dobj" and o.lower_ in RECORD_NOUNS for o in x.children) for x in verb.children)


def _a_court_orders(verb: Token) -> bool:
    """A judge or a court is the verb's subject: its orders in a case are the case's, not an inquiry."""
    ents = verb.doc._.kg
    return any(c.dep_ == "nsubj" and (c.lemma_.lower() in ("judge", "court") or c.i in ents.by_token and
                                      "Court" in ents.record(ents.by_token[c.i]).name) for c in verb.children)


def _approves_a_summons(verb: Token) -> bool:
    """'approved a John Doe summons', 'authorized the agency to serve a summons on the exchange': a court's
    leave for an investigator's demand, no licence of a business."""
    objects = [c for c in verb.children if c.dep_ == "dobj"] + \
        [o for x in verb.children if x.dep_ in ("xcomp", "ccomp") for o in x.children if o.dep_ == "dobj"]
    return any(o.lower_ in SUMMONS_NOUNS for o in objects)


def _pair_added(pair: Token) -> bool:
    """'added three trading pairs', 'launched BTC/EUR trading pairs', 'new trading pairs', 'removed its QKA/USDT
    trading pair': a pair a venue opens or closes, not one it has ('wash trades on the LTC-BTC trading pair')."""
    verb = next((a for a in pair.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma_.lower() in PAIR_VERBS or any(c.lower_ == "new" for c in pair.children)


def verb_base(word: str, known) -> str:
    """The verb of ``known`` an inflected word comes from when the lemmatizer missed it: the small
    English model reads 'fined', 'fines' and 'fining' as 'fin', 'cratered' as 'cratere'."""
    for cut, add in (("d", ""), ("ed", ""), ("s", ""), ("es", ""), ("ing", ""), ("ing", "e")):
        if word.endswith(cut) and len(word) - len(cut) >= 3:
            base = word[:-len(cut)] + add
            if base in known:
                return base
    return ""


def _by_a_percentage(word: Token) -> bool:
    """'1% lower', 'up more than 70%', 'down 10 percent': a percentage measures the move, beside the word."""
    sent = word.sent
    near = word.doc[max(sent.start, word.i - 4):min(sent.end, word.i + 5)]
    return any(t.text == "%" or t.lower_ in ("percent", "per") for t in near) and any(t.like_num for t in near)


def _money_lost(verb: Token) -> bool:
    """'lost $230 million', 'lost millions of dollars' worth of tokens' (not 'lost access to its wallets')."""
    return any(t.like_num or t.tag_ == "$" or t.lower_ in ("millions", "billions")
               for c in verb.children if c.dep_ == "dobj" for t in c.subtree)


# verbs of a regulator looking into what someone did, and what it reviews besides conduct: what it was sent to
# decide on, what a court decided, its own rules
EXAMINE_VERBS = {"review", "examine", "scrutinize", "scrutinise"}
SUBMITTED_PAPERS = {"application", "applications", "filing", "filings", "proposal", "request", "submission", "bid",
                    "plan", "plans", "draft", "rule", "rules", "comment", "comments", "decision", "ruling", "order",
                    "judgment", "judgement", "verdict", "opinion", "options", "framework", "guidance", "policy"}
# what is handed to a new leader: "hands its top job to", "handed the reins to"
# whom an authority tells what it warns of: "told the public that cryptocurrencies are not legal tender"
PUBLIC_NOUNS = {"public", "investor", "consumer", "citizen", "resident"}
HANDED_ROLES = {"job", "role", "post", "reins", "helm", "position", "title", "seat"}
# who or what registers with a company, not with a regulator
SIGNED_UP = {"account", "user", "customer", "client", "member", "wallet", "domain", "address", "trader", "investor"}
# objects a licensing verb takes besides licences and the licensed: "approved the application", "granted a
# waiver", "revoked its status"
LICENSED_THINGS = {"application", "status", "waiver", "exemption", "permission", "authority", "right", "rights",
                   "request", "operator", "exchange", "firm", "company", "platform", "business", "entity",
                   "service", "services", "activity", "activities", "product", "products", "etf"}
CURRENCY_SIGNS = {"$", "€", "£", "¥", "₹", "₦", "R$", "US$", "C$", "A$", "HK$", "NT$"}


def has_context(token: Token, spec: TriggerSpec) -> bool:
    if spec.type == "LICENSE" and token.lemma_.lower() in APPROVAL_VERBS and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in APPROVED_PRODUCTS for c in token.children):
        return True  # "the SFC approved the funds": a regulator's approval of a fund is its licence
    if spec.type == "FUNDING" and token.lemma_.lower() == "raise" and (
            _raised_money_from_a_company(token) or _company_raised_a_sum(token)):
        return True
    if spec.type == "FUNDING" and token.lemma_.lower() in SALE_NOUNS:
        return _a_companys_own_sale(token)  # (the sale told with its sum is context enough)
    if spec.type == "FUNDING" and token.lemma_.lower() == "raise" and any(
            c.dep_ == "prep" and c.lower_ in ("in", "through", "via") and
            any(o.dep_ == "pobj" and o.lemma_.lower() in SALE_NOUNS and o.tag_ == "NN" and
                not any(a.lower_ in ("unregistered", "illegal", "fraudulent") for a in o.children)
                for o in c.children)
            for c in token.children):
        # "raised $12 million in a token sale", "raised $900 million in an offering of new shares" (one sale:
        # "raised money through sales of its coin" tells of trading; "in an unregistered offering", of a charge)
        return True
    if spec.type == "LICENSE" and token.lemma_.lower() == "admit":
        # "admitted Kava Pay to its regulatory sandbox": a supervised trial is a licence; admitting a fault is not
        return any(c.dep_ == "prep" and c.lower_ in ("to", "into") and
                   any(t.lower_ == "sandbox" for t in c.subtree) for c in token.children)
    if spec.type == "LICENSE" and _regulator_authorised_a_company(token):
        return True
    if spec.type == "LICENSE" and not _licence_sense(token, spec):
        return False
    if spec.type == "LICENSE" and token.lemma_.lower() == "register" and any(
            c.dep_ in ("nsubjpass", "dobj", "nsubj") and c.lemma_.lower() in SIGNED_UP for c in token.children):
        return False  # "the affected accounts were all registered before Aug. 5": users signing up
    if spec.type == "LEADERSHIP_CHANGE" and any(
            c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in ("run", "lead", "head", "oversee", "manage") and
            any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in token.children):
        return True  # "appointed Pimchanok Srisuk to run the exchange": the post is the running of it
    near = [token, *token.children, token.head, *token.head.children]
    # (and what the object is coordinated with: "suspended Turkish lira and crypto withdrawals")
    near += [g for c in token.children if c.dep_ == "dobj" for g in c.conjuncts]
    if spec.context_in_phrases:
        # (and the phrases of the clause a participle hangs from: "took office as governor ..., succeeding Das")
        near += [t for c in token.children if c.dep_ == "prep" for t in c.subtree]
        if token.dep_ == "advcl" and token.tag_ == "VBG":
            near += [t for c in token.head.children if c.dep_ == "prep" for t in c.subtree]
    if spec.type == "LEADERSHIP_CHANGE":
        # the subject's own phrase, of this verb or the one it is joined to: "Its chief risk officer, Dana
        # Whitfield, left in March and was succeeded by ..."
        # (a subject that leaves or is replaced holds the post; one that promotes or names someone need not)
        near += [t for v in (token, token.head) if v is token or token.dep_ == "conj"
                 for c in v.children
                 if c.dep_ == "nsubjpass" or c.dep_ == "nsubj" and v.lemma_.lower() in DEPARTING_VERBS
                 for t in c.subtree]
    window = token.doc[max(token.i - 4, token.sent.start):min(token.i + 5, token.sent.end)]
    if spec.type == "LEADERSHIP_CHANGE" and any(c.dep_ == "nsubj" and c.lower_ in ("he", "she")
                                                for c in token.children):
        window = token.sent  # "X, AAX's vice president, said that he had resigned": the title is X's
    return any(t.lower_ in spec.context or t.lemma_.lower() in spec.context for t in [*near, *window])


def _licence_sense(token: Token, spec: TriggerSpec) -> bool:
    """Not 'revoke any token approvals they had granted', 'withdraw their funds', 'the National Bank of
    Georgia, which registers virtual asset service providers': a licensing word used of something else, or of
    what a regulator does as a rule."""
    if token.lower_ in ("approval", "approvals") and token.i > 0 and token.nbor(-1).lower_ in ("token", "spending"):
        return False
    if any(t.lower_ in ("approval", "approvals") and t.i > 0 and t.nbor(-1).lower_ in ("token", "spending")
           for t in token.subtree):
        return False
    verb = token if token.pos_ == "VERB" else token.head if token.dep_ == "dobj" else None
    if verb is not None and verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP"):
        return False  # "which registers ...": what the regulator does, no licence granted
    if token.pos_ == "VERB":
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        ents = getattr(token.doc._, "kg", None)
        if obj is not None and not any(t.lower_ in spec.context or t.lemma_.lower() in spec.context
                                       for t in obj.subtree) and \
                not (ents is not None and any(t.i in ents.by_token for t in obj.subtree)) and \
                obj.pos_ in ("NOUN",) and obj.lemma_.lower() not in LICENSED_THINGS:
            return False  # "withdraw their funds", "cancelling token approvals": the object is no licence
    return True


def _company_raised_a_sum(verb: Token) -> bool:
    """'The Zug-based Tezos Foundation raised $232 million in July': a company (named, as the subject) raising a
    sum of money is funding, whatever the sentence calls it (not "raised its fees by $1", where the sum is no
    object, nor "raised the price to $5")."""
    ents = getattr(verb.doc._, "kg", None)
    if ents is None or not any(c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in verb.children) or \
            any(c.dep_ == "prep" and c.lower_ in ("to", "by") for c in verb.children):
        return False
    def a_company(t: Token) -> bool:
        return t.i in ents.by_token and not ents.by_token[t.i].generic and \
            ents.record(ents.by_token[t.i]).type in ("ORGANIZATION", "EXCHANGE")

    if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in verb.children):
        # "Wasatch Ledger Inc., a Salt Lake City start-up that raised $8.7 million": the company the clause is on
        noun = verb.head
        return a_company(noun) or noun.dep_ == "appos" and a_company(noun.head)
    return any(c.dep_ == "nsubj" and any(a_company(t) for t in c.subtree) for c in verb.children)


def _regulator_authorised_a_company(verb: Token) -> bool:
    """'the regulator declined to authorise Tammi Crypto', 'the central bank registered Kelp Pay': a
    regulator authorising or registering a named company licenses it, whatever else the sentence says."""
    ents = getattr(verb.doc._, "kg", None)
    if ents is None or verb.lemma_.lower() not in ("authorise", "authorize", "register", "license", "licence"):
        return False
    acting = verb.head if verb.dep_ == "xcomp" else verb

    def named_as(children, types) -> bool:
        return any((m := ents.by_token.get(c.i)) is not None and not m.generic and ents.record(m).type in types
                   for c in children)
    return named_as([c for c in verb.children if c.dep_ == "dobj"], ("ORGANIZATION", "EXCHANGE")) and \
        named_as([c for c in acting.children if c.dep_ == "nsubj"], ("REGULATOR",))


def _raised_money_from_a_company(verb: Token) -> bool:
    """'raised 40 million Namibian dollars from investment house Ondjaba Capital': a sum raised from a named
    company is funding, whatever the sentence calls it (not "raised concerns from regulators")."""
    ents = getattr(verb.doc._, "kg", None)
    if ents is None or not any(c.dep_ == "dobj" and any(t.like_num or t.text in CURRENCY_SIGNS for t in c.subtree)
                               for c in verb.children):
        return False
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"):
        for t in prep.subtree:
            m = ents.by_token.get(t.i)
            if m is not None and not m.generic and ents.record(m).type in ("ORGANIZATION", "EXCHANGE"):
                return True
    return False


# who, beginning to offer coins, launches a service rather than lists them
SERVICE_STARTERS = {"bank", "lender", "insurer", "app"}


def _offered_by_a_non_venue(taken: dict, verb: Token) -> bool:
    """'Zürcher Kantonalbank began offering bitcoin and ether trading', 'Santander's Swiss private bank began
    offering ...': the one beginning to offer is a named company that is no exchange, or a bank."""
    for subject in (c for c in verb.head.children if c.dep_ == "nsubj"):  # (a dateline may be read as one too)
        mention = taken.get(subject.i)
        if mention is not None and not mention.generic:
            type_ = verb.doc._.kg.record(mention).type
            if type_ != "LOCATION":
                return type_ == "ORGANIZATION"
        elif any(t.lemma_.lower() in SERVICE_STARTERS for t in subject.subtree):  # (or "Bank Leumi", NER missed)
            return True
    return False


def _began_a_service(taken: dict, verb: Token, lemma: str) -> bool:
    """'Bank Leumi began offering crypto trading', 'Fidelity began offering custody', 'began letting customers
    buy and trade': a company beginning a service launches it (not one in named coins, which it lists)."""
    if verb.pos_ != "VERB" or verb.dep_ != "xcomp" or verb.head.lemma_ not in ("begin", "start"):
        return False
    ents = verb.doc._.kg
    if lemma == "offer":
        # (not "began offering trading in Solana and Polkadot": coins listed)
        return any(c.dep_ == "dobj" for c in verb.children) and not any(
            t.i in taken and ents.record(taken[t.i]).type == "ASSET" for t in verb.subtree)
    return lemma in ("let", "allow") and any(t.lemma_.lower() in CUSTOMER_ACTS for t in verb.subtree if t.i != verb.i)


def _no_attack(tok: Token, lemma: str) -> bool:
    """'breached the undertaking it gave regulators', 'breach of trust', 'the fight has drained its resources':
    a duty broken or means used up, not a system attacked."""
    if lemma == "breach":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in BROKEN_DUTIES for c in tok.children) or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.lower() in BROKEN_DUTIES for o in c.subtree)
            for c in tok.children)
    return lemma == "drain" and any(c.dep_ == "dobj" and c.lemma_.lower() in SPENT_MEANS for c in tok.children)


def _named_partner(tok: Token) -> bool:
    """A company named (not "the company") or a central bank: who can be a partner."""
    mention = tok.doc._.kg.by_token.get(tok.i)
    return _named_company(tok.doc, tok) or mention is not None and not mention.generic and \
        central_bank(tok.doc._.kg.record(mention))


def _company_or_central_bank(tok: Token) -> bool:
    """A company, named or not ("the start-up"), or a central bank: not a regulator a settlement is signed with."""
    mention = tok.doc._.kg.by_token.get(tok.i)
    if mention is None:
        return False
    record = tok.doc._.kg.record(mention)
    return record.type in ("EXCHANGE", "ORGANIZATION") or central_bank(record)


def _built_with_company(verb: Token) -> bool:
    """Something built, developed or set up "with" (or "together with") a named company."""
    if verb.lemma_.lower() == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return False  # ("set a deadline with the exchange": nothing built)
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
    preps += [d for c in verb.children if c.dep_ == "advmod" and c.lower_ == "together"
              for d in c.children if d.dep_ == "prep" and d.lower_ == "with"]
    return any(_named_partner(t) for p in preps for o in p.children if o.dep_ == "pobj"
               for t in (o, *o.conjuncts))


def _chosen_to_build(verb: Token) -> bool:
    """'has chosen Giesecke+Devrient to build a pilot', 'signed Petrovaradin Pay to handle card payments': a named
    company chosen to build or run something (the parser may read the infinitive as one of purpose)."""
    return any(c.lemma_.lower() in CHOSEN_TO_DO and (c.dep_ == "xcomp" or c.dep_ == "advcl" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children)) for c in verb.children) and \
        any(c.dep_ == "dobj" and _named_partner(c) for c in verb.children)


def _chosen_as_partner(taken: dict, verb: Token) -> bool:
    """A named company the verb takes (or relies "on") "as" a partner."""
    if not any(c.dep_ == "prep" and c.lower_ == "as" and any(o.dep_ == "pobj" and o.lemma_.lower() == "partner"
                                                            for o in c.children) for c in verb.children):
        return False
    ents = verb.doc._.kg
    named = [c for c in verb.children if c.dep_ == "dobj"] + \
        [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for o in c.children if o.dep_ == "pobj"]
    return any(t.i in taken and not taken[t.i].generic and
               ents.record(taken[t.i]).type in ("EXCHANGE", "ORGANIZATION") for t in named)


def _authority_attributes_a_theft(taken: dict, verb: Token) -> bool:
    """An authority naming who is behind an attack: its subject a regulator, its object a theft or a hack, and
    a "to" naming the culprit."""
    ents = verb.doc._.kg
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.i in taken and ents.record(taken[subject.i]).type == "REGULATOR" and \
        any(c.dep_ == "dobj" and c.lemma_.lower() in THEFT_NOUNS for c in verb.children) and \
        any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


# who runs a failed company's insolvency
INSOLVENCY_OFFICERS = {"liquidator", "administrator", "trustee", "receiver", "examiner"}


def insolvency_officer(verb: Token) -> Token | None:
    """The officer noun an appointment names: 'appointed X as provisional liquidator', 'appointed provisional
    liquidators to Gatecoin', 'were appointed joint administrators' (not 'a system administrator')."""
    nouns = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children
             if o.dep_ == "pobj"] + [c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr", "xcomp")]
    return next((n for n in nouns if n.lemma_.lower() in INSOLVENCY_OFFICERS and not any(
        c.lower_ in ("system", "network", "site", "forum", "platform", "market") for c in n.children)), None)


INTRUDER_NOUNS = {"hacker", "attacker", "thief", "exploiter", "cybercriminal", "intruder", "criminal", "fraudster",
                  "scammer"}


def accounts_taken_over(verb: Token) -> bool:
    """'intruders had taken over hundreds of client accounts', 'accounts were taken over': accounts seized by
    attackers (not a firm taking over another's customer accounts in a sale)."""
    if not any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children):
        return False
    seized = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(t.lemma_.lower() == "account" for c in seized for t in c.subtree) and (
        any(c.dep_ == "nsubjpass" for c in seized) or
        any(c.dep_ == "nsubj" and c.lemma_.lower() in INTRUDER_NOUNS for c in verb.children))


def _funds_taken_from(taken: dict, verb: Token) -> bool:
    """'$31 million worth of USDT had been taken from its treasury wallet', 'the $610 million taken from Poly
    Network': money or coins taken (told in the passive: no one paying) from a wallet or a named company."""
    if verb.tag_ != "VBN" or any(c.dep_ == "dobj" for c in verb.children):
        return False
    what = [c for c in verb.children if c.dep_ == "nsubjpass"] + ([verb.head] if verb.dep_ == "acl" else [])
    if not any(t.ent_type_ == "MONEY" or t.lemma_.lower() in LOOT_NOUNS for w in what for t in w.subtree):
        return False
    ents = verb.doc._.kg
    return any(c.dep_ == "prep" and c.lower_ == "from" and any(
        o.lemma_.lower() in LOOTED_PLACES or
        o.i in taken and ents.record(taken[o.i]).type in ("EXCHANGE", "ORGANIZATION")
        for o in c.children if o.dep_ == "pobj") for c in verb.children)


def _a_token_made(taken: dict, verb: Token) -> bool:
    """'issued a new token, Recovery Value USD', 'Dogecoin was created in 2013 by ...', 'JDR, which Jadran Kripto
    issued in 2022', 'the token Binance issued in 2017': what the verb makes is a token or a named coin (not
    "issued a warning", "created a task force")."""
    ents = verb.doc._.kg
    # once, at a date of its own or as a new token: "the USDC stablecoin issued by Circle" tells who issues it,
    # and no launch; nor does a period's bound ("issued by Paxos until February") or a clause below date it
    dated = any(t.ent_type_ == "DATE" and not any(a.dep_ in ("relcl", "acl") for a in t.ancestors if a.i > verb.i)
                for c in verb.children if c.dep_ in ("prep", "npadvmod", "advmod") and
                c.lower_ not in ("until", "till", "since", "from", "through")
                for t in c.subtree)
    if verb.tag_ not in ("VBD", "VBN") or not dated and not any(
            a.lower_ == "new" for c in verb.children if c.dep_ == "dobj" for a in c.children):
        return False
    made = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("relcl", "acl") and not any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in ("which", "that")
                                                 for c in verb.children):
        made.append(verb.head)  # the noun the clause describes
    return any(t.lemma_.lower() in TOKEN_NOUNS or t.i in taken and ents.record(taken[t.i]).type == "ASSET" and
               not taken[t.i].generic for t in made)


def _owners_token_described(taken: dict, verb: Token) -> bool:
    """'Kelp Labs' KLP token, released in May,': a clause describing a coin its owner's name comes before (not
    "the frozen USDT, released in March", funds set free)."""
    head = verb.head
    return verb.dep_ == "acl" and (head.i in taken or head.lemma_.lower() in TOKEN_NOUNS) and \
        any(c.dep_ == "poss" for c in head.children) and \
        not any(c.dep_ == "amod" and c.lower_ != "new" for c in head.children)  # (nor "Tether's frozen USDT")


def _venue_trades_coins(taken: dict, verb: Token, object_: Token | None = None) -> bool:
    """A venue (named, or a pronoun) as the subject of the verb "trading" hangs from, and named coins as what
    is traded (its object, or "in" them, by name or in apposition to "three tokens"). With ``object_`` (the
    coin the parser joined to "trading" as one noun), ``verb`` is the verb that begins the trading."""
    ents = verb.doc._.kg
    head = verb if object_ is not None else verb.head
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    if not any(c.i in taken and ents.record(taken[c.i]).type == "EXCHANGE" or c.lower_ in ("it", "they")
               for c in subjects):
        return False
    traded = [object_] if object_ is not None else [c for c in verb.children if c.dep_ == "dobj"] + \
        [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children if o.dep_ == "pobj"]
    return any(t.i in taken and ents.record(taken[t.i]).type == "ASSET"
               for o in traded for t in [o, *(t for a in o.children if a.dep_ == "appos" for t in a.subtree)])


def _venues_that_followed(listed: Token) -> list[Token]:
    """'Kraken listed the token, and Bitstamp and Gemini followed (suit)': a clause joined to the listing whose
    named venues only follow, with nothing of their own to follow."""
    return [c for c in listed.conjuncts if c.lemma_.lower() == "follow" and c.pos_ == "VERB" and c.i > listed.i and
            not any(d.dep_ == "dobj" and d.lower_ != "suit" for d in c.children) and
            any(d.dep_ == "nsubj" and any(_named_venue(c.doc, t) for t in d.subtree) for d in c.children)]


PAYMENT_NOUNS = {"payment", "crypto", "cryptocurrency", "cryptocurrencies", "donation"}


def _accepts_payment_through(taken: dict, verb: Token) -> bool:
    """'the retailer takes ether through Coinbase Commerce', 'accepts crypto payments via BitPay': a
    merchant taking coins through a named processor works with it."""
    ents = verb.doc._.kg
    coins = any(c.dep_ == "dobj" and (c.lemma_.lower() in PAYMENT_NOUNS or c.i in taken and
                                      ents.record(taken[c.i]).type == "ASSET") for c in verb.children)
    return coins and any(
        c.dep_ == "prep" and c.lower_ in ("through", "via") and any(
            t.i in taken and not taken[t.i].generic and ents.record(taken[t.i]).type in ("EXCHANGE", "ORGANIZATION")
            for o in c.children if o.dep_ == "pobj" for t in o.subtree)
        for c in verb.children)


HOLDING_NOUNS = {"asset", "assets", "account", "accounts", "fund", "funds", "wallet", "wallets", "property"}


def _an_authority_freezes_holdings(taken: dict, verb: Token) -> bool:
    """A regulator or the police freeze assets, accounts or funds (of a company, or linked to one)."""
    ents = verb.doc._.kg
    actors = [c for c in verb.children if c.dep_ == "nsubj"] + \
        [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    authority = any(a.lemma_.lower() in ("police", "prosecutor", "investigator") or
                    a.i in taken and ents.record(taken[a.i]).type == "REGULATOR" for a in actors)
    held = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in HOLDING_NOUNS]
    return authority and bool(held)


SERVICE_VERBS = {"process", "handle", "settle", "hold", "safeguard", "custody", "convert", "issue", "run", "power"}


def _uses_a_company_to_serve(taken: dict, verb: Token) -> bool:
    """'uses Kelp Pay to settle card payments', 'uses Kelp Custody to hold its bitcoin': a named company used for a
    service is a partner."""
    ents = verb.doc._.kg
    user = verb.head if verb.dep_ in ("advcl", "conj", "xcomp") and not any(
        c.dep_ == "nsubj" for c in verb.children) else verb
    if not any(c.dep_ == "nsubj" and c.i in taken and ents.record(taken[c.i]).type in ("EXCHANGE", "ORGANIZATION")
               for c in user.children):
        return False  # (a company uses it: not "the thieves used Kelp Exchange to convert the coins")
    return any(c.dep_ == "dobj" and c.i in taken and not taken[c.i].generic and
               ents.record(taken[c.i]).type in ("EXCHANGE", "ORGANIZATION") for c in verb.children) and any(
        x.dep_ in ("xcomp", "advcl") and x.lemma_.lower() in SERVICE_VERBS and any(a.dep_ == "aux" for a in x.children)
        for x in verb.children)


def cuts_off_a_company(verb: Token) -> bool:
    """'cut off Orla Cards', 'cut Kelp Pay off': the verb "cut off" with a named company as its object."""
    ents = verb.doc._.kg
    return verb.lemma_.lower() == "cut" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children) and \
        any(c.dep_ == "dobj" and c.i in ents.by_token and not ents.by_token[c.i].generic and
            ents.record(ents.by_token[c.i]).type in ("EXCHANGE", "ORGANIZATION") for c in verb.children)


SALE_NOUNS = {"sale", "presale", "crowdsale", "offering"}


def _a_companys_own_sale(noun: Token) -> bool:
    """'Quillfeather Labs' 2017 token sale drew $40 million', 'its 2018 presale brought in 9,000 bitcoins': one
    sale, whose owner the text names, told with what it brought in."""
    return noun.tag_ == "NN" and any(c.dep_ == "poss" for c in noun.children) and any(
        t.ent_type_ == "MONEY" or t.like_num and t.ent_type_ != "DATE" for t in noun.sent)


def _trading_in_coins_opens(taken: dict, verb: Token) -> bool:
    """'Trading in the token opened on Kraken and Bitstamp', 'trading in dogecoin began on Luno': trading in a
    coin the article names starting on named venues lists it there."""
    ents = verb.doc._.kg
    return any(c.dep_ == "nsubj" and c.lemma_.lower() == "trading" and any(
        p.dep_ == "prep" and p.lower_ == "in" and any(
            t.i in taken and ents.record(taken[t.i]).type == "ASSET" for t in p.subtree) for p in c.children)
        for c in verb.children) and _on_named_venue(verb.doc, verb)


def _for_named_assets(taken: dict, noun: Token) -> bool:
    """'markets for XRP and Stellar', 'peso pairs for bitcoin': new markets in named coins (the parser may hang
    the "for" on the verb that opens them)."""
    ents = noun.doc._.kg
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        t.i in taken and not taken[t.i].generic and ents.record(taken[t.i]).type == "ASSET" for t in c.subtree)
        for c in [*noun.children, *(noun.head.children if noun.dep_ == "dobj" else ())])


def _paid_for_a_company(taken: dict, verb: Token) -> bool:
    """'paid $1.5 billion for NinjaTrader': a sum paid for a named company buys it."""
    ents = verb.doc._.kg
    return any(c.dep_ == "dobj" and any(t.tag_ == "$" or t.lower_ in ("million", "billion") for t in c.subtree)
               for c in verb.children) and \
        any(c.dep_ == "prep" and c.lower_ == "for" and any(
            o.dep_ == "pobj" and o.i in taken and not taken[o.i].generic and
            ents.record(taken[o.i]).type in ("EXCHANGE", "ORGANIZATION") for o in c.children)
            for c in verb.children)


def _asset_object(taken: dict, verb: Token) -> bool:
    """'drop SOL', 'stopped supporting XMR': the verb's object is a named asset (its subject is not)."""
    ents = verb.doc._.kg
    named = {t.i for c in verb.children if c.dep_ == "dobj" for t in c.subtree}
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    is_asset = {i for i in named | subject if i in taken and ents.record(taken[i]).type == "ASSET"}
    return bool(is_asset & named) and not is_asset & subject


def agreed_to(verb: Token) -> Token | None:
    """'agreed to pay $5 million and to stop serving ...': the 'agree' a to-infinitive hangs from."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "xcomp" and node.head.lemma_.lower() in ("agree", "consent", "undertake", "commit"):
        return node.head
    return None


def _asks_for_a_report(verb: Token) -> bool:
    """'asked Kowhai for a full incident report', 'requested a report from the exchange', 'asked Indodax for a
    full explanation of what happened': an authority that asks a company to account for something looks into
    it (the verb's object, or what it asks for, is a report or an explanation)."""
    for c in verb.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in ACCOUNTS:
            return True
        if c.dep_ == "prep" and c.lower_ == "for" and any(o.dep_ == "pobj" and o.lemma_.lower() in ACCOUNTS
                                                           for o in c.children):
            return True
        if c.dep_ == "xcomp" and c.lemma_.lower() in EXPLAIN_VERBS and any(a.lower_ == "to" for a in c.children):
            return True  # "asked the exchange to submit a report on the incident", "to explain why"
    return False


def _opens_a_named_venue(taken: dict, verb: Token) -> bool:
    """'opened Binance Jersey', 'opening Bitbox, a Singapore-based exchange': what is opened is a named
    exchange or company (not trading, an office or an inquiry)."""
    ents = verb.doc._.kg
    return any(c.dep_ == "dobj" and c.i in taken and not taken[c.i].generic and
               ents.record(taken[c.i]).type in ("EXCHANGE", "ORGANIZATION") for c in verb.children)


def _removed_from_venue(taken: dict, doc, verb: Token) -> bool:
    """'remove the privacy coins Monero (XMR) and Zcash (ZEC) from its platform': a named asset, then
    "from" a trading venue, read from the words (the parser often makes a verb of "coins")."""
    ents = doc._.kg
    asset_seen = False
    for i in range(verb.i + 1, min(verb.i + 16, verb.sent.end)):
        if i in taken and ents.record(taken[i]).type == "ASSET":
            asset_seen = True
        elif doc[i].lower_ == "from":
            return asset_seen and any(t.lemma_.lower() in VENUE_WORDS for t in doc[i + 1:min(i + 4, verb.sent.end)])
        elif doc[i].text in (";", ".") or doc[i].pos_ == "VERB" and doc[i].tag_ != "VBZ":
            return False
    return False


def _styled_as(noun: Token) -> bool:
    """'had promoted itself as a partner of X': what a company calls itself, not what it is."""
    return noun.head.lower_ == "as" and noun.head.head.lemma_.lower() in SELF_STYLING_VERBS


def _company_title(noun: Token, top: bool = False) -> bool:
    """A post at the top of a company: "chief executive", "CEO", "chairman", "legal representative" (with
    ``top``, only the company's head: not "its chief technology officer", a step in a career)."""
    words = {t.lower_ for t in noun.subtree}
    kg = noun.doc._.kg
    if any(kg.record(m).type == "LOCATION" for m in kg.in_span(noun.left_edge.i, noun.right_edge.i + 1)) or \
            words & {"country", "republic", "state", "states", "nation"}:
        return False  # "president of El Salvador": a head of state
    if top:
        return noun.lower_ in ("ceo", "chairman", "chairwoman", "chair", "chairperson", "president", "governor") or \
            noun.lower_ in ("executive", "officer") and "chief" in words and \
            not words & {"technology", "financial", "operating", "compliance", "marketing", "legal", "risk", "product"}
    return noun.lower_ in ("ceo", "chairman", "chairwoman", "chair", "president", "representative", "director") or \
        noun.lower_ in ("executive", "officer") and "chief" in words


# what one company's service is built on when another supplies it
TECHNOLOGY_NOUNS = {"technology", "infrastructure", "software"}


def _anothers_technology_used(doc, noun: Token) -> bool:
    """'using technology supplied by Bitpanda', 'agreed to use technology from Taurus', 'crypto trading built on
    Bitpanda's infrastructure': a named company's technology that a service uses or is built on."""
    used = noun.dep_ == "dobj" and noun.head.lemma_.lower() in ("use", "license", "adopt") or \
        noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.lemma_.lower() in ("build", "run", "base")
    if not used:
        return False
    owners = [c for c in noun.children if c.dep_ == "poss"] + \
        [o for c in [*noun.children, *noun.head.children] if c.dep_ == "prep" and c.lower_ == "from"
         for o in c.children if o.dep_ == "pobj"] + \
        [o for a in noun.children if a.dep_ == "acl" and a.lemma_.lower() in ("supply", "provide", "develop")
         for g in a.children if g.dep_ == "agent" for o in g.children if o.dep_ == "pobj"]
    return any(_named_company(doc, o) for o in owners)


def _charges_someone_named(doc, verb: Token) -> bool:
    """'charged Ross Ulbricht with', 'charged a former product manager, Ishan Wahi, with': the one charged is
    named (not "charged all three with", "charged a former employee of Mtatsminda with": a case told already
    or someone unnamed, whose employer is no defendant)."""
    by_token = doc._.kg.by_token
    return any(c.dep_ == "dobj" and any(t.i in by_token and not by_token[t.i].generic and
                                        doc._.kg.record(by_token[t.i]).type in ("PERSON", "ORGANIZATION", "EXCHANGE")
                                        for t in [c, *(a for a in c.children if a.dep_ == "appos")])
               for c in verb.children)


# what an authority flags when it warns (firms, schemes, sites), and whom a warning tells not to act
FLAGGED_THINGS = {"firm", "firms", "company", "companies", "scheme", "schemes", "platform", "platforms", "site",
                  "sites", "website", "websites", "club", "clubs", "app", "apps", "entity", "entities", "exchange",
                  "exchanges", "clone", "clones"}
WARNED_PEOPLE = {"public", "investor", "consumer", "user", "customer", "resident", "saver"}


def _authority_flags_a_firm(doc, verb: Token) -> bool:
    """'SEC Nigeria flags crypto arbitrage club', 'the central bank flagged three clone firms': an authority
    flagging firms or schemes warns of them (not "the exchange flagged suspicious transactions")."""
    ents = doc._.kg
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not any(t.i in ents.by_token and ents.record(ents.by_token[t.i]).type == "REGULATOR"
               for c in subjects for t in c.subtree):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(o.lemma_.lower() in FLAGGED_THINGS or o.lower_ in FLAGGED_THINGS or
               o.i in ents.by_token and ents.record(ents.by_token[o.i]).type in ("EXCHANGE", "ORGANIZATION")
               for o in objects)


def _tells_the_public_not_to(verb: Token) -> bool:
    """'telling the public not to send it money', 'told investors not to deal with the firm': a warning."""
    return any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() in WARNED_PEOPLE for c in verb.children) and any(
        c.dep_ in ("xcomp", "ccomp") and any(n.dep_ == "neg" for n in c.children) for c in verb.children)


def _left_a_post(doc, verb: Token) -> bool:
    """'X, its former chief compliance officer, left in February', 'she left Kraken in May': a named person (or
    "he" or "she") who leaves nothing or a company. (Not "left the country", "left customers unable to
    withdraw", "left for Albania": a place, what someone's doings left behind, or a journey.)"""
    ents = doc._.kg
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # (the person may be the appositive of the title the parser made the subject: "its former chief compliance
    # officer, Dana Whitlock, left")
    people = [] if subject is None else [subject, *(c for c in subject.children if c.dep_ == "appos")]
    if not any(t.lower_ in ("he", "she") or t.i in ents.by_token and ents.record(ents.by_token[t.i]).type == "PERSON"
               for t in people):
        return False
    if any(c.dep_ in ("xcomp", "ccomp", "oprd", "acomp") or c.dep_ == "prep" and c.lower_ == "for"
           for c in verb.children):
        return False  # (nor "left for Albania": a journey)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return all(o.i in ents.by_token and ents.record(ents.by_token[o.i]).type in ("EXCHANGE", "ORGANIZATION",
                                                                              "REGULATOR") or
               o.lemma_.lower() in ("company", "firm", "exchange", "board", "post", "role", "job", "position")
               for o in objects)


# what seizing takes a service down with: "seized the exchange's servers", "seized the domains of Cryptex"
SITE_NOUNS = {"server", "domain", "website", "site", "infrastructure"}


def _seizes_a_site(verb: Token) -> bool:
    """'the FBI seized its servers', 'police seized the domains and servers of Cryptex': taking a service's
    machines or addresses shuts it down (not seizing coins, cash or cars), when the text names who seized or
    whose they were."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [c for o in objects for c in o.conjuncts]
    if not any(o.lemma_.lower() in SITE_NOUNS for o in objects):
        return False
    ents = verb.doc._.kg
    parts = [c for c in verb.children if c.dep_ in ("nsubj", "agent")] + [  # whose: "its", "of Cryptex"
        c for o in objects if o.lemma_.lower() in SITE_NOUNS for c in o.children
        if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of"]
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        parts += [c for c in verb.head.children if c.dep_ == "nsubj"]  # "the FBI arrested him and seized the site"
    # (or "they", the sayer's: "the BKA said they had seized the platforms' servers")
    return any(c.dep_ == "nsubj" and c.lower_ in ("they", "it", "we") for c in parts) or any(
        not m.generic and ents.record(m).type != "LOCATION"  # (not "U.S. authorities seized")
        for c in parts for m in ents.in_span(c.left_edge.i, c.right_edge.i + 1))


def _added_to_a_blacklist(verb: Token) -> bool:
    """'OFAC added BitRiver to its sanctions list', 'was added to the Entity List'."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(
        o.dep_ == "pobj" and o.lemma_.lower() == "list" and any(
            m.lower_ in ("sanctions", "sanction", "entity", "sdn") or m.lower_.startswith("blacklist")
            for m in o.children if m.dep_ in ("compound", "amod", "nmod"))
        for o in c.children) for c in verb.children)


def _designated_by_authority(doc, verb: Token) -> bool:
    """'OFAC designated Cryptex and its operator': an authority designating a party sanctions it (not one
    designating someone to run an office, nor an exchange designating a token a "caution" asset)."""
    if any(c.dep_ in ("oprd", "xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ in ("as", "to")
           for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    mention = doc._.kg.by_token.get(subject.i) if subject is not None else None
    return mention is not None and doc._.kg.record(mention).type == "REGULATOR"


def joined_a_round(verb: Token) -> bool:
    """'Existing investors A and B also took part', 'C also participated in the round', 'D joined as a new
    investor': investors joining a funding round told before (the events step adds them to it, and drops the
    trigger where none was)."""
    if verb.pos_ != "VERB":
        return False
    if verb.lemma_.lower() == "join":
        return any(c.dep_ == "prep" and c.lower_ == "as" and any(
            o.dep_ == "pobj" and o.lemma_.lower() in ("investor", "backer", "shareholder") for o in c.children)
            or c.dep_ == "dobj" and c.lower_ in ("round", "raise") and any(  # "joined the round" (not "joining
                d.lower_ == "the" for d in c.children) for c in verb.children)  # funding rounds for OpenAI": others)
    if not (verb.lemma_.lower() == "take" and any(
            c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children) or verb.lemma_.lower() == "participate"):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return any(c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children) or \
        any(t.lower_ in ("round", "funding", "raise") for t in verb.subtree) or \
        subject is not None and subject.lemma_.lower() in ("investor", "backer", "shareholder")


def invests_in_company(doc, tok: Token) -> bool:
    """'invested $40 million in Kestrel Labs', 'made a $300 million investment in Kestrel Exchange': a
    sum put into a named company is funding, without the words of a round around it (not "invested in
    bitcoin")."""
    if tok.lemma_.lower() not in ("invest", "investment"):
        return False
    named = any(c.dep_ == "prep" and c.lower_ == "in" and any(o.dep_ == "pobj" and _named_company(doc, o)
                                                               for o in c.children) for c in tok.children)
    return named and any(t.tag_ == "$" or t.lower_ in ("million", "billion") for t in tok.subtree)


def signed_as_endorser(doc, verb: Token) -> Token | None:
    """'signed the sprinter as its ambassador', 'signed the chain as their new shirt sponsor', 'signed the actor
    as the face of its adverts' (or 'the sprinter signed on as its ambassador'): the named person or company
    signed up to carry a firm's name, or None."""
    if not any(c.dep_ == "prep" and c.lower_ == "as" and any(
            o.dep_ == "pobj" and o.lemma_.lower() in ENDORSER_ROLES for o in c.children)
            for c in [*verb.children, *(d for c in verb.children if c.dep_ == "dobj" for d in c.children)]):
        return None
    ents = doc._.kg
    # (the name may sit below a description the parser took for the object: "signed payments firm Orbital Pay")
    signed = next((t for c in verb.children if c.dep_ == "dobj" for t in c.subtree
                   if t.i in ents.by_token and not ents.by_token[t.i].generic), None)
    if signed is None and not any(c.dep_ == "dobj" for c in verb.children):
        # "a campaign built around the sprinter Ade Bankole, who signed on as its ambassador": who signed
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ == "who" and verb.dep_ == "relcl":
            subject = verb.head
        mention = ents.by_token.get(subject.i) if subject is not None else None
        if mention is not None and not mention.generic and ents.record(mention).type == "PERSON":
            signed = subject
    return signed


def _named_company(doc, tok: Token) -> bool:
    """A company's name (not "the company") at ``tok``."""
    mention = doc._.kg.by_token.get(tok.i)
    return mention is not None and not mention.generic and doc._.kg.record(mention).type in ("EXCHANGE", "ORGANIZATION")


def _named_venue(doc, tok: Token) -> bool:
    """An exchange's name (not "the exchange") at ``tok``."""
    mention = doc._.kg.by_token.get(tok.i)
    return mention is not None and not mention.generic and doc._.kg.record(mention).type == "EXCHANGE"


def on_named_venue(doc, verb: Token) -> list[Token]:
    """The exchanges named after the verb's "on" ("launches on Uphold, MoonPay and Bitso")."""
    return [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"
            for o in c.subtree if _named_venue(doc, o)]


def _on_named_venue(doc, verb: Token) -> bool:
    return bool(on_named_venue(doc, verb))


DATED_DERIVATIVES = {"futures", "options"}


def dated_derivative(noun: Token, kinds) -> bool:
    """A derivative of ``kinds`` that expires ("bitcoin futures"), which an exchange launches; perpetual ones
    crypto exchanges list coin by coin."""
    return noun.lower_ in kinds and not any(c.lower_ in ("perpetual", "perpetuals", "perp") for c in noun.subtree)


def _derivatives_start(taken: dict, verb: Token) -> bool:
    """A named venue begins to trade or offer futures or options (not perpetual ones, which crypto exchanges
    list coin by coin), or they begin to trade: "Kestrel Exchange began trading futures on solana", "solana
    options started trading on Tuesday"."""
    opener = verb if verb.lemma_.lower() in ("begin", "start") else verb.head
    things = [c for c in verb.children if c.dep_ == "dobj"] + \
        [c for c in opener.children if c.dep_ == "nsubj" and c.lower_ in DATED_DERIVATIVES]
    if not any(dated_derivative(t, DATED_DERIVATIVES) for t in things):
        return False
    ents = verb.doc._.kg
    return any(c.dep_ == "nsubj" and (c.lower_ in DATED_DERIVATIVES or c.i in taken and
                                      ents.record(taken[c.i]).type in ("EXCHANGE", "ORGANIZATION"))
               for c in opener.children)


def _a_named_fund_starts(taken: dict, verb: Token) -> bool:
    """'The Harbourline Bitcoin ETF began', 'Meridian's Ether Trust, which started': the one starting is a
    fund the article names (its name ends in a word for a fund)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
        subject = verb.head
    # (or the fund its description names: "Meridian's new ether fund, the Meridian Ether Trust,")
    return subject is not None and any(_named_fund(taken, t)
                                       for t in (subject, *(c for c in subject.children if c.dep_ == "appos")))


def _named_fund(taken: dict, tok: Token) -> bool:
    """The token is in a fund's name the article gives (one ending in a word for a fund)."""
    return tok.i in taken and not taken[tok.i].generic and taken[tok.i].text.split()[-1] in FUND_WORDS


def _lists_a_fund(taken: dict, verb: Token) -> bool:
    """'listed the Pinecrest Cardano ETF', 'listed an exchange-traded product that holds Avalanche': what
    is listed is a fund, named or described as one (not "applied to list", "a proposal to list": a plan)."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if _named_fund(taken, obj):
            return True
        if obj.lemma_.lower() in FUND_NOUNS and not any(c.dep_ == "poss" for c in obj.children) or \
                obj.lemma_.lower() == "product" and any(c.lower_ == "exchange-traded" or c.lower_ == "traded"
                                                        for c in obj.children):
            return True
    return False


def _a_named_token_given_out(taken: dict, verb: Token) -> bool:
    """A named token (not "licences", nor "the tokens it sold") handed out, distributed or airdropped to its
    first holders ("to users", "to 400,000 wallets"), by someone named (not in the passive)."""
    if verb.lemma_.lower() == "hand" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return False
    # (or the subject of the verb it goes on from: "Kelp Labs began handing out KELP to everyone who staked")
    began = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("begin", "start", "continue") and \
        any(c.dep_ == "nsubj" for c in verb.head.children)
    # (or its owner's token the clause describes: "Kelp's KLP token, handed out to its stakers last spring,")
    described = verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "poss" for c in verb.head.children)
    if not began and not described and not any(c.dep_ == "nsubj" for c in verb.children) or \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    ents = verb.doc._.kg
    given = [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree] + \
        ([verb.head, *(c for c in verb.head.children if c.dep_ == "compound")] if described else [])
    receivers = [o for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for o in c.children]
    # (or its owner's own token, to whomever: "Kelp Finance distributed its KLP token in April")
    own = any(c.dep_ == "dobj" and c.lemma_.lower() == "token" and
              any(p.dep_ == "poss" and p.lower_ in ("its", "their") for p in c.children) for c in verb.children)
    return any(t.i in taken and not taken[t.i].generic and ents.record(taken[t.i]).type == "ASSET" for t in given) \
        and (own or any(o.lemma_.lower() in TOKEN_RECEIVERS for o in receivers))


def _venue_halts_a_coin(taken: dict, verb: Token) -> bool:
    """A company (not an authority: "the SEC suspended trading in its shares") halting trading in coins it
    names, or in "the token"."""
    ents = verb.doc._.kg
    firms = ("EXCHANGE", "ORGANIZATION")
    if not any(c.dep_ == "nsubj" and (c.lower_ in ("it", "they") or any(
            t.i in taken and ents.record(taken[t.i]).type in firms for t in c.subtree)) for c in verb.children):
        return False
    trading = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ("trading", "trade")]
    coins = [o for c in trading for p in c.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
             for o in p.subtree] + \
        [o for p in verb.children if trading and p.dep_ == "prep" and p.lower_ in ("in", "of") for o in p.subtree]
    return any(t.i in taken and ents.record(taken[t.i]).type == "ASSET" for t in coins)


def _a_company_failed(taken: dict, verb: Token) -> bool:
    """'Bank of Tarrant, which had failed two days earlier', 'Quillon Lending, a crypto lender that failed in
    2023': a named company failing outright (not failing to do something, nor a test, a deal or an audit failing)."""
    if any(c.dep_ in ("xcomp", "dobj", "ccomp") or c.dep_ == "aux" and c.lower_ == "to" or
           c.dep_ == "prep" and c.lower_ in ("in", "at") and any(o.lemma_.lower() in ("bid", "attempt", "effort")
                                                               for o in c.children)
           for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
        subject = verb.head
        if subject.i not in taken and subject.dep_ == "appos":
            subject = subject.head  # "Quillon Lending, a crypto lender that failed"
    return subject is not None and subject.i in taken and not taken[subject.i].generic and \
        verb.doc._.kg.record(taken[subject.i]).type in ("EXCHANGE", "ORGANIZATION")


def _companies_together(doc, verb: Token) -> bool:
    """'Circle and Bitmain have agreed to work together', 'the two companies worked together': the subject
    (of the verb, or of the one it completes) is two companies."""
    while not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.dep_ in ("xcomp", "conj") and \
            verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    if subject.lemma_.lower() in ("company", "firm") and any(c.lower_ == "two" for c in subject.children):
        return True
    ents = doc._.kg
    named = {ents.record(m).key for m in ents.in_span(subject.left_edge.i, subject.right_edge.i + 1)
             if not m.generic and ents.record(m).type in ("EXCHANGE", "ORGANIZATION")}
    return len(named) >= 2


def _working_on_a_remedy(verb: Token) -> bool:
    """Working with another firm is a partnership when the two offer something together ("opened crypto
    custody to clients, working with a broker"), not when a firm hit by a theft or a failure works with
    helpers on undoing it ("working with an analytics firm to retrieve the coins", "on a fix"), nor when the
    work has stopped or never happened."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in STOP_VERBS or any(c.dep_ == "neg" for c in verb.children):
        return True
    return any(t.lemma_.lower() in REMEDY_WORDS for c in verb.children if c.dep_ in ("xcomp", "advcl", "prep")
               and c.lower_ not in ("with", "since", "for") for t in c.subtree)


def _with_company(doc, tok: Token) -> bool:
    """'a tokenization deal with DAMAC Group', 'has worked with PayPal since 2020': 'with' a named company
    (not a regulator: "worked with the SEC" is cooperation, "a deal with prosecutors" a settlement), and
    for a deal, none that buys, settles or lends."""
    ents = doc._.kg
    terms = [*tok.subtree, *(t for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i for t in c.subtree)]
    # (words of a name are no terms: "Hai Van Commercial Joint Stock Bank")
    terms = [t for t in terms if t.i not in ents.by_token or ents.by_token[t.i].generic]
    if tok.pos_ == "NOUN" and any(t.lemma_.lower() in NOT_PARTNERSHIP_DEALS for t in terms):
        # "an agreement under which Fisco will take a majority stake", "reached an agreement with the IMF
        # for a $1.4 billion loan program"
        return False
    if tok.pos_ == "VERB" and _working_on_a_remedy(tok):
        return False  # "working with an analytics firm to follow the stolen coins", "stopped working with X"
    # (or "signed an agreement with Kisii Growers", the parser hanging the "with" on the verb)
    signed = tok.dep_ == "dobj" and tok.head.lemma_.lower() == "sign"
    for prep in [*tok.children, *(tok.head.children if signed else ())]:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            named = [o for o in prep.children if o.dep_ == "pobj" and o.i in ents.by_token]
            if named and _named_partner(named[0]):
                return True
            if named and signed and _company_or_central_bank(named[0]) and any(
                    c.dep_ == "nsubj" and c.i in ents.by_token and ents.record(ents.by_token[c.i]).type == "PERSON"
                    for c in tok.head.children):
                return True  # "the tennis player signed a three-year contract with the exchange": an endorsement
            # "deals with football clubs including Aston Villa and Everton": the kind, then the named ones
            examples = [e for o in prep.children if o.dep_ == "pobj" and o.i not in ents.by_token
                        for c in o.subtree if c.dep_ == "prep" and c.head.i <= c.i and (
                            c.lower_ in ("including", "like") or c.lower_ == "as" and doc[c.i - 1].lower_ == "such")
                        for e in c.children if e.dep_ == "pobj" and e.i in ents.by_token]
            if examples and _named_partner(examples[0]):
                return True
    # "a deal announced on Monday between Paloma Envíos and Bitso": a deal between two named companies
    places = [tok, *(c for c in tok.children if c.dep_ in ("acl", "relcl"))] if tok.pos_ == "NOUN" else []
    for prep in (c for p in places for c in p.children if c.dep_ == "prep" and c.lower_ == "between"):
        first = next((o for o in prep.children if o.dep_ == "pobj" and o.i in ents.by_token), None)
        if first is not None and _named_partner(first) and any(
                c.i in ents.by_token and _named_partner(c) for c in first.conjuncts):
            return True
    return False


# what a company sells as its output or a right to use its name, not a part of itself
SOLD_OUTPUT = {"hashrate", "power", "electricity", "output", "capacity", "energy", "right", "sponsorship"}
HASHRATE_UNITS = ("petahash", "exahash", "terahash", "hashrate", "hashpower")


def _sold_to_company(doc, verb: Token) -> bool:
    """'sold the business to Karpeles', 'sold its mining site to Galaxy Digital', 'the sale of Kilimani's customer
    accounts and brand to Akagera Exchange': a sale to someone named is their purchase ('sold bitcoin', 'rushed
    to sell' name no buyer). The parser may hang "to" on what was sold, up to two nouns down."""
    ents = doc._.kg
    if any(t.lemma_.lower() in SOLD_OUTPUT or t.lower_.startswith(HASHRATE_UNITS) for c in verb.children
           if c.dep_ in ("dobj", "prep") and c.lower_ != "to" for t in c.subtree):
        return False  # "agreed to sell 300 petahashes per second of its computing power forward to X": output, no firm
    heads = [verb]
    for _ in range(2):
        heads += [c for h in heads for c in h.children if c.dep_ in ("dobj", "pobj", "prep", "conj") and
                  c.pos_ in ("NOUN", "PROPN", "ADP") and c not in heads]
    return any(c.dep_ in ("prep", "dative") and c.lower_ == "to" and any(
        o.dep_ == "pobj" and o.i in ents.by_token and not ents.by_token[o.i].generic and
        ents.record(ents.by_token[o.i]).type in ("EXCHANGE", "ORGANIZATION") for o in c.children)
        for h in heads for c in h.children)


def _stops_withdrawals(verb: Token) -> bool:
    """'stopped customer withdrawals', 'stopped processing customer withdrawals', 'stopped making payments': what
    is stopped (or what the stopped processing handles) is withdrawals, deposits or payouts, with any words
    between."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [d for c in verb.children if c.dep_ in ("xcomp", "pcomp") for d in c.children if d.dep_ == "dobj"]
    # "stopped letting customers withdraw bitcoin", "stopped allowing users to withdraw"
    allowed = [d for c in verb.children if c.dep_ in ("xcomp", "pcomp") and c.lemma_.lower() in ("let", "allow")
               for d in c.subtree if d.pos_ == "VERB" and d.i != c.i]
    # "stopped paying out", "stopped paying its 40,000 members" (not "stopped paying rent")
    paid = [c for c in verb.children if c.dep_ in ("xcomp", "pcomp") and c.lemma_.lower() == "pay"]
    if any(d.dep_ == "prt" and d.lower_ == "out" or d.dep_ in ("dobj", "dative") and d.lemma_.lower() in PAID_PEOPLE
           for c in paid for d in c.children):
        return True
    # (payments made to customers: not "stopped accepting bitcoin payments", a merchant's choice)
    return any(o.lemma_.lower() in ("withdrawal", "deposit", "redemption") or
               o.lemma_.lower() in ("payment", "payout") and o.head.lemma_.lower() in ("stop", "cease", "make",
                                                                                       "process", "send")
               for o in objects) or \
        any(v.lemma_.lower() == "withdraw" for v in allowed)


# what a venue, negated, keeps its users from doing: "has not let users withdraw" (event_participants'
# LETTING_VERBS, which let customers trade, are a wider set)
WITHHOLDING_VERBS = {"let", "allow", "permit"}


# what one withdraws that is no money: "did not let users withdraw their consent"
WITHDRAWN_NON_MONEY = {"consent", "application", "bid", "offer", "support", "complaint", "lawsuit", "suit", "case",
                       "statement", "proposal", "request", "petition", "claim", "permission", "licence", "license"}


def cannot_move_money(verb: Token) -> bool:
    """'could not withdraw', 'were unable to retrieve their savings', 'have been unable to make payments'."""
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "dobj" and c.lemma_.lower() in WITHDRAWN_NON_MONEY for c in verb.children):
        return False
    return (lemma in ("withdraw", "retrieve") or lemma == "make" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("payment", "transfer", "withdrawal") for c in verb.children)) and \
        unable_to_withdraw(verb)


def unable_to_withdraw(verb: Token) -> bool:
    """'could not withdraw', 'could no longer withdraw', 'were unable to withdraw': the inability is the halt
    (``event_factuality.happened`` reads the negation as part of the event, not as its denial)."""
    if any(c.dep_ == "neg" for c in verb.children) or any(
            c.lower_ == "longer" and any(d.lower_ == "no" for d in c.children) for c in verb.children):
        return True
    node = verb
    for _ in range(3):  # "unable to use the website or app, including to withdraw funds"
        if node.lower_ == "unable":
            return True
        if node.i != verb.i and node.lemma_.lower() in WITHHOLDING_VERBS and \
                any(c.dep_ == "neg" for c in node.children):
            return True  # "has not let users withdraw rupees or crypto since October"
        if node.head == node:
            return False
        node = node.head
    return False


def _regulator_examines(taken, doc, verb: Token) -> bool:
    """A regulator reviewing or examining someone's conduct (not an application it was sent, which is licensing)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subject is None or obj is None or obj.lemma_.lower() in SUBMITTED_PAPERS:
        return False
    mention = taken.get(subject.i)
    return mention is not None and doc._.kg.record(mention).type == "REGULATOR"


def _person_takes_over(taken, doc, verb: Token) -> bool:
    """'X, who took over the central bank last month': a person taking over an institution leads it (a
    company taking over another buys it)."""
    if not any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children) or \
            not any(c.dep_ == "dobj" for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subject = verb.head
    mention = taken.get(subject.i) if subject is not None else None
    return mention is not None and doc._.kg.record(mention).type == "PERSON"


# what customers use, which going offline shuts them out of
SERVICE_NOUNS = {"platform", "exchange", "bridge", "service", "site", "website", "app", "wallet", "network", "trading",
                 "market", "marketplace"}


def _names_people(taken, doc, subject: Token) -> bool:
    """Whether a subject names a person ("Two other directors, A and B", "Bello")."""
    return any(doc._.kg.record(taken[t.i]).type == "PERSON" for t in subject.subtree if t.i in taken)


def _challenged_in_court(verb: Token) -> bool:
    """'challenged the circular in the Supreme Court', 'challenged that decision at the Supreme Administrative
    Court': a decision contested before a court is a case there."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "at", "before") and any(
        o.lemma_.lower() in ("court", "tribunal") for o in c.children) for c in _with_the_objects_children(verb))


def _with_the_objects_children(verb: Token) -> list[Token]:
    """A verb's children and its direct object's: the parser may hang a verb's phrase ("as legal representative",
    "in the Supreme Court") on the object instead."""
    return [*verb.children, *(g for d in verb.children if d.dep_ == "dobj" for g in d.children)]


def _person_joins_as_a_leader(taken, doc, verb: Token) -> bool:
    """'X has joined BitKeep's board', 'X joined Harlan & Pike as a partner': a person joining a company's
    board (not an advisory one) or joining it as a partner or in a top post takes a seat at its head (joining a
    round or a lawsuit is no such change)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subject = verb.head
    mention = taken.get(subject.i) if subject is not None else None
    if mention is None or doc._.kg.record(mention).type != "PERSON" or \
            any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children):
        return False  # ("X will join the board once the deal closes": the gold sets take three of four as plans)
    board = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "board"), None)
    if board is not None:
        return not any(t.lower_ == "advisory" for t in board.lefts)
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(
        o.lemma_.lower() in ("partner", "director") or _company_title(o) for o in c.children)
        for c in verb.children)


def central_bank(record) -> bool:
    """A central bank or monetary authority: an authority that also does business, issuing currency with
    technology firms and payment networks as partners ('Visa signed an agreement with the National Bank of
    Kazakhstan')."""
    return record.type == "REGULATOR" and bool(CENTRAL_BANK_WORDS.search(record.name))


CENTRAL_BANK_WORDS = re.compile(r"\bbank\b|\bmonetary authority\b", re.I)


def opened_to_audience(verb: Token) -> bool:
    """'opened Base to the public', 'the network was opened to all developers': a product opened to its
    users (not 'opened an office', 'opened an investigation', 'opened the door to a settlement'); and
    'Gemini opened to customers', 'Binance.US opened for trading': a venue opening its doors (not shares
    opening for trading, nor a market's daily open)."""
    to_audience = any(c.dep_ == "prep" and c.lower_ == "to" and any(o.dep_ == "pobj" and o.lower_ in AUDIENCES
                                                                    for o in c.children) for c in verb.children)
    if any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return to_audience
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    ents = getattr(verb.doc._, "kg", None)
    if subject is None or not (subject.pos_ == "PROPN" or ents is not None and subject.i in ents.by_token and
                               not ents.by_token[subject.i].generic):
        return False
    return to_audience or any(c.dep_ == "prep" and c.lower_ == "for" and any(
        o.dep_ == "pobj" and o.lower_ in ("trading", "business") for o in c.children) for c in verb.children)


def about_apps(verb: Token) -> bool:
    """'removed the Samourai app from its Play Store': the object or its source is an app or an app store."""
    for child in verb.children:
        if (child.dep_ == "dobj" or child.dep_ == "prep" and child.lower_ in ("from", "off")) and \
                any(t.lower_ in APP_WORDS for t in child.subtree):
            return True  # not what is pulled into apps: "pull its customers deeper into on-chain applications"
    return False
