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
def test_a_succession_is_one_leadership_change_with_both_people(extractor, text, people):
    # as the dev set annotates one leaving and the next taking over at the same organisation
    changes = of_type(events(extractor, text), "LEADERSHIP_CHANGE")
    assert len(changes) == 1 and set(people) <= set(changes[0]), changes


def test_people_leaving_together_are_each_their_own_leadership_change(extractor):
    changes = of_type(events(extractor, "Jesse Powell and Dave Ripley resigned from the board of Kraken."),
                      "LEADERSHIP_CHANGE")
    assert sorted(changes) == [("Dave Ripley", "Kraken"), ("Jesse Powell", "Kraken")], changes


def test_dismissing_a_lawsuit_changes_no_ones_job(extractor):
    text = "Tether's chief executive, Paolo Ardoino, dismissed the lawsuit as a shakedown."
    assert not of_type(events(extractor, text), "LEADERSHIP_CHANGE")


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


def test_pulling_users_into_apps_is_no_removal(extractor):
    assert not of_type(events(extractor, "Kraken hopes the network will pull its customers deeper into on-chain "
                                         "applications."), "BAN")


@pytest.mark.parametrize("text, party", [
    ("The Securities and Exchange Commission ordered Zipmex to explain why it suspended withdrawals.", "Zipmex"),
    ("The Financial Conduct Authority launched an investigation into Bitget.", "Bitget"),
    # an authority left unnamed
    ("Kwon founded the firm with Daniel Shin, who is under investigation in South Korea.", "Daniel Shin"),
    ("Police in Nairobi raided a warehouse used by Worldcoin on Saturday.", "Worldcoin"),
    # a demand for a report, as the second verb of the order
    ("The Financial Services Agency ordered Bitkub to improve its operations and report back by March 3.", "Bitkub"),
])
def test_what_an_investigation_looks_like(extractor, text, party):
    found = events(extractor, text)
    assert any(party in parts for parts in of_type(found, "INVESTIGATION")), found
    assert not of_type(found, "LAUNCH"), found


