"""Extraction behaviour on sentences of our own (never dev-set sentences)."""

import pytest

from kg.models import Article


def run(extractor, text, title="", published="2024-03-05T10:00:00Z"):
    return extractor.extract_one(Article(id="t", title=title, text=text, published=published))


def entities(x):
    return {(e.name, e.type) for e in x.entities}


def relations(x):
    return {(r.head, r.type, r.tail) for r in x.relations}


def events(x):
    return {(e.type, e.participants) for e in x.events}


@pytest.mark.parametrize("text, expected", [
    ("Kraken said on Tuesday that it would expand in Europe.", {("Kraken", "EXCHANGE"), ("Europe", "LOCATION")}),
    ("The Securities and Exchange Commission sued Ripple Labs.",
     {("Securities and Exchange Commission", "REGULATOR"), ("Ripple Labs", "ORGANIZATION")}),
    ("Traders piled into bitcoin and ether after the report.", {("Bitcoin", "ASSET"), ("Ether", "ASSET")}),
    ("Binance.US and Binance are separate companies.", {("Binance.US", "EXCHANGE"), ("Binance", "EXCHANGE")}),
])
def test_knowledge_base_names_are_found_and_typed(extractor, text, expected):
    assert expected <= entities(run(extractor, text))


@pytest.mark.parametrize("text", [
    "The platform's governance token, KRILL, fell 41% in the hours after the hack.",
    "Regulators warned that the fund's yield token, YLDX, was an unregistered security.",
    "Investors in the game's reward token, PIXL, sued the studio on Monday.",
])
def test_token_is_parsed_as_a_noun_and_the_sentence_around_it(extractor, text):
    doc = extractor.nlp(text)
    token = next(t for t in doc if t.lower_ == "token")
    assert token.pos_ in ("NOUN", "PROPN") and token.text == "token" and token.lemma_ == "token"
    assert next(t for t in doc if t.is_upper and len(t) > 3).dep_ == "appos"


def test_an_acronym_defined_in_the_text_becomes_an_alias(extractor):
    x = run(extractor, "The Zorvian Markets Authority (ZMA) fined the broker. The ZMA said more cases would follow.")
    (reg,) = [e for e in x.entities if e.type == "REGULATOR"]
    assert reg.name == "Zorvian Markets Authority" and "ZMA" in reg.aliases


def test_an_unknown_exchange_is_typed_from_its_appositive(extractor):
    x = run(extractor, "Quorvex, a Lisbon-based crypto exchange, said it had halted withdrawals on Monday.")
    assert ("Quorvex", "EXCHANGE") in entities(x)
    assert ("Quorvex", "BASED_IN", "Lisbon") in relations(x)
    assert ("WITHDRAWAL_HALT", ("Quorvex",)) in events(x)


def test_titles_and_appositives_give_works_for_with_a_role(extractor):
    x = run(extractor, "Coinbase CEO Brian Armstrong spoke first. Later, Jesse Powell, Kraken's co-founder, "
                       "replied to Hester Peirce, a commissioner at the Securities and Exchange Commission.")
    rels = {(r.head, r.tail, r.role) for r in x.relations if r.type == "WORKS_FOR"}
    assert ("Brian Armstrong", "Coinbase", "CEO") in rels
    assert ("Jesse Powell", "Kraken", "co-founder") in rels
    assert ("Hester Peirce", "Securities and Exchange Commission", "commissioner") in rels


def test_a_surname_after_the_full_name_is_the_same_person(extractor):
    x = run(extractor, "Paolo Ardoino said Tether was solvent. Ardoino added that audits would follow.")
    (person,) = [e for e in x.entities if e.type == "PERSON"]
    assert person.name == "Paolo Ardoino" and "Ardoino" in person.aliases and person.mentions == 2


