"""Whether a trigger reports an event that happened: not under a negation, a modal, a denial, a plan
or a conditional, and not in a sentence about a called-off deal.
"""

from __future__ import annotations

from spacy.tokens import Token

from .event_triggers import WITHHOLDING_VERBS, Triggers, cannot_move_money
from .generic_mentions import REPORTING_VERBS


def called_off(triggers: Triggers, sent) -> bool:
    words = [t.lower_ for t in sent]
    lemmas = [t.lemma_.lower() for t in sent]
    present = {*words, *lemmas}
    for phrase in triggers.cancelled:
        if phrase and phrase[0] not in present:
            continue
        n = len(phrase)
        for k in range(len(words) - n + 1):
            if tuple(words[k:k + n]) == phrase or tuple(lemmas[k:k + n]) == phrase:
                return True
    return False


# "past attacks by Lazarus", "similar hacks": a kind of event, not one that happened
GENERIC_PLURAL = {"past", "previous", "earlier", "prior", "similar", "other", "many", "several", "numerous",
                  "countless", "repeated", "frequent"}
PRESUPPOSING = {"after", "since", "because", "once", "as"}  # clauses that tell what already happened
FALSE_REPORTS = {"falsely", "wrongly", "erroneously", "mistakenly", "incorrectly"}
NO_ONE = {"none", "nobody", "neither", "nothing"}  # subjects that deny what their verb says happened
ANY_ONE = {"someone", "somebody", "anyone", "anybody", "everyone", "everybody"}  # subjects that name no party
REQUESTS = {"file", "apply", "petition"}  # "filed to launch a fund": a request, nothing launched yet
REPORT_NOUNS = {"report", "claim", "allegation", "rumor", "rumour", "suggestion", "speculation"}
DENIALS = {"deny", "dismiss", "reject", "refute", "rebut", "dispute"}
EVIDENCE_NOUNS = {"sign", "evidence", "indication", "suggestion", "proof", "trace", "reason"}
DEAL_MAKING = {"sign", "strike", "agree", "announce", "reach", "seal", "ink", "form", "finalize", "finalise"}
PLAN_NOUNS = {"plan", "proposal", "roadmap", "intention"}  # "unveiled a plan to raise $42 billion"
SOUGHT_REMEDIES = {"penalty", "fine", "disgorgement", "forfeiture", "restitution"}  # what a complaint asks for
# what gives a wind-down time or orders it: "has 45 days to", "was told to", "a deadline to"
WIND_DOWN_GOVERNORS = {"have", "give", "order", "agree", "require", "tell", "force", "direct", "instruct", "leave",
                       "day", "week", "month", "year", "deadline", "time"}
LICENSING_VERBS = {"license", "licence", "authorize", "authorise", "register", "approve", "grant", "renew"}
LIKELY_WORDS = {"likely", "unlikely", "possible", "probable", "imminent", "expected"}  # what may yet happen