@pytest.mark.parametrize("text, type_", [
    ("The Securities and Exchange Commission said it had received complaints from Zipmex customers.", "LAWSUIT"),
    ("Customers of Kraken will pay no fees on the card.", "FINE"),
    ("PI slides in its debut on OKX.", "LAUNCH"),
    # prices, payments, sought penalties and held stakes
    ("Kasikorn's brokerage arm agreed last year to pay 17.85 billion baht for 51% of Bitkub.", "FINE"),  # a price
    ("Shoppers will be able to pay from a range of crypto wallets, Shopify said.", "FINE"),
    ("Vaultra Digital provides issuance, custody and settlement of tokenized instruments for Santander.", "FINE"),
    ("Stripe handles the conversion and settlement behind the scenes.", "FINE"),
    ("The Australian Securities and Investments Commission launched civil penalty proceedings against Bitkub.",
     "FINE"),  # a penalty sought, none imposed
    ("The Australian Securities and Investments Commission launched civil penalty proceedings against Bitkub.",
     "LAUNCH"),
    ("With that stake, the attacker pushed through a malicious proposal at Beanstalk.", "ACQUISITION"),
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


@pytest.mark.parametrize("text, event", [
    ("The delisting sparked a sell-off in Dogecoin on Tuesday.", ("PRICE_MOVE", ("Dogecoin",))),
    ("Zebpay announced a tie-up with Polygon.", ("PARTNERSHIP", ("ZebPay", "Polygon"))),
])
def test_hyphenated_trigger_nouns_match_the_tokens_spacy_splits_them_into(extractor, text, event):
    assert event in events(extractor, text)


def test_a_clause_subject_the_parser_took_for_the_object_of_after_is_its_own_party(extractor):
    found = events(extractor, "On Monday, Gemini paused redemptions from its Earn program after its lending "
                              "partner, Genesis Global Capital, halted withdrawals.")
    assert of_type(found, "WITHDRAWAL_HALT") == [("Gemini",), ("Genesis Global Capital",)], found


def test_launching_an_attack_is_the_attack_not_a_launch(extractor):
    found = events(extractor, "Hackers launched a cyber-attack on Bitkub on Monday.")
    assert ("HACK", ("Bitkub",)) in found and not of_type(found, "LAUNCH"), found


def test_unnamed_authorities_ban_but_a_company_blocking_its_users_does_not(extractor):
    bans = of_type(events(extractor, "In February, authorities blocked access to the websites of Binance and KuCoin."),
                   "BAN")
    assert bans and {"Binance", "KuCoin"} <= set(bans[0]), bans
    assert not of_type(events(extractor, "Binance blocked users in Ontario from opening new accounts."), "BAN")


@pytest.mark.parametrize("text, moved", [
    ("The false post sent bitcoin briefly higher on Tuesday.", True),
    ("LUNA traded for fractions of a cent on Friday.", True),
    ("Bitcoin ETFs traded heavily on their first day.", False),
    ("The Kelvora token, which trades under the ticker KLV, was promoted by celebrities.", False),
    # the stablecoin a clause describes, and a multiple of its price
    ("Hodlnaut had exposure to TerraUSD (UST), the algorithmic stablecoin that collapsed in May.", True),
    ("XRP, the token closely associated with Ripple, has roughly quadrupled since the election.", True),
    # the market's phrase hung on the verb, and a clause hung on the last noun of a description
    ("Regulators set off a rally in Litecoin.", True),
    ("The freeze triggered a rout in LUNC, the token the platform gives to its stakers, which lost two thirds of "
     "its value on Friday.", True),
])
def test_a_price_move_is_a_move_of_the_asset_at_a_price(extractor, text, moved):
    assert bool(of_type(events(extractor, text), "PRICE_MOVE")) is moved


def test_a_rise_and_the_fall_that_follows_are_two_price_moves_of_one_asset(extractor):
    found = of_type(events(extractor, "Solana climbed to a record of $260 on Monday. SOL peaked at $263 before "
                                      "pulling back sharply in the afternoon."), "PRICE_MOVE")
    assert len(found) == 2 and found[0] == found[1] and len(found[0]) == 1, found


def test_a_collapse_recalled_after_another_assets_move_is_its_own_move(extractor):
    found = of_type(events(extractor, "Ether fell 5% on Monday. Critics questioned the yields, especially after "
                                      "the collapse of the TerraUSD stablecoin last month."), "PRICE_MOVE")
    assert len(found) == 2 and ("TerraUSD",) in found, found


def test_moves_one_way_in_several_sentences_are_one_price_move(extractor):
    found = of_type(events(extractor, "Solana climbed 12% on Monday. SOL rose further on Tuesday as buyers "
                                      "returned."), "PRICE_MOVE")
    assert len(found) == 1 and len(found[0]) == 1, found


def test_past_attacks_are_a_kind_of_event_not_one_more(extractor):
    found = of_type(events(extractor, "Hackers drained $40 million from Bitkub's hot wallets on Friday. The "
                                      "stolen tokens were swapped quickly, a pattern that resembled past attacks "
                                      "by North Korea's Lazarus Group."), "HACK")
    assert len(found) == 1 and "Bitkub" in found[0], found


@pytest.mark.parametrize("text, failed", [
    ("Genesis Global Holdco filed for Chapter 11 bankruptcy protection on Thursday, two months after freezing "
     "withdrawals in the wake of FTX's collapse.", [("Genesis Global Holdco",)]),
    ("Gemini halted withdrawals in the wake of FTX's bankruptcy filing.", [("FTX",)]),
])
def test_a_bankruptcy_is_not_its_causes(extractor, text, failed):
    assert of_type(events(extractor, text), "BANKRUPTCY") == failed


@pytest.mark.parametrize("text, hacked", [
    ("In July, Bitkub lost about $230 million from a wallet that required several signatures.", True),
    ("Bitkub, the exchange that lost millions of dollars' worth of tokens to hackers in January, closed.", True),
    ("After a software migration, Bitkub lost access to certain legacy wallets.", False),
])
def test_money_lost_to_thieves_or_from_a_wallet_is_a_hack(extractor, text, hacked):
    assert (of_type(events(extractor, text), "HACK") == [("Bitkub",)]) is hacked


@pytest.mark.parametrize("text, party", [
    ("The Solana network halted for five hours on Tuesday after a bug in its validator software.", "Solana"),
    ("Bitkub's trading app was disconnected on Monday so that engineers could add server capacity.", "Bitkub"),
])
def test_a_network_or_app_that_stops_is_an_outage(extractor, text, party):
    assert of_type(events(extractor, text), "WITHDRAWAL_HALT") == [(party,)]


@pytest.mark.parametrize("text, party", [
    ("Zipmex users could not withdraw their funds for a week.", "Zipmex"),
    ("Trouble at Bitkub surfaced on Feb. 7, when customers were told they could no longer withdraw bitcoins.",
     "Bitkub"),
    ("Customers of Bitkub were unable to withdraw funds on Monday.", "Bitkub"),
    ("The Bahamas-based exchange stopped processing customer withdrawals on Tuesday, Zipmex said.", "Zipmex"),
    ("In the same week, Thodex, a smaller domestic platform, froze customer accounts.", "Thodex"),  # froze/ADJ
])
def test_customers_unable_to_withdraw_is_a_halt(extractor, text, party):
    assert of_type(events(extractor, text), "WITHDRAWAL_HALT") == [(party,)]


@pytest.mark.parametrize("text, parties", [
    # a post named without its organisation is at the one the article is about (not at a past employer)
    ("Kelvora Custody named a new board in March, Kelvora Custody said. Anna Weber, who spent a decade at UBS, has "
     "been appointed chair, the company said.", ("Kelvora Custody", "Anna Weber")),
    ("Kelvora Custody reshuffled its board, Kelvora Custody said. Mia Roth, who until May was head of risk at UBS, "
     "joined as chief risk officer on Monday.", ("Kelvora Custody", "Mia Roth")),
    # (a person named further on in the "as" phrase is the one leaving, not who the new one is)
    ("Kelvora Custody reshuffled its board, Kelvora Custody said. Jonas Frei took over as president from Lars Berg "
     "in May.", ("Kelvora Custody", "Jonas Frei", "Lars Berg")),
])
def test_a_post_taken_without_its_organisation_is_at_the_articles(extractor, text, parties):
    assert of_type(events(extractor, text), "LEADERSHIP_CHANGE") == [parties]


@pytest.mark.parametrize("text, parties", [
    ("The SEC halted trading in Kelvora Holdings Corp. stock for ten days in March.",
     ("Securities and Exchange Commission", "Kelvora Holdings Corp.")),
    ("The Ontario Securities Commission halted trading in Kelvora Mining shares on Monday.",
     ("Ontario Securities Commission", "Kelvora Mining")),
])
def test_a_halt_a_regulator_orders_is_a_ban(extractor, text, parties):
    found = events(extractor, text)
    assert of_type(found, "BAN") == [parties] and not of_type(found, "WITHDRAWAL_HALT"), found


@pytest.mark.parametrize("text", [
    "Kraken said users can withdraw funds as normal.",
    "Binance denied that users could not withdraw funds.",
    "Coinbase users could not withdraw money if they failed the checks.",
])
def test_withdrawals_that_work_or_only_might_not_are_no_halt(extractor, text):
    assert not of_type(events(extractor, text), "WITHDRAWAL_HALT")


@pytest.mark.parametrize("text, launched", [
    ("Kraken unveiled a plan to raise $1 billion through sales of stock.", False),  # a plan is no launch
    ("Kraken shares jumped 40% in their Nasdaq debut on Thursday.", False),  # a stock market debut
    ("Kraken debuted a savings app for European customers on Thursday.", True),
])
def test_plans_and_stock_market_debuts_are_not_launches(extractor, text, launched):
    assert bool(of_type(events(extractor, text), "LAUNCH")) is launched


@pytest.mark.parametrize("text, launched", [
    ("Kraken opened Ink, its own layer-2 network, to the public on Wednesday.", True),
    ("Kraken opened an office in Dubai on Monday.", False),
    ("The SEC opened an investigation into Kraken in May.", False),
])
def test_a_product_opened_to_the_public_is_launched(extractor, text, launched):
    assert bool(of_type(events(extractor, text), "LAUNCH")) is launched


@pytest.mark.parametrize("text, type_, expected", [
    # a hack recalled to date something else takes no parties from it
    ("Hackers stole $90 million from Bitkub in August. Days after the hack, Kraken lent Bitkub $120 million.",
     "HACK", [("Bitkub",)]),
    # what thieves do with the loot is not another theft
    ("Hackers stole $90 million from Bitkub in August. The thieves swapped the stolen tokens for ether on "
     "decentralized exchanges such as Uniswap.", "HACK", [("Bitkub",)]),
    ("Bitkub, which listed hundreds of small coins, was breached in mid-January.", "HACK", [("Bitkub",)]),
    # a coordinated clause with its own subject is not a party
    ("Celsius Network froze withdrawals in mid-June, and last week lender BlockFi took a $400 million credit "
     "facility from FTX US.", "WITHDRAWAL_HALT", [("Celsius Network",)]),
])
def test_the_parties_of_an_event_are_those_of_its_own_clause(extractor, text, type_, expected):
    assert of_type(events(extractor, text), type_) == expected


def test_funding_rounds_of_other_sizes_are_other_rounds(extractor):
    found = of_type(events(extractor, "Kraken raised $400 million in a funding round led by Paradigm. Kraken "
                                      "raised $900 million at an $18 billion valuation in July."), "FUNDING")
    assert len(found) == 2 and all(parts[0] == "Kraken" for parts in found), found


def test_a_round_told_twice_is_one_round(extractor):
    found = of_type(events(extractor, "Kraken raised $400 million in a funding round led by Paradigm. The "
                                      "$400 million round values Kraken at $10 billion."), "FUNDING")
    assert len(found) == 1, found


def test_an_asset_little_changed_trading_at_a_price_did_not_move(extractor):
    assert not of_type(events(extractor, "The price of ether was little changed on the news, trading at about "
                                         "$2,400."), "PRICE_MOVE")


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


@pytest.mark.parametrize("text, buyer, asset", [
    ("Coinbase bought 5,000 bitcoin for $500 million last week.", "Coinbase", "Bitcoin"),
    ("Tesla said it had bought $1.5 billion of bitcoin.", "Tesla", "Bitcoin"),
])
def test_a_company_buying_a_named_asset_is_an_acquisition(extractor, text, buyer, asset):
    deals = of_type(events(extractor, text), "ACQUISITION")
    assert any(parts[0] == buyer and asset in parts for parts in deals), deals


@pytest.mark.parametrize("text, deal", [
    ("Halvard Mining sold its Quebec hosting site to Bitdeer last month.", ("Bitdeer", "Halvard Mining")),
    ("Voyager Digital sold its customer accounts to Binance.US.", ("Binance.US", "Voyager Digital")),
])
def test_a_sale_to_a_named_company_is_its_acquisition_with_the_buyer_first(extractor, text, deal):
    assert deal in of_type(events(extractor, text), "ACQUISITION")


@pytest.mark.parametrize("text", [
    "Early users rushed to sell their tokens after the listing.",
    "Halvard Mining sold 400 bitcoin last month to cover its costs.",
])
def test_a_sale_without_a_buyer_is_no_acquisition(extractor, text):
    assert not of_type(events(extractor, text), "ACQUISITION")


def test_a_relative_clause_the_parser_hung_elsewhere_still_tells_of_its_antecedent(extractor):
    text = "The incident drew comparisons with WazirX, which lost about $230 million last year when attackers " \
        "compromised a wallet."
    assert ("WazirX",) in of_type(events(extractor, text), "HACK")


def test_people_a_complaint_names_change_no_jobs(extractor):
    text = "The complaint also names several former Kraken executives, including Anna Brandt and Marek Tilson."
    assert not of_type(events(extractor, text), "LEADERSHIP_CHANGE")


def test_the_venue_an_asset_is_bought_on_is_no_buyer(extractor):
    assert not of_type(events(extractor, "Customers bought bitcoin and ether on Kraken during the rally."),
                       "ACQUISITION")


@pytest.mark.parametrize("text, defendant, bystanders", [
    ("Alex Mashinsky, the former chief executive of Celsius Network, was sentenced to 12 years by Judge John "
     "Koeltl.", "Alex Mashinsky", ["Celsius Network", "John Koeltl"]),
    ("Judge Lewis Kaplan sentenced Sam Bankman-Fried, the founder of FTX, to 25 years.", "Sam Bankman-Fried",
     ["FTX", "Lewis Kaplan"]),
])
def test_a_judge_and_a_defendants_company_are_not_in_the_criminal_case(extractor, text, defendant, bystanders):
    cases = of_type(events(extractor, text), "CRIMINAL_CASE")
    assert cases and all(defendant in parts for parts in cases), cases
    assert not any(b in parts for parts in cases for b in bystanders), cases


@pytest.mark.parametrize("text, type_, parties", [
    # cease-and-desist letters are a ban by their senders
    ("In a notice, BitConnect blamed the decision on cease-and-desist letters from the Texas State Securities "
     "Board.", "BAN", {"Texas State Securities Board", "BitConnect"}),
    # agreeing with a regulator to stop serving a market is a ban
    ("Kraken agreed to pay $10 million and to stop serving customers in Ohio, ending an inquiry by the Ohio "
     "Division of Securities.", "BAN", {"Ohio Division of Securities", "Kraken"}),
    # the party that agreed to pay settles the charges
    ("Bitstamp agreed to pay $5 million to settle charges by the Securities and Exchange Commission.",
     "LAWSUIT", {"Securities and Exchange Commission", "Bitstamp"}),
    # the investor leading a round in a trailing clause is a funding party
    ("Kraken raised $22.4 million in a seed round in April led by Polychain Capital, with participation from "
     "Coinbase Ventures.", "FUNDING", {"Kraken", "Polychain Capital"}),
    # "the project" refers to the protocol named before
    ("Euler Finance was hacked on Monday. The project raised $32 million in a funding round led by Haun "
     "Ventures last year.", "FUNDING", {"Euler Finance"}),
])
def test_the_parties_of_agreements_letters_and_rounds(extractor, text, type_, parties):
    found = of_type(events(extractor, text), type_)
    assert found and parties <= set(found[0]), found


@pytest.mark.parametrize("text, regulator, official", [
    ("New York Attorney General Letitia James sued Gemini and Genesis on Thursday.", "New York Attorney General",
     "Letitia James"),
    ("SEC Chair Gary Gensler sued Binance on Monday.", "Securities and Exchange Commission", "Gary Gensler"),
])
def test_an_official_acting_for_a_regulator_is_not_a_separate_party(extractor, text, regulator, official):
    suits = of_type(events(extractor, text), "LAWSUIT")
    assert suits and regulator in suits[0] and official not in suits[0], suits


def test_a_deal_that_fell_apart_is_no_acquisition(extractor):
    found = events(extractor, "Kraken agreed in May to buy Bitstamp for about $1.4 billion, but that deal fell "
                              "apart in June.")
    assert not of_type(found, "ACQUISITION"), found


def test_a_suit_challenging_a_regulators_decision_names_the_regulator(extractor):
    suits = of_type(events(extractor, "Grayscale won a lawsuit last year challenging the SEC's rejection of its "
                                      "application."), "LAWSUIT")
    assert suits and {"Grayscale Investments", "Securities and Exchange Commission"} <= set(suits[0]), suits


@pytest.mark.parametrize("text, type_", [
    ("Kraken said it was reviewing its legal options, including a lawsuit against the Securities and Exchange "
     "Commission.", "LAWSUIT"),
    ("The SEC rejected an application from Grayscale to list a bitcoin ETF that holds Bitcoin.", "LISTING"),
])
def test_an_option_or_an_application_is_not_the_event_itself(extractor, text, type_):
    found = events(extractor, text)
    assert not of_type(found, type_), found


def test_it_blocking_exchanges_refers_to_the_regulator_named_before(extractor):
    bans = of_type(events(extractor, "India's Financial Intelligence Unit has been tightening oversight. In December "
                                     "it moved to block the websites of nine offshore exchanges, including Binance "
                                     "and KuCoin, for operating without registering."), "BAN")
    assert bans and "Binance" in bans[0] and len(bans[0]) >= 3, bans


@pytest.mark.parametrize("text", [
    "Prosecutors said Alameda Research used FTX customer deposits to pay for real estate and political donations.",
    "Visa has been testing settlement in USDC with Coinbase.",
    "The miner used the proceeds to pay down a credit line with Galaxy Digital, cutting the balance to $38 million.",
    # paying the people one works with, and payments cleared between kinds of firm
    "Kuda Pay raised $5 million to pay freelancers in stablecoins, the company said.",
    "In the pilot, Orbis Ledger handles settlement between banks.",
])
def test_paying_for_things_or_settling_in_a_token_is_no_fine(extractor, text):
    found = events(extractor, text)
    assert not of_type(found, "FINE"), found


def test_paying_an_amount_for_violations_is_still_a_fine(extractor):
    fines = of_type(events(extractor, "Binance agreed to pay $4.3 billion for violating sanctions laws, the Justice "
                                      "Department said."), "FINE")
    assert fines and "Binance" in fines[0], fines


@pytest.mark.parametrize("text", [
    "Tornado Cash co-founder Roman Storm arrested; prosecutors say the mixer laundered $1 billion.",
    "U.S. authorities on Wednesday arrested Roman Storm, a co-founder of the crypto mixing service Tornado Cash, "
    "and charged him with fraud.",
])
def test_the_company_a_defendant_co_founded_is_not_a_defendant(extractor, text):
    cases = of_type(events(extractor, text), "CRIMINAL_CASE")
    assert cases and all("Roman Storm" in parts and "Tornado Cash" not in parts for parts in cases), cases


def test_two_parties_acting_each_with_its_own_verb_in_one_sentence_are_two_events(extractor):
    found = events(extractor, "Kraken halted withdrawals on Monday, and Gemini suspended withdrawals on Tuesday.")
    assert sorted(of_type(found, "WITHDRAWAL_HALT")) == [("Gemini",), ("Kraken",)]


def test_two_people_arrested_in_one_sentence_are_still_one_case(extractor):
    found = events(extractor, "Keith Morgan was arrested in Ohio, and William Hart was arrested in Spain, "
                              "prosecutors said.")
    assert [sorted(p) for p in of_type(found, "CRIMINAL_CASE")] == [["Keith Morgan", "William Hart"]]


def test_a_deal_announced_to_acquire_a_company_is_an_acquisition_by_who_announced_it(extractor):
    found = events(extractor, "Velter Exchange announced a definitive agreement to acquire Quorvex Markets, "
                              "a derivatives venue.")
    assert ("Velter Exchange", "Quorvex Markets") in of_type(found, "ACQUISITION")


@pytest.mark.parametrize("text", [
    "Visa expanded its stablecoin settlement to Solana on Tuesday.",
    "PayPal launched its own dollar stablecoin last year, and Visa has been testing settlement in USDC.",
])
def test_payments_that_settle_are_no_fine(extractor, text):
    assert of_type(events(extractor, text), "FINE") == []


def test_a_settlement_with_a_regulator_is_still_a_fine(extractor):
    found = events(extractor, "Bittrex agreed to a $24 million settlement with the SEC.")
    assert of_type(found, "FINE") == [("Securities and Exchange Commission", "Bittrex")]


@pytest.mark.parametrize("text, sued", [
    ("Mark Halvorsen, Kraken's chief executive, appeared before reporters in a dark suit.", False),
    ("The arrests followed a wave of complaints about Kraken from investors in the city.", False),
    ("Kraken received complaints from hundreds of customers.", False),
    ("The SEC filed a complaint against Kraken in federal court.", True),
    ("The SEC's complaint accuses Kraken of selling unregistered securities.", True),
    ("The Securities and Exchange Commission said in its complaint that Kraken mixed customer funds.", True),
    ("Investors brought a class-action suit against Kraken on Monday.", True),
])
def test_a_complaint_or_suit_is_a_lawsuit_only_as_a_court_filing(extractor, text, sued):
    assert bool(of_type(events(extractor, text), "LAWSUIT")) is sued


def test_urging_others_to_block_is_no_ban(extractor):
    found = events(extractor, "The FBI urged exchanges and other crypto businesses to block transactions tied to "
                              "Bybit's hackers.")
    assert not of_type(found, "BAN"), found


def test_a_trigger_whose_verb_also_governs_others_still_counts(extractor):
    # "urge" takes back what it governs ("urged exchanges to block"), never itself
    assert of_type(events(extractor, "Bithumb urged customers not to share verification codes."), "WARNING")


def test_holding_a_registration_is_no_licence_event(extractor):
    found = events(extractor, "Sakura Exchange BitCoin is one of 30 exchanges that hold the Financial Services "
                              "Agency registration needed to serve customers in Japan.")
    assert not of_type(found, "LICENSE"), found


@pytest.mark.parametrize("text, partnered", [
    ("Paxos, which has worked with PayPal on its crypto services since 2020, issues the token.", True),
    ("Bybit signed a three-year marketing agreement with Visa on Monday.", True),
    ("Gemini said it is working with Genesis on a solution.", False),  # talks on a fix, not a partnership
    ("Lakeview Bank opened crypto custody to clients this spring, working with Alpenhorn Brokerage.", True),
    ("Tessel Pay worked with Corvina Labs on the design of its wallet.", True),
    ("Kestrel Swap said it was working with Kuna to retrieve the stolen coins.", False),
    ("Pelican Pay stopped working with Kestrel Labs last year.", False),
    ("Tech Bureau reached an agreement with Fisco, under which Fisco will take a majority stake.", False),
    ("Binance reached a deal with the Justice Department to pay $4.3 billion.", False),  # a regulator: a settlement
    ("Shinhan Bank is Korbit's banking partner.", True),
    ("Sequoia's partner Jane Doe said the fund would invest.", False),  # a person's title
])
def test_a_deal_with_a_company_or_working_with_it_is_a_partnership(extractor, text, partnered):
    assert bool(of_type(events(extractor, text), "PARTNERSHIP")) is partnered


def test_penalty_proceedings_against_a_company_are_a_lawsuit(extractor):
    found = events(extractor, "The Australian Securities and Investments Commission launched civil penalty "
                              "proceedings against Bitkub.")
    assert of_type(found, "LAWSUIT") == [("Australian Securities and Investments Commission", "Bitkub")], found


@pytest.mark.parametrize("text, listed", [
    ("Bitkub, the largest exchange in Thailand, added SHIB that same month.", True),
    ("Shiba Inu jumps as Coinbase adds SHIB trading", True),
    ("MicroStrategy has been adding bitcoin to its balance sheet since 2020.", False),
])
def test_an_exchange_adding_a_token_lists_it(extractor, text, listed):
    assert bool(of_type(events(extractor, text), "LISTING")) is listed


def test_an_exchange_that_went_offline_halted_its_service(extractor):
    found = events(extractor, "BitMEX, the biggest venue for bitcoin derivatives, went offline for about 25 minutes "
                              "early on Friday.")
    assert of_type(found, "WITHDRAWAL_HALT") == [("BitMEX",)], found


def test_approvals_from_two_regulators_are_two_licences_and_one_joint_grant_is_one(extractor):
    found = of_type(events(extractor, "The decision follows approvals in March from the Central Bank of Bahrain and "
                                      "Dubai's Virtual Assets Regulatory Authority for Kelvora Exchange."), "LICENSE")
    assert len(found) == 2 and all("Kelvora Exchange" in parts for parts in found), found
    found = of_type(events(extractor, "Kelvora Exchange received a licence from the Central Bank of Bahrain and "
                                      "Dubai's Virtual Assets Regulatory Authority."), "LICENSE")
    assert len(found) == 1, found


@pytest.mark.parametrize("text, licensed", [
    ("A competing fund from Evolve ETFs, which also received the regulator's clearance, starts trading on Friday.",
     True),
    ("Karpeles was cleared of embezzlement by the Tokyo District Court.", False),  # no regulator clears a product
])
def test_a_regulators_clearance_is_a_licence(extractor, text, licensed):
    assert bool(of_type(events(extractor, text), "LICENSE")) is licensed


@pytest.mark.parametrize("text, expected", [
    # a name NER missed, known for a person's by the age after it; charges by prosecutors are criminal
    ("The U.S. Department of Justice unsealed charges against Pham Duc Long, 49, of Hanoi, on Wednesday.",
     [("CRIMINAL_CASE", ("U.S. Department of Justice", "Pham Duc Long"))]),
    ("Nigeria drops charges against Binance executive Tigran Gambaryan", [("CRIMINAL_CASE", ("Binance",
                                                                                          "Tigran Gambaryan"))]),
    ("The SEC brought charges against Kraken on Monday.", [("LAWSUIT", ("Securities and Exchange Commission",
                                                                        "Kraken"))]),  # a markets regulator: civil
    ("Kraken cut trading charges for its customers.", []),
])
def test_charges_against_someone_are_a_case_criminal_unless_a_markets_regulator_brings_them(extractor, text,
                                                                                            expected):
    assert events(extractor, text) == expected


def test_a_countrys_central_bank_is_the_central_bank_the_article_names_later(extractor):
    found = events(extractor, "Turkey's central bank on Friday barred the use of cryptocurrencies to pay for goods. "
                              "The Central Bank of the Republic of Turkey (CBRT) said crypto assets may not be used "
                              "as a means of payment.")
    assert of_type(found, "BAN") == [("Central Bank of the Republic of Turkey",)], found


def test_a_person_taking_over_an_institution_and_a_dismissal_by_someone_are_leadership_changes(extractor):
    found = events(extractor, "Governor Şahap Kavcıoğlu took over the central bank last month after President "
                              "Tayyip Erdoğan abruptly dismissed his predecessor, Naci Ağbal.")
    # who dismissed joins the dismissed person's change; it is no change of his own
    changes = [set(parts) for parts in of_type(found, "LEADERSHIP_CHANGE")]
    assert changes == [{"Şahap Kavcıoğlu"}, {"Naci Ağbal", "Tayyip Erdoğan"}], found
    assert of_type(events(extractor, "Coinbase took over Deribit in August."), "ACQUISITION")


@pytest.mark.parametrize("text, licensed", [
    ("Kelvora Europe has been registered with the Central Bank of Ireland.", True),
    ("Kelvora Europe is registered with the Central Bank of Ireland as a virtual asset service provider.", False),
    ("Binance agreed to buy Kelvora, a small exchange registered with Japan's Financial Services Agency.", False),
])
def test_being_registered_is_a_state_and_getting_registered_an_event(extractor, text, licensed):
    assert bool(of_type(events(extractor, text), "LICENSE")) is licensed


@pytest.mark.parametrize("text, licensed", [
    ("Hong Kong's Securities and Futures Commission approved the funds earlier this month.", True),
    ("A post on the SEC's account falsely announced that the SEC had approved the funds.", False),
    ("A post falsely announced that the Securities and Exchange Commission had granted Kelvora a licence.", False),
    ("Within days Kelvora raised the fee for withdrawing funds to 999 USDT.", False),
])
def test_a_regulator_approving_a_fund_licenses_it_unless_the_report_is_false(extractor, text, licensed):
    assert bool(of_type(events(extractor, text), "LICENSE")) is licensed


@pytest.mark.parametrize("text, hacked", [
    ("The mixer helped launder proceeds of ransomware attacks, darknet drug sales and hacks by North Korea's "
     "Lazarus Group.", False),  # a kind of crime its attacker commits
    ("Attacks on Bybit and WazirX by Lazarus cost $1.7 billion.", True),
])
def test_plural_attacks_naming_only_their_attacker_are_a_kind_of_crime(extractor, text, hacked):
    assert bool(of_type(events(extractor, text), "HACK")) is hacked


@pytest.mark.parametrize("text, sued", [
    ("The challenge was brought by the Internet and Mobile Association of India (IAMAI), an industry body.", True),
    ("Coinbase mounted a court challenge to the SEC's rules.", True),
    ("Binance faces a challenge from Coinbase in Europe.", False),  # a rival, not a court
])
def test_a_challenge_brought_in_court_is_a_lawsuit(extractor, text, sued):
    assert bool(of_type(events(extractor, text), "LAWSUIT")) is sued


def test_the_noun_an_object_relative_clause_describes_is_its_object(extractor):
    found = events(extractor, "WazirX, which Binance acquired in November, kept trading alive.")
    assert ("ACQUISITION", ("Binance", "WazirX")) in found, found


def test_it_goes_on_from_the_regulator_that_was_the_previous_subject(extractor):
    found = events(extractor, "Kelvora Exchange was hacked last week. On Wednesday, the Securities Commission said it "
                              "had seen more scams. It urged the public not to take part in such activity.")
    assert ("WARNING", ("Securities Commission",)) in found, found


def test_a_registration_sought_or_applied_for_is_no_licence(extractor):
    found = events(extractor, "The CFTC sued Kelvora. It is seeking disgorgement of profits, civil penalties and a "
                              "permanent ban on trading and registration.")
    assert not of_type(found, "LICENSE"), found


@pytest.mark.parametrize("text, changed", [
    ("Last month Kraken hired Jesse Powell, a former finance executive at Coinbase, as chief financial officer.", True),
    ("Police named the second person as Han Chang-joon, a former chief financial officer of Terraform Labs.", False),
])
def test_the_role_someone_is_hired_as_may_follow_a_description_and_naming_who_someone_is_is_no_hire(
        extractor, text, changed):
    assert bool(of_type(events(extractor, text), "LEADERSHIP_CHANGE")) is changed


@pytest.mark.parametrize("text, hacked", [
    ("Kraken rejected the findings and called the police raid a politically motivated attack.", False),
    ("Kraken said the lawsuit was a personal attack on its founder.", False),
    ("Kraken described the incident as an attack on its hot wallet.", True),
])
def test_an_attack_in_words_or_politics_is_no_hack(extractor, text, hacked):
    assert bool(of_type(events(extractor, text), "HACK")) is hacked


def test_charges_settled_beside_a_markets_regulator_are_a_lawsuit(extractor):
    found = events(extractor, "Kelvora Capital agreed to pay $45 million in penalties to settle charges that it "
                              "failed to register its product, the Securities and Exchange Commission said.")
    assert of_type(found, "LAWSUIT") and not of_type(found, "CRIMINAL_CASE"), found


def test_events_of_one_kind_told_with_different_years_are_not_merged(extractor):
    found = of_type(events(extractor, "Kraken received its licence from the Financial Conduct Authority in 2022. In "
                                      "2020 the Financial Conduct Authority revoked the licence of Kraken."), "LICENSE")
    assert len(found) == 2, found
    found = of_type(events(extractor, "Kraken received its licence from the Financial Conduct Authority in 2022. The "
                                      "Financial Conduct Authority granted Kraken the licence after a long review."),
                    "LICENSE")
    assert len(found) == 1, found


@pytest.mark.parametrize("text, licensed", [
    ("The Ontario Securities Commission had already refused Kraken's application for registration as a restricted "
     "dealer in January.", True),  # a refusal is a licensing decision
    ("Kraken refused to comment on its application.", False),
])
def test_a_regulator_refusing_an_application_decides_a_licence(extractor, text, licensed):
    assert bool(of_type(events(extractor, text), "LICENSE")) is licensed


def test_proceedings_opened_to_examine_something_are_an_investigation(extractor):
    found = events(extractor, "Poland's Personal Data Protection Office said it had opened proceedings against Kraken "
                              "to examine whether it had adequate safeguards in place.")
    assert ("INVESTIGATION", ("Personal Data Protection Office", "Kraken")) in found and not of_type(found, "LAWSUIT")
    assert of_type(events(extractor, "The SEC launched civil proceedings against Kraken."), "LAWSUIT")


@pytest.mark.parametrize("text, partnered", [
    ("AllUnity, a joint venture of asset manager DWS and trading company Flow Traders, launched a stablecoin.", False),
    ("A judge let investors pursue the Ooki DAO's token holders as members of a general partnership.", False),
    ("Kraken announced a partnership with Visa.", True),
])
def test_a_venture_describing_a_company_and_a_legal_partnership_are_no_deal(extractor, text, partnered):
    assert bool(of_type(events(extractor, text), "PARTNERSHIP")) is partnered


@pytest.mark.parametrize("text, warning", [
    ("Hackers drained Kelvora Finance on Monday. The team also warned users not to click on links promising refunds.",
     ("WARNING", ("Kelvora Finance",))),  # "the team" behind the project
])
def test_the_team_is_the_project_it_runs(extractor, text, warning):
    assert warning in events(extractor, text)


def test_researchers_alerting_a_company_is_no_public_warning(extractor):
    found = events(extractor, "Hackers drained Kelvora Finance on Monday. The researchers found the bucket and "
                              "alerted the company, which closed access.")
    assert not of_type(found, "WARNING"), found


def test_registered_in_a_country_is_where_a_company_is_incorporated_not_a_licence(extractor):
    assert not of_type(events(extractor, "Garantex was registered in Estonia but operated largely out of Moscow."),
                       "LICENSE")
    assert of_type(events(extractor, "Kraken was registered by the Bank of Lithuania as a virtual asset service "
                                     "provider."), "LICENSE")


@pytest.mark.parametrize("text, listing", [
    # what a venue says it would list or delist is its decision, told in reported speech
    ("Kraken said on Thursday that it would delist Tether's USDT by Oct. 31.", ("Kraken", "USDT")),
    ("Kraken said it would remove the privacy coins Monero (XMR) and Zcash (ZEC) from its platform on Sept. 30.",
     ("Kraken", "Monero", "Zcash")),
    # the venues an appositive names are the subject
    ("Two exchanges, Bitstamp and Bitkub, will each list SOL from July 15.", ("Bitkub", "SOL")),
])
def test_listings_a_venue_announces(extractor, text, listing):
    assert listing in of_type(events(extractor, text), "LISTING")


@pytest.mark.parametrize("text", [
    "Kraken said it would not list PI.",
    "Kraken said it would consider listing PI.",
    "Kraken removed USDT from its treasury.",
])
def test_no_listing_without_a_decision_or_a_venue(extractor, text):
    assert not of_type(events(extractor, text), "LISTING")


@pytest.mark.parametrize("text, halted", [
    ("Coinbase suspended trading in XRP in January after the lawsuit was filed.", False),
    ("Kraken said it had suspended deposits of USDT on the Tron network.", False),
    ("Thodex abruptly halted trading in April, saying it needed five days.", True),
    ("Binance halted bitcoin withdrawals for three hours.", True),
])
def test_one_tokens_trading_suspended_is_no_withdrawal_halt(extractor, text, halted):
    assert bool(of_type(events(extractor, text), "WITHDRAWAL_HALT")) is halted


@pytest.mark.parametrize("text, type_", [
    ("Robinhood will pay C$0.36 a share, a premium of about 41% to WonderFi's closing price.", "FINE"),  # a price
    ("Kraken said it would delist USDT on Dec. 1 unless redemptions resume.", "LISTING"),  # a condition
    ("Polymarket, where bets are settled in USDC, saw a surge of activity ahead of the election.", "PRICE_MOVE"),
])
def test_what_only_looks_like_an_event(extractor, text, type_):
    assert not of_type(events(extractor, text), type_)


def test_emerging_from_chapter_11_is_no_bankruptcy(extractor):
    found = events(extractor, "Celsius Network filed for bankruptcy in July 2022. It emerged from Chapter 11 in "
                              "January, when creditors began receiving shares in a new mining company, Ionic Digital.")
    assert of_type(found, "BANKRUPTCY") == [("Celsius Network",)], found


def test_a_generic_noun_is_the_name_its_appositive_gives(extractor):
    found = events(extractor, "Bitcoin rose 3% on Monday. Huobi said it would move its headquarters to Seychelles. "
                              "Its token, Huobi Token (HT), fell sharply after the announcement.")
    assert sorted(of_type(found, "PRICE_MOVE")) == [("Bitcoin",), ("Huobi Token",)], found


@pytest.mark.parametrize("rival", [
    "Bitvavo, a rival in the Netherlands,",  # placed elsewhere
    "Binance, its largest rival,",  # placed nowhere
])
def test_a_generic_noun_placed_by_based_is_the_company_placed_there(extractor, rival):
    # the exchange named last is not the one the knowledge base places in South Korea
    found = events(extractor, f"Upbit halted withdrawals in early February. {rival} resumed them days later. The "
                              "Seoul-based exchange filed for bankruptcy at the end of the month.")
    assert of_type(found, "BANKRUPTCY") == [("Upbit",)], found


def test_a_lending_protocol_pausing_its_markets_halts_withdrawals(extractor):
    found = events(extractor, "Radiant Capital blamed North Korean hackers for the attack. Radiant paused its "
                              "markets on several networks after the breach.")
    assert ("Radiant Capital",) in of_type(found, "WITHDRAWAL_HALT"), found


def test_it_after_the_agency_said_is_the_agency(extractor):
    found = events(extractor, "Hackers hijacked the SEC's account on X on Tuesday. The agency said it was working "
                              "with the FBI to investigate the incident.")
    assert any("Securities and Exchange Commission" in parts for parts in of_type(found, "INVESTIGATION")), found


@pytest.mark.parametrize("text, failed", [
    # asking a court for protection is the filing itself
    ("Its Singapore parent, Kelvora Holdings, sought a court-supervised restructuring to deal with creditors.",
     "Kelvora Holdings"),
    ("Hodlnaut, a Singapore-based crypto lending platform, has applied for judicial management.", "Hodlnaut"),
    ("Zipmex seeks creditor protection after freezing withdrawals.", "Zipmex"),
    ("Kelvora Digital was declared insolvent by the court in June 2023.", "Kelvora Digital"),
])
def test_a_company_asking_for_protection_has_failed(extractor, text, failed):
    assert any(failed in parts for parts in of_type(events(extractor, text), "BANKRUPTCY"))


@pytest.mark.parametrize("text", [
    "Zipmex may seek creditor protection.",
    "Zipmex plans to seek creditor protection.",
])
def test_protection_only_considered_is_no_bankruptcy(extractor, text):
    assert not of_type(events(extractor, text), "BANKRUPTCY")


@pytest.mark.parametrize("text", [
    # a conjunct without a subject of its own shares the first one's modal
    "Ghana's Data Protection Commission opened an inquiry. The commission can impose fines and, in serious cases, "
    "refer matters for prosecution.",
    # a reward for an arrest that has not happened
    "Coinbase set up a $20 million reward fund for information leading to the arrest and conviction of those "
    "responsible.",
])
def test_no_criminal_case_that_only_may_come(extractor, text):
    assert not of_type(events(extractor, text), "CRIMINAL_CASE")


@pytest.mark.parametrize("text", [
    "The exchange denied a report that Vantor Pay had bought a stake in it.",
    "Kraken rejected claims that hackers had stolen $5 million from its hot wallet.",
    "Nemunas Pay offered to buy a stake in Daugava Exchange, the newspaper said.",
    # deposits drained by customers leaving, and a board that advises
    "Silvergate Capital said on Wednesday it would liquidate Silvergate Bank after the collapse of FTX drained its "
    "deposits.",
    "Justin Sun, who also sits on the global advisory board of crypto exchange Poloniex, said in a post that the "
    "complaint lacked merit.",
])
def test_denied_reports_offers_outflows_and_advisory_boards_are_no_events(extractor, text):
    assert events(extractor, text) == []


def test_hackers_draining_a_wallet_is_still_a_hack(extractor):
    assert ("HACK", ("Kraken",)) in events(extractor, "Hackers drained $40 million from Kraken's hot wallet on Sunday.")


def test_a_founder_handing_the_role_to_a_successor_is_one_leadership_change(extractor):
    found = of_type(events(extractor, "Co-founder Mara Lind, who has been chief executive since 2019, will hand the "
                                      "role to Tomas Berg on Oct. 1."), "LEADERSHIP_CHANGE")
    assert any({"Mara Lind", "Tomas Berg"} <= set(parts) for parts in found), found


def test_a_sum_raised_from_a_named_company_is_funding(extractor):
    found = of_type(events(extractor, "Kovalo Exchange raised 40 million rand last year from Cape Town-based "
                                      "investment house Fynbos Capital."), "FUNDING")
    assert any("Fynbos Capital" in parts for parts in found), found
    assert of_type(events(extractor, "The proposal raised concerns from the SEC about custody."), "FUNDING") == []


def test_a_camel_cased_name_described_as_an_exchange_is_one(extractor):
    found = events(extractor, "Binance agreed to sell its business in Russia to CommEX, a crypto exchange that "
                              "launched only days ago.")
    assert ("ACQUISITION", ("CommEX", "Binance")) in found, found


@pytest.mark.parametrize("text, asset", [
    ("XRP was about 1% lower at $0.52 on Wednesday.", "XRP"),
    # what came of a ruling, whatever the ruling denies
    ("A judge ruled that XRP was not a security, sending the token up more than 70% in a day.", "XRP"),
    ("Coinrail said it had lost tokens to hackers, news that knocked bitcoin down more than 10% in a day.", "Bitcoin"),
])
def test_a_price_move_measured_by_a_percentage(extractor, text, asset):
    assert ("PRICE_MOVE", (asset,)) in events(extractor, text)


@pytest.mark.parametrize("text", [
    "Rates were 2% higher than a year earlier, the bank said.",
    "The SEC said the firms were in breach of the 2018 Emergency Decree on Digital Asset Businesses.",
])
def test_percentages_without_an_asset_and_breaches_of_a_law_are_no_events(extractor, text):
    assert events(extractor, text) == []


def test_people_giving_up_their_roles_each_leave(extractor):
    found = of_type(events(extractor, "Hayes's co-founders, Ben Delo and Samuel Reed, have also given up their "
                                      "executive roles at BitMEX, the company said."), "LEADERSHIP_CHANGE")
    assert ("Ben Delo", "BitMEX") in found and ("Samuel Reed", "BitMEX") in found, found
    assert events(extractor, "Investors have given up hope that the exchange will reopen.") == []


def test_a_lowercase_token_name_and_a_clawed_back_price_are_price_moves(extractor):
    found = events(extractor, "Ether slid more than 20% at one point, while solana (SOL) lost around 15%.")
    assert ("PRICE_MOVE", ("SOL",)) in found, found
    assert ("PRICE_MOVE", ("Bitcoin",)) in events(extractor, "Bitcoin clawed back to around $54,000 by late "
                                                             "afternoon, traders said.")


def test_a_desist_and_refrain_order_is_a_ban_and_an_opened_case_an_investigation(extractor):
    found = events(extractor, "California's Department of Financial Protection and Innovation issued a "
                              "desist-and-refrain order against Nexo.")
    assert ("BAN", ("Department of Financial Protection and Innovation", "Nexo")) in found, found
    found = events(extractor, "The Criminal Investigation Bureau said it had opened a case and was tracing the funds.")
    assert ("INVESTIGATION", ("Criminal Investigation Bureau",)) in found, found


def test_licences_from_two_regulators_in_one_sentence_are_two(extractor):
    found = of_type(events(extractor, "Coinbase obtained its MiCA licence from Luxembourg's Commission de Surveillance "
                                      "du Secteur Financier in June, while OKX was authorised by the Malta Financial "
                                      "Services Authority in January."), "LICENSE")
    assert len(found) == 2, found


def test_data_named_but_not_leaked_is_no_leak(extractor):
    assert of_type(events(extractor, "Security firm SlowMist said it had traced the attacker's email address and IP "
                                     "address through Hoo, a Chinese exchange."), "DATA_LEAK") == []
    found = of_type(events(extractor, "Kraken said the email addresses of 3,000 customers were exposed online."),
                    "DATA_LEAK")
    assert found, found


@pytest.mark.parametrize("text", [
    "Nubank began letting customers in Brazil buy and sell bitcoin and ether through its app on Wednesday, in a "
    "partnership with Paxos.",
    "Revolut said its customers could buy shares of Coinbase through the app.",
])
def test_customers_buying_tokens_is_no_acquisition(extractor, text):
    assert of_type(events(extractor, text), "ACQUISITION") == []


def test_a_regulators_review_is_an_investigation_unless_it_led_to_a_licence(extractor):
    found = of_type(events(extractor, "The Australian Securities and Investments Commission cancelled the licence held "
                                      "by Oztures Trading Pty Ltd following a targeted "
                                      "review of the business."), "INVESTIGATION")
    assert any("Oztures Trading Pty Ltd" in parts for parts in found), found
    assert of_type(events(extractor, "The FMA said the licence had been granted to Bitpanda after a review of the "
                                     "company's controls."), "INVESTIGATION") == []


def test_unveiling_a_merger_is_the_deal_not_a_launch(extractor):
    found = events(extractor, "Dunamu and Naver Financial unveiled an all-stock merger on Wednesday.")
    assert of_type(found, "LAUNCH") == [] and of_type(found, "ACQUISITION"), found


@pytest.mark.parametrize("text, asset", [
    # a known exchange's own token, named after it
    ("WazirX Token (WRX), the exchange's own coin, slid about 15% on Sunday as the news spread.", "WazirX Token"),
    # the parser loses the subject inside the description between the name and the verb
    ("Render Token (RNDR), the project's governance token, fell about 8% on Thursday.", "Render"),
    ("Kyber Network Crystal, the project's reward token, dropped about 6% on Tuesday.", "Kyber Network Crystal"),
])
def test_a_token_named_before_its_description_moves(extractor, text, asset):
    assert (asset,) in of_type(events(extractor, text), "PRICE_MOVE")


def test_a_leadership_change_naming_no_organisation_is_at_the_one_the_sentence_says_the_person_works_for(
        extractor):
    found = of_type(events(extractor, "Veldra Exchange was fined on Monday. Hours later, Veldra said its founder and "
                                      "chief executive, Jonas Ekberg, had resigned."), "LEADERSHIP_CHANGE")
    assert found == [("Veldra Exchange", "Jonas Ekberg")], found


def test_a_resignation_and_the_next_sentences_appointment_without_an_organisation_are_one_succession(extractor):
    found = of_type(events(extractor, "Veldra Exchange was fined on Monday. Hours later, Veldra said its founder and "
                                      "chief executive, Jonas Ekberg, had resigned. The board named finance chief "
                                      "Mira Castell as interim chief executive while it looks for a permanent "
                                      "successor."), "LEADERSHIP_CHANGE")
    assert found == [("Veldra Exchange", "Jonas Ekberg", "Mira Castell")], found


@pytest.mark.parametrize("text, expected, wrong", [
    # stolen data offered for sale is out already (an offer to buy is no event)
    ("Veldra Exchange said on Friday that email addresses and hashed passwords of 80,000 of its users had been "
     "offered for sale on a dark-web market.", ("DATA_LEAK", ("Veldra Exchange",)), None),
    # accounts registered with a company are users signing up, not a licence
    ("The affected accounts at Veldra were all registered before March 2019, the company said.",
     None, "LICENSE"),
])
def test_data_on_sale_and_accounts_registered(extractor, text, expected, wrong):
    found = events(extractor, text)
    assert expected is None or expected in found, found
    assert wrong is None or not of_type(found, wrong), found


def test_it_in_a_clause_coordinated_with_a_regulators_statement_is_the_regulator(extractor):
    found = events(extractor, "Tarvo Exchange opened in Lima last year. Peru's Superintendency of Markets said in "
                              "March that crypto is not legal tender, and it urged investors to weigh the risks.")
    assert ("WARNING", ("Superintendency of Markets",)) in found, found


def test_the_complaint_after_a_criminal_complaint_is_that_criminal_case(extractor):
    found = events(extractor, "Malaysia's Securities Commission filed a criminal complaint against Veldra Exchange "
                              "on Friday. The commission said it lodged the complaint with the Commercial Crime "
                              "Investigation Department of the Royal Malaysia Police.")
    assert not of_type(found, "LAWSUIT"), found
    assert len(of_type(found, "CRIMINAL_CASE")) == 1, found


@pytest.mark.parametrize("text, expected", [
    # "the two firms": the pair named before
    ("The app is run by Kestrel Trading Ltd, which licenses Veldra Exchange's matching engine. The two firms "
     "announced their partnership in June.", ("Veldra Exchange", "Kestrel Trading Ltd")),
    # a deal a relative clause tells as made, under a modal ("can fund")
    ("Kora Exchange opened in Nairobi on Monday. Users can fund accounts through Umoja Pay, a mobile money "
     "provider, under a partnership the two companies signed in May.", ("Umoja Pay", "Kora Exchange")),
])
def test_a_partnership_of_the_two_companies_named_before(extractor, text, expected):
    found = of_type(events(extractor, text), "PARTNERSHIP")
    assert any(set(expected) <= set(parts) for parts in found), found


def test_a_partnership_only_proposed_is_no_event(extractor):
    assert not of_type(events(extractor, "Kora Exchange may seek a partnership proposed by Umoja Pay."),
                       "PARTNERSHIP")


@pytest.mark.parametrize("text", [
    "Ozys urged users to revoke any token approvals they had granted to its contracts.",
    "Kyber Network told liquidity providers on Wednesday to withdraw their funds from the pools.",
    "The National Bank of Georgia, which registers virtual asset service providers, asked Mtkvari for a report.",
    "Kavo Exchange is operated by Tamsin Trading Ltd., a company that licenses Kavo's matching engine software.",
])
def test_licensing_words_used_of_something_else_are_no_licence(extractor, text):
    assert not of_type(events(extractor, text), "LICENSE")


def test_a_headline_naming_a_chief_executive_names_a_person_and_a_companys_change(extractor):
    found = events(extractor, "Dubai's Qasr Digital launches perpetual futures after VARA upgrade, names Layla "
                              "Haddad CEO")
    assert ("Qasr Digital", "Layla Haddad") in of_type(found, "LEADERSHIP_CHANGE"), found


def test_a_regulator_named_beside_a_companys_leadership_change_is_not_its_party(extractor):
    found = events(extractor, "Gwangan Exchange said on Monday that its founder, Park Ji-hoon, had resigned as "
                              "chief executive and that the board had appointed Choi Min-seo, a former official at "
                              "the Financial Supervisory Service, to replace him.")
    changes = of_type(found, "LEADERSHIP_CHANGE")
    assert changes and not any("Financial Supervisory Service" in parts for parts in changes), found


@pytest.mark.parametrize("text, type_, wrong", [
    # the names a listed company's description gives are not what moved
    ("Kokura Coin, a Fukuoka-based crypto exchange, will add five tokens next week. Shares of Tenjin Holdings Inc., "
     "the Tokyo Stock Exchange-listed parent of Kokura Coin, rose by their daily limit on Monday.", "PRICE_MOVE",
     "Kokura Coin"),
    # fees paid for a service are no fine
    ("Sentosa Labs has signed up 900 shippers to its ledger, where customers use its token to pay transaction "
     "fees.", "FINE", None),
    # a partnership the company lacks
    ("Gwangan Exchange cannot offer won deposits because it lacks a partnership with a local bank.",
     "PARTNERSHIP", None),
])
def test_no_event_for_descriptions_service_fees_and_what_a_company_lacks(extractor, text, type_, wrong):
    found = of_type(events(extractor, text), type_)
    assert (not found) if wrong is None else not any(wrong in parts for parts in found), found


def test_the_name_an_appositive_gives_a_token_still_moves(extractor):
    assert ("XIN",) in of_type(events(extractor, "Mixin's native token, XIN, fell about 7% after the disclosure."),
                               "PRICE_MOVE")


@pytest.mark.parametrize("text, type_, expected", [
    ("Kraken hands CEO job to Mira Castell as co-founder Jesse Powell becomes chairman", "LEADERSHIP_CHANGE",
     ("Kraken", "Mira Castell")),
    ("Bitcoin touched a record above $73,000 on Thursday.", "PRICE_MOVE", ("Bitcoin",)),
])
def test_a_job_handed_over_and_a_record_touched(extractor, text, type_, expected):
    found = of_type(events(extractor, text), type_)
    assert any(set(expected) <= set(parts) for parts in found), found


@pytest.mark.parametrize("text, expected", [
    ("Kenya's Capital Markets Authority is reviewing Tana Exchange's role in promoting the token, the exchange said.",
     True),
    ("The SEC can appeal, and it said it was reviewing the decision.", False),
    ("The Securities and Exchange Commission is reviewing Coinbase's application for a spot ETF.", False),
])
def test_a_regulator_reviewing_someones_conduct_investigates(extractor, text, expected):
    assert bool(of_type(events(extractor, text), "INVESTIGATION")) is expected


@pytest.mark.parametrize("text, parties", [
    ("The FCA sent inspectors to Kelvora Exchange last week to check its client-money records.",
     ("Financial Conduct Authority", "Kelvora Exchange")),
    ("Japan's Financial Services Agency dispatched examiners to Kelvora Japan on Monday.",
     ("Financial Services Agency", "Kelvora Japan")),
])
def test_examiners_a_regulator_sends_to_a_firm_investigate_it(extractor, text, parties):
    assert parties in of_type(events(extractor, text), "INVESTIGATION")


@pytest.mark.parametrize("text, type_", [
    ("Earn.com raised $116 million in 2015 to build chips, before it shifted its focus to paid messaging.", "FINE"),
    ("Attackers took over the Twitter accounts of Tesla and Apple on Wednesday.", "ACQUISITION"),
    ("Bitcoin traded at about $450 on Thursday, little changed on the day.", "PRICE_MOVE"),
])
def test_no_event_for_a_paid_service_a_hijacked_account_or_a_price_little_changed(extractor, text, type_):
    assert not of_type(events(extractor, text), type_)


def test_bitcoin_cash_in_lowercase_is_bitcoin_cash(extractor):
    found = of_type(events(extractor, "The price of bitcoin cash on Coinbase spiked to nearly $9,000 after trading "
                                      "opened."), "PRICE_MOVE")
    assert found == [("Bitcoin Cash",)], found


def test_what_there_is_no_sign_of_did_not_happen(extractor):
    found = events(extractor, "Hackers took ether from Gatecoin. It added that it had found no sign that customers' "
                              "personal information had been accessed.")
    assert not of_type(found, "DATA_LEAK") and of_type(found, "HACK"), found


@pytest.mark.parametrize("text, expected", [
    ("Kelvora Exchange, founded by two former bankers, opened to customers on Thursday.", ("Kelvora Exchange",)),
    ("Binance.US opened for trading on Tuesday, offering customers six coins.", ("Binance.US",)),
    ("Coinbase shares opened for trading at $381 on Nasdaq.", None),
])
def test_a_venue_opening_its_doors_is_a_launch(extractor, text, expected):
    found = of_type(events(extractor, text), "LAUNCH")
    assert found == ([expected] if expected else []), found


@pytest.mark.parametrize("text, expected", [
    ("Hackers moved 4,700 bitcoin out of the wallet. The price surged past $16,000 on Thursday on some exchanges.",
     [("Bitcoin",)]),
    ("Traders bought bitcoin. The price of gold rose 2%.", []),
])
def test_a_bare_the_price_is_that_of_the_coin_named_before(extractor, text, expected):
    assert of_type(events(extractor, text), "PRICE_MOVE") == expected


@pytest.mark.parametrize("text, expected", [
    ("Bitcoin is down 12% since Monday.", [("Bitcoin",)]),
    ("Turnout was up 5% this year.", []),
])
def test_a_coin_up_or_down_by_a_percentage_moved(extractor, text, expected):
    assert of_type(events(extractor, text), "PRICE_MOVE") == expected


def test_sanctions_imposed_on_a_company_are_a_ban_on_it_and_its_short_name_is_the_same_company(extractor):
    x = extractor.extract_one(Article(id="t", title="Treasury sanctions Kirov", text=(
        "The U.S. Treasury Department on Tuesday imposed sanctions on Kirov OTC, a Moscow exchange. Kirov is "
        "registered in Cyprus.")))
    bans = [e.participants for e in x.events if e.type == "BAN"]
    assert any({"U.S. Treasury", "Kirov OTC"} <= set(parts) for parts in bans), bans
    assert "Kirov" not in {e.name for e in x.entities}


def test_a_countrys_central_bank_is_its_monetary_authority_where_that_is_the_regulator_named(extractor):
    found = events(extractor, (
        "Singapore's central bank on Monday told crypto firms to stop advertising to the public. Under guidelines "
        "issued by the Monetary Authority of Singapore (MAS), firms may not advertise in train stations."))
    assert ("Monetary Authority of Singapore",) in of_type(found, "BAN"), found


def test_it_in_a_clause_hanging_from_a_plain_nouns_clause_is_the_one_saying_it(extractor):
    found = events(extractor, (
        "The MAS said trading in crypto was risky, repeating a warning it has issued since 2017. Later, Deodi, a "
        "Singapore-based operator of bitcoin ATMs, said it would close its machines."))
    assert of_type(found, "WARNING") == [("Monetary Authority of Singapore",)], found


@pytest.mark.parametrize("text, expected", [
    ("Binance halted deposits of LUNA on Thursday and on Friday removed LUNA from its spot trading pairs.", True),
    ("The wash trades took place on the Solana-Bitcoin trading pair of Kraken, the regulator said.", False),
])
def test_a_trading_pair_is_a_listing_only_when_a_venue_opens_or_closes_it(extractor, text, expected):
    assert bool(of_type(events(extractor, text), "LISTING")) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kelvora Exchange wound down its business in March and returned client funds.", True),
    ("The central bank barred banks from serving Kelvora Exchange and gave them three months to wind down existing "
     "relationships.", False),
])
def test_winding_down_is_a_failure_only_of_a_business(extractor, text, expected):
    assert bool(of_type(events(extractor, text), "BANKRUPTCY")) == expected