@pytest.mark.parametrize("text, event", [
    ("Hackers drained $40 million from Bybit's hot wallet on Friday.", ("HACK", "Bybit")),
    ("The CFTC sued KuCoin in federal court.", ("LAWSUIT", "KuCoin")),
    ("OKX agreed to pay a $505 million penalty to the Justice Department.", ("FINE", "OKX")),
    ("Celsius Network filed for bankruptcy in New York.", ("BANKRUPTCY", "Celsius Network")),
    ("Coinbase will list Solana's SOL token next week.", ("LISTING", "Coinbase")),
    ("Kraken acquired NinjaTrader for $1.5 billion.", ("ACQUISITION", "Kraken")),
    ("Ether jumped 9% to a record high.", ("PRICE_MOVE", "Ether")),
    ("Changpeng Zhao stepped down as chief executive of Binance.", ("LEADERSHIP_CHANGE", "Changpeng Zhao")),
])
def test_trigger_words_give_events_with_their_participants(extractor, text, event):
    x = run(extractor, text)
    assert any(e.type == event[0] and event[1] in e.participants for e in x.events), x.events


@pytest.mark.parametrize("text", [
    "Kraken denied that it had been hacked.",
    "Bitfinex has not been charged with any crime.",
    "Binance is expected to be fined by the regulator.",
    "Coinbase may acquire Deribit next year.",
    "Vaultra opened talks on a bankruptcy loan with Kelvora Capital.",  # negotiations
])
def test_denials_negations_and_plans_are_not_events(extractor, text):
    assert run(extractor, text).events == ()


@pytest.mark.parametrize("text, halted", [
    ("Justin Sun said Poloniex would compensate users and that withdrawals had been suspended.", "Poloniex"),
    ("Kraken will not list the token, and Gemini halted withdrawals on Monday.", "Gemini"),
])
def test_a_conjunct_with_its_own_subject_is_not_under_the_first_ones_modal(extractor, text, halted):
    assert ("WITHDRAWAL_HALT", (halted,)) in events(run(extractor, text))


@pytest.mark.parametrize("text, expected", [
    ("The Financial Conduct Authority can impose fines of up to 10% of turnover.", set()),  # a power, not a fine
    ("Kraken can now list tokens after it was hacked.", {("HACK", ("Kraken",))}),  # "after" tells what happened
    ("Kraken said it would list no new tokens after it was hacked.", {("HACK", ("Kraken",))}),
])
def test_a_modal_holds_its_own_clause_not_the_clause_that_tells_what_happened_before(extractor, text, expected):
    assert events(run(extractor, text)) == expected


def test_what_governs_both_conjuncts_still_denies_both(extractor):
    assert run(extractor, "Kraken denied that it had been hacked and that withdrawals had been suspended.").events == ()


def test_talking_about_an_event_is_no_denial_of_it(extractor):
    assert events(run(extractor, "Kraken talked about its hack on Monday.")) == {("HACK", ("Kraken",))}


def test_a_generic_reference_carries_the_event_of_the_named_exchange(extractor):
    x = run(extractor, "Bitstamp reported strong growth in Europe. Days later, the exchange was hacked.")
    assert ("HACK", ("Bitstamp",)) in events(x)


def test_the_company_is_first_sought_since_the_previous_sentence(extractor):
    # "company" prefers an exchange, but the one named a sentence earlier is closer than Coinbase
    x = run(extractor, "Coinbase has backed several startups over the years. The agreement marks Circle's first "
                       "purchase in Asia. The company was fined $2 million by the Monetary Authority of Singapore.")
    assert events(x) == {("FINE", ("Monetary Authority of Singapore", "Circle"))}


def test_it_in_a_subordinate_clause_is_the_subject_of_the_main_one(extractor):
    x = run(extractor, "The SEC sued Kraken in June, months after it had warned the exchange about its staking "
                       "program.")
    assert ("WARNING", ("Securities and Exchange Commission", "Kraken")) in events(x)


def test_a_firm_not_named_lately_is_the_one_the_article_is_about(extractor):
    # "firm" prefers an organisation, but the court is only where the exchange filed
    x = run(extractor, "Vaultra Exchange applied for bankruptcy protection at the Lagos High Court on Friday. "
                       "Vaultra Exchange said hackers had drained its wallets.\n\nHe apologised to customers. "
                       "According to the filing, the Lagos-based firm owes about $63 million.",
            title="Vaultra Exchange files for bankruptcy")
    assert relations(x) == {("Vaultra Exchange", "BASED_IN", "Lagos")}


