"""Event trigger and attribution rules, on sentences of our own (never gold-set sentences)."""

import pytest

from kg.models import Article


def events(extractor, text):
    x = extractor.extract_one(Article(id="t", title="", text=text, published="2024-03-05T10:00:00Z"))
    return [(e.type, e.participants) for e in x.events]


def of_type(found, type_):
    return [parts for t, parts in found if t == type_]


@pytest.mark.parametrize("text, victim, source", [
    ("Hackers drained $3 million from Lykke, according to security firm PeckShield.", "Lykke", "PeckShield"),
    ("Wintermute said the pattern of transfers pointed to compromised private keys at Lykke.", "Lykke", "Wintermute"),
])
def test_a_source_credited_for_a_report_is_not_a_participant(extractor, text, victim, source):
    hacks = of_type(events(extractor, text), "HACK")
    assert any(victim in parts for parts in hacks), hacks
    assert not any(source in parts for parts in hacks), hacks


@pytest.mark.parametrize("text, people", [
    ("Jesse Powell stepped down as chief executive of Kraken and was succeeded by Dave Ripley.",
     ["Jesse Powell", "Dave Ripley"]),
    ("Brian Brooks resigned as chief executive of Binance.US. Binance.US later named Brian Shroder as its new "
     "chief executive.", ["Brian Brooks", "Brian Shroder"]),
])
def test_each_persons_leadership_change_is_its_own_event(extractor, text, people):
    changes = of_type(events(extractor, text), "LEADERSHIP_CHANGE")
    assert len(changes) == 2, changes
    for person in people:
        assert sum(person in parts for parts in changes) == 1, changes


def test_liquidators_named_by_a_firm_are_no_leadership_change_and_the_firm_did_not_fail(extractor):
    found = events(extractor, "Teneo named Russell Crumpler and Christopher Farmer joint liquidators of "
                              "Three Arrows Capital.")
    assert not of_type(found, "LEADERSHIP_CHANGE")
    assert of_type(found, "BANKRUPTCY") == [("Three Arrows Capital",)]


def test_each_venue_that_lists_an_asset_is_its_own_listing(extractor):
    listings = of_type(events(extractor, "OKX, Bybit and Kraken listed Solana's SOL token on Monday."), "LISTING")
    assert sorted(parts[0] for parts in listings) == ["Bybit", "Kraken", "OKX"], listings


def test_dropping_a_named_asset_is_a_delisting(extractor):
    listings = of_type(events(extractor, "Robinhood will drop SOL and ADA on June 27."), "LISTING")
    assert listings and "ADA" in listings[0], listings


def test_an_app_store_removal_at_a_regulators_request_is_a_ban(extractor):
    bans = of_type(events(extractor, "Apple removed the Bybit and KuCoin apps from its App Store in India at the "
                                     "request of the Financial Intelligence Unit."), "BAN")
    assert bans and {"Apple", "Bybit", "KuCoin"} <= set(bans[0]), bans


@pytest.mark.parametrize("text, party", [
    ("The Securities and Exchange Commission ordered Zipmex to explain why it suspended withdrawals.", "Zipmex"),
    ("The Financial Conduct Authority launched an investigation into Bitget.", "Bitget"),
])
def test_orders_to_explain_and_launched_investigations_are_investigations(extractor, text, party):
    found = events(extractor, text)
    assert any(party in parts for parts in of_type(found, "INVESTIGATION")), found
    assert not of_type(found, "LAUNCH"), found


@pytest.mark.parametrize("text, type_", [
    ("The Securities and Exchange Commission said it had received complaints from Zipmex customers.", "LAWSUIT"),
    ("Customers of Kraken will pay no fees on the card.", "FINE"),
    ("PI slides in its debut on OKX.", "LAUNCH"),
])
def test_loose_nouns_and_paid_nothing_are_not_events(extractor, text, type_):
    assert not of_type(events(extractor, text), type_)


def test_a_dateline_parsed_as_subject_gives_way_to_the_named_actor(extractor):
    found = events(extractor, "BUENOS AIRES, Aug. 25 - Binance, the crypto exchange, has teamed up with Mastercard "
                              "to launch a card in Argentina.")
    assert ("PARTNERSHIP", ("Binance", "Mastercard")) in found, found