def test_the_start_up_is_the_start_up_named_before(extractor):
    found = events(extractor, "Medina Pay, a Tunis-based fintech start-up, launched a token in May. To reach "
                              "migrants, the start-up has teamed up with Vieux-Port Transfert, a Marseille-based "
                              "remittance company.")
    assert ("Medina Pay", "Vieux-Port Transfert") in [tuple(sorted(p)) for p in of_type(found, "PARTNERSHIP")], found


@pytest.mark.parametrize("text, expected", [
    ("Rising power costs left many customers struggling to pay their bills.", []),
    ("Kelvora Exchange agreed to pay $4 million to settle the regulator's charges.", [("Kelvora Exchange",)]),
])
def test_paying_running_costs_is_no_fine(extractor, text, expected):
    assert of_type(events(extractor, text), "FINE") == expected


@pytest.mark.parametrize("text, expected", [
    ("Two of China's largest bitcoin exchanges, OKCoin and Huobi, stopped letting customers withdraw bitcoin on "
     "Thursday.", {"OKCoin", "HTX"}),
    ("Kelvora Exchange stopped allowing users to withdraw funds on Monday.", {"Kelvora Exchange"}),
])
def test_no_longer_letting_customers_withdraw_is_a_withdrawal_halt(extractor, text, expected):
    halts = of_type(events(extractor, text), "WITHDRAWAL_HALT")
    assert halts and expected <= set().union(*map(set, halts)), halts


def test_a_headline_exposing_a_companys_customers_id_scans_is_its_data_leak(extractor):
    title = "Open server exposed 27,000 Swan River Digital customers' ID scans"
    x = extractor.extract_one(Article(id="t", title=title, text="A researcher found the server on May 9."))
    assert [e.participants for e in x.events if e.type == "DATA_LEAK"] == [("Swan River Digital",)]


def test_he_resigned_in_what_a_titled_person_says_is_that_persons_leadership_change(extractor):
    found = events(extractor, "Dana Holt, Kraken's vice president and head of research, said on Twitter that she "
                              "had resigned.")
    assert of_type(found, "LEADERSHIP_CHANGE") == [("Kraken", "Dana Holt")], found


def test_two_venues_halting_withdrawals_are_two_halts(extractor):
    found = events(extractor, "Two of China's largest exchanges, OKCoin and Huobi, stopped letting customers withdraw "
                              "bitcoin on Thursday.")
    assert sorted(of_type(found, "WITHDRAWAL_HALT")) == [("HTX",), ("OKCoin",)], found


def test_the_name_a_subjects_noun_is_given_moved(extractor):
    assert of_type(events(extractor, "Kraken's own token, KRK, fell by about 40% after the announcement."),
                   "PRICE_MOVE") == [("KRK",)]


@pytest.mark.parametrize("text, expected", [
    ("Bitcoin traded around $39,000 on Wednesday, down roughly 40% from its April record.", [("Bitcoin",)]),
    ("Bitcoin traded around $48,000 on Thursday, roughly where it stood a day earlier.", []),
])
def test_a_coin_trading_at_a_price_moved_when_the_sentence_measures_the_move(extractor, text, expected):
    assert of_type(events(extractor, text), "PRICE_MOVE") == expected


@pytest.mark.parametrize("text", [
    # "the shares" alone, or "they" for them: the stock of the company the article names most before it
    "Hashvault Mining raised $140 million in its listing. The shares fell 6% on their second day of trading.",
    "Hashvault Mining priced its offering at $12. When the shares began trading on the Nasdaq on Friday, they opened "
    "flat and closed at $11.60, down about 3%.",
    "Hashvault Mining raised $140 million. The shares opened at $14 on Friday, then gave back most of that gain to "
    "close at $12.40, up 3.3% from the offer price.",
])
def test_the_shares_are_the_stock_of_the_company_the_article_is_about(extractor, text):
    assert of_type(events(extractor, text), "PRICE_MOVE") == [("Hashvault Mining",)]


def test_the_shares_name_no_company_when_two_are_named_as_often(extractor):
    text = "Hashvault Mining agreed to buy Coldridge Power. The shares fell 6% on Friday."
    assert of_type(events(extractor, text), "PRICE_MOVE") == []


def test_a_close_told_with_its_move_is_a_price_move(extractor):
    assert of_type(events(extractor, "Ether closed at $2,410 on Friday, down almost 4%."), "PRICE_MOVE") == \
        [("Ether",)]


@pytest.mark.parametrize("text", [
    # liquidations in the market sense are traders' bets closed out, not a company's end
    "The crash on Kraken set off liquidations of leveraged positions worth $2 billion.",
    "Forced liquidations of leveraged bets on Bybit topped $1 billion on Friday.",
    "Traders on OKX whose margin positions were liquidated lost most of their deposits.",
    "On Bybit alone, $300 million of long bets were liquidated within an hour.",
    "Some $300 million was forcibly liquidated on Bybit within an hour.",
])
def test_market_liquidations_are_no_bankruptcy(extractor, text):
    assert of_type(events(extractor, text), "BANKRUPTCY") == []


def test_a_court_ordered_liquidation_is_still_a_bankruptcy(extractor):
    assert of_type(events(extractor, "A court in the Seychelles ordered the liquidation of Bitzlato."), "BANKRUPTCY") \
        == [("Bitzlato",)]


@pytest.mark.parametrize("text, parties", [
    # two companies agreeing to work together, and a company that is another's partner, are a partnership
    ("As part of the investment, Circle and Bitmain have agreed to work together on products for China.",
     {"Circle", "Bitmain"}),
    ("Since October Bitso has been a partner of Ripple in a cross-border payments service.", {"Bitso", "Ripple Labs"}),
])
def test_working_together_and_being_a_partner_are_partnerships(extractor, text, parties):
    found = of_type(events(extractor, text), "PARTNERSHIP")
    assert any(set(p) == parties for p in found), found