def test_a_generic_subject_goes_on_from_the_subject_before_it(extractor):
    # "exchange" names Kraken, the sentence before's subject, not Bitvavo, the exchange named last
    x = run(extractor, "Kraken has agreed to acquire Bitvavo, the largest exchange in the Netherlands, for $2 "
                       "billion. The largest U.S. crypto exchange said on Thursday it would pay in cash and stock.")
    assert relations(x) == {("Kraken", "BASED_IN", "United States")}


def test_a_subject_inside_a_clause_is_not_what_the_company_goes_on_from(extractor):
    x = run(extractor, "Bitkub has been placed into liquidation, with accountancy firm Grant Thornton appointed to "
                       "wind it up. Two partners of Grant Thornton were named liquidators this week, the "
                       "Bangkok-based company said.")
    assert ("Bitkub", "BASED_IN", "Bangkok") in relations(x)


def test_event_dates_come_from_the_text_or_the_article_date(extractor):
    x = run(extractor, "Kraken was hacked on Monday. In July 2022, Celsius Network filed for bankruptcy.",
            published="2024-03-06T10:00:00Z")
    dates = {e.type: e.date for e in x.events}
    assert dates["HACK"] == "2024-03-04"
    assert dates["BANKRUPTCY"] == "2022-07"


def test_every_item_keeps_its_evidence(extractor):
    text = "Bybit was hacked on Friday."
    x = run(extractor, text, title="Exchange hacked")
    full = "Exchange hacked\n\n" + text
    (bybit,) = [e for e in x.entities if e.name == "Bybit"]
    ev = bybit.evidence[0]
    assert full[ev.start:ev.end] == "Bybit" and ev.sentence == text
    assert x.events[0].evidence.sentence == text


def test_schema_output_has_the_contract_fields(extractor):
    out = run(extractor, "Kraken CEO Dave Ripley said the exchange was hacked.").to_schema()
    assert set(out) == {"id", "entities", "relations", "events"}
    assert all(set(e) == {"name", "type", "aliases"} for e in out["entities"])


def test_a_rule_that_breaks_on_one_article_costs_only_that_articles_findings(extractor, monkeypatch, caplog):
    from kg.nlp.relations import RelationFinder

    works_for = RelationFinder._works_for

    def breaks_on_kelvora(self, doc, ents, mentions):
        if "Kelvora" in doc.text:
            raise ValueError("a rule bug")
        return works_for(self, doc, ents, mentions)

    monkeypatch.setattr(RelationFinder, "_works_for", breaks_on_kelvora)
    articles = [Article(id=f"a{i}", title="", url=f"https://news.example/{i}", text=text) for i, text in enumerate([
        "Brian Armstrong, the chief executive of Coinbase, said Coinbase was hacked.",
        "Kelvora Exchange said it was hacked. Dana Holt, the chief executive of Kelvora Exchange, apologised.",
        "Jesse Powell, the co-founder of Kraken, said Kraken was hacked.",
    ])]
    out = list(extractor.extract(articles))
    assert [x.article_id for x in out] == ["a0", "a1", "a2"]
    assert out[0].relations and out[2].relations
    broken = out[1]
    assert not broken.relations and ("HACK", ("Kelvora Exchange",)) in events(broken)  # the rest still runs
    assert any("a1" in r.message and "https://news.example/1" in r.message and "ValueError" in r.message
               for r in caplog.records if r.levelname == "WARNING")


def test_coinbases_professional_venue_is_its_own_exchange(extractor):
    x = extractor.extract_one(Article(id="t", title="", text=(
        "The sell order hit GDAX, the venue for professional traders that Coinbase later renamed Coinbase Pro.")))
    names = {e.name for e in x.entities if e.type == "EXCHANGE"}
    assert {"GDAX", "Coinbase"} <= names, names
