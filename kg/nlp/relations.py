"""``kg_relations``: WORKS_FOR and BASED_IN from titles, appositives and "-based".

Each pattern reads the text *between* two linked mentions of one sentence (or
just around one), so it holds for any name: "Kraken CEO Dave Ripley",
"Jesse Powell, Kraken's co-founder", "Jake Chervinsky, general counsel at
Compound Finance", "founded in 2014 by A, B and C", "Seychelles-based
BitMEX", "headquartered in Singapore", "Japan's Financial Services Agency".
Results go to ``doc._.kg_relations`` as ``FoundRelation``s.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import yaml

from spacy.language import Language
from spacy.tokens import Doc

from .candidate_spans import FOUNDING_LEMMAS, HIRE_LEMMAS, LEGAL_FORMS, ORG_SUFFIXES, ends_start_up
from .doc_entities import doc_text
from .entities import DocEntities, Mention
from .event_participants import PAST_WORDS, subject_of_sentence_before
from .event_triggers import central_bank
from .generic_mentions import REPORTING_VERBS
from .guard import guarded
from .kb import load_kb, norm
from .lexicon import DATA_DIR, Lexicon, load_lexicon

EMPLOYERS = {"EXCHANGE", "REGULATOR", "ORGANIZATION"}
# kinds of firm between a person's "of" and its name: "A and B of advisory firm Interpath"
KIND_WORDS = "firm|company|group|bank|exchange|fund|consultancy|agency|startup|start-up|lender|platform"
# what may stand between "founder of" and the name: "crypto derivatives liquidity provider",
# "Hong Kong-registered cryptocurrency exchange"
# what may stand between a title's "of" and the employer: "Lagos-based payments company", "collapsed Istanbul crypto
# exchange"
DESCRIPTION = (r"(?-i:(?:(?:collapsed|defunct|failed|bankrupt|troubled|now-defunct|embattled)\s+)?"
               r"(?:[A-Z][\w.]*\s+){0,3}?(?:[\w.]+-(?:based|registered|headquartered)\s+)?(?:[a-z][a-z-]*\s+){0,4})")
PAST = r"(?:previously|formerly|most\s+recently|until\s+recently)"  # "X, previously at Y", "previously head of"
# having worked somewhere: "worked at", "taught at", "spent nine years at"
# (an athlete's team: "who has played for", "who drove for")
WORKED = r"(?:(?:has\s+|had\s+)?(?:works|worked|(?:taught|teaches|lectures|lectured)(?:\s+(?-i:[a-z][\w-]*)){0,3}|" \
    r"plays|played|drives|drove|races|raced)|" \
    r"spent\s+(?:\w+\s+){1,3}(?:years|months|decades?))"  # ("teaches securities regulation at Fordham")
# a job told by what it oversees: "who covers stablecoins at", "who leads digital-asset work at", "who oversaw
# crypto-asset supervision at"
# (and "who set up and ran the lending desk at": a unit set up before it was run)
OVERSAW = r"(?:(?:built|founded|created|set\s+up)\s+and\s+)?" \
    r"(?:covers|covered|oversees|oversaw|leads|led|heads|headed|manages|managed|supervises|supervised|runs|ran)" \
    r"(?:\s+(?-i:[a-z][\w-]*|[A-Z]{2,}s?)){1,5}"  # ("who covers ETFs at")
# the job worked as ("worked as a backend developer at"), and a part of the employer ("in the treasury department of")
WORKED_AS = r"(?:\s+as\s+(?:a|an)\s+[\w-]+(?:\s+[\w-]+){0,2}?)?"
IN_DEPARTMENT = r"\s+in\s+(?:the|its)\s+(?:[\w-]+\s+){0,3}(?:department|division|unit|team)\s+of"
PLACED = {"EXCHANGE", "REGULATOR", "ORGANIZATION"}
# words that make "in" a rank's scope, not a seat: "the largest exchange in Europe", "the only licensed bank in"
RANK_WORDS = re.compile(r"\b(?:\w+est|only|first|top|leading|main|sole|last|number|no\.)\b", re.I)
# roles "its" gives that are no job at the company: officers a court appoints, and the creator (of a product)
NOT_ITS_STAFF = {"administrator", "administrators", "liquidator", "liquidators", "receiver", "receivers", "trustee",
                 "trustees", "creator", "creators"}
# capitalised words that still only describe a kind of firm: "a Lisbon NFT marketplace", "a Dubai OTC desk"
KIND_ACRONYMS = {"NFT", "OTC", "DeFi", "P2P", "ATM", "Web3", "AI"}
BASED_WORDS = {"based", "headquartered", "registered", "incorporated", "domiciled", "licensed", "chartered"}
FOUND_LEMMAS = FOUNDING_LEMMAS | {"establish", "start", "create"}
# who runs a venture, not an authority's staff: "two of its alleged operators" are a platform's
RUNNERS = {"operator", "leader", "ringleader"}
LEAD_LEMMAS = {"lead", "head", "run", "control", "own", "chair", "manage"}
POSSESSIVE = ("'s", "’s", "'", "’")
# who else a "located in" or "based in" may be said of: the noun the clause hangs from ("customers who appeared
# to be located in Cuba")
PEOPLE_NOUNS = {"customers", "users", "clients", "investors", "people", "residents", "traders", "employees", "staff",
                "nationals", "citizens", "individuals", "accounts"}
MAKER_TAILS = {"Labs", "Foundation", "Protocol", "Network", "Finance"}
UNIT_WORDS = {"arm", "unit", "subsidiary", "affiliate", "branch", "entity", "division", "business"}
HOME_WORDS = {"country": True, "nation": True, "kingdom": True, "islands": True, "city": False, "state": False,
              "city-state": True, "territory": False}
OWNER_NOUNS = {"firm", "company", "exchange", "fund", "hedge", "empire", "business", "venture", "startup",
               "lender", "platform", "group", "outfit", "project", "operation"}

if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", default=None)


# the last word of a judge's title NER takes for a workplace ("U.S. Magistrate" of "U.S. Magistrate Judge X")
BENCH_TITLES = {"judge", "magistrate"}


@dataclass(frozen=True)
class FoundRelation:
    head: str  # EntityRecord keys
    type: str
    tail: str
    role: str
    start: int  # token span of the evidence
    end: int


@Language.factory("kg_relations", requires=["doc._.kg"], assigns=["doc._.kg_relations"])
def make_relation_finder(nlp: Language, name: str) -> "RelationFinder":
    return RelationFinder(load_lexicon())


class RelationFinder:
    def __init__(self, lex: Lexicon):
        self.kb = load_kb()
        self.demonyms = load_demonyms()
        self.titles = {t.lower() for t in lex.titles}
        # a title, or several people's ("former Coinbase executives Zach Abrams and Sean Yu")
        role = rf"(?:(?:{'|'.join(re.escape(m) for m in lex.title_modifiers)})\s*)*(?:{lex.title_pattern})s?"
        roles = rf"(?P<role>{role}(?:\s*(?:,|and|&)\s*{role})*)"
        # a first title before "and" and a second one: "Bullish's chief executive and a former president of"
        # ("Tijara's co-founder and chief executive and a former product manager at")
        first_role = rf"^\s*,\s*(?:the\s+|a\s+|an\s+|its\s+)?(?:\S+(?:'s|’s)\s+)?{role}(?:\s*(?:,|and)\s*{role})*" \
                     rf"\s+and\s+(?:the\s+|a\s+|an\s+)?"
        self.second_role_at = re.compile(rf"{first_role}{roles}\s+(?:of|at|for)\s+(?:the\s+)?{DESCRIPTION}$", re.I)
        self.second_role_before = re.compile(rf"{first_role}(?:former\s+)?$", re.I)
        # "who previously worked at the Singapore Exchange"
        self.worked_at = re.compile(
            r"^\s*,\s*(?:\d{2}\s*,\s*)?who\s+(?:previously\s+|also\s+|once\s+|later\s+|formerly\s+|now\s+)?"
            rf"(?:{WORKED}(?:{WORKED_AS}\s+(?:at|for|with)|{IN_DEPARTMENT})|{OVERSAW}\s+at)"
            rf"\s+(?:the\s+)?{DESCRIPTION}$", re.I)
        # "Al-Mahroos previously spent nine years at Investcorp", "She worked at Nordea": said of the subject
        self.subject_worked_at = re.compile(
            r"^\s*(?:,\s*\d{2}\s*,|,)?\s+(?:previously\s+|also\s+|once\s+|formerly\s+|earlier\s+)?"
            rf"{WORKED}(?:{WORKED_AS}\s+(?:at|for)|{IN_DEPARTMENT})\s+(?:the\s+)?{DESCRIPTION}$", re.I)
        # "BitMEX's three founders — A, B and C", "former Binance executives, including A and B", "Paxos, whose
        # chief executive is Charles Cascarilla"
        self.org_then_person = re.compile(
            rf"^(?:'s|’s)?\s*,?\s*(?:the\s+|its\s+|whose\s+)?(?:(?:two|three|four|five|six|both|several)\s+)?{roles}"
            # ("Marina Trust Bank's head of transaction banking, Funmilayo Ekpo": a department after the title)
            rf"(?:\s+of\s+(?-i:[a-z][a-z-]*)(?:\s+(?-i:[a-z][a-z-]*)){{0,2}})?"
            rf"\s*(?:,|—|–|:)?\s*(?:(?:including|such\s+as|include|included|are|were|is|was)\s+)?$", re.I)
        self.person_title_at = re.compile(
            rf"^\s*(?:,\s*(?:\d{{2}}\s*,\s*)?(?:both\s+|all\s+)?"
            # ("who is now a partner at", and "a former federal prosecutor who is now a partner at": the job now)
            rf"(?:(?:an?|the)\s+[^,;()]{{0,40}}?\s+who\s+(?:is|was)\s+now\s+|"
            # ("who until May was head of risk at")
            rf"who\s+(?:until\s+(?:\w+\s+){{1,2}}?)?(?:is|was|has\s+been|had\s+been)\s+"
            rf"(?:(?:now|currently|also|still)\s+)?)?|"
            # "Jayasuriya is the founder of ...", "X has left to become chief risk officer at ..."
            rf"(?:,\s*\d{{2}}\s*,\s*)?(?:is|was|has\s+been|had\s+been|remains|became|becomes|will\s+become|will\s+be|"
            rf"(?:has\s+|had\s+)?(?:left|resigned|quit)\s+to\s+become)\s+)"
            rf"(?:{PAST}\s+)?(?:the\s+|a\s+|an\s+|(?-i:[A-Z][\w.-]*)(?:'s|’s)\s+)?"  # "Uyeda's chief of staff at the SEC"
            # ("a longtime investor and the founder of", not "who sued Binance and the chief executive of")
            rf"(?:(?:[a-z][a-z-]*\s+){{1,3}}and\s+|(?!who\s)(?-i:[a-z][a-z-]*\s+){{1,3}}and\s+(?:the|an?)\s+)?"
            rf"(?:former\s+)?"
            # (up to two words before the title: "a financial regulation lawyer at", "an ETF strategist at")
            rf"(?:(?!the\s|and\s|its\s|his\s|her\s)(?-i:[a-z]{{3,}}(?:-[a-z]+)?|[A-Z]{{2,5}})\s+){{0,2}}{roles}\s+"
            # "previously head of payments at Nairobi lender Kilima Bank": a department after the title
            rf"(?:of\s+(?-i:[a-z][a-z-]*)(?:\s+(?-i:[a-z][a-z-]*))?\s+(?=at\s|with\s))?"
            rf"(?:who\s+(?:works|worked|has\s+worked)\s+)?"
            rf"(?:of|at|for|with|to|in|on)\s+(?:the\s+)?{DESCRIPTION}$", re.I)
        # "Roberto Campos Neto, governor of Brazil's central bank, the Banco Central do Brasil": the body
        # described by its place's possessive, then named
        self.title_of_described = re.compile(
            rf"^\s*,\s*(?:the\s+|a\s+)?(?:{PAST}\s+)?{roles}\s+(?:of|at)\s+"
            r"(?:the\s+(?-i:[a-z]+)(?:'s|’s)\s+|(?-i:[A-Z][\w.-]*)(?:'s|’s)\s+)"
            r"(?-i:[a-z][a-z-]*)(?:\s+(?-i:[a-z][a-z-]*)){0,2}\s*,\s*(?:the\s+)?$", re.I)
        # "X, previously at Lagos-based payments company Flowpay,": a past employer, no role
        self.previously_at = re.compile(
            rf"^\s*,\s*{PAST}\s+(?:at|with)\s+(?:the\s+)?"
            rf"{DESCRIPTION}$", re.I)
        # "X has resigned as chief executive of Merapi Exchange", "X was named chief executive of Y"
        self.as_title_of = re.compile(
            rf"^\s*(?:,\s*(?:its|their|the)\s+[^,;()]{{1,60}}?,)?"  # "Vivien Khoo, its chief operating officer, would serve as"
            rf"\s*(?:,\s*who\s+)?(?:has\s+|had\s+|have\s+)?(?:been\s+|was\s+|is\s+|will\s+|would\s+)?(?:\w+ly\s+)?"
            rf"(?:resigned|stepped\s+down|stepped\s+aside|retired|named|appointed|hired|promoted|elected|served|"
            rf"serves|serve|serving|remains|remained|took\s+over|joined|left|quit|start(?:s|ed)?)\s+(?:as\s+)?"
            rf"(?:the\s+|its\s+)?{roles}\s+(?:of|at)\s+(?:the\s+)?{DESCRIPTION}$", re.I)
        # "Noor Haddad, previously the exchange's chief operating officer", "X, who serves as Binance's ..."
        self.person_comma = re.compile(
            r"^\s*(?:,|\(|—|–|-)\s*(?:(?:previously|formerly|now|currently|then|also|once)\s+)?"
            r"(?:(?:one|another)\s+of\s+)?"
            r"(?:who\s+(?:(?:\w+\s+){1,2}(?:say|says|said|allege|alleged)\s+)?"
            r"(?:is|was|serves\s+as|served\s+as|works\s+as|worked\s+as)\s+)?(?:the\s+|a\s+|an\s+)?(?:former\s+)?$",
            re.I)  # "X, a former Goldman Sachs executive"
        # "X, a British-Kenyan who serves as Binance's regional manager", "X, a former federal agent who heads
        # Binance's financial crime compliance team": a description, then the role
        self.described_who = re.compile(
            r"^\s*,\s*(?:an?|the)\s+[^,;()]{0,60}?\bwho\s+(?:(?P<serves>serves\s+as|served\s+as|works\s+as|is|was)|"
            r"(?P<heads>heads|headed|leads|led|runs|ran|oversees|oversaw|manages|managed))\s+(?:the\s+)?$", re.I)
        # "Diop was named Tijara's head of expansion": then the title after the organisation's name
        # (or holds it: "Phil Potter serves as Bitfinex's chief strategy officer", "X is Kraken's chief executive")
        self.named_to = re.compile(
            r"^\s*,?\s*(?:who\s+)?(?:(?:has\s+been\s+|had\s+been\s+|was\s+|is\s+|will\s+be\s+)"
            r"(?:named|appointed|promoted\s+to|made|elected)|serves|served|is|was|remains|remained|became|"
            r"has\s+been|had\s+been)\s+(?:as\s+)?$", re.I)
        # "Binance's regional manager", "the Justice Department's second-ranking official"
        self.after_org_title = re.compile(
            rf"^(?:'s|’s|'|’)?\s+(?:top\s+|[a-z]+-[a-z]+\s+|(?-i:(?:primary|principal|chief|lead|senior|technical|"
            rf"former|longtime|sole|main|acting|interim)\s+){{1,2}}|"
            rf"(?-i:[a-z]{{3,}}\s+){{1,2}}(?=(?-i:[a-z]+)\b))?{roles}\b", re.I)  # "a Columbia University computer science professor"
        self.title_at_end = re.compile(rf"{roles}$", re.I)
        self.role_in = re.compile(rf"\b{roles}\b", re.I)
        # "Kelvora Bank, where Varga was head of trading and Lind was chairman": each person's post there
        self.where_person_was = re.compile(
            rf"^\s+(?:was|is|had\s+been|has\s+been|became|served\s+as)\s+(?:the\s+|a\s+|an\s+)?(?:former\s+)?"
            rf"{roles}\b", re.I)
        self.org_that_person = re.compile(r"^\s*,\s*(?:the|a|an)\s+[^,;()]{0,60}?\b(?:that|which)\s+$", re.I)
        # "Bankman-Fried's trading firm, Alameda Research", "Bankman-Fried's crypto exchange FTX"
        self.his_kind_of_firm = re.compile(rf"^(?:'s|’s)\s+(?:[a-z-]+\s+){{0,2}}(?:{'|'.join(OWNER_NOUNS)})\s*,?\s*$")
        self.his_firm = re.compile(r"^\s*,\s*(?:his|her)\s+(?:[a-z-]+\s+){0,3}(?:firm|fund|company|exchange|"
                                   r"business|startup|venture|lender|platform|project)\b")
        company_roles = (r"(?:former\s+|then-|co-)?(?:chief\s+executive(?:\s+officer)?|CEO|co-?founder|founder|"
                         r"chief\s+operating\s+officer|chief\s+financial\s+officer|chief\s+technology\s+officer|"
                         r"chief\s+(?:information|information\s+security|security|compliance|risk)\s+officer|"
                         r"COO|CFO|CTO|chairman|chairwoman|chairperson|president|general\s+counsel|"
                         r"chief\s+legal\s+officer|owner|(?-i:[a-z]+\s+)?director|managing\s+partner|"
                         # ("chief marketing officer", "head of technology", not "head of state")
                         r"chief\s+(?-i:[a-z]+\s+){1,2}officer|head\s+of\s+(?!state\b|government\b)(?-i:[a-z]+)|"
                         r"general\s+partner)")
        self.company_title_before = re.compile(rf"(?:^|[\s,(])(?P<role>{company_roles})\s*$", re.I)
        self.company_role = re.compile(rf"^{company_roles}s?$", re.I)
        self.governor_before = re.compile(r"(?:^|[\s,(])(?P<role>(?:(?-i:[Dd]eputy)\s+)?(?-i:[Gg]overnor))\s*$")
        # "the CFTC, under Chairman Rostin Behnam", "under then-Superintendent X": who led it then
        self.official_under = re.compile(
            r"\bunder\s+(?:then-|then\s+|former\s+|acting\s+)?(?P<role>(?:commissioner|superintendent|chairman|"
            r"chairwoman|chair|director|attorney\s+general))\s*$", re.I)
        self.official_title_opening = re.compile(
            r"^[\s\"“(]*(?P<role>(?:acting\s+|deputy\s+|former\s+)*(?:commissioner|superintendent|chairman|"
            r"chairwoman|chair|attorney\s+general))\s*$", re.I)
        # "Russell Crumpler and Christopher Farmer, two of its senior managing directors"
        self.its_title = re.compile(
            rf"^\s*,\s*(?:(?:one|two|three|four|both|all)\s+of\s+)?(?:its|their)\s+{roles}(?:s\b|\b)", re.I)
        # "names Balaji Srinivasan its first technology chief": after a hiring verb, no comma
        # (or "named former Binance finance chief Wei Zhou as its chief executive")
        self.its_title_hired = re.compile(rf"^\s+(?:as\s+)?(?:its|their)\s+(?:(?-i:[a-z]+)\s+){{0,2}}{roles}\b",
                                          re.I)
        # "Oscar Darmawan, the chief executive, said": a company title standing alone, the same as "its"
        # (not "the president", who is as often a head of state)
        # ("Zuzana Kolárová, chief compliance officer, added": no "the"; "X, a co-founder, said", "X, head of
        # payments, said", "X, previously head of risk,": no company said either)
        alone = (r"(?:(?:co-?)?founder|chief\s+executive(?:\s+officer)?|CEO|"
                 r"chief\s+operating\s+officer|COO|chief\s+financial\s+officer|CFO|chief\s+technology\s+officer|CTO|"
                 r"general\s+counsel|head\s+of\s+(?:[a-z-]+\s+){0,2}[a-z-]+|"
                 r"chief\s+(?:compliance|risk|legal|marketing|product|commercial|strategy|information)\s+officer)")
        # (two such titles joined: "the co-founder and chief executive")
        self.the_title_alone = re.compile(
            r"^\s*,\s*(?:(?:previously|formerly|until\s+now|until\s+recently)\s+)?(?:the\s+|a\s+)?"
            rf"(?P<role>{alone}(?:\s+and\s+{alone})?)\s*[,.]")
        # "The founder, Leonard Tan, was detained", "Another co-founder, X, remains at large": a
        # company title before the name with no company said, the same as the title alone after it
        self.the_title_before = re.compile(
            r"(?:^|[;:]\s*)(?:the|another)\s+(?P<role>(?:co-?)?founder|chief\s+executive(?:\s+officer)?)\s*,\s*$", re.I)
        # "its chief operating officer, X" and "Its chairman is X"
        self.its_title_before = re.compile(  # ("and its technical head, Kamrul Ahsan": a word before the title)
            rf"\b(?:its|their)\s+(?:(?-i:[a-z]{{4,}})\s+)?{roles}"
            rf"\s*(?:,|\s(?:is|was|remains|has\s+been|will\s+be))?\s*$", re.I)
        self.person_verb_org = re.compile(
            # (past a description before "who": "Sreeram Kannan, a former University of Washington professor who
            # founded Eigen Labs")
            r"^\s*,?\s*(?:\d{2}\s*,\s*)?(?:(?:a|an)\s+[^,;()]{1,80}?\s+(?=who\s))?(?:who\s+)?(?:has\s+|had\s+)?"
            r"(?:also\s+|later\s+|previously\s+|once\s+|now\s+)?"
            # "Roman Sterlingov, the Swedish-Russian man convicted of running the mixing service Bitcoin Fog"
            r"(?:(?:the\s+(?:[\w-]+\s+){0,3}?(?:man|woman)\s+)?"
            r"(?:convicted|accused|charged|suspected|arrested|jailed|sentenced)\s+(?:of|for)\s+"
            r"(?P<crime>running|operating|co-?founding|founding)\s+(?:the\s+|a\s+)?(?:[a-z][a-z-]*\s+){0,3}$|"
            r"(?:(?:created|launched|built|co-?founded|founded|started)\s+and\s+)?"  # "Nguyen created and ran ChipMixer"
            r"(?P<verb>co-?founded|founded|runs|ran|leads|led|heads|headed|chairs|chaired|"
            r"started|set\s+up|controls|controlled|owns|owned|created)\s+(?:the\s+|a\s+)?(?:[a-z][a-z-]*\s+){0,3}"
            # "chairs the ... department at", "who chairs the blockchain committee of the Tehran Chamber of Commerce"
            r"(?:(?:department|unit|team|desk|division|lab|committee|board|council|panel)\s+(?:at|of)\s+"
            r"(?:the\s+)?)?$)", re.I)
        # "Kelsier Ventures, a firm run by American entrepreneur Hayden Davis", "the New York Attorney General's
        # office, led by Letitia James": the organisation, then who runs it
        self.org_run_by = re.compile(
            r"^(?:(?:'s|’s)\s+office)?\s*,\s*"
            # ("the Ethereum software company founded by", "the software maker turned bitcoin holder led by")
            r"(?:(?:a|an|the)\s+(?:(?:[a-z-]+|(?:[A-Z][\w.]*\s+)?[A-Z][\w.]*-based|[A-Z][\w.]*)\s+){0,5})?"
            r"(?:which\s+is\s+)?"  # "Gemini, the New York-based exchange founded and run by"
            r"(?:(?:founded|co-founded|created|started|built)\s+and\s+)?"
            r"(?P<verb>run|led|headed|founded|co-founded|chaired|owned|controlled)\s+"
            r"(?:in\s+(?:\d{4}|[A-Z][a-z]+)\s+)?by\s+"  # "Nordlys, founded in 2019 by Eirik Tangen"
            # (a title before the person: "founded by former bond trader X")
            r"(?:(?:its\s+|the\s+)?(?:[A-Z][a-z]+|[a-z]+)\s+){0,4}$")
        # "Hayes, who left BitMEX in 2020 and now runs the family office Maelstrom": a second verb of the
        # person's relative clause
        self.person_and_verb_org = re.compile(
            r"^\s*,\s*who\s+[^,;()]{0,80}?\s+(?:and|but)\s+(?:also\s+|later\s+|now\s+|since\s+)?"
            r"(?P<verb>co-?founded|founded|runs|ran|leads|led|heads|headed|chairs|chaired|started|set\s+up)\s+"
            r"(?:the\s+|a\s+)?(?:[a-z][a-z-]*\s+){0,3}$", re.I)
        # a role taken up or left: "Karpeles had resigned from the board of the Bitcoin Foundation"
        # (or sits on its board: "Sun, who also sits on the global advisory board of crypto exchange Huobi")
        # (past a title of another firm: "Gracy Chen, Bitget's managing director, has joined", "X, a former Goldman
        # Sachs banker who joined Fidelity"; not a role to come, "will join", which the gold sets mostly leave out)
        self.person_joined_left = re.compile(
            r"^\s*(?:,\s*[^,;()]{1,60}?,|,\s*(?:a|an)\s+[^,;()]{1,80}?\s+(?=who\s))?"
            r"\s*,?\s*(?:who\s+)?(?:has\s+|had\s+)?"
            r"(?:also\s+|later\s+|previously\s+|recently\s+)?"
            r"(?:(?:joined|left|quit|resigned\s+from|stepped\s+down\s+from)\s+(?:the\s+board\s+of\s+)?|"
            r"(?:sits|sat|serves|served)\s+on\s+(?:the|its)\s+(?:[a-z-]+\s+){0,2}board\s+of\s+)"
            # "joined sister exchange Bitfinex", "left the UK's Financial Conduct Authority"
            rf"(?:the\s+)?(?:(?-i:[A-Z][\w.]*)['’]s\s+)?(?:(?-i:[a-z-]+\s+){{0,2}}(?:{KIND_WORDS})\s+)?$",
            re.I)
        # a job told by the work done there: "X worked in product management at Luno", "Y had earlier spent three
        # years trading options at Jane Street", "Z worked as an engineer for ..."
        self.person_worked_at = re.compile(
            r"^\s*,?\s*(?:\d{2}\s*,\s*)?(?:who\s+)?(?:has\s+|had\s+)?(?:also\s+|earlier\s+|previously\s+|once\s+)?"
            r"(?:worked|spent\s+(?:[\w-]+\s+){1,3}?(?:years?|months|decades?)(?:\s+(?-i:[a-z-]+)){0,3})"
            r"(?:\s+(?:in|on|as)\s+[^,;()]{1,40}?)?\s+(?:at|for)\s+(?:the\s+)?$|"
            # or by where one came from: "joined Tijori Coin last year from Kotak Mahindra Bank", "joined as an
            # associate in 2021 from the mobile-money unit of Safaricom"
            r"^\s*,?\s*(?:who\s+)?(?:has\s+|had\s+)?joined\s+[^,;()]{1,50}?\s+from\s+(?:the\s+)?"
            r"(?:(?-i:[a-z-]+\s+){1,3}(?:unit|arm|division|team|desk)\s+of\s+(?:the\s+)?)?$", re.I)
        # "Alastair Massey of advisory firm Interpath", "X of Utrecht-based law firm Y", "of insolvency practice Y"
        self.person_of_firm = re.compile(
            rf"\s+(?:of|from)\s+(?:the\s+)?"
            rf"(?:(?:[\w.]+-based\s+)?(?-i:[a-z-]+\s+){{0,2}}(?:{KIND_WORDS}|practice)\s+)?")
        self.where_based = re.compile(
            r"^\s*,\s*where\s+(?:it|the\s+\w+)\s+(?:is|was)\s+(?:now\s+)?"
            r"(?:based|headquartered|registered|incorporated|domiciled)", re.I)
        self.kind_nouns = {"exchange", "regulator", "watchdog", "agency", "company", "firm", "lender", "bank",
                           "investor", "fund", "operator", "platform", "authority", "startup", "bourse", "venue",
                           "broker", "brokerage", "app", "wallet", "issuer", "conglomerate", "group", "prosecutor",
                           "police", "court", "miner", "custodian", "developer", "publisher", "outlet",
                           "unit", "arm", "subsidiary", "affiliate", "branch", "planner", "supervisor", "overseer",
                           "ministry", "manager", "insurer", "processor", "provider", "fintech",
                           # "Taipei market maker X", "a Prague game studio", "a Bucharest electronics chain"
                           "maker", "studio", "chain", "retailer", "marketplace", "desk", "pool",
                           # "the Kuching-based state utility", "Juventus, the Turin club"
                           "utility", "club", "institution", "consultancy"}
        self.seat_of_kind = re.compile(
            r"^\s*(?:,\s*which|,\s*that)?\s+(?:is|was|has\s+been)\s+(?:also\s+)?(?:based|headquartered|registered|"
            r"incorporated|domiciled)\s+in\s+the\s+(?P<kind>country|nation|city-state|city|state|territory)\b", re.I)
        self.based_in = re.compile(
            r"(?<!not )(?<!never )(?:(?:based|headquartered|registered|incorporated|domiciled|located|licensed|regulated)"
            r"\s+(?:here\s+)?(?:in|on|out\s+of)|"  # ("a non-profit based here in Geneva")
            r"(?:headquarters|head\s+office)\s+(?:is\s+|are\s+)?(?:in|to)|"
            r"(?:with|has|have|had)\s+(?:an?\s+)?(?:offices?|headquarters)\s+in|"  # "a fund with offices in"
            # "runs most of its operations from China", "the young exchange run out of Delaware"
            r"(?:runs|ran|run|operates|operated)\s+(?:(?:most|much|all|part)\s+of\s+)?(?:its\s+)?"
            r"(?:operations|business)\s+(?:from|in|out\s+of)|"
            # "and run largely from Hong Kong", "a wallet service run from Australia"
            r"(?:and\s+)?(?:run|operated)\s+(?:(?:largely|mainly|mostly|chiefly|partly|entirely)\s+)?from|"
            r"(?:exchange|company|firm|platform|business|venue)\s+run\s+out\s+of)"
            r"\s+(?:the\s+)?(?:(?:[A-Z][\w-]*\s+)?(?:town|city|village|port|capital|region|province|state|island|"
            r"emirate|canton)\s+of\s+)?$",  # "based in the Swiss town of Zug"
            re.I)
        # "raided Kestrel Pay's offices in Lagos": the offices' owner is there
        self.offices_of = re.compile(r"(?:'s|’s)\s+(?:offices?|headquarters)\s+in\s+$")
        # "Foris DAX MT Ltd, the company's subsidiary in Malta": the unit is where it is said to be
        self.unit_in = re.compile(
            r",\s*(?:the\s+[a-z]+(?:'s|’s)|its|their)\s+(?:[a-z-]+\s+){0,2}"
            r"(?:subsidiary|unit|arm|branch|affiliate|entity)\s+in\s+(?:the\s+)?$", re.I)
        # "Kestrel Pay, a payments company in Lagos", "Fundación Cripto Abierta, a think tank in Córdoba"
        self.kind_in = re.compile(
            r",\s*(?:an?|the)\s+(?:[a-z-]+\s+){0,3}(?:" + "|".join(sorted(self.kind_nouns | {"tank", "start-up"})) +
            r")\s+in\s+(?:the\s+)?$")
        # "the Bahamas, where FTX was based"
        self.where_org = re.compile(r"^\s*,\s*where\s+$", re.I)
        self.org_was_based = re.compile(
            r"^\s+(?:is|was|has\s+been|had\s+been)\s+(?:now\s+)?(?:based|headquartered|registered|incorporated|"
            r"domiciled)\b", re.I)

    @guarded(lambda doc: setattr(doc._, "kg_relations", []))
    def __call__(self, doc: Doc) -> Doc:
        ents: DocEntities = doc._.kg
        found: dict[tuple, FoundRelation] = {}
        for sent in doc.sents:
            mentions = ents.in_span(sent.start, sent.end)
            if len(mentions) < 1:
                continue
            for rel in self._and_employers(doc, ents, mentions, self._works_for(doc, ents, mentions) +
                                           self._founders(doc, ents, sent) + self._its_title(doc, ents, sent) +
                                           self._hired_as(ents, sent) + self._where_they_worked(doc, ents, mentions)):
                found.setdefault((rel.head, rel.type, rel.tail), rel)
            employed = {h for h, t, _ in found if t == "WORKS_FOR"}
            for rel in self._titled_in_sentence(doc, ents, sent, employed):
                found.setdefault((rel.head, rel.type, rel.tail), rel)
            for rel in self._based_in(doc, ents, mentions) + self._home_of(doc, ents, mentions) + \
                    self._demonym_place(doc, ents, mentions):
                found.setdefault((rel.head, rel.type, rel.tail), rel)
        # (not a title NER took for an employer: "U.S. Magistrate Judge X", "District Judge X")
        doc._.kg_relations = [rel for rel in found.values() if not (
            rel.type == "WORKS_FOR" and ents.records[rel.tail].name.split()[-1].lower() in BENCH_TITLES)]
        return doc

    # WORKS_FOR ----------------------------------------------------------------

    def _works_for(self, doc, ents, mentions) -> list[FoundRelation]:
        out = []
        text = doc_text(doc)
        for i, a in enumerate(mentions):
            ra = ents.record(a)
            if ra.type == "ASSET" and not a.generic:
                ra = _maker_of(ents, ra) or ra  # "Ethena founder Guy Young": the token's maker, Ethena Labs
            # "Alameda Research, his crypto hedge fund": the person the sentence is about
            if ra.type in EMPLOYERS and not a.generic and self.his_firm.match(
                    text[doc[a.end - 1].idx + len(doc[a.end - 1]):doc[a.end - 1].idx + 80]):
                person = next((p for p in reversed(mentions[:i]) if ents.record(p).type == "PERSON"), None)
                if person is not None:
                    out.append(_rel(ents.record(person).key, "WORKS_FOR", ra.key, "", person, a))
            for b in mentions[i + 1:i + 4]:
                rb = ents.record(b)
                between = text[doc[a.end - 1].idx + len(doc[a.end - 1]):doc[b.start].idx]
                if len(between) > 80:
                    continue
                # ORG [title] PERSON: "Kraken CEO Dave Ripley", "Binance's chief executive, Changpeng Zhao"
                if ra.type in EMPLOYERS and rb.type == "PERSON" and not b.generic:
                    m = self.org_then_person.match(between)
                    if m:
                        role = m.group("role")
                        people = [b]
                        if role.lower().endswith("s") and role[:-1].lower() in self.titles:
                            # "former Coinbase executives Zach Abrams and Sean Yu": every one of them
                            role = role[:-1]
                            people = self._people_list_starting_at(ents, mentions, mentions.index(b), doc)
                        for p in people:
                            out.append(_rel(ents.record(p).key, "WORKS_FOR", ra.key, role, a, p))
                # "New York Attorney General Letitia James": the office's name ends with the title
                if ra.type in EMPLOYERS and rb.type == "PERSON" and not a.generic and not b.generic and \
                        not between.strip():
                    m = self.title_at_end.search(ra.name)
                    if m:
                        out.append(_rel(rb.key, "WORKS_FOR", ra.key, m.group("role"), a, b))
                        continue
                if ra.type in EMPLOYERS and rb.type == "PERSON" and not a.generic and not b.generic:
                    m = self.org_run_by.match(between)
                    if m:
                        verb = m.group("verb")
                        role = "co-founder" if verb == "co-founded" else "founder" if verb == "founded" else \
                            "owner" if verb in ("owned", "controlled") else ""
                        # "founded and run by Cameron Winklevoss and Tyler Winklevoss": every person of the list
                        for p in self._people_list_starting_at(ents, mentions, mentions.index(b)):
                            out.append(_rel(ents.record(p).key, "WORKS_FOR", ra.key, role, a, p))
                        continue
                # "Tibanne, the Tokyo web-hosting company that Karpelès heads"
                if ra.type in EMPLOYERS and rb.type == "PERSON" and not a.generic and not b.generic and \
                        self.org_that_person.match(between) and b.end < len(doc) and \
                        (doc[b.end].lemma_.lower() in LEAD_LEMMAS | FOUND_LEMMAS or  # ("that X also founded")
                         doc[b.end].lower_ in ("also", "later", "once", "then") and b.end + 1 < len(doc) and
                         doc[b.end + 1].lemma_.lower() in LEAD_LEMMAS | FOUND_LEMMAS):
                    out.append(_rel(rb.key, "WORKS_FOR", ra.key, "", a, b))
                    continue
                # "FTX's Sam Bankman-Fried"
                if ra.type in EMPLOYERS and rb.type == "PERSON" and not b.generic and between in ("'s ", "’s "):
                    out.append(_rel(rb.key, "WORKS_FOR", ra.key, "", a, b))
                    continue
                if ra.type == "PERSON" and rb.type in EMPLOYERS and not a.generic and not b.generic and \
                        self.person_of_firm.fullmatch(between):
                    # "Alastair Massey and Rachel Lai of advisory firm Interpath"
                    # "David Ruscoe and Malcolm Moore of Grant Thornton": every person of the list
                    for p in self._people_list_ending_at(ents, mentions, i):
                        out.append(_rel(ents.record(p).key, "WORKS_FOR", rb.key, "", p, b))
                    continue
                if ra.type == "PERSON" and rb.type in EMPLOYERS and not a.generic:
                    m = self.person_title_at.match(between) or self.second_role_at.match(between) or \
                        self.as_title_of.match(between) or self.title_of_described.match(between)
                    if m:
                        # "Kadri Tamm and Marek Lõhmus, both former engineers at", "A, B and C, partners at
                        # KPMG": every person of the list
                        role = m.group("role")
                        plural = role.lower().endswith("s") and role[:-1].lower() in self.titles
                        people = self._people_list_ending_at(ents, mentions, i) if plural or re.match(
                            r"^\s*,\s*(?:both|all)\s", between) else [a]
                        for p in people:
                            out.append(_rel(ents.record(p).key, "WORKS_FOR", rb.key, role[:-1] if plural else role,
                                            p, b))
                        continue
                    if self.previously_at.match(between):
                        out.append(_rel(ra.key, "WORKS_FOR", rb.key, "", a, b))
                        continue
                    if self.worked_at.match(between) or self.subject_worked_at.match(between):
                        out.append(_rel(ra.key, "WORKS_FOR", rb.key, "", a, b))
                        continue
                    described = self.described_who.match(between)
                    if described and described.group("heads") and b.end < len(doc) and \
                            doc[b.end].text in ("'s", "’s"):
                        out.append(_rel(ra.key, "WORKS_FOR", rb.key, "head", a, b))  # "who heads Binance's ... team"
                        continue
                    if self.person_comma.match(between) or self.second_role_before.match(between) or described or \
                            self.named_to.match(between):
                        after = text[doc[b.end - 1].idx + len(doc[b.end - 1]):doc[min(b.end + 8, len(doc)) - 1].idx + 40]
                        m = self.after_org_title.match(after)
                        if m:
                            out.append(_rel(ra.key, "WORKS_FOR", rb.key, m.group("role"), a, b))
                            continue
                        # "a former Goldman Sachs and Credit Suisse banker": the title after the second name
                        # (that one is added as the first's "and" employer)
                        other = next((m for m in mentions if m.start == b.end + 1 and not m.generic), None)
                        if other is not None and doc[b.end].lower_ == "and" and \
                                ents.record(other).type in EMPLOYERS and not b.generic:
                            end = doc[other.end - 1]
                            m = self.after_org_title.match(text[end.idx + len(end):end.idx + len(end) + 80])
                            if m:
                                out.append(_rel(ra.key, "WORKS_FOR", rb.key, m.group("role"), a, b))
                                continue
                    if self.person_worked_at.match(between):
                        out.append(_rel(ra.key, "WORKS_FOR", rb.key, "", a, b))
                        continue
                    if self.person_joined_left.match(between) and not (
                            b.end < len(doc) and doc[b.end].text in ("'s", "’s") and
                            doc[b.end + 1:b.end + 2].text != "board"):  # not "left Binance's party"; "joined its board"
                        out.append(_rel(ra.key, "WORKS_FOR", rb.key, "", a, b))
                        continue
                    m = self.person_verb_org.match(between) or self.person_and_verb_org.match(between)
                    if m:
                        verb = (m.group("verb") or m.groupdict().get("crime") or "").lower()
                        role = "co-founder" if "co" in verb and "found" in verb else (
                            "founder" if "found" in verb or verb == "started" or verb.startswith("set") else "")
                        people = [a]
                        if role and not between.lstrip().startswith(","):
                            # "Phil Potter and Giancarlo Devasini set up Tether": every founder the verb has
                            people = [p for p in self._people_list_ending_at(ents, mentions, i)
                                      if p is a or all(t.text in (",", "and", "&")
                                                       for t in doc[p.end:mentions[mentions.index(p) + 1].start])]
                            if len(people) > 1 and role == "founder":
                                role = "co-founder"
                        for p in people:
                            out.append(_rel(ents.record(p).key, "WORKS_FOR", rb.key, role, p, b))
                        continue
                    # possessive control: "Bankman-Fried's FTX", "Bankman-Fried's trading firm, Alameda Research"
                    if between in ("'s ", "’s ") or self.his_kind_of_firm.match(between):
                        out.append(_rel(ra.key, "WORKS_FOR", rb.key, "", a, b))
                # "Alameda Research, Bankman-Fried's trading firm"
                if ra.type in EMPLOYERS and rb.type == "PERSON" and between.strip() == "," and not a.generic:
                    tail = doc[b.end:b.end + 4]
                    if len(tail) >= 2 and tail[0].text in ("'s", "’s") and any(
                            t.lower_ in OWNER_NOUNS for t in tail[1:]):
                        out.append(_rel(rb.key, "WORKS_FOR", ra.key, "", a, b))
        return out

    @staticmethod
    def _and_employers(doc, ents: DocEntities, mentions, found: list[FoundRelation]) -> list[FoundRelation]:
        """'chief executive of both Bitfinex and Tether', 'a former Goldman Sachs and Credit Suisse banker': the
        employer named after the person is one of two ("X and Y"), and the person works for both."""
        out = list(found)
        for rel in found:
            employer = next((m for m in mentions if m.end == rel.end and ents.record(m).key == rel.tail and
                             not m.generic), None)
            if employer is None or rel.type != "WORKS_FOR" or rel.end + 1 >= len(doc) or doc[rel.end].lower_ != "and":
                continue
            other = next((m for m in mentions if m.start == rel.end + 1 and not m.generic), None)
            if other is not None and ents.record(other).type in EMPLOYERS and \
                    doc[other.end:other.end + 1].text not in ("'s", "’s"):  # not "of Bitfinex and Tether's auditor"
                out.append(FoundRelation(rel.head, "WORKS_FOR", ents.record(other).key, rel.role, rel.start, other.end))
        return out

    def _where_they_worked(self, doc, ents: DocEntities, mentions) -> list[FoundRelation]:
        """'Kelvora Bank, where Tomas Varga was head of trading and Maria Lind was chairman': the
        people a "where" clause after an organisation gives a post there."""
        out = []
        for i, org in enumerate(mentions):
            if org.generic or ents.record(org).type not in EMPLOYERS or org.end + 1 >= len(doc) or \
                    doc[org.end].text != "," or doc[org.end + 1].lower_ != "where":
                continue
            for person in mentions[i + 1:]:
                if doc[org.end + 1:person.start].text.count(",") > 1 or \
                        any(t.text == ";" for t in doc[org.end + 1:person.start]):
                    break  # (only in the clause itself)
                if person.generic or ents.record(person).type != "PERSON":
                    continue
                end = doc[person.end - 1]
                m = self.where_person_was.match(doc_text(doc)[end.idx + len(end):end.idx + len(end) + 80])
                if m:
                    out.append(_rel(ents.record(person).key, "WORKS_FOR", ents.record(org).key, m.group("role"),
                                    org, person))
        return out

    def _hired_as(self, ents: DocEntities, sent) -> list[FoundRelation]:
        """'Kobofi said it had appointed Temitope Adeyemi, previously at Flowpay, as chief compliance officer':
        the company that hires or appoints someone as a title employs them."""
        out = []
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in HIRE_LEMMAS:
                continue
            as_phrase = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            role = self.role_in.search(" ".join(t.text for t in as_phrase.subtree)) if as_phrase is not None else None
            if role is None:
                continue
            hirer = next((ents.by_token[c.i] for c in verb.children
                          if c.dep_ == "nsubj" and c.i in ents.by_token), None)
            hired = next((ents.by_token[c.i] for c in verb.children
                          if c.dep_ == "dobj" and c.i in ents.by_token), None)
            if hirer is None or hired is None or ents.record(hirer).type not in EMPLOYERS or \
                    ents.record(hired).type != "PERSON" or "Court" in ents.record(hirer).name.split():
                continue  # a court appoints administrators of an estate; it does not employ them
            out.append(_rel(ents.record(hired).key, "WORKS_FOR", ents.record(hirer).key, role.group("role"),
                            hired, hirer))
        return out

    def _people_list_starting_at(self, ents, mentions, i, doc=None) -> list[Mention]:
        """The people in 'A, B and C' starting with mentions[i]; given the doc, also past each one's appositive
        ('A, its head of compliance, and B, a regional manager')."""
        people = [mentions[i]]
        for m in mentions[i + 1:]:
            if ents.record(m).type != "PERSON" or m.generic or \
                    m.start - people[-1].end > 2 and not (doc is not None and _past_an_appositive(doc, people[-1], m)):
                break
            people.append(m)
        return people

    def _people_list_ending_at(self, ents, mentions, i) -> list[Mention]:
        """The people in 'A, B and C' ending with mentions[i]."""
        people = [mentions[i]]
        j = i - 1
        while j >= 0 and ents.record(mentions[j]).type == "PERSON" and not mentions[j].generic:
            gap = mentions[j + 1].start - mentions[j].end
            if gap > 2:
                break
            people.insert(0, mentions[j])
            j -= 1
        return people

    def _titled_in_sentence(self, doc, ents: DocEntities, sent, found: set) -> list[FoundRelation]:
        """'The SEC sued Ripple, along with Chief Executive Brad Garlinghouse': a company title before a
        name belongs to the nearest company named before it in the sentence."""
        out = []
        mentions = ents.in_span(sent.start, sent.end)
        for m in mentions:
            if m.generic or ents.record(m).type != "PERSON" or ents.record(m).key in found:
                continue
            before = doc_text(doc)[max(doc[sent.start].idx, doc[m.start].idx - 45):doc[m.start].idx]
            match = self.company_title_before.search(before)
            governor = self.governor_before.search(before)
            under = self.official_under.search(before)
            if under:
                body = next((o for o in reversed(mentions) if o.end <= m.start and
                             ents.record(o).type == "REGULATOR"), None) or \
                    self._main_body(ents, sent.start, ("REGULATOR",))
                if body is not None:
                    out.append(_rel(ents.record(m).key, "WORKS_FOR", ents.record(body).key, under.group("role"),
                                    body, m))
                continue
            if governor:
                bank = self._central_bank_for(ents, mentions, m, sent)
                if bank is not None:
                    out.append(_rel(ents.record(m).key, "WORKS_FOR", ents.record(bank).key, governor.group("role"),
                                    bank, m))
                continue
            if not match:
                official = self.official_title_opening.match(doc_text(doc)[doc[sent.start].idx:doc[m.start].idx])
                if official and not any(ents.record(o).type == "REGULATOR" for o in mentions if o.end <= m.start):
                    # "Commissioner Hester Peirce dissented": an official of the regulator the article is about
                    body = self._main_body(ents, sent.start, ("REGULATOR",))
                    if body is not None:
                        out.append(_rel(ents.record(m).key, "WORKS_FOR", ents.record(body).key,
                                        official.group("role"), body, m))
                continue
            # (or one the sentence calls "the company" as the subject of its own clause: "the largest U.S.
            # exchange said on Tuesday, a month after Chief Executive Brian Armstrong promised ...")
            # (not a court: "the Superior Court barred former chief executive X from trading": no court's officer)
            org = next((o for o in reversed(mentions) if o.end <= m.start and (
                not o.generic or doc[o.end - 1].dep_ in ("nsubj", "nsubjpass"))
                        and ents.record(o).type in ("EXCHANGE", "ORGANIZATION") and
                        "Court" not in ents.record(o).name.split()), None)
            # (not a title some other name owns: "Ethena founder Guy Young", where Ethena is the token's name)
            named_before = any(not o.generic and o.end <= m.start and
                               doc[o.end - 1].idx + len(doc[o.end - 1]) >= doc[m.start].idx - len(before) +
                               match.start("role") - 2 for o in mentions)
            # (a company named after the person may be a past one: "founder Brian Otieno is handing the role to
            # Wanjiru Kamau, a former head of digital banking at Tana Commercial Bank")
            lowercase_alone = match.group("role")[:1].islower() and not named_before and not any(
                ents.record(o).type in ("EXCHANGE", "ORGANIZATION", "REGULATOR") and
                "Court" not in ents.record(o).name.split() for o in mentions
                if o.end <= m.start or not any(t.lower_ in PAST_WORDS for t in doc[m.end:o.start]))
            opens_clause = not before[:match.start("role")].strip(' ,("“') or \
                _reports(doc[m.end - 1]) and not named_before
            if org is None and (lowercase_alone or opens_clause and
                                not re.search(r"president|chair", match.group("role"), re.I)):
                # "Chief Executive Stephen Ehrlich said ...": a company title that opens the sentence, or
                # names the one who says it ("..., Chief Executive Changpeng Zhao wrote"), with no company
                # named before it, is a title at the company the article is about ("President" and
                # "Chairman" are heads of states and parliaments too); so is a lowercase one anywhere in a
                # sentence that names no organisation ("president Koichiro Wada bowed in apology")
                # (the sentence before says which company, when it is about one: "Revontuli has been through a
                # shake-up of its own. Co-founder Aino Lehtinen stepped down")
                # (a date or place phrase before the title still opens the sentence: "On Oct. 29, co-founder X")
                opening = not before[:match.start("role")].strip(' ,("“') or not any(
                    t.pos_ in ("VERB", "AUX") or t.i in ents.by_token for t in doc[sent.start:m.start])
                org = (subject_of_sentence_before(doc, ents, sent) if opening else None) or \
                    self._main_body(ents, sent.start, ("EXCHANGE", "ORGANIZATION"))
            if org is not None:
                out.append(_rel(ents.record(m).key, "WORKS_FOR", ents.record(org).key, match.group("role"), org, m))
        return out

    def _central_bank_for(self, ents: DocEntities, mentions, person: Mention, sent) -> Mention | None:
        """'..., where Governor Timur Suleimenov paid': the central bank named last before a governor in the
        sentence, else the one the article is about (a state's governor has none: "Governor Gavin Newsom")."""
        bank = next((o for o in reversed(mentions) if o.end <= person.start and central_bank(ents.record(o))), None)
        if bank is None:
            bank = self._main_body(ents, sent.start, ("REGULATOR",))
        return bank if bank is not None and central_bank(ents.record(bank)) else None

    @staticmethod
    def _hired(doc, person: Mention) -> bool:
        """'names Balaji Srinivasan', 'named former Binance finance chief Wei Zhou': the person is the object of a
        hiring verb."""
        head = doc[person.end - 1]
        return person.start > 0 and doc[person.start - 1].lemma_.lower() in HIRE_LEMMAS or \
            head.dep_ in ("dobj", "oprd") and head.head.lemma_.lower() in HIRE_LEMMAS

    @staticmethod
    def _hirer(doc, ents: DocEntities, person: Mention) -> Mention | None:
        """Who hired the person: the hiring verb's subject, or the company a participle hiring them describes
        ('Coins.ph, the Philippines' best-known wallet, named ... Wei Zhou as its chief executive')."""
        verb = doc[person.end - 1].head
        if verb.lemma_.lower() not in HIRE_LEMMAS:
            return None
        node = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if node is None and verb.dep_ in ("acl", "relcl"):
            node = verb.head.head if verb.head.dep_ == "appos" else verb.head
        found = ents.by_token.get(node.i) if node is not None else None
        return found if found is not None and ents.record(found).type in ("EXCHANGE", "ORGANIZATION") else None

    def _main_body(self, ents: DocEntities, before: int, types: tuple[str, ...]) -> Mention | None:
        """The organisation of ``types`` the article has named most before token ``before`` (generic
        mentions such as "the company" included), when one leads clearly: none on a tie."""
        mentions = ents.in_span(0, before)
        last = {o.key: o for o in mentions if not o.generic}  # (one named at least once, by its last naming)
        key = ents.leading_company([o for o in mentions if o.key in last], types)
        return last[key] if key else None

    def _its_title(self, doc, ents: DocEntities, sent) -> list[FoundRelation]:
        """'Yusuke Otsuka, its chief operating officer': 'its' is the organisation named before."""
        out = []
        text = doc_text(doc)
        for m in ents.in_span(sent.start, sent.end):
            if m.generic or ents.record(m).type != "PERSON":
                continue
            after = text[doc[m.end - 1].idx + len(doc[m.end - 1]):doc[m.end - 1].idx + 90]
            before = text[max(doc[sent.start].idx, doc[m.start].idx - 60):doc[m.start].idx]
            match = self.its_title.match(after) or self.its_title_before.search(before) or \
                self.the_title_alone.match(after) or self.the_title_before.search(before) or (
                    self._hired(doc, m) and self.its_title_hired.match(after))
            if not match or match.group("role").lower().split()[-1] in NOT_ITS_STAFF:
                continue  # "its insolvency administrator", "the token's ... its creator": no one it employs
            # "its": the organisation it is coordinated with ("ordered Bybit and its chief executive, X"),
            # else the sentence's own organisation subject, else (a sentence opening "Its chairman is X")
            # the previous sentence's, else the last one named
            its = next((t for t in doc[max(sent.start, m.start - 12):m.start] if t.lower_ in ("its", "their")), None)
            pair = _coordinated_before(doc, ents, its) if its is not None else None
            subjects = [o for o in ents.in_span(sent.start, m.start) if ents.record(o).type in EMPLOYERS
                        and _is_subject(doc[o.end - 1])]
            if not subjects and its is not None and its.i == sent.start > 0:
                before_sent = doc[sent.start - 1].sent
                subjects = [o for o in ents.in_span(before_sent.start, before_sent.end)
                            if ents.record(o).type in EMPLOYERS and _is_subject(doc[o.end - 1])]
            if match.re in (self.the_title_alone, self.the_title_before):
                # "the chief executive": of the sentence's subject, else of the company the article is about
                org = next((o for o in subjects if not o.generic), None) or self._main_body(
                    ents, m.start, ("EXCHANGE", "ORGANIZATION"))
            else:
                # (a company for a company's title: "The CFTC sued it, and prosecutors charged its co-founders")
                # (and who runs a venture, its "alleged operators", only of the one coordinated or the subject)
                runner = match.group("role").lower().split()[-1].removesuffix("s") in RUNNERS
                # ("its founder and chief executive": one of the titles is a company's)
                company = any(self.company_role.match(part) for part in
                              re.split(r"\s*,\s*|\s+and\s+", match.group("role").strip()))
                kinds = ("EXCHANGE", "ORGANIZATION") if company or runner else EMPLOYERS
                subjects = [o for o in subjects if ents.record(o).type in kinds]
                hirer = self._hirer(doc, ents, m) if match.re is self.its_title_hired else None
                org = hirer or (pair if pair is not None and ents.record(pair).type in EMPLOYERS else None) or next(
                    (o for o in subjects if not o.generic), None) or next(iter(subjects), None)
                if org is None and not runner:  # else the company named last
                    org = next((o for o in reversed(ents.in_span(0, m.start)) if ents.record(o).type in kinds and
                                not o.generic), None)
            if org is None:
                continue
            people = [m]
            if re.match(r"^\s*,\s*(?:two|three|four|both|all)\s+of", after, re.I):  # "A and B, two of its"
                mentions = ents.in_span(sent.start, sent.end)
                people = self._people_list_ending_at(ents, mentions, mentions.index(m))
            elif match.re is self.its_title_before and match.group("role").lower().split(",")[0].endswith("s"):
                # "its co-founders, Arthur Hayes, Ben Delo and Samuel Reed": every person of the list (and in
                # "Its co-founders, chief executive Ham Serunjogi and Maijid Moujaled", the first one's title)
                mentions = ents.in_span(sent.start, sent.end)
                people = self._people_list_starting_at(ents, mentions, mentions.index(m))
            for p in people:
                out.append(_rel(ents.record(p).key, "WORKS_FOR", ents.record(org).key, match.group("role"), org, p))
        return out

    def _founders(self, doc, ents: DocEntities, sent) -> list[FoundRelation]:
        """'X, founded in 2014 by A, B and C', 'X was set up in 2013 by A' and 'X and its founders, A and B'."""
        out = []
        for tok in sent:
            lemma = tok.lemma_.lower()
            leads = lemma in LEAD_LEMMAS
            if tok.lower_ == "co" and tok.i + 2 < sent.end and doc[tok.i + 1].text == "-" and \
                    doc[tok.i + 2].lower_.startswith("found"):
                # the parser reads "co-founded" as three words and hangs the object on any of them
                out.extend(self._cofounders(ents, list(doc[tok.i:tok.i + 3])))
            set_up = lemma == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children)
            # "Bitcoinica was launched in 2011 by Zhou Tong": who launched an exchange founded it
            launched_by = lemma == "launch" and any(c.dep_ == "agent" for c in tok.children)
            if tok.pos_ == "VERB" and (lemma in FOUND_LEMMAS or leads or set_up or launched_by or
                                       tok.lower_.startswith(("co-founded", "cofounded"))):
                if not leads and not launched_by:
                    out.extend(self._cofounders(ents, [tok]))
                agent = [c for c in tok.children if _agent(c)]
                # (the parser splits "co-founded" and may hang the pronoun on "co": "Chai, the app he co-founded")
                split = tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "co"
                verbs = [tok, doc[tok.i - 2]] if split else [tok]
                pronoun = [c for v in verbs if v.dep_ == "relcl" for c in v.children
                           if c.dep_ == "nsubj" and c.lower_ in ("he", "she")]
                if not agent and not pronoun:
                    continue
                org = self._org_of_verb(doc, ents, tok)
                if org is None and split:
                    org = self._org_of_verb(doc, ents, doc[tok.i - 2])
                if org is None or launched_by and ents.record(org).type not in ("EXCHANGE", "ORGANIZATION"):
                    continue  # (what is launched may be a token: only a venue or a company is founded)
                if agent:
                    people = [m for m in ents.in_span(agent[0].left_edge.i, agent[0].right_edge.i + 1)
                              if ents.record(m).type == "PERSON" and not m.generic]
                    if not people:  # "by Raj, Aditya Naik and Rakesh Yadav", the list hung elsewhere after "Raj"
                        people = [m for m in ents.in_span(agent[0].i + 1, sent.end)
                                  if ents.record(m).type == "PERSON" and not m.generic and
                                  all(t.text in (",", "and") or t.is_title and t.pos_ == "PROPN"
                                      for t in doc[agent[0].i + 1:m.start])][:1]
                    if people:  # "by A, B and C" where the parse hangs B elsewhere: the list as written
                        mentions = ents.in_span(sent.start, sent.end)
                        listed = self._people_list_starting_at(ents, mentions, mentions.index(people[0]))
                        people += [m for m in listed if m not in people]
                else:  # "Alameda, the trading firm he founded": the person just named
                    people = [p for p in reversed(ents.in_span(0, tok.i))
                              if ents.record(p).type == "PERSON" and not p.generic][:1]
                if leads:
                    role = {"chair": "chair", "own": "owner", "control": "owner"}.get(lemma, "head")
                else:
                    role = "co-founder" if "co" in tok.text.lower() or len(people) > 1 else "founder"
                for p in people:
                    out.append(_rel(ents.record(p).key, "WORKS_FOR", ents.record(org).key, role, org, p))
            elif tok.lower_ in ("founders", "founder", "co-founders", "cofounders") and any(
                    c.lower_ in ("its", "their") for c in tok.children):
                org = next((m for m in reversed(ents.in_span(sent.start, tok.i))
                            if ents.record(m).type in ("EXCHANGE", "ORGANIZATION")), None)
                if org is None:
                    continue
                people = []
                for m in ents.in_span(tok.i + 1, sent.end):
                    gap = doc[(people[-1].end if people else tok.i + 1):m.start]
                    if ents.record(m).type != "PERSON" or m.generic or any(
                            t.text not in (",", "and", "&", "—", "(") and not (t.is_lower and t.is_alpha and
                                                                          not people) for t in gap):
                        break  # "its founder and chief executive, Changpeng Zhao": titles before the first name
                    people.append(m)
                role = "co-founder" if len(people) > 1 or tok.lower_.startswith("co") else "founder"
                for p in people:
                    out.append(_rel(ents.record(p).key, "WORKS_FOR", ents.record(org).key, role, org, p))
        return out

    def _cofounders(self, ents: DocEntities, verb: list) -> list[FoundRelation]:
        """'Kwon co-founded Terraform Labs with Daniel Shin': the partner founded it too."""
        children = [c for t in verb for c in t.children]
        obj = next((c for c in children if c.dep_ == "dobj" and c.i in ents.by_token), None)
        relative = next((t for t in verb if t.dep_ == "relcl" and t.head.i in ents.by_token and any(
            c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in t.children)), None)
        if obj is None and relative is not None:
            obj = relative.head  # "Vauld, which Bathija co-founded with Sharad Tak"
        if obj is None or ents.record(ents.by_token[obj.i]).type not in ("EXCHANGE", "ORGANIZATION"):
            return []
        org = ents.by_token[obj.i]
        out = []
        if relative is not None:
            out += [_rel(ents.record(p).key, "WORKS_FOR", ents.record(org).key, "co-founder", org, p)
                    for c in relative.children if c.dep_ == "nsubj"
                    for p in ents.in_span(c.left_edge.i, c.right_edge.i + 1)
                    if ents.record(p).type == "PERSON" and not p.generic]
        for prep in children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                for p in ents.in_span(prep.i + 1, prep.right_edge.i + 1):
                    if ents.record(p).type == "PERSON" and not p.generic:
                        out.append(_rel(ents.record(p).key, "WORKS_FOR", ents.record(org).key, "co-founder", org, p))
        return out

    def _org_of_verb(self, doc, ents: DocEntities, verb):
        if verb.dep_ in ("acl", "relcl") and verb.head.i in ents.by_token:
            return ents.by_token[verb.head.i]
        split = verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "co"
        # "Worldcoin was co-founded by ...": the parser splits the verb, and its subject may hang on "co" or "was"
        for child in [*verb.children, *(doc[verb.i - 2].children if split else ())]:
            if child.dep_ in ("nsubjpass", "nsubj" if split else "nsubjpass") and child.i in ents.by_token and \
                    ents.record(ents.by_token[child.i]).type != "PERSON":  # (not "she" in "the app she co-founded")
                return ents.by_token[child.i]
            if child.dep_ == "nsubj" and child.i in ents.by_token and doc[verb.i - 1].text == "," and \
                    any(_agent(c) for c in verb.children):
                # "Koinex, started in 2017 by A and B, said": the founding clause the parser read as the main one
                return ents.by_token[child.i]
            if child.dep_ == "auxpass":
                subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None and subject.i in ents.by_token:
                    return ents.by_token[subject.i]
        head = verb.head
        for v in [verb, *([doc[verb.i - 2]] if split else [])]:
            # "Satang runs an exchange and was founded by ...": a second verb with no subject has the first one's
            # (a name, not "the bank", which may stand for another firm than the one the article names)
            if v.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
                subject = next((c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None and subject.i in ents.by_token and not ents.by_token[subject.i].generic:
                    return ents.by_token[subject.i]
        if verb.dep_ in ("acl", "relcl") and head.dep_ == "appos" and head.head.i in ents.by_token:
            return ents.by_token[head.head.i]
        before = head.left_edge.i - 2  # "Chai, the mobile payment app he co-founded", however the parser hung it
        if verb.dep_ in ("acl", "relcl") and before >= 0 and doc[before + 1].text == "," and before in ents.by_token \
                and doc[head.left_edge.i].lower_ == "the":
            return ents.by_token[before]
        if verb.dep_ == "advcl" and verb.i < head.i:
            # "Founded in 2019 by A and B, Hodlnaut offered ...": the main clause's subject
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i in ents.by_token:
                    return ents.by_token[child.i]
        return None

    # BASED_IN -----------------------------------------------------------------

    def _based_in(self, doc, ents: DocEntities, mentions) -> list[FoundRelation]:
        out = []
        text = doc_text(doc)
        for i, m in enumerate(mentions):
            rec = ents.record(m)
            if rec.type != "LOCATION" or m.generic:
                continue
            nxt = doc[m.end:m.end + 2]
            # "Seychelles-based BitMEX", "the Jersey City, New Jersey-based company"
            if len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ in BASED_WORDS:
                org = self._placed_after(doc, ents, mentions, i, nxt[1].i)
                if org is not None:
                    locs = [m]
                    j = i - 1
                    while j >= 0 and ents.record(mentions[j]).type == "LOCATION" and \
                            text[doc[mentions[j].end - 1].idx + len(doc[mentions[j].end - 1]):doc[mentions[j + 1].start].idx].strip() == ",":
                        locs.append(mentions[j])
                        j -= 1
                    # "Istanbul-based exchanges BtcTurk and Paribu": every company of the list
                    # (not one with a place of its own: "Riyadh-based Najd Partners and Kuwait's Failaka")
                    orgs = [org] + [ents.by_token[c.i] for c in doc[org.end - 1].conjuncts if c.i > org.start and
                                    c.i in ents.by_token and ents.record(ents.by_token[c.i]).type in PLACED and
                                    not ents.by_token[c.i].generic and
                                    not _placed_by_possessive(ents, doc, ents.by_token[c.i]) and
                                    # (not one with a description of its own: "Dubai-based Bybit", "existing
                                    # backer Kigali Angels")
                                    doc[ents.by_token[c.i].start - 1].lower_ in (",", "and", "&", "or")]
                    for placed in orgs:
                        for loc in locs:
                            out.append(_rel(ents.record(placed).key, "BASED_IN", ents.record(loc).key, "", placed, loc))
                continue
            prefix = text[max(0, doc[m.start].idx - 40):doc[m.start].idx]
            owner = self.offices_of.search(prefix)
            if owner:
                possessive = doc.char_span(doc[m.start].idx - len(owner.group(0)), doc[m.start].idx,
                                           alignment_mode="expand")
                org = next((o for o in mentions[:i] if possessive is not None and o.end == possessive.start and
                            ents.record(o).type in PLACED), None)
                if org is not None:
                    out.append(_rel(ents.record(org).key, "BASED_IN", rec.key, "", org, m))
                    continue
            if self.based_in.search(prefix):
                org = self._subject_after_opening_participle(doc, ents, mentions, i) or \
                    next((o for o in reversed(mentions[:i]) if ents.record(o).type in PLACED), None)
                if org is not None and _said_of_people(doc[m.start - 1] if m.start else doc[m.start]):
                    continue  # "Poloniex allowed customers who appeared to be located in Cuba": the customers are
                if org is not None:
                    out.append(_rel(ents.record(org).key, "BASED_IN", rec.key, "", org, m))
                    # "based in Menlo Park, California", "with offices in Abidjan and Paris"
                    if i + 1 < len(mentions) and ents.record(mentions[i + 1]).type == "LOCATION" and \
                            doc[m.end:mentions[i + 1].start].text.strip() in (",", "and"):
                        out.append(_rel(ents.record(org).key, "BASED_IN", ents.record(mentions[i + 1]).key, "",
                                        org, mentions[i + 1]))
                continue
            window = max(0, doc[m.start].idx - 60)
            unit = self.unit_in.search(text[window:doc[m.start].idx]) or self._kind_in(text[window:doc[m.start].idx])
            if unit:
                comma = doc.char_span(window + unit.start(), doc[m.start].idx, alignment_mode="expand")
                org = next((o for o in reversed(mentions[:i]) if comma is not None and o.end == comma.start), None)
                if org is not None and ents.record(org).type in PLACED and not org.generic:
                    out.append(_rel(ents.record(org).key, "BASED_IN", rec.key, "", org, m))
                    continue
            suffix = text[doc[m.end - 1].idx + len(doc[m.end - 1]):doc[m.end - 1].idx + 60]
            if i + 1 < len(mentions) and suffix.lstrip().startswith(","):
                # "luxury property in the Bahamas, where FTX was based"
                org = mentions[i + 1]
                after_org = text[doc[org.end - 1].idx + len(doc[org.end - 1]):doc[org.end - 1].idx + 60]
                if ents.record(org).type in PLACED and not org.generic and \
                        self.where_org.match(text[doc[m.end - 1].idx + len(doc[m.end - 1]):doc[org.start].idx]) and \
                        self.org_was_based.match(after_org):
                    out.append(_rel(ents.record(org).key, "BASED_IN", rec.key, "", org, m))
                    continue
            if self.where_based.match(suffix):
                # "a court in the British Virgin Islands, where it is incorporated"
                org = next((o for o in mentions[:i] if ents.record(o).type in PLACED and not o.generic), None)
                if org is not None:
                    out.append(_rel(ents.record(org).key, "BASED_IN", rec.key, "", org, m))
                continue
            # "the Federal High Court in Abuja": a court or an authority sits where it is named
            if m.start >= 2 and doc[m.start - 1].lower_ == "in" and doc[m.start - 2].i in ents.by_token:
                seat = ents.by_token[doc[m.start - 2].i]
                seat_rec = ents.record(seat)
                if not seat.generic and seat.end == m.start - 1 and (
                        seat_rec.type == "REGULATOR" or "court" in seat_rec.name.lower()):
                    out.append(_rel(seat_rec.key, "BASED_IN", rec.key, "", seat, m))
                    continue
            typed = self._typed_place(doc, ents, mentions, i)
            if typed is not None:
                out.append(_rel(ents.record(typed).key, "BASED_IN", rec.key, "", m, typed))
                continue
            # "Binance Australia's Sydney office", "Kraken's San Francisco headquarters": where the company is (a
            # known company's office is one of many: "Binance's Paris office")
            if m.start >= 2 and doc[m.start - 1].text in ("'s", "’s") and doc[m.start - 2].i in ents.by_token and \
                    m.end < len(doc) and doc[m.end].lower_ in ("office", "offices", "headquarters", "head"):
                owner = ents.by_token[doc[m.start - 2].i]
                if ents.record(owner).type in PLACED and not owner.generic and self._a_city(rec) and (
                        doc[m.end].lower_ in ("headquarters", "head") or not ents.record(owner).kb_id):
                    out.append(_rel(ents.record(owner).key, "BASED_IN", rec.key, "", owner, m))
                    continue
            # "Japan's Financial Services Agency", "El Salvador's state-backed Chivo wallet"
            if len(nxt) >= 1 and nxt[0].text in ("'s", "’s", "'", "’") and i + 1 < len(mentions):
                org = mentions[i + 1]
                between = doc[m.end + 1:org.start]
                if len(between) <= 4 and all(t.is_lower or t.text == "-" for t in between) and \
                        ents.record(org).type in PLACED and not org.generic:
                    out.append(_rel(ents.record(org).key, "BASED_IN", rec.key, "", m, org))
        return out

    @staticmethod
    def _subject_after_opening_participle(doc, ents: DocEntities, mentions, i: int) -> Mention | None:
        """"Founded in 2020 and headquartered in Douala, Ejara is ...": a sentence opening on a participle
        places the company it goes on to name, not the one the sentence before ended on."""
        sent = doc[mentions[i].start].sent
        if doc[sent.start].tag_ != "VBN" or any(
                sent.start <= o.start and ents.record(o).type in PLACED for o in mentions[:i]):
            return None
        comma = next((t.i for t in doc[mentions[i].end:sent.end] if t.text == ","), None)
        if comma is None:
            return None
        return next((o for o in mentions[i + 1:] if o.start > comma and o.end <= sent.end and
                     ents.record(o).type in PLACED and not o.generic and doc[o.end - 1].dep_ in ("nsubj", "nsubjpass")),
                    None)

    def _a_city(self, place) -> bool:
        """A place inside a country (not a region: "Ripple's Asia-Pacific headquarters" is a scope)."""
        entry = self.kb.get(place.kb_id) if place.kb_id else None
        return entry is None or bool(entry.country)

    def _home_of(self, doc, ents: DocEntities, mentions) -> list[FoundRelation]:
        """"the city's Securities and Futures Commission", "CERT-In, the country's cybersecurity agency":
        the country (or city, state) is the last one of that kind the article named."""
        out = []
        for i, m in enumerate(mentions):
            rec = ents.record(m)
            if rec.type not in PLACED or m.generic:
                continue
            before = doc[max(0, m.start - 3):m.start]
            end = m.end
            if end < len(doc) and doc[end].text == "(":  # "the Bank of Thailand (BoT), the country's central bank"
                end = next((t.i + 1 for t in doc[end + 1:min(len(doc), end + 5)] if t.text == ")"), end)
            after = doc[end:min(len(doc), end + 11)]
            kind = None
            if len(before) == 3 and before[0].lower_ == "the" and before[2].text in ("'s", "’s"):
                kind = before[1].lower_  # "the city's SFC"
            elif seat := self.seat_of_kind.match(doc_text(doc)[doc[m.end - 1].idx + len(doc[m.end - 1]):
                                                                doc[m.end - 1].idx + 90]):
                kind = seat.group("kind").lower()  # "Zipmex, which is headquartered in the city-state"
            elif len(after) >= 5 and after[0].text == ",":
                # "CERT-In, the country's cybersecurity agency", "WazirX, one of the country's largest exchanges"
                k = 1
                if after[k].lower_ in ("once", "still", "now"):
                    k += 1
                if k + 1 < len(after) and after[k].lower_ == "one" and after[k + 1].lower_ == "of":
                    k += 2
                if k + 2 < len(after) and after[k].lower_ == "the" and after[k + 2].text in POSSESSIVE:
                    nouns = [t for t in after[k + 3:] if t.is_lower and t.pos_ in ("NOUN", "ADJ")]
                    if nouns and any(self._kind_word(t) for t in nouns):
                        kind = after[k + 1].lower_
            if kind not in HOME_WORDS:
                continue
            # a known body's own country, where the article names it ("the Central Bank of Bahrain (CBB), the
            # kingdom's financial regulator" after a dateline from Manama); else the last place of the kind
            place = HOME_WORDS[kind] and self._known_country(ents, rec) or \
                self._last_place(ents, m.start, HOME_WORDS[kind])
            if place is not None:
                out.append(_rel(rec.key, "BASED_IN", ents.record(place).key, "", m, place))
        return out

    def _demonym_place(self, doc, ents: DocEntities, mentions) -> list[FoundRelation]:
        """'the Dutch central bank, De Nederlandsche Bank', 'Japanese exchange Coincheck', 'Upbit, a
        Korean exchange': based in the country the adjective names, when the article names it."""
        countries = doc.user_data.get("kg_places")
        if countries is None:  # once per document, not per sentence
            countries = doc.user_data["kg_places"] = {}
            for m in ents.mentions:
                rec = ents.record(m)
                if rec.type == "LOCATION" and not m.generic:
                    countries.setdefault(norm(rec.name), m)
        if not countries:
            return []
        out = []
        # the last company a plural kind placed ("Nigerian exchanges Quidax and ..."), and where
        listed: tuple[Mention, Mention] | None = None
        for m in mentions:
            rec = ents.record(m)
            if rec.type not in PLACED or m.generic:
                continue
            sent = doc[m.start].sent
            placed = plural = None
            for phrase in (self._kind_phrase_before(doc, m.start, sent.start),
                           self._kind_phrase_after(doc, m.end, sent.end)):
                country = self._demonym_country(phrase)
                place = countries.get(norm(country)) if country else None
                if place is not None:
                    out.append(_rel(rec.key, "BASED_IN", ents.record(place).key, "", m, place))
                    placed, plural = place, phrase[-1].tag_ == "NNS"
            if placed is None and listed is not None and \
                    all(t.text in (",", "and") for t in doc[listed[0].end:m.start]) and m.start > listed[0].end and \
                    doc[m.end - 1] in doc[listed[0].end - 1].conjuncts:
                # "Nigerian exchanges Quidax and Busha": every company of the list
                placed = listed[1]
                out.append(_rel(rec.key, "BASED_IN", ents.record(placed).key, "", m, placed))
            listed = (m, placed) if placed is not None and plural is not False else None
        return out

    def _kind_in(self, before: str) -> re.Match | None:
        """', a payments company in' before a place (not ', the largest exchange in': a rank's scope)."""
        found = self.kind_in.search(before)
        return None if found is None or RANK_WORDS.search(found.group()) else found

    def _kind_word(self, token) -> bool:
        """A word for a kind of organisation, "start-up" (three tokens) included."""
        return token.lemma_.lower() in self.kind_nouns or ends_start_up(token.doc, token.i)

    def _kind_phrase_before(self, doc, start: int, limit: int) -> list:
        """'Japanese exchange' in 'Japanese exchange Coincheck', 'the Dutch central bank, DNB'."""
        k = start - 1
        if k >= limit and doc[k].text == ",":
            k -= 1
        if k < limit or not self._kind_word(doc[k]):
            return []
        end = k + 1
        while k - 1 >= limit and (doc[k - 1].is_lower or doc[k - 1].text == "-") and doc[k - 1].pos_ not in ("DET", "ADP"):
            k -= 1  # (not past "of": in "the Indian arm of crypto lender Vauld" the arm is Indian, not Vauld)
        return list(doc[max(limit, k - 2):end])

    def _kind_phrase_after(self, doc, end: int, limit: int) -> list:
        """'a Korean exchange' in 'Upbit, a Korean exchange', 'DNB (DNB), the Dutch central bank'."""
        k = end
        if k + 2 < limit and doc[k].text == "(" and doc[k + 2].text == ")":
            k += 3
        if not (k + 2 < limit and doc[k].text == "," and doc[k + 1].lower_ in ("the", "a", "an")):
            return []
        words = list(doc[k + 2:min(limit, k + 8)])
        for i, t in enumerate(words):
            if self._kind_word(t) and t.is_lower:
                return words[:i + 1]
        return []

    def _demonym_country(self, phrase: list) -> str:
        texts = [t.text for t in phrase]
        for i, text in enumerate(texts):
            pair = " ".join(texts[i:i + 2])
            if pair in self.demonyms:
                return self.demonyms[pair]
            if text in self.demonyms:
                return self.demonyms[text]
        return ""

    def _known_country(self, ents: DocEntities, rec) -> Mention | None:
        entry = self.kb.get(rec.kb_id) if rec.kb_id else None
        if entry is None or not entry.country:
            return None
        return next((p for p in ents.mentions if not p.generic and ents.record(p).type == "LOCATION" and
                     norm(ents.record(p).name) == norm(entry.country)), None)

    def _last_place(self, ents: DocEntities, before: int, country: bool) -> Mention | None:
        for p in reversed(ents.in_span(0, before)):
            rec = ents.record(p)
            if rec.type != "LOCATION" or p.generic or not rec.kb_id:
                continue
            entry = self.kb.get(rec.kb_id)
            if entry is not None and (not entry.country) == country:
                return p
        return None

    def _typed_place(self, doc, ents, mentions, i) -> Mention | None:
        """A place that qualifies an organisation's kind:
        'New Zealand exchange Cryptopia', 'Singapore state investor Temasek',
        "France's markets regulator, the Autorité des marchés financiers",
        'the Commodity Futures Trading Commission (CFTC), the U.S. derivatives regulator',
        'FairX, a U.S. futures exchange'."""
        m = mentions[i]
        sent = doc[m.start].sent
        # "a Charlotte, North Carolina, company": a city and its state, read as one place before the kind
        start, end = _city_and_state(doc, ents, m)
        after = doc[end:min(end + 9, sent.end)]  # ("'s anti - money - laundering regulator": nine tokens)
        nouns = []
        k = 0
        if len(after) and after[0].text in POSSESSIVE:  # "Honduras' banking regulator"
            k = 1
        while k < len(after) and (after[k].pos_ in ("NOUN", "ADJ", "VERB", "PROPN", "NUM") and
                                  (after[k].is_lower or after[k].text in KIND_ACRONYMS) and
                                  after[k].tag_ != "VBD" and after[k].lemma_ not in ("say", "tell", "announce") or
                                  after[k].text == "-" and nouns and k + 1 < len(after) or
                                  after[k].is_lower and k > 0 and after[k - 1].text == "-" and k + 1 < len(after) and
                                  after[k + 1].text == "-" or  # "peer-to-peer", "business-to-business"
                                  after[k].is_lower and k + 1 < len(after) and after[k + 1].text == "-" and
                                  after[k].pos_ == "ADP" or  # "over-the-counter", however its first word is read
                                  after[k].lower_ in ("and", "or") and nouns and k + 1 < len(after) and
                                  after[k + 1].is_lower or
                                  self._kind_word(after[k]) and nouns):
            # "state-run bitcoin wallet": the hyphen and its parts too; "lending and trading platform": both kinds
            nouns.append(after[k])
            k += 1
        while nouns and not self._kind_word(nouns[-1]) and (nouns[-1].tag_ in ("VBN", "VBG") or nouns[-1].pos_ == "ADJ"
                                                            and any(self._kind_word(t) for t in nouns[:-1]) or
                                                            nouns[-1].text == "-" or
                                                            len(nouns) > 1 and nouns[-1].i + 1 < len(doc) and
                                                            doc[nouns[-1].i + 1].text == "-" and
                                                            doc[nouns[-1].i + 1] not in nouns):
            # "a Seoul security firm hired by ...", "a Brooklyn start-up building a wallet", "a San Francisco
            # exchange popular with traders", "the Lisbon company co-founded by" (the hyphened verb too)
            nouns.pop()
            k -= 1
        if not nouns or not self._kind_word(nouns[-1]):
            return None
        if len(after) == 0:
            return None
        kind = ents.by_token.get(nouns[-1].i)
        if kind is not None and kind.generic and ents.record(kind).type in PLACED and after[0].text not in POSSESSIVE:
            return kind  # "the largest U.S. crypto exchange said": the exchange the generic mention stands for
        nxt = end + k
        # directly named after the kind: "New Zealand exchange Cryptopia"
        if nxt in ents.by_token and ents.record(ents.by_token[nxt]).type in PLACED and after[0].text not in POSSESSIVE:
            return ents.by_token[nxt]
        # apposition after: "France's markets regulator, the AMF"
        if nxt + 1 < len(doc) and doc[nxt].text == ",":
            j = nxt + 1
            if doc[j].lower_ in ("the", "a", "an"):
                j += 1
            if j in ents.by_token and ents.record(ents.by_token[j]).type in PLACED:
                return ents.by_token[j]
        if after[0].text in POSSESSIVE:
            # "WazirX, one of India's largest exchanges", "Upbit, South Korea's biggest exchange", "the Bangko
            # Sentral ng Pilipinas (BSP), the Philippines' central bank"
            lead = doc[max(sent.start, start - 4):start].text.lower()
            if re.search(r",\s*(?:(?:once|still|now)\s+)?(?:one\s+of)?\s*(?:the\s*)?$", lead):
                prev = [o for o in mentions[:i] if o.end <= start]
                if prev:
                    o = prev[-1]
                    begin = o.end + 1 if doc[o.end].text in LEGAL_FORMS else o.end  # "Sevan Exchange" + "CJSC"
                    gap = doc[begin:start].text.strip().lower()
                    if ents.record(o).type in PLACED and not o.generic and re.fullmatch(
                            r"(?:\(\s*[A-Z]{2,6}\s*)?\)?\s*,\s*(?:(?:once|still|now)\s+)?(?:one\s+of)?\s*(?:the)?",
                            gap):
                        return o
            return None
        # apposition before: "the CFTC, the U.S. derivatives regulator", "FairX, a U.S. futures exchange",
        # "Coinbase, the largest U.S. crypto exchange"
        # "FTX Digital Markets, the exchange's Bahamas unit", "Kraken, one of the largest U.S. exchanges"
        k = start
        while k > sent.start and start - k < 5 and (doc[k - 1].pos_ == "ADJ" and doc[k - 1].is_lower and
                                                    start - k < 3 or _amount_word(doc[k - 1])):
            k -= 1  # ("Simba Ridge Fund, a $60 million Nairobi venture fund")
        j = k
        if j - 2 >= sent.start and doc[j - 1].text in ("'s", "’s") and doc[j - 2].is_lower:
            j -= 2
        elif j - 2 >= sent.start and doc[j - 1].text in ("'s", "’s") and doc[j - 2].i in ents.by_token and \
                ents.record(ents.by_token[doc[j - 2].i]).type in PLACED and m.end < len(doc) and \
                doc[m.end].lower_ in UNIT_WORDS:
            j = ents.by_token[doc[j - 2].i].start  # "OKX SG, OKX's Singapore arm": the parent's unit there
        elif j - 1 >= sent.start and doc[j - 1].lower_ in ("its", "their"):
            j -= 1
        if j - 1 >= sent.start and doc[j - 1].lower_ in ("the", "a", "an"):
            j -= 1
        if j - 2 >= sent.start and doc[j - 2].lower_ == "one" and doc[j - 1].lower_ == "of":
            j -= 2
        if j < k and j - 1 >= sent.start and doc[j - 1].text == ",":
            prev = [o for o in mentions[:i] if o.end <= j - 1]
            if prev:
                o = prev[-1]
                gap = doc[o.end:j - 1].text.strip()
                # the name, or its acronym in brackets: "the CFTC (CFTC), the U.S. derivatives regulator"
                if ents.record(o).type in PLACED and (not gap or re.fullmatch(r"\(?[^()]{0,12}\)", gap) or
                                                      gap.lower() in ORG_SUFFIXES):
                    return o
        return None

    def _placed_after(self, doc, ents, mentions, i, based_index) -> Mention | None:
        """The organisation a '-based' modifier describes: the noun it modifies when that names one
        (or stands in apposition to one: 'Quoine Corp., the Tokyo-based operator of ...'), else the
        next name in its noun phrase ('Seychelles-based BitMEX')."""
        noun = doc[based_index].head
        # "Gulf Binance Co., Ltd. is a Bangkok-based exchange": the subject of "is"
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None) \
            if noun.dep_ == "attr" and noun.head.lemma_ == "be" else None
        for candidate in (noun.head if noun.dep_ == "appos" else None, subject, noun):
            if candidate is not None and candidate.i in ents.by_token:
                m = ents.by_token[candidate.i]
                if ents.record(m).type in PLACED:
                    return m
        for o in mentions[i + 1:]:
            if o.start - based_index > 6:
                break
            span = doc[based_index + 1:o.start]
            if any(t.pos_ in ("VERB", "AUX") and "-" not in (t.nbor(-1).text, t.nbor(1).text) or
                   t.text in (",", ";", ".", "(") or t.lower_ == "of" for t in span):  # ("start-up" is a noun)
                break  # "the Paris-based subsidiary of Societe Generale": the parent is not what is placed
            if ents.record(o).type in PLACED:
                return o
        first = i  # "Corvo, a Boulder, Colorado-based custodian": the description opens on the city
        while first > 0 and ents.record(mentions[first - 1]).type == "LOCATION" and \
                doc[mentions[first - 1].end:mentions[first].start].text == ",":
            first -= 1
        before = doc[max(0, doc[mentions[first].start].i - 3):mentions[first].start]
        if before.text.lower().endswith((", the", ", a", ", an", "(the")) or before.text.lower().strip() in (", the",):
            for o in reversed(mentions[:first]):
                if ents.record(o).type in PLACED:
                    return o
                if ents.record(o).type != "LOCATION":
                    break
        return None


def implied_by_events(ents: DocEntities, relations: list[FoundRelation], events) -> list[FoundRelation]:
    """WORKS_FOR of the people of a leadership change at one organisation ("Ozoliņš will hand the role to
    Bērziņa" in an article about Daugava Exchange): taking or leaving a post there states a role there.
    Nearly every such pair in the gold files is a WORKS_FOR; the few that are not name who appoints
    (a president naming a regulator's chair), whom the event reader leaves out of the change."""
    have = {(r.head, r.tail) for r in relations if r.type == "WORKS_FOR"}
    out = []
    for event in events:
        if event.type != "LEADERSHIP_CHANGE":
            continue
        kinds = [(key, ents.records[key].type) for key in event.participants]
        employers = [key for key, type_ in kinds if type_ in EMPLOYERS]
        if len(employers) != 1:
            continue
        for person in (key for key, type_ in kinds if type_ == "PERSON"):
            if (person, employers[0]) not in have:
                have.add((person, employers[0]))
                out.append(FoundRelation(person, "WORKS_FOR", employers[0], "", event.start, event.end))
    return out


def _city_and_state(doc, ents: DocEntities, m: Mention) -> tuple[int, int]:
    """Where the place ``m`` stands, and where the words after it begin, with a city and its state between commas
    read as one place ("a Charlotte, North Carolina, company"): the state's or the city's own span otherwise."""
    if m.end + 2 < len(doc) and doc[m.end].text == ",":
        state = ents.by_token.get(m.end + 1)
        if state is not None and not state.generic and state.start == m.end + 1 and state.end < len(doc) and \
                doc[state.end].text == "," and ents.record(state).type == "LOCATION":
            return m.start, state.end + 1
    if m.start >= 2 and doc[m.start - 1].text == "," and m.end < len(doc) and doc[m.end].text == ",":
        city = ents.by_token.get(m.start - 2)
        if city is not None and not city.generic and city.end == m.start - 1 and ents.record(city).type == "LOCATION":
            return city.start, m.end + 1
    return m.start, m.end


def _past_an_appositive(doc, person: Mention, after: Mention) -> bool:
    """"A, its head of compliance, and B": what stands between the two names is the first one's description,
    set off by commas, then "and" (no more than a dozen words, and no verb: not "A, who sued them, and B")."""
    between = doc[person.end:after.start]
    if not 4 <= len(between) <= 14 or between[0].text != "," or any(t.pos_ in ("VERB", "AUX") for t in between):
        return False
    return between[-1].text == "," or between[-1].lower_ == "and" and between[-2].text == ","


def _said_of_people(preposition) -> bool:
    """The "located in" or "based in" before a place belongs to a clause about people ("customers who appeared
    to be located in Cuba"), read up the parse to the noun the clause hangs from."""
    node = preposition.head
    for _ in range(5):
        if node.lower_ in PEOPLE_NOUNS:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _placed_by_possessive(ents: DocEntities, doc, org: Mention) -> bool:
    """'Kuwait's Failaka Investment Co.': a place's possessive right before the name."""
    i = org.start
    return i >= 2 and doc[i - 1].text in POSSESSIVE and doc[i - 2].i in ents.by_token and \
        ents.record(ents.by_token[doc[i - 2].i]).type == "LOCATION"


def _maker_of(ents: DocEntities, token_record):
    """The company the article names after a token and a word for its team ("Ethena Labs" for Ethena)."""
    return next((r for r in ents.records.values() if r.type in ("ORGANIZATION", "EXCHANGE") and
                 r.name.startswith(token_record.name + " ") and r.name[len(token_record.name) + 1:] in MAKER_TAILS),
                None)


def _reports(token) -> bool:
    """The subject of a verb of saying: "Chief Executive Changpeng Zhao wrote in a blog post" (or one of its
    subjects, or the name the verb follows: the parser may hang the name on the title before it, or the title
    on a quote, in "co-founder and Chief Executive X told")."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and following.tag_ in ("VBD", "VBZ") and following.lemma_.lower() in REPORTING_VERBS:
        return True
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in REPORTING_VERBS


def _is_subject(token) -> bool:
    """The subject of its clause, or a name beside it: "Restructuring adviser Teneo said" (the parser
    makes "adviser" the subject and "Teneo" its apposition or compound)."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    return token.dep_ in ("appos", "compound") and token.head.dep_ in ("nsubj", "nsubjpass")


@functools.lru_cache(maxsize=1)
def load_demonyms() -> dict[str, str]:
    """'Dutch' -> 'Netherlands' (kg/data/demonyms.yaml)."""
    return yaml.safe_load((DATA_DIR / "demonyms.yaml").read_text(encoding="utf-8"))


def _coordinated_before(doc, ents: DocEntities, its) -> Mention | None:
    """'Bybit and its chief executive', 'Ripple and two of its executives', 'Maplewave Digital Inc., the operator
    of Maplewave Exchange, and its chief executive', 'fined the exchange and its chief executive': the name
    coordinated with "its" owns it (the last one named before "and", past an appositive)."""
    i = its.i - 1
    while i > its.i - 4 and i >= its.sent.start and doc[i].lower_ not in ("and", ","):
        if doc[i].lower_ not in ("of", "two", "three", "four", "both", "all", "one", "some", "several"):
            return None
        i -= 1
    if i < its.sent.start or doc[i].lower_ not in ("and", ","):
        return None
    j = i - 1
    while j >= its.sent.start and doc[j].is_punct:
        j -= 1
    mention = ents.by_token.get(j) if j >= its.sent.start else None
    # (or a company told before by its kind: "fined the exchange and its chief executive, X"; not one that ends
    # an appositive: "X LLC, the developer behind the app, and its founders")
    if mention is not None and mention.generic and j + 1 < i:
        return None
    return mention


def _amount_word(tok) -> bool:
    """A word of a sum of money: "$", "60", "million"."""
    return tok.text in ("$", "€", "£") or tok.text[:1].isdigit() or tok.lower_ in ("million", "billion", "trillion")


def _agent(tok) -> bool:
    """Who did what a verb says: its "by" phrase, which the parser may read as any preposition ("Kryptex,
    started in 2018 by Raj, ..."), but not a time ("by 2019")."""
    return tok.dep_ == "agent" or tok.dep_ == "prep" and tok.lower_ == "by" and any(
        c.dep_ == "pobj" and c.pos_ == "PROPN" and c.ent_type_ not in ("DATE", "TIME") for c in tok.children)


def _rel(head: str, type_: str, tail: str, role: str, a: Mention, b: Mention) -> FoundRelation:
    role = " ".join(role.split()) if role else ""
    return FoundRelation(head, type_, tail, role.lower() if role and not role.isupper() else role,
                         min(a.start, b.start), max(a.end, b.end))