def test_a_partner_a_company_only_calls_itself_is_no_partnership(extractor):
    text = "Tamarind Trade had promoted itself on social media as a partner of Kraken, the prosecutors said."
    assert of_type(events(extractor, text), "PARTNERSHIP") == []


def test_a_coin_available_on_named_exchanges_is_listed_on_each(extractor):
    found = of_type(events(extractor, "RLUSD is available from today on Uphold, Archax and Bitso."), "LISTING")
    assert {frozenset(p) for p in found} == \
        {frozenset({venue, "Ripple USD"}) for venue in ("Uphold", "Archax", "Bitso")}


def test_available_where_no_exchange_is_named_is_no_listing(extractor):
    assert of_type(events(extractor, "Bitcoin ATMs are available on every corner of the city, Kraken said."),
                   "LISTING") == []


def test_a_regulator_telling_the_public_warns_it(extractor):
    text = "The Bank of Uganda has repeatedly told the public that cryptocurrencies are not legal tender."
    assert of_type(events(extractor, text), "WARNING") == [("Bank of Uganda",)]


def test_a_company_telling_investors_all_is_well_is_no_warning(extractor):
    text = "Sorel Labs told investors on its forum that the situation was contained and their tokens were safe."
    assert of_type(events(extractor, text), "WARNING") == []


@pytest.mark.parametrize("text, person", [
    # becoming a company's head, and being removed from a post, are leadership changes
    ("The exchange will spend the money on engineers, said Dana Holt, who became chief executive of Kraken earlier "
     "this year.", "Dana Holt"),
    ("Bitmain's founders fell out. On Oct. 29, co-founder Jihan Wu removed his fellow co-founder Micree Zhan as the "
     "company's legal representative and stripped him of all his positions.", "Micree Zhan"),
])
def test_becoming_a_head_or_being_removed_from_a_post_is_a_leadership_change(extractor, text, person):
    assert any(person in parts for parts in of_type(events(extractor, text), "LEADERSHIP_CHANGE"))


@pytest.mark.parametrize("text", [
    # a step in a career told in passing, and a head of state, are not
    "Ardoino, who joined Bitfinex as a developer in 2014 and later became its chief technology officer, will lead it.",
    "Nayib Bukele became president of El Salvador in 2019.",
])
def test_becoming_something_else_is_no_leadership_change(extractor, text):
    found = of_type(events(extractor, text), "LEADERSHIP_CHANGE")
    assert not any("Nayib Bukele" in p or "Bitfinex" in p for p in found), found


def test_a_succession_with_a_new_chairman_is_one_change(extractor):
    text = "Ripple hands CEO job to Brad Garlinghouse; Chris Larsen becomes executive chairman."
    assert len(of_type(events(extractor, text), "LEADERSHIP_CHANGE")) == 1


def test_a_coin_launching_on_named_exchanges_is_listed_there_and_launches_itself(extractor):
    found = events(extractor, "Ripple USD goes live: RLUSD launches on Uphold, Archax and Bitso.")
    assert of_type(found, "LAUNCH") == [("Ripple USD",)], found
    assert {frozenset(p) for p in of_type(found, "LISTING")} == \
        {frozenset({venue, "Ripple USD"}) for venue in ("Uphold", "Archax", "Bitso")}, found


def test_an_exchange_opening_is_launched_by_itself_not_by_the_coin_it_trades(extractor):
    text = "Gemini, the bitcoin exchange founded by the Winklevoss twins, opened to customers on Thursday."
    assert of_type(events(extractor, text), "LAUNCH") == [("Gemini",)]


def test_voluntary_administration_is_a_bankruptcy(extractor):
    text = "BRISBANE — Wattle Coin, a Brisbane-based exchange, has gone into voluntary administration."
    assert of_type(events(extractor, text), "BANKRUPTCY") == [("Wattle Coin",)]


@pytest.mark.parametrize("text, type_, party", [
    # hiring staff is no post changing hands
    ("The company will use the money to hire aggressively, chief executive Joseph Dallago said.", "LEADERSHIP_CHANGE",
     "Joseph Dallago"),
    # a law breached is no system broken into
    ("The SC said Binance's conduct breached the Capital Markets and Services Act 2007.", "HACK", "Binance"),
    # an issuer freezing stolen coins holds back funds; customers' withdrawals go on
    ("Remitano loses $2.7 million in hot-wallet breach; Tether freezes $1.4 million.", "WITHDRAWAL_HALT", "Tether"),
    # what a venue carries is no listing that happened
    ("Poloniex, which opened in January, lists dozens of smaller coins against bitcoin, among them Dogecoin.",
     "LISTING", "Poloniex"),
])
def test_states_and_other_senses_of_event_words_are_no_events(extractor, text, type_, party):
    found = of_type(events(extractor, text), type_)
    assert not any(party in parts for parts in found), found


def test_a_halt_names_who_halted_not_the_collapse_it_followed(extractor):
    text = ("On Nov. 16, Gemini paused redemptions from its Earn program after its lending partner, Genesis Global "
            "Capital, halted withdrawals in the wake of FTX's bankruptcy filing.")
    found = of_type(events(extractor, text), "WITHDRAWAL_HALT")
    assert ("Genesis Global Capital",) in found and not any("FTX" in p for p in found), found


def test_where_a_statement_was_posted_is_no_party_to_the_event(extractor):
    text = "Balancer confirmed the exploit on X and said it was working with security firms."
    assert not any("Twitter" in p for p in of_type(events(extractor, text), "HACK"))
    text = "Decentralized exchange Balancer confirmed the exploit on X and said it was working with security firms."
    assert of_type(events(extractor, text), "HACK") == [("Balancer",)]


def test_investors_who_also_took_part_join_the_round_told_before(extractor):
    text = ("Lumeria raised $12 million in a Series A round led by Northlight Capital. Existing investors Jaffa Gate "
            "Capital and Negev Ventures also took part, the company said.")
    assert of_type(events(extractor, text), "FUNDING") == \
        [("Lumeria", "Northlight Capital", "Jaffa Gate Capital", "Negev Ventures")]


def test_taking_part_with_no_round_told_is_no_funding(extractor):
    assert of_type(events(extractor, "Jaffa Gate Capital and Negev Ventures also took part in the vote."),
                   "FUNDING") == []


@pytest.mark.parametrize("text, company", [
    # an authority's inquiry into the incident, or one opened after the company reported it, is into that company
    ("Aigaio Exchange said hackers took customer data. Aigaio Exchange apologised. Greece's data protection "
     "watchdog, the Hellenic Data Protection Authority, opened an inquiry into the incident the same month.",
     "Aigaio Exchange"),
    ("Obelisco Exchange lost $6.8 million. The exchange has reported the attack to the Argentine Federal Police, "
     "whose cybercrime unit has opened an investigation.", "Obelisco Exchange"),
])
def test_an_inquiry_into_the_story_is_into_the_company_the_article_is_about(extractor, text, company):
    found = of_type(events(extractor, text), "INVESTIGATION")
    assert len(found) == 1 and company in found[0], found


def test_an_inquiry_into_someone_else_takes_no_company_in(extractor):
    text = ("Obelisco Exchange lost $6.8 million. Police opened an investigation into Diego Ferreyra, a former "
            "employee.")
    assert not any("Obelisco Exchange" in p for p in of_type(events(extractor, text), "INVESTIGATION"))


@pytest.mark.parametrize("text", [
    # licensing as a state of things or as a requirement is no licence granted
    "Thailand licenses a handful of domestic exchanges, including Bitkub and Satang Pro.",
    "The regulation will soon require exchanges like Aigaio Exchange to obtain a licence from a national regulator.",
])
def test_licensing_in_general_is_no_licence_granted(extractor, text):
    assert of_type(events(extractor, text), "LICENSE") == []


def test_a_licence_won_is_still_one(extractor):
    assert of_type(events(extractor, "Bybit won a MiCA licence from Austria's Financial Market Authority."),
                   "LICENSE") == [("Financial Market Authority", "Bybit")]


@pytest.mark.parametrize("text", [
    # a sentence faced or still due is no step of a case that happened
    "Bankman-Fried, 31, faces a maximum sentence of 110 years in prison.",
    "Gary Wang and Nishad Singh are due to be sentenced later this year.",
])
def test_a_sentence_still_to_come_is_no_criminal_case(extractor, text):
    assert of_type(events(extractor, text), "CRIMINAL_CASE") == []


def test_a_sentence_handed_down_is_one(extractor):
    assert of_type(events(extractor, "Bankman-Fried was sentenced in March to 25 years in prison."),
                   "CRIMINAL_CASE") == [("Bankman-Fried",)]


@pytest.mark.parametrize("text", [
    # moving the proceeds is laundering, not another hack, and a breach of trust is no break-in
    "In the days after the attack, the exploiter moved some of the proceeds through Tornado Cash, the crypto mixer.",
    "The prosecutors said the former finance chief of Rhône Numérique had been charged with breach of trust.",
])
def test_laundering_steps_and_breaches_of_trust_are_no_hacks(extractor, text):
    assert of_type(events(extractor, text), "HACK") == []


@pytest.mark.parametrize("text, type_", [
    # collateral liquidated in a market is no bankruptcy
    ("Celsius sues Tether for $4 billion over liquidated bitcoin collateral.", "BANKRUPTCY"),
    # bankruptcy proceedings are the bankruptcy, and a complaint filed with police no suit
    ("Podgorica court opens bankruptcy proceedings against hacked exchange Lovćen Bit.", "LAWSUIT"),
    ("Ozys said it had filed a complaint with police and was sharing information with investigators.", "LAWSUIT"),
])
def test_other_senses_of_liquidation_proceedings_and_complaints(extractor, text, type_):
    assert of_type(events(extractor, text), type_) == []


def test_a_coin_landing_on_named_exchanges_is_listed_on_each(extractor):
    found = of_type(events(extractor, "Ethereum Classic lands on Poloniex and Kraken."), "LISTING")
    assert {frozenset(p) for p in found} == {frozenset({v, "Ethereum Classic"}) for v in ("Poloniex", "Kraken")}


def test_what_is_easier_to_attack_has_not_been_attacked(extractor):
    text = "Support from miners for the old chain remains thin, which makes it easier to attack, Kraken said."
    assert of_type(events(extractor, text), "HACK") == []


def test_a_new_chiefs_past_employer_is_not_where_the_post_changes_hands(extractor):
    # the bank that describes where the new chief worked before takes no part; the company the article is
    # about, whose founder hands over, does
    text = ("Pwani Exchange raised $12 million on Tuesday. At the same time, founder Otieno Barasa is handing the "
            "chief executive role to Akinyi Mutua, a former head of retail banking at Simba Commercial Bank.")
    changes = of_type(events(extractor, text), "LEADERSHIP_CHANGE")
    assert changes and all("Simba Commercial Bank" not in parts for parts in changes), changes
    assert any({"Pwani Exchange", "Otieno Barasa", "Akinyi Mutua"} <= set(parts) for parts in changes), changes


def test_a_bare_titled_officer_leaving_leaves_the_company_the_sentence_before_named(extractor):
    text = ("Karoo Vault said hackers had copied customer records. Chief information officer Pieter Malan "
            "resigned on Tuesday.")
    changes = of_type(events(extractor, text), "LEADERSHIP_CHANGE")
    assert any({"Karoo Vault", "Pieter Malan"} <= set(parts) for parts in changes), changes


def test_a_past_years_event_told_as_background_is_its_own_event(extractor):
    # the article's own hack has no year in the text (the article's year, 2024); the one of 2018 is another
    text = ("Kestrel Exchange said on Saturday that hackers had stolen $19 million from its hot wallet. It is not "
            "the first time: in June 2018 hackers stole $31 million from Kestrel Exchange.")
    hacks = of_type(events(extractor, text), "HACK")
    assert len([parts for parts in hacks if "Kestrel Exchange" in parts]) == 2, hacks


@pytest.mark.parametrize("text", [
    "Customers who had used its lending product since 2019 sued Tamarind Exchange.",
    "Tamarind Exchange customers sue after the founder admits a 2014 theft.",
])
def test_a_periods_bound_or_a_year_of_another_noun_does_not_date_the_event(extractor, text):
    x = extractor.extract_one(Article(id="t", title="", text=text, published="2024-03-05T10:00:00Z"))
    suits = [e for e in x.events if e.type == "LAWSUIT"]
    assert suits and all(e.date.startswith("2024") for e in suits), suits


@pytest.mark.parametrize("text, expected", [
    ("OSAKA — Naniwa Coin Exchange began offering the XRP token to its customers on Monday.",
     {"Naniwa Coin Exchange", "XRP"}),
    ("Kestrel Exchange stopped offering Monero on Monday, citing rules on privacy coins.",
     {"Kestrel Exchange", "Monero"}),
])
def test_a_venue_starting_or_stopping_to_offer_a_coin_lists_it(extractor, text, expected):
    listings = of_type(events(extractor, text), "LISTING")
    assert any(expected <= set(parts) for parts in listings), listings


@pytest.mark.parametrize("text, expected", [
    # a company opening a named venue launches it; a venue that begins operating launches
    ("ST HELIER — Kestrel Exchange has opened Kestrel Guernsey, a fiat exchange for customers in Europe.",
     {"Kestrel Exchange", "Kestrel Guernsey"}),
    ("Lion City Digital Exchange began operating on Thursday after the regulator approved it.",
     {"Lion City Digital Exchange"}),
])
def test_opening_a_named_venue_or_a_venue_beginning_to_operate_is_a_launch(extractor, text, expected):
    launches = of_type(events(extractor, text), "LAUNCH")
    assert any(expected <= set(parts) for parts in launches), launches


def test_opening_an_inquiry_or_trading_launches_nothing(extractor):
    text = "The regulator opened an inquiry into Kestrel Exchange, which opened trading in two new coins."
    assert not of_type(events(extractor, text), "LAUNCH")


@pytest.mark.parametrize("text", [
    # a filing that asks to launch, and a launch by anyone at all, launch nothing yet
    "Kestrel Asset Management filed with the SEC in March to launch a fund holding Solana.",
    "Kestrel Holdings Inc. holds SOL. Whenever someone launches a rival fund, Kestrel Holdings Inc. loses its edge.",
])
def test_a_launch_asked_for_or_by_anyone_is_no_launch(extractor, text):
    assert not of_type(events(extractor, text), "LAUNCH")


@pytest.mark.parametrize("text", [
    "Hackers stole $3 million from Kestrel Exchange. The Financial Sector Conduct Authority said it had requested a "
    "report from Kestrel Exchange.",
    "Hackers stole $3 million from Kestrel Exchange. The Central Bank of Armenia has asked Kestrel Exchange for a "
    "full report on the incident within ten days.",
])
def test_an_authority_asking_a_company_for_a_report_looks_into_it(extractor, text):
    inquiries = of_type(events(extractor, text), "INVESTIGATION")
    assert any("Kestrel Exchange" in parts and len(parts) == 2 for parts in inquiries), inquiries


def test_another_party_on_another_date_in_one_sentence_is_another_event(extractor):
    text = ("Exchanges have been under heavy attack this month. Bitstamp lost tens of millions of dollars to hackers "
            "on Sept. 12, and Poloniex had about $41 million drained on Sept. 4.")
    hacks = of_type(events(extractor, text), "HACK")
    assert sorted(hacks) == [("Bitstamp",), ("Poloniex",)], hacks


@pytest.mark.parametrize("text, robbed", [
    # what attackers take from an account or wallet nobody else is named for is the speaking company's
    ("Kestrel Exchange said on Sunday that attackers had taken about $44 million from an internal operational "
     "account.", True),
    # a tracker reporting a year's thefts was robbed of nothing
    ("Chainalysis said hackers stole $3.8 billion in 2022.", False),
])
def test_a_company_saying_attackers_took_money_from_an_account_was_hacked(extractor, text, robbed):
    hacks = of_type(events(extractor, text), "HACK")
    assert bool(hacks) == robbed, hacks


def test_a_joined_clause_with_its_own_subject_and_date_is_another_theft(extractor):
    # the attacker, named or not, took from the party its own clause names, not from the first clause's subject
    text = ("In May, lending protocol Harrow Finance lost about $80 million in a flash-loan attack, and in July an "
            "attacker took $12 million from Quillon Bridge before returning most of it.")
    hacks = of_type(events(extractor, text), "HACK")
    assert sorted(hacks) == [("Harrow Finance",), ("Quillon Bridge",)], hacks


def test_a_loss_told_beside_a_theft_is_a_theft_too(extractor):
    text = "Harrow Bridge lost about $30 million in March, and Quillon Finance was drained of $9 million in June."
    hacks = of_type(events(extractor, text), "HACK")
    assert sorted(hacks) == [("Harrow Bridge",), ("Quillon Finance",)], hacks


@pytest.mark.parametrize("text", [
    "Attackers drained $50 million from Harrow Finance on Sunday. The theft is the largest from a lending "
    "protocol this year, after the $80 million exploit of Quillon Exchange in April.",
    "Attackers drained $50 million from Harrow Finance on Sunday. It was the worst loss of its kind since the theft "
    "at Quillon Exchange in 2021.",
])
def test_an_earlier_theft_a_sentence_dates_itself_by_is_its_own_event(extractor, text):
    hacks = of_type(events(extractor, text), "HACK")
    assert sorted(hacks) == [("Harrow Finance",), ("Quillon Exchange",)], hacks


def test_coordinated_event_nouns_with_their_own_victims_are_two_events(extractor):
    text = ("Lazarus has also been blamed for the theft of $20 million from users of Quillon Exchange in March and for "
            "the $50 million hack of Harrow Finance's bridge in May last year.")
    victims = [{p for p in parts if p != "Lazarus Group"} for parts in of_type(events(extractor, text), "HACK")]
    assert sorted(victims, key=sorted) == [{"Harrow Finance"}, {"Quillon Exchange"}], victims


@pytest.mark.parametrize("text", [
    "In March, Harrow Finance lost about $16 million when an attacker used a stolen key to empty one of its wallets.",
    "Kestrel Exchange said on Monday that it had been robbed. It was the worst loss since March, when Harrow Finance "
    "lost about $16 million after a flaw in its signing tool let an attacker empty one of its wallets.",
])
def test_a_loss_to_a_lone_attacker_is_a_theft(extractor, text):
    hacks = of_type(events(extractor, text), "HACK")
    assert ("Harrow Finance",) in hacks, hacks


def test_a_subordinate_clause_with_a_named_subject_of_its_own_is_that_subjects_doing(extractor):
    text = ("The Bank of Uganda cautioned the public about digital coins in 2017 and has since repeated that they are "
            "not legal tender, while the Bank of Ghana put out a notice in 2018 reminding lenders that it does not "
            "license crypto firms.")
    warnings = of_type(events(extractor, text), "WARNING")
    assert sorted(warnings) == [("Bank of Ghana",), ("Bank of Uganda",)], warnings


@pytest.mark.parametrize("text, moved", [
    # the coin's name right before the verb is its subject, however the parser hangs the description before it
    ("The marketplace's governance token, KRNA, fell 41% in the day after the disclosure.", True),
    # not a name inside a description of another subject
    ("Shares of Harrow Holdings, the listed parent of Kestrel Coin, rose 9% on Monday.", False),
])
def test_a_coin_named_right_before_its_price_verb_moved(extractor, text, moved):
    moves = of_type(events(extractor, text), "PRICE_MOVE")
    assert any(parts in (("KRNA",), ("Kestrel Coin",)) for parts in moves) == moved, moves


@pytest.mark.parametrize("text, halted", [
    ("Its failure follows that of Kestrel Exchange, one of Peru's biggest venues, which stopped trading on Monday.",
     True),
    ("Kestrel Exchange, a Lima-based venue, went dark in May, leaving thousands of users unable to reach their "
     "money.", True),
    # one token's market stopping is a delisting, not the venue's halt
    ("Kestrel Exchange stopped trading Quillcoin on Friday.", False),
    # only a named venue goes dark: not the one whose rivals the main clause names
    ("As the site went dark, rival exchanges including Kestrel Exchange issued a joint statement.", False),
])
def test_a_venue_that_stops_trading_or_goes_dark_halts(extractor, text, halted):
    halts = of_type(events(extractor, text), "WITHDRAWAL_HALT")
    assert (("Kestrel Exchange",) in halts) == halted, halts


@pytest.mark.parametrize("text, launched", [
    ("Harrow Bank, the country's third-largest lender, began offering crypto custody to retail clients in 2023.", True),
    ("Regulators praised Harrow Bank, the country's oldest lender, which on Monday began letting customers buy and "
     "sell bitcoin in its app.", True),
    # a coin a venue begins to offer is a listing, not a launch
    ("Harrow Bank began offering trading in dogecoin and XRP on Monday.", False),
])
def test_a_company_beginning_a_service_launches_it(extractor, text, launched):
    launches = of_type(events(extractor, text), "LAUNCH")
    assert any("Harrow Bank" in parts for parts in launches) == launched, launches


@pytest.mark.parametrize("text", [
    "A court in Manitoba declared Kestrel Exchange bankrupt in April.",
    "The judge found Kestrel Exchange insolvent on Monday.",
])
def test_a_court_declaring_a_company_bankrupt_is_its_bankruptcy(extractor, text):
    assert ("Kestrel Exchange",) in of_type(events(extractor, text), "BANKRUPTCY")


def test_attacks_on_victims_the_parser_hangs_on_the_preposition_are_their_own_event(extractor):
    text = ("Lazarus has also been blamed for the theft of about $60 million from users of Quillon Exchange in June "
            "and for attacks on payment processors Harrow Pay and Kestrel Finance in July.")
    hacks = [set(parts) for parts in of_type(events(extractor, text), "HACK")]
    assert any("Quillon Exchange" in parts and "Harrow Pay" not in parts for parts in hacks), hacks
    assert any("Harrow Pay" in parts and "Quillon Exchange" not in parts for parts in hacks), hacks


def test_a_further_sum_raised_on_another_date_is_another_round(extractor):
    text = "Kestrel Exchange raised $90 million at a $1 billion valuation in March and a further $40 million in June."
    rounds = of_type(events(extractor, text), "FUNDING")
    assert rounds == [("Kestrel Exchange",), ("Kestrel Exchange",)], rounds


