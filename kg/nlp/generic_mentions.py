"""Generic mentions: "the exchange", "it" linked to the entity they most likely mean.

They let relations and events use the sentence, but never create entities.
"""

from __future__ import annotations

import bisect
import functools
import re

from .candidate_spans import ends_start_up, kind_word, said_on
from .doc_entities import EntityBuilder, EntityRecord, Mention
from .event_triggers import verb_base


# what thieves take money from: "drained $5 million from its hot wallet"
ROBBED_HOLDINGS = {"wallet", "reserve", "treasury", "bridge", "platform", "account", "contract", "pool", "vault"}
# verbs that report what someone said: the one who says "it" is its subject; what a venue says it would do
REPORTING_VERBS = {"say", "announce", "confirm", "state", "add", "disclose", "report", "tell", "warn", "note",
                   "explain", "write", "claim", "acknowledge", "admit", "reveal", "notify", "inform"}


# a regulator named as a bank, or as the monetary authority that is one ("Monetary Authority of Singapore")
CENTRAL_BANK_NAME = re.compile(r"bank|monetary authority|autoriti monetari", re.I)
COURT_NAME = re.compile(r"\b(?:Court|Tribunal)\b")
# crypto news also says "the project" (and "the team" behind it) for a protocol, alongside the lexicon's generic nouns
EXTRA_NOUNS = {"project": ("ORGANIZATION", "EXCHANGE"), "team": ("ORGANIZATION", "EXCHANGE")}


# what only an authority does to others: its pronoun subject is a regulator
ENFORCEMENT_VERBS = {"fine", "ban", "block", "bar", "prohibit", "sue", "penalize", "penalise", "sanction", "revoke",
                     "subpoena", "indict", "blacklist", "outlaw"}