def happened(triggers: Triggers, token: Token) -> bool:
    """False under a negation, a modal, a denial, a plan or a conditional, for a plan as the trigger's
    object, and for a plural noun of a kind of events ("past attacks")."""
    # "users could not withdraw funds": the negation and the modal are the event itself, not its denial
    unable = cannot_move_money(token)
    if token.head.lower_ == "without" or any(c.lower_ == "without" for c in token.children):
        return False
    if token.pos_ == "NOUN" and _ruled_out(token):
        return False  # "caused by heavy traffic rather than an attack": the cause set aside
    if _told_as_done(token) or _licence_refused(token):
        return True
    if _wind_down_ordered(token) or _an_obligation(token) or _called_for(token) or _what_a_rule_would_do(token):
        return False
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ANY_ONE for c in token.children):
        return False  # "whenever someone launches a rival fund": anyone at all, no one named
    if first.dep_ in ("advcl", "xcomp") and first.head.lemma_.lower() in REQUESTS and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children):
        return False  # "filed with the SEC in March to launch a fund holding Solana": asked for
    if first.head.lower_ == "to" and first.head.head.lemma_.lower() == "lead" and \
            first.head.head.head.lemma_.lower() in ("information", "tip", "tips", "details"):
        return False  # "a reward for information leading to the arrest and conviction of those responsible"
    if token.tag_ == "NNS" and any(c.dep_ == "amod" and c.lower_ in GENERIC_PLURAL for c in token.children):
        return False
    if _means_or_scope(token):
        return False  # "recovered through asset sales, settlements and litigation", "a moratorium on suits"
    if _asked_for(token):
        return False  # "asks the court to order the return of funds and to impose civil penalties": relief sought
    if token.dep_ in ("nsubj", "nsubjpass") and (token.head.lemma_.lower() in ("expect", "anticipate") or any(
            c.dep_ in ("acomp", "oprd") and c.lemma_.lower() in LIKELY_WORDS for c in token.head.children)):
        return False  # "more arrests were likely", "further charges are expected": what may come next
    if any(c.dep_ == "dobj" and c.lemma_.lower() in PLAN_NOUNS for c in token.children):
        return False  # "unveiled a plan to raise $42 billion": a plan, not a launch
    if any(c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
           for c in token.children) or any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return False  # "will pay no administrative fees", "carried no specific penalties"
    if token.dep_ == "dobj" and token.head.lemma_.lower() == "face" and _an_alternative(token.head):
        return False  # "had until March to stop offering crypto services or face fines": what would follow
    node, steps = token, 0
    while True:
        for child in node.children:
            if child.dep_ == "neg" and not (unable and (node.i == token.i or
                                                        node.lemma_.lower() in WITHHOLDING_VERBS)):
                return False
            if child.dep_ == "aux" and child.lemma_.lower() in triggers.modals and not (unable and node.i == token.i):
                return False
            if child.dep_ == "mark" and child.lower_ in ("if", "whether", "unless"):
                return False
            if child.dep_ == "preconj" and child.lower_ == "neither" and node.pos_ in ("VERB", "AUX"):
                return False  # "has neither approved nor barred the wallet"
            if child.dep_ == "advmod" and child.lower_ in FALSE_REPORTS:
                return False  # "a post falsely announced that the funds had been approved"
            if child.dep_ in ("nsubj", "nsubjpass") and (child.lower_ in NO_ONE or any(
                    d.dep_ in ("det", "preconj") and d.lower_ in ("no", "neither") for d in child.children)):
                return False  # "neither Binance nor its holding company was registered", "none of them was licensed"
        # by lemma, or by the word itself ("talks" on a loan are negotiations, "talked about" is not); tokens
        # compare by index, as spaCy makes a new Token object on every access
        if node.i != token.i and (node.lemma_.lower() in triggers.governors or node.lower_ in triggers.governors) \
                and not _for_sale(node):
            return False
        if node.i != token.i and _denied_by(node):
            return False
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in node.children):
            return False  # "face criminal penalties if they continue"
        if node.dep_ == "conj" and _in_past_or_present(node) and node.head.tag_ == "VB" and \
                any(c.dep_ == "aux" and c.lemma_.lower() in triggers.modals for c in node.head.children):
            # "said that a committee would examine ..., and warned the public", "would open sign-ups in December
            # and had signed an agreement": a verb in the past or present tense (or perfect) is no conjunct of the
            # modal's bare verb, whatever the parser made of it; it goes with the one above
            node = node.head
        elif node.dep_ == "conj" and steps > 0 and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            # "can impose fines and, in serious cases, refer matters for prosecution": a conjunct without a
            # subject of its own shares the first one's modal or negation
            return not any(c.dep_ == "neg" or c.dep_ == "aux" and c.lemma_.lower() in triggers.modals
                           for c in node.head.children)
        if node.head.i == node.i or steps >= 4 or node.dep_ in ("conj",) and steps > 0:
            return True
        if node.dep_ in ("relcl", "acl") and node.head.lemma_.lower() in REPORT_NOUNS and \
                node.head.head.lemma_.lower() in DENIALS:
            return False  # "denied a report that Nemunas had bought a stake": what a denied report says
        if node.dep_ in ("relcl", "acl") and (steps > 0 or node.tag_ == "VBD" or
                                               node.tag_ == "VBZ" and node.head.dep_ in ("nsubj", "nsubjpass")):
            # (a verb in the past tense in a relative clause tells what was done, whatever governs the noun:
            # "hoped the governor would engage with CoinDCX and CoinSwitch, both of which registered with ...";
            # so does a present one about the subject: "Kelvora, which sponsors two clubs, tried to win back investors")
            return not _denied_by(node.head)
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in PRESUPPOSING for c in node.children):
            return True  # "can now list tokens after it was hacked": the hack happened, whatever comes of the rest
        if node.dep_ == "advcl" and node.tag_ == "VBG" and not any(c.dep_ in ("mark", "nsubj") for c in node.children):
            # "ruled that XRP was not a security, sending the token up 70%": what came of a statement, whatever
            # the statement denies; only a modal over it leaves the outcome open
            return not any(c.dep_ == "aux" and c.lemma_.lower() in triggers.modals for c in node.head.children)
        if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            # "said it would compensate users and that withdrawals had been suspended": a conjunct with a
            # subject of its own is not under the first conjunct's modal or negation, only under what
            # governs both
            node = node.head
            if node.head.i == node.i or node.dep_ in ("relcl", "acl"):
                return True
        node = node.head
        steps += 1