def test_an_arrest_and_a_sentence_are_two_criminal_case_events(extractor):
    found = events(extractor, "Alex Mashinsky was arrested in July 2023. In May 2025 Mashinsky was sentenced to "
                              "12 years in prison.")
    assert of_type(found, "CRIMINAL_CASE") == [("Alex Mashinsky",), ("Alex Mashinsky",)], found


def test_a_bankruptcy_filing_belongs_to_its_owner_not_the_clause_subject(extractor):
    found = events(extractor, "Genesis halted withdrawals after FTX's bankruptcy filing.")
    assert of_type(found, "BANKRUPTCY") == [("FTX",)], found


@pytest.mark.parametrize("text, event", [
    ("The collapse of TerraUSD wiped out $40 billion.", ("PRICE_MOVE", ("TerraUSD",))),
    ("The exchange halted all transactions in the naira, Bitkub said.", ("WITHDRAWAL_HALT", ("Bitkub",))),
])
def test_new_trigger_words(extractor, text, event):
    assert event in events(extractor, text)


def test_unnamed_authorities_ban_but_a_company_blocking_its_users_does_not(extractor):
    bans = of_type(events(extractor, "In February, authorities blocked access to the websites of Binance and KuCoin."),
                   "BAN")
    assert bans and {"Binance", "KuCoin"} <= set(bans[0]), bans
    assert not of_type(events(extractor, "Binance blocked users in Ontario from opening new accounts."), "BAN")


@pytest.mark.parametrize("text, moved", [
    ("The false post sent bitcoin briefly higher on Tuesday.", True),
    ("LUNA traded for fractions of a cent on Friday.", True),
    ("Bitcoin ETFs traded heavily on their first day.", False),
])
def test_trading_is_a_price_move_only_at_a_price_and_sending_an_asset_higher_is_one(extractor, text, moved):
    assert bool(of_type(events(extractor, text), "PRICE_MOVE")) is moved


@pytest.mark.parametrize("text", [
    "The Financial Conduct Authority said it had met Bitkub's managers and was examining whether the exchange had "
    "met its obligations.",
    "The Financial Conduct Authority summoned the managers of Bitkub on Monday.",
])
def test_a_regulator_that_reports_or_summons_takes_part_in_the_investigation(extractor, text):
    assert ("INVESTIGATION", ("Financial Conduct Authority", "Bitkub")) in events(extractor, text)


@pytest.mark.parametrize("text, type_", [
    ("Coinbase Europe failed to screen 30% of transactions for signs of money laundering and terrorist financing.",
     "FUNDING"),
    ("Coinbase Europe admitted the breaches, and the fine was reduced under the regulator's anti-money laundering "
     "rules.", "HACK"),
])
def test_compliance_breaches_and_terrorist_financing_are_no_hack_or_funding(extractor, text, type_):
    assert not of_type(events(extractor, text), type_)


def test_a_sayer_named_by_its_own_pronoun_is_the_party(extractor):
    assert ("HACK", ("Bitkub",)) in events(extractor, "Bitkub said a security breach exposed its hot wallet on Monday.")


def test_the_firm_handling_a_bankruptcy_case_did_not_go_bankrupt(extractor):
    found = events(extractor, "Kroll said a hacker got into files on creditors in the Genesis bankruptcy case.")
    assert not any("Kroll" in parts for parts in of_type(found, "BANKRUPTCY")), found


def test_the_parties_of_a_nested_event_clause_stay_with_that_event(extractor):
    found = events(extractor, "Braden Karony was arrested in Utah in November 2023, when the Securities and Exchange "
                              "Commission also sued him and SafeMoon in a parallel civil case.")
    assert of_type(found, "CRIMINAL_CASE") == [("Braden Karony",)], found
    assert ("LAWSUIT", ("Securities and Exchange Commission", "SafeMoon")) in found


@pytest.mark.parametrize("text", [
    "The Financial Conduct Authority fined Kraken 3 million pounds.",  # the model's lemma of 'fined' is 'fin'
    "The Financial Conduct Authority fines Kraken for weak checks.",
])
def test_an_inflected_trigger_the_lemmatizer_misreads_still_counts(extractor, text):
    assert ("FINE", ("Financial Conduct Authority", "Kraken")) in events(extractor, text)


def test_it_after_a_reporting_verb_is_the_one_who_spoke(extractor):
    found = events(extractor, "Kraken listed a token on Monday. The Financial Conduct Authority said it had "
                              "opened an investigation into Binance.")
    assert of_type(found, "INVESTIGATION") == [("Financial Conduct Authority", "Binance")]