def test_a_list_of_pairs_after_a_colon_is_one_partnership_per_pair(extractor):
    text = ("Only three venues had struck bank partnerships in time: Harrow Exchange with Kestrel Bank, Quillon "
            "Exchange and Tamsin Exchange with Ordway Bank, and Pellow Exchange with Brisk Bank.")
    deals = sorted(of_type(events(extractor, text), "PARTNERSHIP"))
    assert deals == [("Harrow Exchange", "Kestrel Bank"), ("Pellow Exchange", "Brisk Bank"),
                     ("Quillon Exchange", "Ordway Bank"), ("Tamsin Exchange", "Ordway Bank")], deals


def test_a_list_after_a_colon_with_a_clause_is_no_list_of_pairs(extractor):
    text = ("The funds come from three issuers: Harrow Asset Management, Quillon Investments and Ordway Capital, "
            "which teamed up with Kestrel Partners for its products.")
    deals = of_type(events(extractor, text), "PARTNERSHIP")
    assert not any("Harrow Asset Management" in parts for parts in deals), deals


@pytest.mark.parametrize("text, banned", [
    ("German police shut crypto swap service Quillon Swap and seized 34 million euros.", True),
    ("Police took down Quillon Swap on Monday, the prosecutors said.", True),
    # not what others take down or are told to shut, nor a failed bank regulators close
    ("Quillon Swap published a handful of posts before they were taken down.", False),
    ("New York regulators shut crypto-friendly Quillon Bank on Sunday.", False),
])
def test_an_authority_shutting_or_taking_down_a_service_bans_it(extractor, text, banned):
    bans = of_type(events(extractor, text), "BAN")
    assert any(p in ("Quillon Swap", "Quillon Bank") for parts in bans for p in parts) == banned, bans


@pytest.mark.parametrize("text, funded", [
    ("The Zug-based Pellago Foundation raised $232 million in July.", True),
    ("Kestrel Exchange raised its withdrawal fee by $1 on Monday.", False),
])
def test_a_company_raising_a_sum_is_funded_without_the_word_round(extractor, text, funded):
    rounds = of_type(events(extractor, text), "FUNDING")
    assert bool(rounds) == funded, rounds


@pytest.mark.parametrize("text", [
    # a listed company's private placement or sale of convertible notes is its funding
    "Kelvora Holdings Inc. closed a $35 million private placement led by Birch Capital.",
    "Kelvora Holdings Inc. said it raised $600 million through a sale of convertible notes last week.",
])
def test_a_private_placement_or_convertible_notes_fund_a_company(extractor, text):
    assert any("Kelvora Holdings Inc." in parts for parts in of_type(events(extractor, text), "FUNDING"))


def test_the_partner_of_a_headlines_next_act_is_no_investor(extractor):
    found = events(extractor, "Harrow Digital raises $30 million, teams up with Kestrel Bank on dinar payments")
    assert of_type(found, "FUNDING") == [("Harrow Digital",)], found


def test_it_goes_on_from_the_authority_a_subjects_appositive_names(extractor):
    text = ("Britain's tax authority, HM Revenue and Customs, is watching too. It has sent thousands of letters "
            "to crypto traders this year reminding them to declare their gains.")
    found = [type_ for type_, parties in events(extractor, text) if parties]
    assert "WARNING" in found, found


def test_a_councils_moratorium_on_mining_bans_it(extractor):
    found = events(extractor, "The Lakeview Town Council voted on Monday to impose a one-year moratorium on new crypto "
                              "mining operations.")
    assert ("BAN", ("Lakeview Town Council",)) in found, found


def test_a_moratorium_a_court_grants_a_debtor_bans_nothing(extractor):
    found = events(extractor, "Hodlnaut applied to a Singapore court for a moratorium that would shield it from "
                              "creditors while it restructures.")
    assert "BAN" not in {type_ for type_, _ in found}, found


def test_a_date_describing_a_party_gives_way_to_the_clauses_own(extractor):
    text = "Bitvara, founded in Tallinn in 2016, listed the XRP token in January."
    x = extractor.extract_one(Article(id="t", title="", text=text, published="2024-03-05T10:00:00Z"))
    listings = [e for e in x.events if e.type == "LISTING"]
    assert listings and all(e.date == "2024-01" for e in listings), listings


@pytest.mark.parametrize("text", [
    # a token made at a time the text gives, or as a new one
    "Kvarner Kripto issued a new token, Kvarner Credit (KVC), in late June to cover the shortfall.",
    "KVC, which Kvarner Kripto issued in 2022 to cut its users' trading fees, fell 40% on Monday.",
])
def test_a_token_issued_then_is_launched(extractor, text):
    assert "LAUNCH" in {type_ for type_, parties in events(extractor, text) if parties}


@pytest.mark.parametrize("text", [
    # who issues a token, or did until a date, launches nothing; nor does an attacker minting one
    "The BUSD stablecoin, issued by Paxos until February, lost its listing.",
    "An attacker exploited the bridge and created 2 million new BNB tokens on Thursday.",
])
def test_an_issuer_described_or_an_attackers_minting_launches_nothing(extractor, text):
    assert "LAUNCH" not in {type_ for type_, _ in events(extractor, text)}


def test_an_authority_launches_what_it_makes_and_only_that(extractor):
    found = events(extractor, "The Central Bank of Nigeria launched its central bank digital currency, the eNaira, in "
                              "October.")
    assert any(type_ == "LAUNCH" and "Central Bank of Nigeria" in parties for type_, parties in found), found
    found = events(extractor, "Kestrel Pay launched a mobile wallet on Monday under a sandbox run by the Central Bank "
                              "of Nigeria.")
    launches = [parties for type_, parties in found if type_ == "LAUNCH"]
    assert launches and all("Central Bank of Nigeria" not in parties for parties in launches), found


@pytest.mark.parametrize("text", [
    # a company that blames attackers for what it lost was hacked
    "Kestrel Exchange blamed hackers, who it said had found a flaw in its withdrawal system.",
    "Kestrel Exchange blamed the loss on attackers.",
])
def test_a_company_blaming_hackers_was_hacked(extractor, text):
    assert ("HACK", ("Kestrel Exchange",)) in events(extractor, text)


@pytest.mark.parametrize("text, hacked", [
    # money or coins taken from a wallet or a company, told in the passive: a theft
    ("Kestrel Exchange said $12 million worth of USDC had been taken from its treasury wallet on Sunday.",
     "Kestrel Exchange"),
    ("$40 million in ether taken from Kestrel Bridge; the team pauses deposits.", "Kestrel Bridge"),
])
def test_funds_taken_from_a_wallet_or_company_were_stolen(extractor, text, hacked):
    assert any(type_ == "HACK" and hacked in parties for type_, parties in events(extractor, text))


def test_fees_taken_from_accounts_are_no_theft(extractor):
    found = events(extractor, "Kestrel Exchange said fees were taken from customer accounts each month.")
    assert "HACK" not in {type_ for type_, _ in found}, found


@pytest.mark.parametrize("text", [
    # a venue that stays offline, stops paying out, or leaves its users unable to get their money back halts
    "Kestrel Exchange remained offline on Friday, two days after the attack.",
    "Kestrel Exchange stopped making payments to customers in August.",
    "Kestrel Exchange, an unlicensed trading platform, has left thousands of users unable to retrieve their money.",
])
def test_a_venue_offline_not_paying_or_keeping_money_halts(extractor, text):
    assert ("WITHDRAWAL_HALT", ("Kestrel Exchange",)) in events(extractor, text)


def test_a_merchant_no_longer_taking_bitcoin_halts_nothing(extractor):
    found = events(extractor, "Kestrel Pay stopped accepting bitcoin payments in 2018.")
    assert "WITHDRAWAL_HALT" not in {type_ for type_, _ in found}, found


@pytest.mark.parametrize("text", [
    # an authority asking a company to account for something looks into it
    "The Financial Services Agency said it had asked Kestrel Exchange for a full explanation of what happened.",
    "The Financial Services Agency has asked Kestrel Exchange to submit a report on the incident.",
])
def test_an_authority_asking_for_an_account_investigates(extractor, text):
    assert any(type_ == "INVESTIGATION" and "Financial Services Agency" in parties
               for type_, parties in events(extractor, text))


def test_an_authority_attributing_a_theft_investigates_the_culprit_not_the_victim(extractor):
    found = events(extractor, "The FBI attributed the Kestrel Exchange theft to the Lazarus Group last week.")
    probes = [parties for type_, parties in found if type_ == "INVESTIGATION"]
    assert probes and all("Kestrel Exchange" not in parties for parties in probes), found


@pytest.mark.parametrize("text, authority", [
    # a judge barring a company, an authority declaring trading illegal or cutting a trade off from the banks
    ("District Judge Maria Olsen also barred Kestrel Labs from selling its token to retail buyers.", "Maria Olsen"),
    ("The firm closed its doors after the People's Bank of China declared all crypto trading illegal in 2021.",
     "People's Bank of China"),
    ("In 2018 the Reserve Bank of India cut crypto exchanges off from the banking system.", "Reserve Bank of India"),
])
def test_a_judge_or_an_authority_banning(extractor, text, authority):
    assert any(type_ == "BAN" and authority in parties for type_, parties in events(extractor, text))


@pytest.mark.parametrize("text", [
    # the parser hangs "added" on "trading" as if it described it; the two are the trigger phrase all the same
    "Bitvara added trading in XRP in January.",
    "Bitvara, founded in Tallinn in 2016, added trading in XRP in January.",
])
def test_added_trading_lists_however_the_parser_reads_added(extractor, text):
    assert any(type_ == "LISTING" and "XRP" in parties for type_, parties in events(extractor, text))


def test_trading_in_a_token_restored_relists_it(extractor):
    found = events(extractor, "Bitvara restored XRP trading within hours of the ruling.")
    assert any(type_ == "LISTING" and "XRP" in parties for type_, parties in found), found


@pytest.mark.parametrize("text", [
    # a partner told as one already: a product offered in partnership, a company named as a partner
    "Kestrel Pay offered a savings account in partnership with Tamarind Bank.",
    "Kestrel Pay has named Tamarind Bank as its custody partner.",
])
def test_a_partner_told_as_one_is_a_partnership(extractor, text):
    assert any(type_ == "PARTNERSHIP" and "Tamarind Bank" in parties for type_, parties in events(extractor, text))


def test_a_partnership_only_offered_under_a_modal_is_none(extractor):
    found = events(extractor, "Kestrel Pay would offer a savings account in partnership with Tamarind Bank.")
    assert "PARTNERSHIP" not in {type_ for type_, _ in found}, found


@pytest.mark.parametrize("text, partners", [
    ("Visa signed an agreement with the Bank of Ghana on Tuesday to test card payments in the new currency.",
     {"Visa", "Bank of Ghana"}),
    ("The Reserve Bank of Malawi chose Quillon Systems as its technology partner for the pilot.",
     {"Reserve Bank of Malawi", "Quillon Systems"}),
])
def test_a_central_bank_takes_part_in_a_partnership(extractor, text, partners):
    assert any(partners <= set(parts) for parts in of_type(events(extractor, text), "PARTNERSHIP"))


def test_a_securities_regulator_working_with_a_company_is_no_partnership(extractor):
    found = events(extractor, "Pennant Exchange signed an agreement with the Securities and Exchange Commission.")
    assert not of_type(found, "PARTNERSHIP"), found


@pytest.mark.parametrize("text, expected", [
    ("The Central Bank of Nigeria launched the eNaira on Monday.", {"Central Bank of Nigeria", "eNaira"}),
    ("The National Bank of Kazakhstan put the digital tenge into circulation on Wednesday.",
     {"National Bank of Kazakhstan", "digital tenge"}),
    ("The Eastern Caribbean Central Bank introduced DCash into circulation in four member states.",
     {"Eastern Caribbean Central Bank", "DCash"}),
])
def test_a_central_bank_issuing_its_digital_currency_launches_it(extractor, text, expected):
    assert any(expected <= set(parts) for parts in of_type(events(extractor, text), "LAUNCH")), events(extractor, text)


@pytest.mark.parametrize("text, scheme", [
    ("Lumo Capital, which promised savers 3% a week, stopped paying out in March after its founder vanished.",
     "Lumo Capital"),
    ("Members said Harbor Yield had stopped paying its depositors last year.", "Harbor Yield"),
])
def test_a_scheme_that_stops_paying_its_investors_halts_withdrawals(extractor, text, scheme):
    assert (scheme,) in of_type(events(extractor, text), "WITHDRAWAL_HALT")


def test_a_company_that_stops_paying_its_bills_halts_nothing(extractor):
    found = events(extractor, "Harbor Yield stopped paying rent on its Lagos office in May.")
    assert not of_type(found, "WITHDRAWAL_HALT"), found


@pytest.mark.parametrize("text", [
    "The authority said that neither Pennant Exchange nor its parent was registered to operate in the islands.",
    "The commission warned about twelve trading apps, saying none of them was licensed.",
    "No exchange was licensed by the Financial Services Commission last year.",
])
def test_a_subject_that_is_no_one_denies_the_event(extractor, text):
    found = events(extractor, text)
    assert not of_type(found, "LICENSE"), found


@pytest.mark.parametrize("text", [
    "Lumo Pay said its bank had frozen its settlement accounts on Thursday.",
    "Kestrel Exchange moved to a faster settlement system in May.",
])
def test_settlement_as_a_kind_of_account_or_system_is_no_fine(extractor, text):
    found = events(extractor, text)
    assert not of_type(found, "FINE") and not of_type(found, "LAWSUIT"), found


@pytest.mark.parametrize("text", [
    "Harbor Exchange users have been unable to make payments since Monday.",
    "Customers said they could not retrieve their money from Harbor Exchange after the outage.",
])
def test_customers_unable_to_pay_or_retrieve_money_is_a_halt(extractor, text):
    assert ("Harbor Exchange",) in of_type(events(extractor, text), "WITHDRAWAL_HALT")


def test_a_deal_not_made_is_still_denied(extractor):
    found = events(extractor, "Harbor Exchange did not make an acquisition last year.")
    assert not of_type(found, "ACQUISITION"), found


def test_an_investigation_is_of_bodies_and_people_not_of_a_coin(extractor):
    found = of_type(events(extractor, "Police are investigating bitcoin traders who used Harbor Exchange."),
                    "INVESTIGATION")
    assert found and not any("Bitcoin" in parts for parts in found), found


def test_the_court_that_hears_a_suit_is_not_a_party_to_it(extractor):
    suits = of_type(events(extractor, "Investors sued Harbor Exchange in the U.S. District Court for the Southern "
                                      "District of New York on Monday."), "LAWSUIT")
    assert suits and all("Harbor Exchange" in parts and not any("Court" in p for p in parts) for parts in suits), suits


@pytest.mark.parametrize("text, person", [
    ("Lena Ortiz, the founder of Harbor Exchange, agreed to pay a $4 million penalty to the CFTC.", "Lena Ortiz"),
    ("The Securities and Exchange Commission fined Lena Ortiz $200,000 on Tuesday.", "Lena Ortiz"),
])
def test_a_person_who_pays_or_is_fined_takes_part_in_the_fine(extractor, text, person):
    assert any(person in parts for parts in of_type(events(extractor, text), "FINE"))


def test_a_judge_approving_a_fine_is_not_fined(extractor):
    fines = of_type(events(extractor, "Judge Jed Parsons approved a $4.5 billion penalty against Harbor Labs."), "FINE")
    assert fines and not any("Jed Parsons" in parts for parts in fines), fines


@pytest.mark.parametrize("text, partners", [
    ("Harbor Exchange said it was building the platform with Microsoft and Starbucks.",
     {"Harbor Exchange", "Microsoft", "Starbucks"}),
    ("In 2019 Nomura set up Kestrel Custody together with wallet maker Ledger.", {"Nomura", "Ledger"}),
    ("The Bank of Malawi has chosen Quillon Systems to build a pilot of a digital kwacha.",
     {"Bank of Malawi", "Quillon Systems"}),
])
def test_building_with_a_company_or_choosing_one_to_build_is_a_partnership(extractor, text, partners):
    assert any(partners <= set(parts) for parts in of_type(events(extractor, text), "PARTNERSHIP")), events(
        extractor, text)


def test_building_with_money_is_no_partnership(extractor):
    found = events(extractor, "Harbor Exchange built its new data centre with $40 million of its own cash.")
    assert not of_type(found, "PARTNERSHIP"), found


def test_a_token_that_begins_trading_on_a_venue_is_listed_there(extractor):
    found = of_type(events(extractor, "The game's token, KOVA, began trading on Mekong Exchange on Wednesday."),
                    "LISTING")
    assert any({"KOVA", "Mekong Exchange"} <= set(parts) for parts in found), found


def test_a_fund_that_begins_trading_on_a_stock_exchange_is_no_token_listing(extractor):
    found = events(extractor, "VanEck's bitcoin fund began trading on the Australian Securities Exchange on Thursday.")
    assert not of_type(found, "LISTING"), found


def test_a_bank_barring_its_customers_from_crypto_bans(extractor):
    found = events(extractor, "Harbour Banking Group barred its customers from buying bitcoin with credit cards "
                              "last month.")
    assert any("Harbour Banking Group" in parts for parts in of_type(found, "BAN")), found


@pytest.mark.parametrize("text", [
    "The regulator alleged that Harbor Exchange breached the undertaking it gave in 2023.",
    "Harbor Pay was fined for repeatedly breaching a restriction on high-risk clients.",
    "Its former finance chief was charged with breach of trust and money laundering.",
    "The legal fight has drained the company's resources, Harbor Labs said.",
])
def test_a_duty_breached_or_means_drained_is_no_hack(extractor, text):
    found = events(extractor, text)
    assert not of_type(found, "HACK"), found


def test_servers_breached_and_a_wallet_drained_are_a_hack(extractor):
    found = events(extractor, "Hackers breached Kestrel Exchange's servers and drained its hot wallet.")
    assert ("Kestrel Exchange",) in of_type(found, "HACK"), found


@pytest.mark.parametrize("follow_up", [
    "Tidewater Partners and Ostrava Angels also took part, Lumeria said on Monday.",
    "Tidewater Partners and Ostrava Angels joined as new investors.",
])
def test_investors_joining_need_no_funding_word_once_a_round_is_told(extractor, follow_up):
    text = f"Lumeria raised $12 million in a Series A round led by Northlight Capital. {follow_up}"
    assert of_type(events(extractor, text), "FUNDING") == \
        [("Lumeria", "Northlight Capital", "Tidewater Partners", "Ostrava Angels")]


def test_names_listed_with_a_known_investor_are_investors(extractor):
    text = ("Trellis Pay raised $30 million in a round led by Jump Capital, with participation from Pantera Capital "
            "and Vardo.")
    assert of_type(events(extractor, text), "FUNDING") == [("Trellis Pay", "Jump Capital", "Pantera Capital", "Vardo")]


@pytest.mark.parametrize("text, expected", [
    ("The FBI and Dutch police seized the servers of Vortexa Market on Tuesday.",
     ("Federal Bureau of Investigation", "Vortexa Market")),
    ("OFAC designated Pollux Hosting and its owner, Ivo Marek, on Friday.",
     ("Office of Foreign Assets Control", "Ivo Marek")),
    ("Vortexa Mixer was added to the U.S. sanctions list in August.", ("Vortexa Mixer",)),
])
def test_seizing_a_sites_servers_blacklisting_and_an_authoritys_designation_are_bans(extractor, text, expected):
    assert set(expected) <= set(sum(of_type(events(extractor, text), "BAN"), ()))


@pytest.mark.parametrize("text", [
    "Police seized 40 bitcoin and two cars from the suspect.",
    "Then authorities seized its web domains.",
    "The exchange designated VELO an investment caution asset.",
])
def test_seizing_coins_or_unnamed_seizers_and_a_caution_label_are_no_bans(extractor, text):
    assert of_type(events(extractor, text), "BAN") == []


@pytest.mark.parametrize("text", [
    "The FBI arrested Marek Novak, who ran the darknet market Hydra Market, on Tuesday.",
    "Prosecutors in Manhattan charged Marek Novak with running Hydra Market, a darknet bazaar.",
])
def test_a_criminal_case_is_against_the_people_not_the_venture_they_ran(extractor, text):
    parties = sum(of_type(events(extractor, text), "CRIMINAL_CASE"), ())
    assert "Marek Novak" in parties and "Hydra Market" not in parties


def test_the_court_trying_a_person_stays_in_the_criminal_case(extractor):
    text = "The Brno Municipal Court on Monday convicted Pavel Dvorak of fraud over the collapse of Morava Coin."
    assert "Brno Municipal Court" in sum(of_type(events(extractor, text), "CRIMINAL_CASE"), ())


@pytest.mark.parametrize("text, case", [
    ("The Justice Department charged Marek Dvorak with wire fraud on Tuesday.",
     ("U.S. Department of Justice", "Marek Dvorak")),
    ("Marek Dvorak was charged with wire fraud by the Justice Department.",
     ("U.S. Department of Justice", "Marek Dvorak")),
])
def test_charging_someone_with_a_crime_is_a_criminal_case(extractor, text, case):
    assert of_type(events(extractor, text), "CRIMINAL_CASE") == [case]


def test_a_markets_regulator_charging_a_company_is_a_lawsuit(extractor):
    found = events(extractor, "The SEC charged Kraken with offering unregistered securities.")
    assert of_type(found, "LAWSUIT") == [("Securities and Exchange Commission", "Kraken")]
    assert of_type(found, "CRIMINAL_CASE") == []


def test_charging_unnamed_people_adds_no_case_of_their_employer(extractor):
    text = "Police charged a former employee of Mtkvari OTC with stealing client funds."
    assert of_type(events(extractor, text), "CRIMINAL_CASE") == []


@pytest.mark.parametrize("text", [
    "The Treasury sanctioned an Iranian man accused of running Vortexa Market.",
    "German police took down Kestrel Swap, a service they accused of laundering ransom payments.",
    "Treasury imposed sanctions on Suex OTC, an exchange it accused of helping ransomware gangs.",
])
def test_accused_of_describing_someone_is_no_case(extractor, text):
    found = events(extractor, text)
    assert of_type(found, "LAWSUIT") == of_type(found, "CRIMINAL_CASE") == []