class GenericMentions(EntityBuilder):
    """The builder's rules linking generic mentions; they run last, once every named entity is known."""

    def add_generic_mentions(self) -> None:
        """'the exchange' -> the last exchange named before it (or the article's main one)."""
        doc = self.doc
        self._link_central_banks()
        nouns = {**EXTRA_NOUNS, **self.lex.generic_nouns}
        # (not the network something was said on: "confirmed the exploit on X and said it was working ...")
        named = sorted((m for m in self.ents.mentions if not m.generic and not said_on(doc, m.start)),
                       key=lambda m: m.start)
        for tok in (doc[i] for i, lower in enumerate(self._lowers) if lower in ("he", "she", "him", "her") and
                    i not in self.taken and doc[i].tag_ != "PRP$"):  # (not "her company")
            person = self._person_speaking(tok) or self._one_person_before(named, tok) or \
                self._the_person_of_the_sentence_before(named, tok)
            if person is not None:
                self._mention(doc[tok.i:tok.i + 1], person, generic=True)
        for tok in (doc[i] for i, lower in enumerate(self._lowers) if lower in ("it", "they", "its") or
                    lower in nouns or lower == "up" and ends_start_up(doc, i)):
            if tok.lower_ == "its":
                if self._robbed_holdings(tok) and tok.i not in self.taken:
                    record = self._referent(named, tok.i, ("EXCHANGE", "ORGANIZATION"))
                    if record is not None:
                        self._mention(doc[tok.i:tok.i + 1], record, generic=True)
                continue
            if tok.lower_ in ("it", "they") and tok.dep_ in ("nsubj", "nsubjpass") and tok.i not in self.taken:
                # a subject pronoun: the one who said it ("the MAS said it had been told"), else the
                # organisation the text was just talking about
                record = self._speaker(tok) or self._enforcer(named, tok) or self._subject_of_clause_above(tok) or \
                    self._regulator_going_on(tok) or self._referent(named, tok.i, ("EXCHANGE", "ORGANIZATION"))
                if record is not None:
                    self._mention(doc[tok.i:tok.i + 1], record, generic=True)
                continue
            noun = kind_word(doc, tok.i)
            first = tok.i - 2 if noun == "startup" and tok.lower_ == "up" else tok.i  # "start" "-" "up": one noun
            if noun not in nouns or tok.i in self.taken or first == 0:
                continue
            det = doc[first - 1]
            if det.lower_ not in ("the", "its", "that", "this") and not any(
                    c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "that", "this") and c.i < tok.i
                    for c in tok.children) and tok.left_edge.lower_ != "the":
                continue  # "the Hoboken, New Jersey-based company" counts; "a company" does not
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and (nxt.pos_ in ("PROPN", "NOUN") and nxt.text not in ("'s", "’s")):
                continue  # "the exchange Kraken", "the company statement": not a bare reference
            types = nouns[noun]
            # "the Minnesota Vikings football team", "the Mt. Gox exchange": the name inside says who (a place or
            # a coin does not: "the Malta-based firm", "the largest bitcoin exchange")
            inside = [self.ents.records[self.taken[i].key] for i in range(tok.left_edge.i, first)
                      if i in self.taken and not self.taken[i].generic]
            inside = [r for r in inside if r.type not in ("LOCATION", "ASSET")]
            if inside and inside[-1].type not in types:
                continue
            record = inside[-1] if inside else None
            if record is None and tok.dep_ == "appos" and tok.head.i in self.taken and \
                    not self.taken[tok.head.i].generic:
                record = self.ents.records[self.taken[tok.head.i].key]  # "Alameda, the trading firm ..."
            given = next((self.taken[c.i] for c in tok.children if c.dep_ == "appos" and c.i in self.taken and
                          not self.taken[c.i].generic and c.i > tok.i + 1 and doc[tok.i + 1].text == ","), None)
            if record is None and given is not None and self.ents.records[given.key].type in types:
                record = self.ents.records[given.key]  # "Its token, Huobi Token (HT), fell": the name it is given
            record = record or self._referent(self._placed_there(named, tok, first, types), first, types)
            if record is not None:
                self._mention(doc[first:tok.i + 1], record, generic=True)

    def _placed_there(self, named: list[Mention], noun, first: int, types) -> list[Mention]:
        """'The Seoul-based exchange filed for bankruptcy': of the names a generic noun may stand for, only the one
        the knowledge base places in the country of the place before "-based" (or "-headquartered"), where it
        knows all of them and places only that one there."""
        doc = self.doc
        place = next((self.taken[i] for i in range(noun.left_edge.i, first)
                      if i in self.taken and i + 2 < first and doc[i + 1].text == "-" and
                      doc[i + 2].lower_ in ("based", "headquartered")), None)
        entry = self.kb.get(self.ents.records[place.key].kb_id) if place is not None else None
        if entry is None or entry.type != "LOCATION":
            return named
        country = entry.country or entry.name
        candidates = {m.key: self.kb.get(self.ents.records[m.key].kb_id) for m in named
                      if m.end <= first and self.ents.records[m.key].type in types}
        placed = [key for key, known in candidates.items() if known is not None and known.country == country]
        # (only where it knows them all and places just one there: a firm it does not know may be the one, and
        # one it places elsewhere may have a base there too)
        if len(placed) == 1 and all(known is not None for known in candidates.values()):
            return [m for m in named if m.key == placed[0]]
        return named

    def _link_central_banks(self) -> None:
        """"Turkey's central bank barred ... the Central Bank of the Republic of Turkey (CBRT) said": a
        central bank, and "the bank" where no bank that is a company was named before, is the regulator
        with "Bank" (or "Monetary Authority") in its name, the one named last before it or else the first named
        after."""
        doc = self.doc
        banks = [m for m in self.ents.mentions if not m.generic and self.ents.records[m.key].type == "REGULATOR"
                 and CENTRAL_BANK_NAME.search(self.ents.records[m.key].name)]
        if not banks:
            return
        for i, lower in enumerate(self._lowers):
            if lower != "bank" or i in self.taken or i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN":
                continue
            central = i > 0 and self._lowers[i - 1] == "central" and i - 1 not in self.taken
            if not central and not (i > 0 and self._lowers[i - 1] == "the" and not any(
                    m.end <= i and self.ents.records[m.key].type == "ORGANIZATION" and
                    "bank" in self.ents.records[m.key].name.casefold() for m in self.ents.mentions)):
                continue
            before = [m for m in banks if m.end <= i]
            chosen = before[-1] if before else banks[0]
            self._mention(doc[i - 1 if central else i:i + 1], self.ents.records[chosen.key], generic=True)

    def _regulator_going_on(self, pronoun) -> EntityRecord | None:
        """'In a notice, the central bank said ... It urged the public not to': a sentence's subject "it"
        goes on from the regulator that was the previous sentence's subject."""
        doc = self.doc
        if pronoun.lower_ != "it" or not _main_subject_of_sentence(pronoun) or pronoun.sent.start == 0:
            return None
        before = doc[pronoun.sent.start - 1].sent.root
        subject = next((c for c in before.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.i not in self.taken:
            # "Spain's tax agency, the Agencia Tributaria, is ...": the subject named in its appositive
            subject = next((c for c in subject.children if c.dep_ == "appos" and c.i in self.taken), subject)
        mention = self.taken.get(subject.i) if subject is not None else None
        record = self.ents.records[mention.key] if mention is not None else None
        return record if record is not None and record.type == "REGULATOR" else None

    def _person_speaking(self, pronoun) -> EntityRecord | None:
        """'Caselin said on Twitter that he had resigned': "he" or "she" opening what a named person says is
        that person."""
        clause = pronoun.head
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or \
                clause.head.lemma_.lower() not in REPORTING_VERBS:
            return None
        subject = next((c for c in clause.head.children if c.dep_ == "nsubj" and c.i in self.taken), None)
        record = self.ents.records[self.taken[subject.i].key] if subject is not None else None
        return record if record is not None and record.type == "PERSON" else None

    def _one_person_before(self, named: list[Mention], pronoun) -> EntityRecord | None:
        """'Brenner drained $11 million from Kestrel Markets; he was convicted of fraud last April': a subject
        "he" or "she" in a sentence that has named one person before it, and no one else, is that person."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        # (the names are in text order: only the sentence's own are read, not the whole article's per pronoun)
        people = set()
        for k in range(bisect.bisect_left(named, pronoun.sent.start, key=lambda m: m.start), len(named)):
            m = named[k]
            if m.start >= pronoun.i:
                break
            if m.end <= pronoun.i and self.ents.records[m.key].type == "PERSON":
                people.add(m.key)
        return self.ents.records[next(iter(people))] if len(people) == 1 else None

    @staticmethod
    def _robbed_holdings(pronoun) -> bool:
        """'attackers drained $5 million from its hot wallet': "its" on what was robbed is the company the text
        was talking about (its other uses are read by the rules that need them)."""
        noun = pronoun.head
        return pronoun.dep_ == "poss" and noun.lemma_.lower() in ROBBED_HOLDINGS and noun.dep_ == "pobj" and \
            noun.head.lower_ == "from"

    def _the_person_of_the_sentence_before(self, named: list[Mention], pronoun) -> EntityRecord | None:
        """'Sorokin ran the exchange for six years. Polish police detained him in 2021': a pronoun
        in a sentence that names no one before it is the one person the sentence before names (by name or by a
        pronoun read already)."""
        sent = pronoun.sent
        if sent.start == 0 or any(self.ents.records[m.key].type == "PERSON" for m in named
                                  if sent.start <= m.start < pronoun.i):
            return None
        before = self.doc[sent.start - 1].sent
        people = {self.taken[i].key for i in range(before.start, before.end)
                  if i in self.taken and self.ents.records[self.taken[i].key].type == "PERSON"}
        return self.ents.records[next(iter(people))] if len(people) == 1 else None

    def _enforcer(self, named: list[Mention], pronoun) -> EntityRecord | None:
        """'it fined Binance', 'it moved to block the websites': a pronoun doing what only authorities do
        means the regulator named last before it."""
        verb = pronoun.head
        # (with the verb the lemmatizer missed: it reads "fined" as "fin")
        acts = {w for t in (verb, *(c for c in verb.children if c.dep_ == "xcomp"))
                for w in (t.lemma_.lower(), verb_base(t.lower_, ENFORCEMENT_VERBS))}
        if pronoun.lower_ != "it" or not acts & ENFORCEMENT_VERBS:
            return None
        # (the authority last named or called by its kind: "The central bank has shown it is willing to act. In
        # October, it fined ...")
        before = sorted((m for m in self.ents.mentions if m.end <= pronoun.i and
                         self.ents.records[m.key].type == "REGULATOR" and (m in named or m.generic)),
                        key=lambda m: m.start)
        return self.ents.records[before[-1].key] if before else None

    def _speaker(self, pronoun) -> EntityRecord | None:
        """'X said it would ...', 'The agency said it was working ...': the subject of the reporting verb whose
        clause 'it' opens, named or already linked."""
        clause = pronoun.head
        if pronoun.lower_ != "it" or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
            return None
        for child in clause.head.children:
            if child.dep_ != "nsubj":
                continue
            if child.lower_ in ("which", "who") and clause.head.dep_ == "relcl":
                child = clause.head.head  # "the Singapore Police Force, which confirmed it was investigating"
            if child.i in self.taken:
                record = self.ents.records[self.taken[child.i].key]
                return record if record.type in ("EXCHANGE", "ORGANIZATION", "REGULATOR") else None
        return None

    def _subject_of_clause_above(self, pronoun) -> EntityRecord | None:
        """'The regulator issued warnings, the latest in a series of notices it has sent': a subject
        pronoun in a relative or adverbial clause is the organisation that is the subject of the clause
        it hangs from (named or generic, named before the pronoun); so is one of a clause coordinated with
        it ("the SMV said crypto is not legal tender, and it urged investors to ...")."""
        verb = pronoun.head
        if pronoun.lower_ != "it" or verb.dep_ not in ("relcl", "advcl", "conj"):
            return None
        for ancestor in verb.ancestors:
            subject = next((c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                continue
            mention = self.taken.get(subject.i)
            if mention is None and subject.pos_ == "NOUN" and subject.i < pronoun.i and verb.dep_ != "conj":
                continue  # "The MAS said trading was risky, repeating a warning it has issued": not "trading"
            if mention is None or subject.i > pronoun.i or verb.dep_ == "conj" and subject.pos_ == "PRON":
                return None  # (a pronoun the first clause opens with is read the usual way)
            record = self.ents.records[mention.key]
            if COURT_NAME.search(record.name):
                # "The court declared Fjellkoin bankrupt a month after it stopped withdrawals": what a court
                # rules on is the one that acted before; it is read as any other "it"
                return None
            return record if record.type in ("EXCHANGE", "ORGANIZATION", "REGULATOR") else None
        return None

    def _subject_of_reported_clause(self, noun, types) -> EntityRecord | None:
        """'Coinbase will list the coin on its Pro platform, the exchange said': the one saying it, after
        the clause it says, is that clause's subject, not the name nearest before it."""
        verb = noun.head
        if noun.dep_ != "nsubj" or verb.lemma_.lower() not in REPORTING_VERBS:
            return None
        for clause in verb.children:
            if clause.dep_ == "ccomp" and clause.i < noun.i:
                subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                mention = self.taken.get(subject.i) if subject is not None else None
                if mention is not None and not mention.generic and self.ents.records[mention.key].type in types \
                        and not subject.conjuncts:  # (not "A, B and C took part, the company said")
                    return self.ents.records[mention.key]
        return None

    def _named_so(self, named: list[Mention], position: int, types) -> EntityRecord | None:
        """'the foundation' right after 'the Meridian Foundation said', in an article about Halcyon Bridge: the
        last one named before it, when its name ends in the noun, whichever the article names most (not for
        "the exchange", which a venue's name seldom says)."""
        noun = self._lowers[position]
        last = next((m for m in reversed(named) if m.end <= position and self.ents.records[m.key].type in types), None)
        if noun == "exchange" or last is None:
            return None
        record = self.ents.records[last.key]
        return record if record.name.casefold().split()[-1] == noun else None

    def _salience(self, record: EntityRecord) -> int:
        """Mentions, and more for a name in the headline: what the article is about."""
        title = self._title_tokens
        in_title = any(m.key == record.key and m.start < title for m in self.ents.mentions)
        return record.mentions + (3 if in_title else 0)

    @functools.cached_property
    def _title_tokens(self) -> int:
        """How many tokens the headline (the text before the first blank line) has; 0 without one."""
        _, with_ws, _ = self._strings
        title_end = "".join(with_ws).find("\n\n")
        if title_end <= 0:
            return 0
        idx = 0
        for i, piece in enumerate(with_ws):
            if idx >= title_end:
                return i
            idx += len(piece)
        return len(with_ws)

    def _referent(self, named: list[Mention], position: int, types) -> EntityRecord | None:
        # the types in order of preference, first among those named since the previous sentence began
        # ("The deal marks Stripe's deepest move. The company, led by ...": Stripe, though "the company"
        # is more often an exchange and one was named a paragraph before), then among all named before
        doc = self.doc
        # a court is never "the company" nor "it" that did business ("said it would challenge the decision
        # before the Vilnius Regional Administrative Court. ... now chairs the company's board")
        named = [m for m in named if not COURT_NAME.search(self.ents.records[m.key].name)]
        sent = doc[position].sent
        since = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        near = [m for m in named if since <= m.start and m.end <= position and self.ents.records[m.key].type in types]
        reported = self._subject_of_reported_clause(doc[position], types) or self._named_so(named, position, types)
        if reported is not None:
            return reported
        if doc[position].dep_ in ("nsubj", "nsubjpass"):
            # a subject goes on from the subject before it ("Coinbase agreed to buy Deribit, the largest
            # options exchange. The largest U.S. exchange said ..." is Coinbase), whatever its type
            # (or that one's "the company", read before: "The Denver-based company bought Y last year. In March
            # it raised $40 million" is the company, not Y)
            said_so = [m for m in self.ents.mentions if m.generic and since <= m.start and m.end <= position and
                       self.ents.records[m.key].type in types]
            subjects = sorted((m for m in near + said_so if _main_subject_of_sentence(doc[m.start:m.end].root)),
                              key=lambda m: m.start)
            if subjects:
                return self.ents.records[subjects[-1].key]
        kinds = types
        types = next(((t,) for t in types if any(self.ents.records[m.key].type == t for m in near)), types)
        for type_ in types:
            before = [m for m in named if m.end <= position and self.ents.records[m.key].type == type_]
            if before:
                # the most recent one, unless the article is plainly about another one of any of the kinds
                # the noun can mean ("the Tokyo-based firm" is Mt. Gox, not the court it filed at, whatever
                # "firm" prefers; "the Bengaluru-based company" is the exchange the article is about, not the
                # investor named last)
                recent = self.ents.records[before[-1].key]
                pool = [m for m in named if m.end <= position and self.ents.records[m.key].type in kinds]
                dominant = max((self.ents.records[m.key] for m in pool), key=self._salience)
                return dominant if self._salience(dominant) >= 2 * self._salience(recent) + 1 else recent
        for type_ in types:
            pool = [self.ents.records[m.key] for m in named if self.ents.records[m.key].type == type_]
            if pool:
                return max(pool, key=self._salience)
        return None


def _main_subject_of_sentence(token) -> bool:
    """The subject of its sentence's main verb ('Coinbase agreed to buy Deribit'), not of a clause
    inside it ('with Grant Thornton appointed to wind it up'); a company whose shares are that subject is
    the sentence's subject too ('Shares of Kestrel Mining Inc. fell 9%')."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in ("share", "stock"):
        token = token.head.head
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.i == token.sent.root.i
