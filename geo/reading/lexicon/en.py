"""English words the reader reads prose with: the same names as every other language file; what each
table is for is written once, in geo/reading/lexicon/__init__.py (TABLES)."""

ORIGIN = ("from", "out of")
DESTINATION = ("into", "to", "toward", "towards")
AMBIGUOUS = ("at", "in")
LOCATION = ("around", "inside", "near", "of", "outside")
REFERENCE = ("east", "north", "northeast", "northwest", "south", "southeast", "southwest", "west")
LIST_JOINERS = (",", "and", "or")
PARTICLES = {}
PLACE_SUFFIXES = ()
TITLES = (
    "adm",
    "admiral",
    "ambassador",
    "captain",
    "col",
    "colonel",
    "dr",
    "gen",
    "general",
    "lieutenant",
    "major",
    "minister",
    "mr",
    "mrs",
    "ms",
    "president",
    "secretary",
    "sergeant",
    "spokesman",
    "spokeswoman",
)
MOVEMENT = (
    "move$",
    "moves$",
    "moving$",
    "moved$",
    "movement",
    "transfer",
    "deploy",
    "redeploy",
    "shipped$",
    "sent$",
    "send$",
    "sending$",
    "arriv",
    "transport",
    "travel",
    "withdr",
    "relocat",
    "rotat",
    "convoy",
    "departed$",
    "left$",
    "leaving$",
    "reached$",
    "reaching$",
    "entered$",
    "carrying$",
    "departing$",
    "departure",
    "sailed$",
    "headed$",
    "heading$",
    "dispatch",
    "brought$",
    "carried$",
    "carry$",
    "ferried$",
    "airlift",
    "marched$",
    "drove$",
    "bound for",
    "rolled into",
    "pulled back",
    "pulled out",
    "advanced$",
)
MILITARY = (
    "soldier",
    "troop",
    "force",
    "personnel",
    "servicem",
    "marine",
    "unit",
    "brigade",
    "battalion",
    "regiment",
    "division",
    "army",
    "military",
    "ship",
    "vessel",
    "convoy",
    "truck",
    "vehicle",
    "tank",
    "base",
    "garrison",
    "depot",
    "drone",
    "artillery",
    "contingent",
    "infantry",
    "special forces",
    "paratroop",
    "sailor",
    "aircraft",
    "jets",
    "echelon",
    "train",
    "enemy",
)
TROOP_NOUNS = (
    "soldier",
    "troop",
    "personnel",
    "servicem",
    "marine",
    "men",
    "fighter",
    "special forces",
    "special operations forces",
    "forces",
    "sailor",
    "paratroop",
    "mercenar",
    "reservist",
    "contingent",
)
THOUSAND = {"thousand": 1000, "million": 1000000, "millions": 1000000}
APPROXIMATE = ("about", "almost", "approximately", "around", "nearly", "over", "roughly", "some", "up")
LAST_WEEK = ("last week",)
THIS_WEEK = ("this week",)
WEEKEND = ("at the weekend", "over the weekend", "on the weekend", "this weekend")
YESTERDAY = ("yesterday",)
TODAY = ("today",)
NOW = ("currently", "at present", "presently", "now")
REFER_BACK = ("it", "these", "they", "those")
DEFINITE = ("the",)
RANGE_JOINERS = ("-", "–", "—", "to", "and", "through", "until")
FUNCTION_WORDS = (
    "a",
    "about",
    "according",
    "after",
    "also",
    "an",
    "and",
    "as",
    "at",
    "before",
    "but",
    "by",
    "for",
    "from",
    "he",
    "here",
    "however",
    "in",
    "it",
    "of",
    "on",
    "or",
    "she",
    "since",
    "some",
    "that",
    "the",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "today",
    "we",
    "when",
    "while",
    "yesterday",
)
ORIGIN_VERBS = ("departed", "leaving", "left")
DESTINATION_VERBS = ("captured", "entered", "entering", "reached", "reaching", "retook")
MONTH_CUES = ("beginning", "during", "early", "end", "in", "late", "mid", "since", "until")
NEGATION = ("no$", "not$", "none$", "never$", "neither$", "nor$", "nothing$", "nobody$", "n't", "n’t")
NOT_NEGATING = ("less", "fewer", "only", "least", "more")
VERIFY = ("confirm", "verif", "independent", "corroborat", "comment")
DENIAL = ("denied$", "denies$", "deny$", "denial", "false$", "refut", "rejected$", "dismissed$", "untrue$")
FORECAST = (
    "will$",
    "plans to",
    "planned$",
    "planning to",
    "expected to",
    "intends$",
    "intend to",
    "preparing to",
    "is to be",
    "are to be",
    "threatened to",
    "threatens to",
    "would be sent",
    "would be deployed",
    "next week",
    "next month",
    "would be sent",
    "would be deployed",
    "would be withdrawn",
    "on standby",
    "ready to deploy",
    "for deployment",
    "prepared to deploy",
    "on alert",
)
DIPLOMACY = ("conference", "summit", "talks$", "visit", "met$", "meeting", "negotiat", "diplomat", "delegation")
SPEECH = (
    "said$",
    "says$",
    "told$",
    "stated$",
    "announced$",
    "declared$",
    "claimed$",
    "admit",
    "warned$",
    "briefing",
    "reporters$",
    "lawmakers$",
    "press$",
    "calls$",
    "comment",
)
CLAUSE_JOINERS = ("but$", "while$", "whereas$", "although$", "however$", "and that")
CASUALTY = (
    "killed$",
    "wounded$",
    "dead$",
    "died$",
    "casualt",
    "losses$",
    "lost$",
    "injured$",
    "captured$",
    "tanks$",
    "vehicles$",
    "residents$",
    "inhabitants$",
    "civilians$",
    "prisoners$",
    "missing$",
)
NIGHT_TO = ("night to",)
SINCE = ("since",)
AREA_NOUNS = (
    "area",
    "base",
    "city",
    "direction",
    "district",
    "oblast",
    "outskirts",
    "port",
    "province",
    "region",
    "sector",
    "town",
    "vicinity",
    "village",
)
REGION_WORDS = ("krai", "kray", "oblast", "province", "region", "regio")
REACH = ("reached$", "entered$", "captured$", "retook$")
ORIGIN_PHRASES = ("away from", "out of")
DESTINATION_PHRASES = ("bound for", "direction of", "headed for", "heading for", "route to")
PLACE_NOUNS = ("town", "city", "area", "village", "base")
THERE = ("there", "at that place", "in that area", "in the area")
FROM_THERE = ("from there", "from that place", "from the area")
EARLIER = ("previously", "earlier", "before that", "prior to that")
OF_THEM = ("of them", "of these", "of those")
NUMBER_OF = ("number of", "strength of", "total of")
NEXT_DAYS = (
    ("the following day", 1),
    ("the next day", 1),
    ("a day later", 1),
    ("the day after", 1),
    ("the same day", 0),
    ("that same day", 0),
    ("that day", 0),
)
DAYS_LATER = "(\\w+)\\s+days?\\s+later"
SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
COMBAT = ("attack", "assault", "storm", "offensive", "fighting", "battle", "clashes")
COMBAT_LINKS = ("on", "against", "for", "of", "around")
FROM_AFAR = ("drone", "missile", "rocket", "airstrike", "air strike", "bomb", "shell", "artillery")
VIA = ("via", "through")
AREA_AFTER = ()
LAST_MONTH = ("last month",)
THIS_MONTH = ("this month", "earlier this month")
VAGUE = ("several", "few", "many", "countless")