@pytest.mark.parametrize("text, victim", [
    ("Hackers drained $12 million from Curve Finance pools on Ethereum and Solana on Sunday.", "Curve Finance"),
    ("An attacker stole $12 million from Kestrel Swap, a decentralized exchange on Ethereum, on Sunday.",
     "Kestrel Swap"),
])
def test_the_chain_a_theft_happened_on_is_no_party_of_the_hack(extractor, text, victim):
    assert of_type(events(extractor, text), "HACK") == [(victim,)]


def test_a_chain_alone_is_no_party_of_a_criminal_case_nor_of_a_hack_told_on_it(extractor):
    text = ("A former contractor was sentenced on Friday to two years in prison for attacking three lending "
            "platforms on the Solana blockchain in 2023.")
    found = events(extractor, text)
    assert of_type(found, "CRIMINAL_CASE") == of_type(found, "HACK") == []


def test_liquidity_a_migration_drains_is_no_hack(extractor):
    text = "The migration went ahead on Friday, draining roughly $600 million of liquidity from Kestrel Swap pools."
    assert of_type(events(extractor, text), "HACK") == []


@pytest.mark.parametrize("text, expected_type, party", [
    ("Kestrel Kantonalbank, a cantonal bank, began offering bitcoin and ether trading to its clients in May.",
     "LAUNCH", "Kestrel Kantonalbank"),
    ("The country's largest bank began offering bitcoin trading to its clients in May.", "LAUNCH", "Bitcoin"),
    ("MADRID, July 10 — Kestrel Kantonalbank has begun offering bitcoin and ether trading to retail customers.",
     "LAUNCH", "Kestrel Kantonalbank"),
    ("SBI VC Trade began offering Circle's USDC stablecoin to customers on Wednesday.", "LISTING", "SBI VC Trade"),
])
def test_a_bank_offering_coins_launches_a_service_where_a_venue_lists_them(extractor, text, expected_type, party):
    found = events(extractor, text)
    assert [t for t, _ in found] == [expected_type] and party in found[0][1]


def test_a_partnership_a_service_began_through_happened(extractor):
    text = ("Vaduz-based LGT, the country's largest private bank, only began offering bitcoin and ether to wealthy "
            "clients in 2021, through a partnership with SEBA.")
    assert of_type(events(extractor, text), "PARTNERSHIP") == [("LGT", "SEBA")]


def test_an_appointment_succeeding_someone_is_one_change(extractor):
    text = ("Tether Holdings said on Thursday it had appointed its chief technology officer, Paolo Ardoino, as chief "
            "executive, succeeding Jean-Louis van der Velde.")
    assert of_type(events(extractor, text), "LEADERSHIP_CHANGE") == \
        [("Tether", "Paolo Ardoino", "Jean-Louis van der Velde")]


def test_a_coin_the_parser_left_without_its_verb_still_moves(extractor):
    text = "Tether's USDT token briefly slipped to about 98 cents after the filing."
    assert of_type(events(extractor, text), "PRICE_MOVE") == [("USDT",)]


def test_a_coin_traded_in_a_clause_before_losing_ground_does_not_move(extractor):
    text = ("Bitcurex was for years the largest venue for trading bitcoin against the zloty before losing ground to "
            "Krakow-based BitBay.")
    assert of_type(events(extractor, text), "PRICE_MOVE") == []


@pytest.mark.parametrize("text, pair", [
    ("Earlier this year, Crypto.com became the official crypto sponsor of Formula One in a deal signed in June.",
     ("Crypto.com", "Formula One")),
    ("Deutsche Bank agreed in June to use technology from Geneva-based Taurus for its own custody service.",
     ("Deutsche Bank", "Taurus")),
    ("Kestrel Bank has started offering bitcoin to its retail customers, using technology supplied by Bitpanda, "
     "the Vienna-based broker.", ("Kestrel Bank", "Bitpanda")),
    ("Berlin-based N26 launched crypto trading built on Bitpanda's infrastructure in 2022.", ("N26", "Bitpanda")),
])
def test_a_sponsorship_and_a_technology_supplier_are_partnerships(extractor, text, pair):
    assert pair in of_type(events(extractor, text), "PARTNERSHIP")


def test_a_company_using_its_own_technology_has_no_partner(extractor):
    assert of_type(events(extractor, "The exchange said Kraken uses its own technology."), "PARTNERSHIP") == []


@pytest.mark.parametrize("text, party", [
    ("Mara Jensen, a partner at Fjord Capital, has joined Kestrel Pay's board.", "Mara Jensen"),
    ("Tomas Berg, a former trial attorney at the SEC, has joined law firm Halden & Rask as a partner.", "Tomas Berg"),
    ("NAIROBI — Baobab Ridge Fund has promoted Amina Yusuf to general partner.", "Amina Yusuf"),
])
def test_joining_a_board_or_joining_as_a_partner_is_a_leadership_change(extractor, text, party):
    assert any(party in parts for parts in of_type(events(extractor, text), "LEADERSHIP_CHANGE"))


@pytest.mark.parametrize("text", [
    "Mara Jensen will join Kestrel Pay's board once the deal closes.",
    "Liu Wen, who joined Kestrel's advisory board last year, said the exchange would comply.",
    "Coinbase Ventures and Fjord Capital joined the round.",
])
def test_joining_an_advisory_board_or_a_round_or_a_future_seat_is_no_leadership_change(extractor, text):
    assert of_type(events(extractor, text), "LEADERSHIP_CHANGE") == []


@pytest.mark.parametrize("text, party", [
    ("Kestrel Pay challenged the central bank's ban in the High Court last year.", "Kestrel Pay"),
    ("The Lumeria Blockchain Association has challenged the central bank's circular in the Supreme Court.",
     "Lumeria Blockchain Association"),
])
def test_a_decision_challenged_in_a_court_is_a_lawsuit(extractor, text, party):
    assert any(party in parts for parts in of_type(events(extractor, text), "LAWSUIT"))


def test_a_challenge_in_court_still_to_come_is_no_lawsuit(extractor):
    assert of_type(events(extractor, "Kestrel Pay said it would challenge the fine in court."), "LAWSUIT") == []


@pytest.mark.parametrize("text, party", [
    ("The Harbour Bitcoin Exchange, better known as HBX, has taken its trading platform offline, leaving customers "
     "unable to reach their funds.", "Harbour Bitcoin Exchange"),
    ("Kestrel Bridge took the bridge offline while developers patched the bug.", "Kestrel Bridge"),
])
def test_taking_a_platform_offline_halts_its_customers(extractor, text, party):
    assert any(party in parts for parts in of_type(events(extractor, text), "WITHDRAWAL_HALT"))


@pytest.mark.parametrize("text", [
    "Kestrel said it had taken the chat bot offline within hours of being alerted.",
    "German police said they had taken the market's servers offline.",
])
def test_taking_a_bot_or_servers_offline_is_no_halt(extractor, text):
    assert of_type(events(extractor, text), "WITHDRAWAL_HALT") == []


def test_a_name_given_as_better_known_as_is_the_same_company(extractor):
    x = extractor.extract_one(Article(id="t", title="", text="The Harbour Bitcoin Exchange, better known as HBX, "
                                                             "halted withdrawals on Monday. HBX blamed a bank.",
                                      published="2024-03-05T10:00:00Z"))
    assert [e.name for e in x.entities if e.type in ("EXCHANGE", "ORGANIZATION")] == ["Harbour Bitcoin Exchange"]


def test_a_past_tense_verb_the_parser_joined_to_a_modals_verb_still_happened(extractor):
    text = ("The Lumeria Securities Commission said in May that a committee would examine how token offerings should "
            "be regulated, and warned investors about the risks.")
    assert of_type(events(extractor, text), "WARNING") == [("Lumeria Securities Commission",)]


@pytest.mark.parametrize("text", [
    "A former head of trading at Norvale Credit, a crypto lender that failed in 2022, pleaded guilty on Wednesday.",
    "A former listings manager at Australian crypto exchange Harbourline pleaded guilty on Wednesday to insider "
    "trading.",
])
def test_the_employer_of_an_unnamed_defendant_is_no_party_of_the_case(extractor, text):
    assert of_type(events(extractor, text), "CRIMINAL_CASE") == []


def test_a_price_verb_right_after_a_coin_moves_that_coin_however_the_parser_hung_it(extractor):
    text = "Holders of the KORA token can swap each one for 12 LUMA. LUMA rose 9% on Monday and KORA gained 11%."
    moved = of_type(events(extractor, text), "PRICE_MOVE")
    assert ("KORA",) in moved and ("LUMA",) in moved


def test_a_token_called_by_a_name_is_a_coin_and_moves_in_its_relative_clause(extractor):
    text = "The game pays players in a token called Velora, which fell 20% on Monday."
    x = extractor.extract_one(Article(id="t", title="", text=text, published="2024-03-05T10:00:00Z"))
    assert ("Velora", "ASSET") in {(e.name, e.type) for e in x.entities}
    assert ("PRICE_MOVE", ("Velora",)) in [(e.type, e.participants) for e in x.events]


@pytest.mark.parametrize("text, person", [
    ("Mark Tovey, who has denied wrongdoing, was taken into custody on Saturday.", "Mark Tovey"),
    ("Two other directors, Tayo Bello and Ngozi Eze, were picked up in Lagos the same week by police.", "Tayo Bello"),
])
def test_custody_and_people_picked_up_are_criminal_cases(extractor, text, person):
    assert any(person in parts for parts in of_type(events(extractor, text), "CRIMINAL_CASE"))


def test_trading_that_picked_up_is_no_case(extractor):
    found = events(extractor, "Volumes on Kestrel picked up after Tayo Bello joined as chief executive.")
    assert of_type(found, "CRIMINAL_CASE") == []


@pytest.mark.parametrize("text, parties", [
    ("Joint administrators of Tarn Digital, a Leeds trading app, have sold its customer accounts to London exchange "
     "Fleetway Crypto for £4 million.", {"Tarn Digital", "Fleetway Crypto"}),
    ("The court approved the sale of Naivasha Exchange's customer accounts and brand to Rubavu Exchange, a "
     "Kigali-based platform.", {"Naivasha Exchange", "Rubavu Exchange"}),
])
def test_a_sale_of_what_a_company_owned_to_another_is_an_acquisition(extractor, text, parties):
    assert any(parties <= set(parts) for parts in of_type(events(extractor, text), "ACQUISITION"))


@pytest.mark.parametrize("text, party", [
    ("Karaköy Kripto had suspended Turkish lira and crypto withdrawals on May 29, telling customers it was "
     "switching custody providers.", "Karaköy Kripto"),
    ("Basavanagudi Exchange has not let users withdraw rupees or crypto since October.", "Basavanagudi Exchange"),
])
def test_withdrawals_suspended_with_a_currency_or_users_not_let_withdraw_are_a_halt(extractor, text, party):
    assert of_type(events(extractor, text), "WITHDRAWAL_HALT") == [(party,)]


def test_consent_users_could_not_withdraw_is_no_halt(extractor):
    found = events(extractor, "Regulators said Worldcoin did not let users withdraw their consent.")
    assert of_type(found, "WITHDRAWAL_HALT") == []


@pytest.mark.parametrize("text, party", [
    ("LAGOS — The Federal High Court on Wednesday ordered the winding up of Ikoyi Yield Ltd, a crypto lending "
     "platform, and appointed Tunde Bello as liquidator.", "Ikoyi Yield Ltd"),
    ("Coogee Exchange Pty Ltd was wound up by the Federal Court in March.", "Coogee Exchange Pty Ltd"),
])
def test_a_company_wound_up_goes_into_liquidation(extractor, text, party):
    assert any(party in parts for parts in of_type(events(extractor, text), "BANKRUPTCY"))


def test_a_perfect_verb_joined_to_a_modals_verb_still_happened(extractor):
    text = ("Kestrel Pay was licensed on Tuesday. Chief executive Amara Obi said the firm would open sign-ups in "
            "March and had signed an agreement with Orchard Mercantile Bank to hold customer deposits.")
    assert of_type(events(extractor, text), "PARTNERSHIP") == [("Kestrel Pay", "Orchard Mercantile Bank")]


@pytest.mark.parametrize("text", [
    "Kestrel Pay has signed payment processor Tamsin Pay to handle card payments.",
    "Kestrel Pay engaged Tamsin Pay to process card payments for its customers.",
])
def test_a_company_signed_or_engaged_to_handle_a_service_is_a_partner(extractor, text):
    assert of_type(events(extractor, text), "PARTNERSHIP") == [("Kestrel Pay", "Tamsin Pay")]


def test_a_past_tense_relative_clause_happened_whatever_governs_its_noun(extractor):
    text = ("Traders hope the new minister will meet exchanges such as Volta Exchange and Kestrel Pay, both of which "
            "registered with the Financial Intelligence Unit last year.")
    licences = of_type(events(extractor, text), "LICENSE")
    assert licences == [("Financial Intelligence Unit", "Volta Exchange", "Kestrel Pay")], licences


@pytest.mark.parametrize("text, parties", [
    ("The audit named Volta Exchange and Kestrel Pay, both of which were fined by the Financial Conduct Authority "
     "in 2022.", ("Financial Conduct Authority", "Volta Exchange", "Kestrel Pay")),
    ("The audit named Volta Exchange, which was fined by the Financial Conduct Authority in 2022.",
     ("Financial Conduct Authority", "Volta Exchange")),
])
def test_a_passive_relative_clause_acts_on_the_names_before_it(extractor, text, parties):
    assert of_type(events(extractor, text), "FINE") == [parties]


@pytest.mark.parametrize("text, parties", [
    ("Daniel Asante took office on Monday as governor of the Bank of Lumeria, succeeding Kofi Mensah.",
     {"Daniel Asante", "Bank of Lumeria", "Kofi Mensah"}),
    ("Daniel Asante was sworn in as chair of the Lumeria Securities Commission on Monday.",
     {"Daniel Asante", "Lumeria Securities Commission"}),
    ("Daniel Asante, who became governor of the Bank of Lumeria in February, spoke at the conference.",
     {"Daniel Asante", "Bank of Lumeria"}),
])
def test_an_official_taking_office_is_a_leadership_change(extractor, text, parties):
    assert [set(parts) for parts in of_type(events(extractor, text), "LEADERSHIP_CHANGE")] == [parties]


def test_a_change_told_again_with_the_one_who_leaves_is_one_change(extractor):
    text = ("Kestrel Pay, a small Accra exchange, has named Ama Owusu as its chief executive. Trading volumes rose "
            "in March, the company said. Owusu takes over from co-founder Kofi Mensah, who will stay on as an "
            "adviser.")
    changes = of_type(events(extractor, text), "LEADERSHIP_CHANGE")
    assert [set(parts) for parts in changes] == [{"Kestrel Pay", "Ama Owusu", "Kofi Mensah"}], changes


@pytest.mark.parametrize("text", [
    "Under rules set by the Bank of Lumeria, unregistered exchanges had until March to stop serving customers or "
    "face fines.",
    "The Bank of Lumeria said a 2019 law had banned crypto payments, but the law carried no specific penalties.",
    "Its founder said Kestrel Pay had relied on peer-to-peer settlement since its bank closed its account.",
])
def test_a_fine_threatened_denied_or_a_payment_settlement_is_no_fine(extractor, text):
    assert of_type(events(extractor, text), "FINE") == []


@pytest.mark.parametrize("text", [
    "Under the law, exchanges and custodians will be licensed by the Bank of Lumeria.",
    "The bill names the Lumeria Securities Commission as the main supervisor of virtual asset service providers.",
    "The Bank of Lumeria and the Capital Markets Authority are working on licensing rules for virtual asset service "
    "providers.",
])
def test_licensing_as_a_rule_for_kinds_of_firm_is_no_licence(extractor, text):
    assert of_type(events(extractor, text), "LICENSE") == []


@pytest.mark.parametrize("text", [
    "Kestrel Logistics, a freight company, paid a ransom of 30 bitcoins to regain access to its files.",
    "Kestrel Pay said intruders had taken over the accounts of 300 customers.",
    "Hundreds of Kestrel Pay accounts were taken over last week.",
    "The Twitter account of Kestrel Pay was hijacked on Monday.",
])
def test_a_ransom_paid_and_accounts_taken_over_are_hacks(extractor, text):
    hacks = of_type(events(extractor, text), "HACK")
    assert len(hacks) == 1 and hacks[0][-1].startswith("Kestrel"), hacks


def test_customer_accounts_a_firm_takes_over_are_no_hack(extractor):
    text = "Volta Exchange took over the customer accounts of Kestrel Pay after the sale."
    assert of_type(events(extractor, text), "HACK") == []


@pytest.mark.parametrize("text", [
    "Kestrel Pay reported the theft to the Lumeria Police Force, which confirmed it was investigating.",
    "Kestrel Pay said it had reported the theft to the Lumeria Police Force, which confirmed it was investigating.",
])
def test_the_authority_a_theft_was_reported_to_investigates_the_reporter(extractor, text):
    assert of_type(events(extractor, text), "INVESTIGATION") == [("Lumeria Police Force", "Kestrel Pay")]


@pytest.mark.parametrize("text", [
    "Kestrel Pay said attackers had used stolen passwords to log into about 740 customer accounts.",
    "Kestrel Pay told clients that attackers had logged into 300 accounts.",
])
def test_accounts_attackers_logged_into_are_the_speaking_companys_hack(extractor, text):
    assert of_type(events(extractor, text), "HACK") == [("Kestrel Pay",)]


def test_hashrate_sold_forward_to_a_company_is_no_acquisition(extractor):
    text = ("Saguenay Hashworks agreed to sell 300 petahashes per second of its computing power forward for six "
            "months to Calumet Hash Trading.")
    assert of_type(events(extractor, text), "ACQUISITION") == []


@pytest.mark.parametrize("text, moved", [
    ("Hong Kong stocks rallied on Tuesday. Kestrel Securities, a brokerage, fell 9%.", [("Kestrel Securities",)]),
    ("Hong Kong shares rallied. Kestrel Securities dropped 7% of its staff.", []),
])
def test_a_company_that_moves_by_a_percentage_in_an_article_about_shares_is_its_stock(extractor, text, moved):
    assert of_type(events(extractor, text), "PRICE_MOVE") == moved


@pytest.mark.parametrize("text, moved", [
    ("Ether (ETH) added 2% to about $4,010.", [("Ether",)]),
    ("Bitcoin shed 5% on Monday.", [("Bitcoin",)]),
    ("The exchange shed 10% of its workforce.", []),
])
def test_a_coin_that_adds_or_sheds_a_percentage_moves(extractor, text, moved):
    assert of_type(events(extractor, text), "PRICE_MOVE") == moved


@pytest.mark.parametrize("text, venue, coins", [
    ("Nakasu Crypto, a Fukuoka-based exchange, began trading Velmora (VLM) and Quenta (QTA) against the yen on "
     "Thursday.", "Nakasu Crypto", [{"VLM", "Velmora"}, {"QTA", "Quenta"}]),
    ("Daechi Exchange, a Seoul platform, said on Wednesday it would stop trading in three tokens — Byeol (BYL), "
     "Maru Protocol (MARU) and Jindo (JDO) — on Aug. 20.", "Daechi Exchange",
     [{"BYL", "Byeol"}, {"MARU", "Maru Protocol"}, {"JDO", "Jindo"}]),
])
def test_a_venue_beginning_or_stopping_to_trade_named_coins_lists_or_delists_them(extractor, text, venue, coins):
    (parts,) = of_type(events(extractor, text), "LISTING")  # a coin goes by its name or its ticker
    assert parts[0] == venue and len(parts) == 1 + len(coins) and all(set(parts) & names for names in coins), parts


@pytest.mark.parametrize("text, parties", [
    ("Halden Group completed its purchase of Kestrel Pay in April.", {"Halden Group", "Kestrel Pay"}),
])
def test_a_purchase_of_a_company_is_an_acquisition(extractor, text, parties):
    assert [set(p) for p in of_type(events(extractor, text), "ACQUISITION")] == [parties]


@pytest.mark.parametrize("text, person", [
    ("Halden Group bought Kestrel Pay in April and installed Toshihiko Katsuya, one of its executive officers, as "
     "president.", "Toshihiko Katsuya"),
    ("Halden Group appointed Pimchanok Srisuk, previously Kestrel Pay's head of compliance, to run the exchange.",
     "Pimchanok Srisuk"),
])
def test_someone_installed_as_head_or_appointed_to_run_a_company_is_a_leadership_change(extractor, text, person):
    assert any(person in parts for parts in of_type(events(extractor, text), "LEADERSHIP_CHANGE"))


def test_deal_words_inside_the_partners_name_do_not_make_the_deal_a_sale(extractor):
    text = "Kestrel Pay has signed an agreement with Hai Van Commercial Joint Stock Bank to hold customer deposits."
    assert of_type(events(extractor, text), "PARTNERSHIP") == [("Kestrel Pay", "Hai Van Commercial Joint Stock Bank")]


@pytest.mark.parametrize("text, parties", [
    ("Kilimani Exchange froze withdrawals in January. On Feb. 20 the High Court in Nairobi granted a petition "
     "brought by customers and appointed Ndovu Advisory as provisional liquidator.",
     {"High Court", "Kilimani Exchange", "Ndovu Advisory"}),
    ("Moreton Digital Pty Ltd collapsed in May. The company's directors appointed Natalie Chen and Gregory Walsh of "
     "restructuring firm Hartwell Partners as joint administrators on Monday.",
     {"Moreton Digital Pty Ltd", "Hartwell Partners"}),
])
def test_an_insolvency_officer_appointed_takes_part_in_the_failed_companys_insolvency(extractor, text, parties):
    assert [set(p) for p in of_type(events(extractor, text), "BANKRUPTCY")] == [parties]


@pytest.mark.parametrize("text", [
    "Kestrel Pay's administrators have recovered $140 million through asset sales, settlements and litigation.",
    "The tribunal's order imposes a moratorium on suits against Kestrel Pay.",
    "Other claims will be paid from recoveries, including any proceeds of litigation against Pieter van Wyk.",
])
def test_cases_in_general_as_a_means_or_a_scope_are_no_case(extractor, text):
    found = events(extractor, text)
    assert of_type(found, "LAWSUIT") == [] and of_type(found, "FINE") == [], found