CASE_NOUNS = {"litigation", "suit", "lawsuit", "settlement", "claim", "action", "case", "proceeding", "fine",
              "penalty"}


def _called_for(noun: Token) -> bool:
    """'called for a moratorium on token sales and for fines', 'pressed for a licence regime': what someone
    asks for has not happened (however the parser hangs the second "for")."""
    if noun.pos_ != "NOUN":
        return False
    return any(a.lower_ == "for" and a.dep_ == "prep" and
               a.head.lemma_.lower() in ("call", "push", "press", "lobby", "argue", "campaign")
               for a in list(noun.ancestors)[:6])


def _what_a_rule_would_do(verb: Token) -> bool:
    """'drafted an amendment to ban anonymous wallets', 'a bill to ban mining': what a rule is meant to do
    once passed is not done."""
    return verb.pos_ == "VERB" and verb.dep_ == "acl" and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
        verb.head.lemma_.lower() in ("rule", "law", "bill", "regulation", "legislation", "proposal", "measure",
                                     "framework", "amendment", "draft")


def _wind_down_ordered(verb: Token) -> bool:
    """'was given 60 days to wind down', 'told to wind down its lending arm': a wind-down one is told or
    given time to do is not done yet."""
    if verb.lemma_.lower() != "wind" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.head.lemma_.lower() in WIND_DOWN_GOVERNORS


def _an_obligation(verb: Token) -> bool:
    """'the law will require brokers to obtain licences', 'firms will have to obtain a licence': what a rule
    obliges someone to get is not got yet."""
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
        verb = verb.head  # (the licence itself: its verb tells)
    if verb.lemma_.lower() not in ("obtain", "secure", "get", "hold", "acquire") or \
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    # (the parser may hang the infinitive on what comes between: "require brokers trading them to obtain")
    return any(a.lemma_.lower() in ("require", "oblige", "force", "need", "have")
               for a in list(verb.ancestors)[:3])


def _licence_refused(verb: Token) -> bool:
    """'has refused to authorise Tammi Crypto', 'declined to renew its registration': a licence denied is a
    licensing decision as much as one granted (not "refused to comment")."""
    return verb.lemma_.lower() in LICENSING_VERBS and verb.dep_ == "xcomp" and \
        verb.head.lemma_.lower() in ("refuse", "decline") and not any(c.dep_ == "neg" for c in verb.head.children)