def test_an_officer_appointed_after_a_winding_up_order_belongs_to_the_company_ordered_wound_up(extractor):
    text = ("Tarwin Pay Ltd said it had sold its customer book to Ardent Bank. Tarwin Pay later filed for bankruptcy "
            "and Tarwin Pay's lenders went to court.\n\nPERTH — The Supreme Court on Friday ordered Swan Valley "
            "Exchange Pty Ltd to be wound up and appointed Michael Tran as liquidator.")
    found = events(extractor, text)
    cases = of_type(found, "BANKRUPTCY")
    assert any("Swan Valley Exchange Pty Ltd" in parts for parts in cases), cases
    assert not any("Tarwin Pay Ltd" in parts and "Michael Tran" in parts for parts in cases), cases
    assert of_type(found, "BAN") == [], found  # a company wound up is not shut by order


def test_an_officer_the_parser_reads_as_a_predicate_is_still_the_appointee(extractor):
    text = ("The Lyon Commercial Court on Tuesday placed Saône Exchange, a trading platform based in the city, into "
            "judicial liquidation. The court named Anne Vidal of Lyon-based insolvency practice Vidal & Associés as "
            "liquidator.")
    assert any({"Saône Exchange", "Vidal & Associés"} <= set(parts)
               for parts in of_type(events(extractor, text), "BANKRUPTCY"))


def test_people_listed_with_their_ages_are_all_the_ones_charged(extractor):
    cases = of_type(events(extractor, "Dale Rusk, 41, Tom Weir, 38, and Ann Kale, 29, were charged with wire fraud "
                                      "on Monday."), "CRIMINAL_CASE")
    assert cases and {"Dale Rusk", "Tom Weir", "Ann Kale"} <= set(cases[0]), cases


@pytest.mark.parametrize("text", [
    "A police spokeswoman, Wanjiku Maina, said more arrests were likely as detectives followed the money.",
    "A police spokesman, Tomas Rieger, said more arrests were likely in the case.",
])
def test_arrests_said_to_be_likely_or_expected_have_not_happened(extractor, text):
    assert not of_type(events(extractor, text), "CRIMINAL_CASE")


def test_a_filing_that_names_officers_appoints_no_one_even_as_the_sentences_root(extractor):
    text = ("Harbor Perps was sued. The complaint, filed on Friday in a federal court in Denver, also names founder "
            "Eli Strand and chief operating officer Mara Quist.")
    assert not of_type(events(extractor, text), "LEADERSHIP_CHANGE")


@pytest.mark.parametrize("text, expected", [
    ("Kraken's chief financial officer, Dana Holt, left Kraken in May to join Coinbase.", [("Dana Holt", "Kraken")]),
    ("Orla Finch, the exchange's founder, left for Albania in April.", []),
    ("Jesse Pratt, the chief executive, left the country in May.", []),
])
def test_a_titled_person_leaving_a_company_is_a_leadership_change(extractor, text, expected):
    found = of_type(events(extractor, text), "LEADERSHIP_CHANGE")
    assert sorted(tuple(sorted(p)) for p in found) == sorted(tuple(sorted(e)) for e in expected), found


@pytest.mark.parametrize("text", [
    "The AMF fined Ostra Labs and its founder, Tom Lafont, €150,000.",
    "The regulator fined Ostra Labs €400,000 and its founder, Tom Lafont, €150,000.",
])
def test_a_founder_fined_beside_the_company_is_party_to_the_fine(extractor, text):
    fines = of_type(events(extractor, text), "FINE")
    assert fines and {"Ostra Labs", "Tom Lafont"} <= set(fines[0]), fines


@pytest.mark.parametrize("text, victim", [
    ("Marlow Haulage said fraudsters broke into the email account of its finance chief in March and diverted a "
     "payment.", "Marlow Haulage"),
    ("Sandgate Logistics Ltd told the court that criminals had broken into the email account of its finance "
     "director.", "Sandgate Logistics Ltd"),
])
def test_criminals_breaking_into_an_account_hack_its_owner(extractor, text, victim):
    assert (victim,) in of_type(events(extractor, text), "HACK")


def test_opening_order_books_for_a_pair_lists_its_coin(extractor):
    listings = of_type(events(extractor, "Luno opened XRP/ZAR order books on Tuesday."), "LISTING")
    assert listings and {"Luno", "XRP"} <= set(listings[0]), listings


def test_a_ticker_paired_with_a_known_coin_is_a_coin_and_a_currency_code_is_none(extractor):
    found = events(extractor, "Crypto exchange Kudu Markets said it had opened ZRND/USDT and ZRND/BTC order books.")
    assert any("ZRND" in p for p in of_type(found, "LISTING")), found
    x = extractor.extract_one(Article(id="t", title="", text="Trading in USDT/TRY surged on the exchange on Monday.",
                                      published="2024-03-05T10:00:00Z"))
    assert not any(e.name == "TRY" for e in x.entities), x.entities


def test_appointing_a_country_manager_changes_leadership(extractor):
    changes = of_type(events(extractor, "Bitvavo has appointed Luisa Ferraz as its country manager for Portugal."),
                      "LEADERSHIP_CHANGE")
    assert changes and {"Bitvavo", "Luisa Ferraz"} <= set(changes[0]), changes


def test_a_company_a_relative_clause_says_raised_a_sum_was_funded(extractor):
    text = "The SEC sued Tintic Ledger Inc., a Provo start-up that raised $6.1 million selling digital tokens."
    assert ("Tintic Ledger Inc.",) in of_type(events(extractor, text), "FUNDING")


def test_a_complaint_that_charges_someone_is_a_civil_case(extractor):
    found = events(extractor, "The complaint charges Tintic Ledger and its founder, Rhett Sorensen, with violating "
                              "the anti-fraud provisions of the securities laws.")
    assert of_type(found, "LAWSUIT") and not of_type(found, "CRIMINAL_CASE"), found


def test_penalties_a_complaint_asks_a_court_to_impose_are_no_fine(extractor):
    found = events(extractor, "The SEC sued Tintic Ledger on Monday. It asks the court to order the return of "
                              "investor funds and to impose civil penalties.")
    assert of_type(found, "LAWSUIT") and not of_type(found, "FINE"), found


@pytest.mark.parametrize("text, warner", [
    ("Kenya's Capital Markets Authority flagged two crypto investment clubs on Monday.", "Capital Markets Authority"),
    ("Kestrel Swap told users not to approve any transaction from the fake site.", "Kestrel Swap"),
])
def test_an_authority_flagging_firms_and_telling_people_not_to_act_are_warnings(extractor, text, warner):
    warnings = of_type(events(extractor, text), "WARNING")
    assert warnings and warner in warnings[0], warnings


def test_a_firm_flagging_transactions_warns_no_one(extractor):
    assert not of_type(events(extractor, "Binance flagged suspicious transactions to the police."), "WARNING")


def test_the_stock_market_a_buyer_is_listed_on_takes_no_part_in_its_deal(extractor):
    text = "Tallgrass Hash Inc., a bitcoin miner listed on Nasdaq, agreed on Monday to acquire Birchwood Digital Corp."
    assert of_type(events(extractor, text), "ACQUISITION") == [("Tallgrass Hash Inc.", "Birchwood Digital Corp.")]


@pytest.mark.parametrize("text, bought", [
    ("Kestrel Pay opened a Lisbon office. In May the Lagos-based company agreed to pay $40 million for Tidewave "
     "Labs, a wallet maker.", "Tidewave Labs"),
    ("Orbisa Exchange paid $12 million for Quarry Analytics last year.", "Quarry Analytics"),
])
def test_a_sum_paid_for_a_company_buys_it_and_is_no_fine(extractor, text, bought):
    found = events(extractor, text)
    assert any(bought in parts for parts in of_type(found, "ACQUISITION")), found
    assert of_type(found, "FINE") == [], found


def test_a_price_paid_for_power_is_no_fine(extractor):
    text = "Juniper Hash will pay a fixed price for most of the electricity it draws from the state grid operator."
    assert of_type(events(extractor, text), "FINE") == []


@pytest.mark.parametrize("text, parties", [
    ("Mbegu Ledger has signed an agreement with Kisii Growers Cooperative to tokenise its coffee receivables.",
     ("Mbegu Ledger", "Kisii Growers Cooperative")),
    ("The service rests on a deal announced on Tuesday between Cometa Envíos, a Dallas remittance firm, and "
     "Bitso, the Mexican exchange.", ("Cometa Envíos", "Bitso")),
    ("The stadium's owner, Tamsin Sports Group, signed a ten-year naming-rights deal with Kraken on Monday.",
     ("Tamsin Sports Group", "Kraken")),
])
def test_an_agreement_signed_with_or_a_deal_between_two_companies_is_a_partnership(extractor, text, parties):
    assert of_type(events(extractor, text), "PARTNERSHIP") == [parties]


@pytest.mark.parametrize("text, parties", [
    ("Kestrel Pay has named Dara Quinn as general counsel.", {"Kestrel Pay", "Dara Quinn"}),
    ("In May, Marta Quintero, Tallow's chief operating officer and its first hire, resigned, telling staff she "
     "disagreed with the plan.", {"Tallow", "Marta Quintero"}),
    ("Jonas Berg, chief technology officer of Oslo exchange Fjordkoin, has left after six years, the company "
     "confirmed on Friday.", {"Fjordkoin", "Jonas Berg"}),
])
def test_a_counsel_named_or_a_titled_subject_who_leaves_is_a_leadership_change(extractor, text, parties):
    assert [set(p) for p in of_type(events(extractor, text), "LEADERSHIP_CHANGE")] == [parties]


def test_founders_who_promote_a_product_change_no_leadership(extractor):
    text = "Ada Voss and Ben Voss, the founders of the Denver exchange, have promoted stablecoins for remittances."
    assert of_type(events(extractor, text), "LEADERSHIP_CHANGE") == []


def test_markets_opened_for_named_coins_list_them(extractor):
    found = events(extractor, "Mara Exchange opened shilling markets for bitcoin and ether on Monday.")
    assert of_type(found, "LISTING") == [("Mara Exchange", "Bitcoin", "Ether")], found


def test_it_after_a_court_ruling_is_the_company_ruled_on_not_the_court(extractor):
    text = ("The Bergen District Court on Monday declared Fjellkoin AS, a two-person crypto broker, bankrupt a month "
            "after it stopped paying out customer withdrawals.")
    found = events(extractor, text)
    assert of_type(found, "WITHDRAWAL_HALT") == [("Fjellkoin AS",)], found
    assert [p[0] for p in of_type(found, "BANKRUPTCY")] == ["Fjellkoin AS"], found


def test_a_company_declared_insolvent_after_its_description_goes_bankrupt(extractor):
    found = events(extractor, "A Nairobi court declared Tana Coin Ltd, an exchange opened in 2020, insolvent on "
                              "Friday.")
    assert [p[0] for p in of_type(found, "BANKRUPTCY")] == ["Tana Coin Ltd"], found


@pytest.mark.parametrize("text", [
    "Victims were told to buy USDT on big exchanges like Binance and Kraken and pass it to the gang's wallets.",
    "The scheme asked investors to buy ether from Bitstamp and send it to a wallet it controlled.",
])
def test_a_scheme_telling_its_victims_what_to_buy_acquires_nothing(extractor, text):
    assert of_type(events(extractor, text), "ACQUISITION") == []


@pytest.mark.parametrize("text, type_", [
    ("A group of savers has sued Kestrel Bank, arguing that its staff overlooked obvious warning signs.", "WARNING"),
    ("Nimbus Dollar broke its peg in May, erasing $2 billion and setting off a string of bankruptcies among crypto "
     "lenders and funds.", "BANKRUPTCY"),
    ("Korbit said the outage had been caused by heavy traffic rather than an attack, and promised to compensate "
     "users.", "HACK"),
    ("Kestrel Labs said it will pay affected borrowers from its treasury.", "FINE"),
    ("Apps relying on Kestrel RPC got no response until engineers rolled back the change.", "LAUNCH"),
    ("As a chartered trust, Black Pine Trust faces regular examinations by the state's Division of Banking.",
     "INVESTIGATION"),
    ("The Dutch central bank has increased its scrutiny since Bitvavo lost funds in a theft.", "INVESTIGATION"),
])
def test_words_of_an_event_that_tell_none(extractor, text, type_):
    found = events(extractor, text)
    assert of_type(found, type_) == [], found


def test_scrutiny_drawn_from_a_named_regulator_is_an_investigation(extractor):
    found = events(extractor, "Bitvavo has drawn scrutiny from the Dutch central bank over its controls.")
    assert [set(p) for p in of_type(found, "INVESTIGATION")] == [{"De Nederlandsche Bank", "Bitvavo"}], found


def test_bankruptcies_of_named_lenders_are_theirs(extractor):
    found = events(extractor, "Its failure recalls the bankruptcies in 2022 of bigger lenders such as Celsius "
                              "Network and BlockFi.")
    assert sorted(of_type(found, "BANKRUPTCY")) == [("BlockFi",), ("Celsius Network",)], found


def test_an_attacker_the_sayer_reports_robbed_the_sayer(extractor):
    text = "Kestrel Games said an attacker had minted 5 billion unauthorised KSTL tokens."
    assert [p[0] for p in of_type(events(extractor, text), "HACK")] == ["Kestrel Games"]


def test_a_protocol_switched_on_is_a_launch(extractor):
    found = events(extractor, "Kestrel Network switched on its bridge for developers on Monday.")
    assert of_type(found, "LAUNCH") == [("Kestrel Network",)], found


def test_he_after_the_one_person_a_sentence_named_is_that_person(extractor):
    text = "In 2022, trader Avi Brenner drained $11 million from Kestrel Markets; he was convicted of fraud last April."
    assert of_type(events(extractor, text), "CRIMINAL_CASE") == [("Avi Brenner",)]


def test_a_headlines_later_clause_takes_no_part_in_an_arrest(extractor):
    x = extractor.extract_one(Article(
        id="t", title="Kenyan police arrest Simba Coin promoter as SMB slumps 70%; Central Bank of Kenya warns public",
        text="Police in Mombasa said they had arrested a promoter of Simba Coin.", published="2024-03-05T10:00:00Z"))
    assert not any(e.type == "CRIMINAL_CASE" and "Central Bank of Kenya" in e.participants for e in x.events), \
        x.events


def test_complaints_lodged_by_victims_are_no_lawsuit(extractor):
    text = "Assistant Commissioner Ramli Osman said more than 400 people had lodged complaints about the scheme."
    assert of_type(events(extractor, text), "LAWSUIT") == []


def test_venues_opening_a_named_coins_trading_list_it(extractor):
    found = events(extractor, "Upbit, Bithumb and Korbit began SUI trading on Tuesday.")
    assert {"Bithumb", "Korbit"} <= {p[0] for p in of_type(found, "LISTING")}, found


@pytest.mark.parametrize("text, fund", [
    ("The Harbourline Bitcoin ETF started trading on Tuesday with $20 million in seed money.",
     "Harbourline Bitcoin ETF"),
    ("Fees at the Meridian Ether Trust, which started trading in May, are the lowest in the market.",
     "Meridian Ether Trust"),
])
def test_a_named_fund_beginning_to_trade_is_launched(extractor, text, fund):
    assert any(fund in p for p in of_type(events(extractor, text), "LAUNCH"))



def test_an_issuer_listing_its_fund_on_a_stock_market_launches_it(extractor):
    found = events(extractor, "Pinecrest Asset Management listed the Pinecrest Cardano ETF in Zurich on Monday, "
                              "its first fund outside Canada.")
    assert of_type(found, "LAUNCH") == [("Pinecrest Asset Management", "Pinecrest Cardano ETF")], found
    assert of_type(found, "LISTING") == []


def test_a_fund_backed_by_a_coin_is_launched_without_the_coin_or_the_stock_market(extractor):
    found = events(extractor, "Fernhill Capital listed an exchange-traded product holding Avalanche on the Vienna "
                              "Stock Exchange, its third in Austria.")
    assert of_type(found, "LAUNCH") == [("Fernhill Capital",)], found


def test_a_proposal_to_list_a_fund_launches_nothing(extractor):
    found = events(extractor, "Pinecrest Asset Management has applied to list the Pinecrest Cardano ETF in Toronto.")
    assert of_type(found, "LAUNCH") == [], found


@pytest.mark.parametrize("text, banned", [
    ("The New York Department of Financial Services fined Cascade Bit Kiosks $90,000 on Monday. The settlement "
     "prohibits its owner, Lyle Brandt, from holding a licence until 2030.", "Lyle Brandt"),
    ("The SEC said Moonloft Studios sold its collectible tokens as securities. Moonloft Studios consented to a "
     "cease-and-desist order last week.", "Moonloft Studios"),
])
def test_an_order_told_without_its_regulator_is_the_one_named_before(extractor, text, banned):
    bans = of_type(events(extractor, text), "BAN")
    assert bans and bans[0][0] in ("New York State Department of Financial Services",
                                   "Securities and Exchange Commission") and banned in bans[0], bans


def test_bars_from_serving_as_an_officer_are_a_ban(extractor):
    text = ("The CFTC sued two former Larkspur Capital executives, Irene Vos and Tomas Heller. Vos and Heller "
            "each agreed to ten-year bars from acting as directors.")
    assert any("Irene Vos" in p or "Tomas Heller" in p for p in of_type(events(extractor, text), "BAN"))


def test_a_tribunals_cease_trade_order_is_a_ban(extractor):
    text = "Last month Quebec's tribunal imposed cease-trade orders on Maple Yield Corp. for a second time."
    assert any("Maple Yield Corp." in p for p in of_type(events(extractor, text), "BAN"))


@pytest.mark.parametrize("text, failed", [
    ("Bank of Tarrant, which failed in 2023, held most of its cash.", "Bank of Tarrant"),
    ("Quillon Lending, the Ohio broker that failed in 2023, still owes customers $40 million.", "Quillon Lending"),
])
def test_a_named_company_that_failed_went_under(extractor, text, failed):
    assert (failed,) in of_type(events(extractor, text), "BANKRUPTCY")


@pytest.mark.parametrize("text", [
    "Quillon Lending failed to register with the regulator.",
    "Quillon Lending failed in its bid to dismiss the suit.",
])
def test_failing_to_do_something_is_no_failure_of_the_company(extractor, text):
    assert of_type(events(extractor, text), "BANKRUPTCY") == []


def test_an_order_to_show_cause_opens_an_investigation(extractor):
    text = "Quillon Capital LLC has 30 days to show cause, the Texas State Securities Board said on Friday."
    assert any("Quillon Capital LLC" in p for p in of_type(events(extractor, text), "INVESTIGATION"))


@pytest.mark.parametrize("text, expected", [
    ("Kestrel Exchange halted trading in two gaming tokens, ORBX and LUMA, citing thin volumes.",
     ("Kestrel Exchange", "ORBX", "LUMA")),
    ("Kestrel Exchange listed the ORBX token in March. On Friday Kestrel Exchange paused trading in the token.",
     ("Kestrel Exchange", "ORBX")),
])
def test_a_venue_halting_trading_in_named_coins_delists_them(extractor, text, expected):
    found = events(extractor, text)
    assert expected in of_type(found, "LISTING") and of_type(found, "WITHDRAWAL_HALT") == [], found


def test_an_authority_halting_trading_in_shares_lists_nothing(extractor):
    found = events(extractor, "The SEC suspended trading in the shares of Kestrel Holdings Corp. on Monday.")
    assert of_type(found, "LISTING") == [], found


@pytest.mark.parametrize("text, expected", [
    ("Kestrel Network handed out 50 million of its new ZAP tokens to early users on Thursday.",
     ("Kestrel Network", "ZAP")),
    ("Orbital Labs distributed 12% of the new ORBX token supply to 300,000 wallets in June.", ("Orbital Labs", "ORBX")),
])
def test_a_new_token_handed_out_to_its_first_holders_is_launched(extractor, text, expected):
    assert expected in of_type(events(extractor, text), "LAUNCH")


@pytest.mark.parametrize("text", [
    "Estonia handed out licences to hundreds of crypto firms.",
    "Regulators told Kestrel Network to stop handing out ZAP tokens to users.",
])
def test_licences_or_an_order_to_stop_handing_tokens_out_launch_nothing(extractor, text):
    assert of_type(events(extractor, text), "LAUNCH") == []


@pytest.mark.parametrize("text, parties", [
    ("Kestrel Exchange struck a naming-rights deal with Ninefold Gaming on Monday.",
     ("Kestrel Exchange", "Ninefold Gaming")),
    ("Ninefold Gaming sold the naming rights to its arena to Kestrel Exchange.",
     ("Ninefold Gaming", "Kestrel Exchange")),
    ("Kora Exchange signed the sprinter Ade Bankole as its ambassador for the Olympic season.",
     ("Kora Exchange", "Ade Bankole")),
    ("Aston Villa signed payments firm Orbital Pay as their new shirt sponsor.", ("Aston Villa", "Orbital Pay")),
    ("Orbital Pay, which sponsors the UFC, opened an office in Denver.", ("Orbital Pay", "UFC")),
    # (what a relative clause says of the subject holds, whatever the main verb hopes or tries)
    ("Orbital Pay, which sponsors Williams Racing, tried to win back investors on Friday.",
     ("Orbital Pay", "Williams Racing")),
    # the endorser who signs on, or signs a deal with the company, takes part
    ("Kora Exchange built its campaign around the sprinter Ade Bankole, who signed on as its ambassador in March.",
     ("Kora Exchange", "Ade Bankole")),
    ("Kora Exchange owed customers millions. Lena Brandt, a tennis player, signed a three-year contract with the "
     "exchange last spring.", ("Lena Brandt", "Kora Exchange")),
])
def test_naming_rights_ambassadors_and_sponsors_are_partnerships(extractor, text, parties):
    found = events(extractor, text)
    assert of_type(found, "PARTNERSHIP") == [parties], found
    assert not of_type(found, "ACQUISITION"), found  # a sold right is no sold company


@pytest.mark.parametrize("text", [
    "Kestrel Exchange will pay $90 million for the naming rights to a new football stadium.",
    "Orbital Pay agreed to pay $300 million over a decade to put its logo on the stadium in Denver.",
])
def test_money_paid_for_naming_rights_is_no_fine(extractor, text):
    assert not of_type(events(extractor, text), "FINE")


@pytest.mark.parametrize("text", [
    "Harbor Acquisition, a blank-cheque company sponsored by Linden Partners, listed in New York.",
    "The company signed Jane Roe as chief executive in March.",
])
def test_a_funds_sponsor_or_a_hire_is_no_partnership(extractor, text):
    assert not of_type(events(extractor, text), "PARTNERSHIP")


@pytest.mark.parametrize("text", [
    "The Monetary Authority of Singapore said it had reviewed Tarsk Markets' controls and was satisfied with them.",
    "The New York State Department of Financial Services granted Tarsk Markets a charter after an examination of "
    "its custody arrangements.",
])
def test_a_check_that_leads_to_a_licence_is_no_investigation(extractor, text):
    assert not of_type(events(extractor, text), "INVESTIGATION")


def test_a_check_that_cost_a_licence_is_still_an_investigation(extractor):
    found = events(extractor, "The Texas Department of Banking suspended Tarsk Markets' licence after an inspection "
                              "found gaps in its checks.")
    assert of_type(found, "INVESTIGATION"), found


@pytest.mark.parametrize("text", [
    "Tarsk Markets registered with the FSA in June 2021.",
    "Coinbase registered with Japan's Financial Services Agency in 2021 and began serving customers there a month "
    "later.",
])
def test_a_company_that_registered_with_a_regulator_is_licensed(extractor, text):
    assert of_type(events(extractor, text), "LICENSE")


def test_an_exchange_described_as_registered_is_no_licence_event(extractor):
    assert not of_type(events(extractor, "Exchanges registered with Japan's FSA must keep customer coins offline."),
                       "LICENSE")


@pytest.mark.parametrize("text, partner", [
    ("Kelpie Fan signed deals with football clubs including Aston Villa and Everton.", "Everton"),
    ("Kelpie Pay signed deals with banks such as Barclays and HSBC.", "HSBC"),
])
def test_deals_with_a_kind_of_company_then_named_examples_are_partnerships_with_them(extractor, text, partner):
    found = of_type(events(extractor, text), "PARTNERSHIP")
    assert any(partner in parties for parties in found), found


@pytest.mark.parametrize("text, funded", [
    ("Harrow Capital made a $300 million investment in Kestrel Exchange last week.",
     [("Harrow Capital", "Kestrel Exchange")]),
    ("Harrow Capital invested $40 million in Kestrel Labs in March.", [("Harrow Capital", "Kestrel Labs")]),
    ("Harrow Capital invested $50 million in bitcoin last year.", []),
])
def test_a_sum_invested_in_a_named_company_is_funding(extractor, text, funded):
    assert of_type(events(extractor, text), "FUNDING") == funded


def test_a_company_whose_shares_open_the_sentence_goes_on_as_its_subject(extractor):
    found = events(extractor, "Shares of Kestrel Mining Inc., the bitcoin miner run by Lena Ortiz, fell 12% on "
                              "Tuesday. The Denver-based company bought a rival, Palisade Compute, last year. In March "
                              "it raised $40 million from investors.")
    assert of_type(found, "PRICE_MOVE") == [("Kestrel Mining Inc.",)], found  # (not the miner's coin)
    assert of_type(found, "FUNDING") == [("Kestrel Mining Inc.",)], found


def test_neither_nor_before_a_verb_denies_it(extractor):
    found = events(extractor, "The Bank of Uganda has neither licensed nor banned Kasese Wallet so far.")
    assert not of_type(found, "LICENSE") and not of_type(found, "BAN"), found


def test_a_verb_the_parser_hangs_on_the_names_before_it_takes_them_as_its_subject(extractor):
    found = events(extractor, "Kraken and Bitstamp, two of Europe's largest venues, suspended deposits and "
                              "withdrawals of ADA.")
    assert of_type(found, "WITHDRAWAL_HALT") == [("Kraken",), ("Bitstamp",)], found


@pytest.mark.parametrize("text, licensed", [
    ("The Reserve Bank of Fiji admitted Kava Pay to its regulatory sandbox on Monday.",
     [("Reserve Bank of Fiji", "Kava Pay")]),
    ("Kava Pay was admitted to the Reserve Bank of Fiji's regulatory sandbox in March.",
     [("Reserve Bank of Fiji", "Kava Pay")]),
    ("Kava Pay admitted it had operated without a licence.", []),
])
def test_admission_to_a_regulatory_sandbox_is_a_licence(extractor, text, licensed):
    assert of_type(events(extractor, text), "LICENSE") == licensed


def test_a_semicolon_keeps_the_next_clauses_negation_out(extractor):
    found = events(extractor, "Tay Yield paused redemptions in March. Its co-founder Ana Ruiz stepped down as chief "
                              "executive a week later; the board has not yet named a replacement.")
    assert of_type(found, "LEADERSHIP_CHANGE") == [("Tay Yield", "Ana Ruiz")], found


@pytest.mark.parametrize("text, warned", [
    ("The watchdog warned against Harbor Trade, a site that sells forex signals; Kora Yield, which it said promised "
     "30% a month; and Delta Coin Club.", [("Harbor Trade", "Kora Yield", "Delta Coin Club")]),
])
def test_semicolons_between_items_of_a_list_keep_the_sentence_whole(extractor, text, warned):
    assert of_type(events(extractor, text), "WARNING") == warned


def test_semicolons_between_people_of_a_list_keep_the_sentence_whole(extractor):
    found = events(extractor, "Ann Voss, the finance chief, who had run the unit since 2019; Tom Reyes, its head of "
                              "legal; and Lia Park, who led compliance, have left Kelp Exchange, the company said.")
    assert sorted(of_type(found, "LEADERSHIP_CHANGE")) == [("Ann Voss", "Kelp Exchange"), ("Lia Park", "Kelp Exchange"),
                                                           ("Tom Reyes", "Kelp Exchange")], found


def test_a_pronoun_in_a_sentence_naming_no_one_is_the_one_person_of_the_sentence_before(extractor):
    found = events(extractor, "Dmitri Sorokin ran the Kazan Coin exchange for six years. Polish police detained him "
                              "at an airport in 2021. He was handed over to U.S. authorities in 2023.")
    assert of_type(found, "CRIMINAL_CASE") == [("Dmitri Sorokin",)], found


@pytest.mark.parametrize("text, licensed", [
    ("The Bank of Lithuania refused to authorise Vilnius Kripto under the new regime.",
     [("Bank of Lithuania", "Vilnius Kripto")]),
    ("The Bank of Lithuania declined to register Vilnius Kripto, a small exchange, in May.",
     [("Bank of Lithuania", "Vilnius Kripto")]),
    ("Vilnius Kripto refused to comment on the licence.", []),
])
def test_a_regulator_refusing_to_authorise_a_company_is_a_licensing_decision(extractor, text, licensed):
    assert of_type(events(extractor, text), "LICENSE") == licensed


@pytest.mark.parametrize("text, wound_down", [
    ("Tammi Crypto has 45 days to wind down and repay its users.", []),
    ("The regulator gave Tammi Crypto 45 days to wind down and repay its users.", []),
    ("Tammi Crypto decided to wind down its business after losses.", [("Tammi Crypto",)]),
])
def test_a_wind_down_given_a_deadline_has_not_happened_yet(extractor, text, wound_down):
    assert of_type(events(extractor, text), "BANKRUPTCY") == wound_down


def test_people_charged_by_prosecutors_face_a_criminal_case(extractor):
    found = events(extractor, "Leon Brandt and Yusuf Okafor were charged by prosecutors in Brooklyn last spring.")
    assert of_type(found, "CRIMINAL_CASE") == [("Leon Brandt", "Yusuf Okafor")], found


@pytest.mark.parametrize("text, licensed", [
    ("The new law will require brokers that trade tokens to obtain licences from the FSCA.", []),
    ("Exchanges will have to obtain a licence from the FSCA by June.", []),
    ("Kelp Exchange obtained a licence from the FSCA in June.",
     [("Financial Sector Conduct Authority", "Kelp Exchange")]),
])
def test_a_licence_a_rule_obliges_firms_to_obtain_is_not_granted_yet(extractor, text, licensed):
    assert of_type(events(extractor, text), "LICENSE") == licensed


def test_the_employer_that_describes_an_arrested_person_is_no_party_to_the_case(extractor):
    found = events(extractor, "Seoul police arrested Ravi Menon, an IT contractor employed by Kelp Exchange, on "
                              "Saturday.")
    assert of_type(found, "CRIMINAL_CASE") == [("Seoul Metropolitan Police Agency", "Ravi Menon")], found


def test_a_company_that_began_handing_out_its_token_to_everyone_launched_it(extractor):
    found = events(extractor, "KELP, the network's staking token, rose 20%. Kelp Labs began handing out KELP in May "
                              "to everyone who had staked on the network.")
    assert of_type(found, "LAUNCH") == [("Kelp Labs", "KELP")], found


def test_its_wallets_robbed_are_the_wallets_of_the_company_told_before(extractor):
    found = events(extractor, "Kelp Exchange grew fast last year. Attackers drained $5 million from its hot wallet on "
                              "Monday.")
    assert of_type(found, "HACK") == [("Kelp Exchange",)], found


@pytest.mark.parametrize("text", [
    "The Bank of Ghana called for a moratorium on token sales and for fines on promoters.",
    "The Bank of Ghana called for penalties on unlicensed exchanges.",
    "The Ministry of Finance drafted an amendment to ban anonymous wallets.",
])
def test_what_is_called_for_or_drafted_into_a_rule_has_not_happened(extractor, text):
    found = events(extractor, text)
    assert not of_type(found, "BAN") and not of_type(found, "FINE"), found


def test_a_company_named_before_an_arrested_employees_job_is_no_party_to_the_case(extractor):
    assert not of_type(events(extractor, "Police arrest Kelp Exchange engineer over $4 million theft"), "CRIMINAL_CASE")


@pytest.mark.parametrize("text, venues", [
    # the parser reads "trading dogecoin" as one noun
    ("From Thursday Kraken will begin trading dogecoin and Cardano for its users in Europe.", {"Kraken"}),
    ("After a long wait, trading in dogecoin began on Kraken and Bitstamp.", {"Kraken", "Bitstamp"}),
    # the venues that follow list the coin the first one did
    ("Kraken listed Solana's SOL token in March, and Bitstamp followed suit in April.", {"Kraken", "Bitstamp"}),
    # a parse with no verb: the past tense hung on the coin's name is the sentence's verb
    ("Coinbase listed Dogecoin (DOGE) on Monday.", {"Coinbase"}),
])
def test_a_venue_starting_to_trade_a_coin_lists_it(extractor, text, venues):
    listings = of_type(events(extractor, text), "LISTING")
    assert {parts[0] for parts in listings} == venues and all(len(parts) > 1 for parts in listings), listings


def test_a_venue_that_followed_something_else_lists_nothing(extractor):
    listings = of_type(events(extractor, "Kraken listed Solana's SOL token in March, and prices followed."),
                       "LISTING")
    assert [parts[0] for parts in listings] == ["Kraken"], listings


@pytest.mark.parametrize("text, launched", [
    ("The Orvane Foundation's ORV token, distributed to stakers last spring, is now worth $2 billion.",
     [("Orvane Foundation", "ORV")]),
    ("Tidewell Finance's TDW token, released on Monday after two audits, has drawn large deposits.",
     [("Tidewell Finance", "TDW")]),
    # coins set free are not new coins
    ("Tether's frozen USDT, released in March after a court order, went back to the victims.", []),
])
def test_an_owners_token_described_as_handed_out_or_released_was_launched(extractor, text, launched):
    assert of_type(events(extractor, text), "LAUNCH") == launched


def test_the_year_of_the_sale_a_round_was_raised_in_dates_it(extractor):
    x = extractor.extract_one(Article(id="t", title="", text="The Norvik Foundation, which raised $30 million in a "
                                      "2018 token sale, opened its network to users in 2021.",
                                      published="2024-03-05T10:00:00Z"))
    assert [(e.participants, e.date) for e in x.events if e.type == "FUNDING"] == [(("Norvik Foundation",), "2018")]


def test_a_site_seized_in_a_clause_joined_to_an_arrest_is_banned_by_who_arrested(extractor):
    found = events(extractor, "Europol arrested two administrators of Velvet Bazaar, a darknet market, and seized "
                              "its servers on Tuesday.")
    assert any(parts[0] == "Europol" for parts in of_type(found, "BAN")), found


@pytest.mark.parametrize("text, partners", [
    ("The online retailer Vantory began accepting bitcoin through BitPay in March.", ("Vantory", "BitPay")),
    ("Since May the retailer Corvo Home accepts crypto payments via Coinbase.", ("Corvo Home", "Coinbase")),
])
def test_a_merchant_taking_coins_through_a_processor_works_with_it(extractor, text, partners):
    assert of_type(events(extractor, text), "PARTNERSHIP") == [partners]


@pytest.mark.parametrize("text, date", [
    ("Quillfeather Labs' 2017 token sale drew $40 million in ether.", "2017"),
    ("Quillfeather Labs' 2018 presale brought in 9,000 bitcoins.", "2018"),
])
def test_a_companys_token_sale_told_with_its_sum_is_its_funding(extractor, text, date):
    x = extractor.extract_one(Article(id="t", title="", text=text, published="2024-03-05T10:00:00Z"))
    assert [(e.participants, e.date) for e in x.events if e.type == "FUNDING"] == [(("Quillfeather Labs",), date)]


@pytest.mark.parametrize("text", [
    "China's central bank banned token sales and initial coin offerings in 2017, and Kelpie Exchange stopped serving "
    "mainland users.",
    "Regulators warned that celebrities who promote token sales, including one run by Quillfeather Labs, may break "
    "the law.",
])
def test_token_sales_in_general_raise_no_money(extractor, text):
    assert of_type(events(extractor, text), "FUNDING") == []


@pytest.mark.parametrize("text", [
    "Kelpie, a Lisbon exchange, says it lost customer deposits to a hacker in May.",
    "Tarn Pool, a mining pool in Wales, said an intruder broke into its server on Sunday night and took 12 bitcoins.",
])
def test_coins_lost_to_a_hacker_or_a_server_broken_into_is_a_hack(extractor, text):
    hacks = of_type(events(extractor, text), "HACK")
    assert hacks and hacks[0][0] in ("Kelpie", "Tarn Pool"), hacks


def test_customers_lost_to_rivals_are_no_hack(extractor):
    assert of_type(events(extractor, "The exchange Kelpie lost many customers to rivals in May."), "HACK") == []


@pytest.mark.parametrize("text, banned", [
    ("Mastercard cut off Orla Cards, the Malta company behind the debit cards, on Friday.",
     [("Mastercard", "Orla Cards")]),
    ("Kelp Bank cut off Tarn Exchange in March.", [("Kelp Bank", "Tarn Exchange")]),
    # not a storm, nor a company that is neither bank nor card network
    ("The storm cut off Tarn Exchange's office from the grid.", []),
    ("Orla Cards cut off Tarn Exchange in March.", []),
])
def test_a_bank_or_card_network_cutting_off_a_company_bans_it(extractor, text, banned):
    assert of_type(events(extractor, text), "BAN") == banned


def test_a_company_that_paid_hackers_was_hacked(extractor):
    found = events(extractor, "The clinic chain Kelp Health said on Monday that it had paid hackers $1.2 million in "
                              "ether to unlock its patient records.")
    assert of_type(found, "HACK") == [("Kelp Health",)], found


def test_a_bank_stopping_its_customers_paying_an_exchange_bans_it_and_fines_no_one(extractor):
    found = events(extractor, "Lloyds Bank stopped customers from using its cards to pay Kraken in 2021.")
    assert of_type(found, "BAN") == [("Lloyds Bank", "Kraken")] and of_type(found, "FINE") == [], found


@pytest.mark.parametrize("text, funded", [
    ("Kelp Mining raised $900 million last week in an offering of new shares.", [("Kelp Mining",)]),
    ("Two brothers from Lyon raised $12 million in a token sale for Kelpcoin in 2016.", [("Kelpcoin",)]),
])
def test_money_raised_in_one_sale_or_offering_is_funding(extractor, text, funded):
    assert of_type(events(extractor, text), "FUNDING") == funded


@pytest.mark.parametrize("text, launched", [
    # futures and options an exchange starts are a launch; a coin it lists is a listing
    ("In a filing, Kestrel Futures Exchange listed its first quarterly bitcoin contract on March 4.",
     [("Kestrel Futures Exchange", "Bitcoin")]),
    ("Kestrel Exchange began trading futures on solana on Tuesday.", [("Kestrel Exchange", "SOL")]),
    ("On Sunday, bitcoin futures began trading on Kestrel Futures Exchange.",
     [("Kestrel Futures Exchange", "Bitcoin")]),
])
def test_futures_an_exchange_starts_are_launched_not_listed(extractor, text, launched):
    found = events(extractor, text)
    assert of_type(found, "LAUNCH") == launched and of_type(found, "LISTING") == [], found


def test_a_coin_an_exchange_begins_trading_is_still_listed(extractor):
    found = events(extractor, "Some news first. Kraken began trading SOL on Monday.")
    assert of_type(found, "LISTING") == [("Kraken", "SOL")], found


def test_block_trades_block_nothing(extractor):
    found = events(extractor, "Tolland Markets, a desk that arranges block trades for family offices, was granted "
                              "a licence by the Monetary Authority of Singapore.")
    assert of_type(found, "BAN") == [], found


def test_a_summons_a_court_allows_is_an_investigation_not_a_licence(extractor):
    found = events(extractor, "On March 3, a magistrate in Denver authorized the Internal Revenue Service to serve a "
                              "summons on Bitstamp for data on its users.")
    assert of_type(found, "INVESTIGATION") == [("Internal Revenue Service", "Bitstamp")], found
    assert of_type(found, "LICENSE") == [], found


@pytest.mark.parametrize("text, bought", [
    # "which" after a person's name, the parse hanging it on the person: the company described
    ("Payments run through Kelp Holdings, the bank group led by Ana Vidal, which bought the wallet maker, Orla "
     "Labs, in 2019.", [("Kelp Holdings", "Orla Labs")]),
    # a described noun whose clause leaves its object unsaid
    ("Its coins trade on Quillstone Labs, the NFT marketplace that Kraken bought last year.",
     [("Kraken", "Quillstone Labs")]),
])
def test_a_purchase_told_in_a_relative_clause_names_what_was_bought(extractor, text, bought):
    assert of_type(events(extractor, text), "ACQUISITION") == bought


@pytest.mark.parametrize("text, investigated", [
    ("A court has authorized the Internal Revenue Service to demand records from Bitstamp about its top clients.",
     [("Internal Revenue Service", "Bitstamp")]),
    ("In 2018 the Financial Supervisory Service told Bitstamp to hand over names of clients who traded over "
     "$50,000.", [("Financial Supervisory Service", "Bitstamp")]),
    # assets handed over are no records demanded
    ("A court ordered Kelp Exchange to hand over its assets to the liquidator.", []),
])
def test_records_an_authority_is_let_or_makes_a_company_hand_over_are_an_investigation(extractor, text, investigated):
    found = events(extractor, text)
    assert of_type(found, "INVESTIGATION") == investigated and of_type(found, "LICENSE") == [], found


@pytest.mark.parametrize("text, partners", [
    ("Some news first. Kelp Bank uses Fireblocks to hold client assets.", [("Kelp Bank", "Fireblocks")]),
    ("Ardmore Furniture Ltd. followed in June, using BitPay to settle card payments.",
     [("Ardmore Furniture Ltd.", "BitPay")]),
    # thieves using an exchange are no partners of it
    ("The thieves used Binance to convert the coins.", []),
])
def test_a_company_used_for_a_service_is_a_partner(extractor, text, partners):
    assert of_type(events(extractor, text), "PARTNERSHIP") == partners


@pytest.mark.parametrize("text, launched", [
    ("Hana Pay Inc. began issuing KRWH, a won-backed stablecoin, in October.", [("Hana Pay Inc.", "KRWH")]),
    ("Kelp Markets began publishing the Kelp 30 Index in February.", [("Kelp Markets", "Kelp 30 Index")]),
    ("The bank began issuing refunds to customers in May.", []),
])
def test_a_company_beginning_to_issue_a_named_coin_or_index_launches_it(extractor, text, launched):
    assert of_type(events(extractor, text), "LAUNCH") == launched


@pytest.mark.parametrize("text, investigated", [
    ("The Capital Markets Authority froze the assets of Kelp Digital Markets on Friday.",
     [("Capital Markets Authority", "Kelp Digital Markets")]),
    ("Police in Lagos froze the accounts of Kelp Exchange on Friday.", [("Kelp Exchange",)]),
])
def test_assets_an_authority_freezes_are_an_inquiry_not_a_halt(extractor, text, investigated):
    found = events(extractor, text)
    assert of_type(found, "INVESTIGATION") == investigated and of_type(found, "WITHDRAWAL_HALT") == [], found


def test_withdrawals_a_company_freezes_are_still_a_halt(extractor):
    found = events(extractor, "Kelp Exchange froze customer withdrawals on Monday.")
    assert of_type(found, "WITHDRAWAL_HALT") == [("Kelp Exchange",)], found


def test_a_company_distributing_its_own_token_launches_it(extractor):
    found = events(extractor, "Kelp Finance, a rival marketplace, distributed its KLP token in April.")
    assert of_type(found, "LAUNCH") == [("Kelp Finance", "KLP")], found


@pytest.mark.parametrize("text", [
    "A civil forfeiture complaint against the coins was filed by the Justice Department on Thursday.",
    "The regulator began civil penalty proceedings against Kelp Exchange in the Federal Court on Friday.",
])
def test_a_suit_for_forfeiture_or_penalties_is_no_fine_yet(extractor, text):
    found = events(extractor, text)
    assert of_type(found, "FINE") == [] and of_type(found, "LAWSUIT"), found


def test_it_fining_a_company_is_the_regulator_named_before_whatever_the_lemmatizer_reads(extractor):
    # the lemmatizer reads "fined" as "fin"; the pronoun still stands for the last authority named
    found = events(extractor, "The Financial Crimes Enforcement Network (FinCEN) on Thursday penalized a trader. "
                              "Until now its cases had been aimed at firms such as Kelp Exchange. In May 2015 it "
                              "fined Orla Labs $700,000 for selling tokens.")
    assert ("Financial Crimes Enforcement Network", "Orla Labs") in of_type(found, "FINE"), found


def test_it_fining_a_company_is_the_authority_the_sentence_before_called_by_its_kind(extractor):
    found = events(extractor, "The Central Bank of Armenia opened an inquiry. The Personal Data Protection Agency "
                              "said it was studying the case. The central bank has shown it is willing to act "
                              "against the sector. In October, it fined Orla Coin, a smaller exchange, 12 million "
                              "drams.")
    assert ("Central Bank of Armenia", "Orla Coin") in of_type(found, "FINE"), found