def _means_or_scope(noun: Token) -> bool:
    """A case or settlement noun in the plural (or "litigation") with no determiner, as what money comes
    "through" or "from", what a moratorium is "on", or what proceeds are "of": cases in general, not one."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CASE_NOUNS or \
            not (noun.tag_ == "NNS" or noun.lemma_.lower() == "litigation") or any(
            c.dep_ in ("det", "poss", "nummod") for c in noun.children):
        return False
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "through asset sales, settlements and litigation"
    return first.dep_ == "pobj" and first.head.lower_ in ("through", "from", "on", "of") and \
        (first.head.head.lemma_.lower() in ("recover", "raise", "moratorium", "stay", "fund", "income") or
         first.head.head.lower_ == "proceeds")


def _asked_for(token: Token) -> bool:
    """A penalty someone asks a court to impose (the verb it is the object of an infinitive after "ask" or
    "request", or a conjunct of one): relief sought, not granted."""
    if token.lemma_.lower() not in SOUGHT_REMEDIES:
        return False  # (what one asks another authority to do may be done: "asked the NTC to block Binance")
    verb = token.head if token.dep_ in ("dobj", "nsubjpass") else token
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("ask", "request") and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _an_alternative(verb: Token) -> bool:
    """'to register or face fines': a verb joined to the one before it by "or"."""
    return verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "or" for c in verb.head.children)


def _in_past_or_present(verb: Token) -> bool:
    """'warned', 'warns', 'had signed', 'has signed': a finite verb, or a participle a finite 'have' carries."""
    return verb.tag_ in ("VBD", "VBZ") or verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBD", "VBZ") for c in verb.children)


def _told_as_done(noun: Token) -> bool:
    """'fund accounts under a partnership the two companies signed in June': a deal a relative clause in the
    past tense tells as made is one, whatever modal governs the sentence. (The parser often hangs such a
    clause on the subject after the noun, "the two companies", and calls it a participle.)"""
    if noun.pos_ != "NOUN":
        return False
    if noun.lemma_.lower() == "partnership" and noun.head.lower_ == "in" and \
            any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children) and \
            not any(c.dep_ in ("neg", "aux") for c in noun.head.head.children):
        return True  # "a yield product Nuri offered in partnership with Celsius": the partner told as one already
    doc = noun.doc
    for verb in doc[noun.i + 1:min(noun.i + 6, noun.sent.end)]:
        if verb.is_punct:
            return False
        if verb.dep_ in ("relcl", "acl") and noun.i <= verb.head.i < verb.i and not any(
                c.dep_ in ("neg", "aux", "auxpass") for c in verb.children) and (
                verb.tag_ == "VBD" and verb.head.i == noun.i or
                verb.tag_ == "VBN" and verb.head.i > noun.i and verb.lemma_.lower() in DEAL_MAKING):
            return True  # (not "a partnership proposed by X": a participle of the noun's own)
    return False


def _denied_by(noun: Token) -> bool:
    """'found no sign that customers' personal information had been accessed': what there is no evidence of."""
    return noun.lemma_.lower() in EVIDENCE_NOUNS and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _for_sale(node: Token) -> bool:
    """'passwords had been offered for sale': stolen data on sale is out already (not an offer to buy); nor is
    'began offering bitcoin ... through a partnership with SEBA' an offer, but a service begun."""
    return node.lemma_.lower() == "offer" and (any(
        c.dep_ == "prep" and c.lower_ == "for" and any(g.lower_ == "sale" for g in c.children) for c in node.children)
        or node.dep_ == "xcomp" and node.head.lemma_.lower() in ("begin", "start"))


def announced_as_decided(token: Token) -> bool:
    """'Gopax said it would delist the token on Dec. 7', 'said it would add trading pairs next week': what a
    venue says it would list or delist is reported speech for "will", a decision taken (not "would not list",
    nor "said it would consider listing")."""
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in ("stop", "begin", "start", "cease", "resume"):
        token = token.head  # "said it would stop trading in three tokens"
    if not any(c.dep_ == "aux" and c.lower_ == "would" for c in token.children) or \
            any(c.dep_ == "neg" for c in token.children) or any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                for c in token.children):
        return False  # nor "would delist the token unless redemptions resume"
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "had suspended deposits and would delist the token"
    return node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTING_VERBS and \
        not any(c.dep_ == "neg" for c in node.head.children)


SEEKING_VERBS = {"seek", "apply", "petition"}


def sought_protection(triggers: Triggers, token: Token) -> bool:
    """'sought a court-supervised restructuring', 'has applied for judicial management', 'seeks creditor
    protection': for a failing company, asking a court for protection is the filing itself (not a plan), unless
    the asking is negated or only planned ("may seek", "plans to seek")."""
    node, steps = token, 0
    while steps < 3 and node.head.i != node.i:
        node = node.head
        steps += 1
        if node.pos_ == "VERB" and node.lemma_.lower() in SEEKING_VERBS:
            return node.dep_ != "xcomp" and not any(
                c.dep_ == "neg" or c.dep_ == "aux" and c.lemma_.lower() in triggers.modals for c in node.children)
    return False


def _ruled_out(noun: Token) -> bool:
    """'rather than an attack', 'instead of a hack': the words right before the noun's phrase set it aside."""
    doc, start = noun.doc, noun.left_edge.i
    before = [t.lower_ for t in doc[max(noun.sent.start, start - 2):start]]
    return before in (["rather", "than"], ["instead", "of"]) or before[-1:] == ["not"] and start > noun.sent.start \
        and doc[start].lower_ in ("a", "an")
