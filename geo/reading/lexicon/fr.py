"""French words the reader reads prose with: the same names as every other language file; what each
table is for is written once, in geo/reading/lexicon/__init__.py (TABLES)."""

ORIGIN = ("d", "de", "depuis", "des", "du")
DESTINATION = ("jusqu", "vers")
AMBIGUOUS = ("a", "au", "aux", "dans", "en", "à")
LOCATION = ("autour", "près", "sur")
REFERENCE = ("est", "nord", "ouest", "sud")
LIST_JOINERS = (",", "et", "ou")
PARTICLES = {}
PLACE_SUFFIXES = ()
TITLES = ("général", "madame", "monsieur", "ministre", "président")
MOVEMENT = (
    "transport",
    "transfér",
    "transfer",
    "envoy",
    "envoi",
    "déploy",
    "achemin",
    "arriv",
    "déplac",
    "parti",
    "quitt",
    "redéploy",
    "rapatri",
    "accost",
    "débarqu",
    "rejoint",
    "rejoign",
    "repli",
    "avancé",
    "convoi",
    "venus$",
    "venu$",
)
MILITARY = (
    "soldat",
    "troupe",
    "force",
    "militaire",
    "unité",
    "brigade",
    "bataillon",
    "régiment",
    "armée",
    "navire",
    "convoi",
    "camion",
    "véhicule",
    "base",
    "garnison",
    "dépôt",
    "drone",
    "contingent",
    "membres des forces",
    "ennemi",
)
TROOP_NOUNS = (
    "soldat",
    "militaire",
    "membres",
    "hommes",
    "combattant",
    "forces",
    "troupes",
    "parachutiste",
    "fantassin",
    "réserviste",
    "légionnaire",
    "mercenaire",
    "contingent",
)
THOUSAND = {"mille": 1000, "million": 1000000, "millions": 1000000}
APPROXIMATE = ("environ", "près", "quelque", "quelques")
LAST_WEEK = ("la semaine dernière", "la semaine passée")
THIS_WEEK = ("cette semaine",)
WEEKEND = ("le week-end", "ce week-end")
YESTERDAY = ("hier",)
TODAY = ("aujourd'hui",)
NOW = ("actuellement", "en ce moment", "à présent")
REFER_BACK = ("celles", "ces", "ceux", "elle", "elles", "ils")
DEFINITE = ("la", "le", "les")
RANGE_JOINERS = ("-", "–", "—", "au", "et\\s+le", "et", "à")
FUNCTION_WORDS = (
    "ainsi",
    "alors",
    "après",
    "au",
    "aujourd",
    "aux",
    "avant",
    "ce",
    "ces",
    "cet",
    "cette",
    "d",
    "dans",
    "de",
    "depuis",
    "des",
    "du",
    "elle",
    "elles",
    "en",
    "et",
    "hier",
    "il",
    "ils",
    "l",
    "la",
    "le",
    "les",
    "lors",
    "mais",
    "nous",
    "on",
    "ou",
    "par",
    "plus",
    "pour",
    "selon",
    "sur",
    "un",
    "une",
    "à",
)
ORIGIN_VERBS = ("quittent", "quitter", "quitté")
DESTINATION_VERBS = ("atteint", "gagné", "rejoint", "repris", "reprise")
MONTH_CUES = ("depuis", "début", "en", "fin", "mi")
NEGATION = ("aucun", "pas$", "jamais$", "ni$", "nul$", "nulle$")
NOT_NEGATING = ("moins", "seulement", "plus de")
VERIFY = ("confirm", "vérifi", "indépendant", "corrobor", "comment")
DENIAL = ("dément", "démenti", "nie$", "nié$", "faux$", "fausse", "réfut", "rejet")
FORECAST = (
    "sera$",
    "seront$",
    "devront",
    "prévoi",
    "envisag",
    "menace de",
    "menacé de",
    "semaine prochaine",
    "mois prochain",
    "prochains jours",
    "prêts à être déployés",
    "en état d'alerte",
    "en alerte",
)
DIPLOMACY = ("conférence", "sommet", "visite", "réuni", "négoci", "diplomat", "discuter", "délégation")
SPEECH = (
    "affirm",
    "déclar",
    "dit$",
    "annonc",
    "précis",
    "indiqu",
    "admet",
    "journalistes$",
    "presse$",
    "appelle$",
    "nomme$",
    "comment",
)
CLAUSE_JOINERS = ("mais$", "tandis$", "alors que", "cependant$", "et que")
CASUALTY = (
    "tués",
    "tué$",
    "blessés",
    "morts$",
    "pertes$",
    "victimes$",
    "chars$",
    "véhicules$",
    "habitants$",
    "civils$",
    "prisonniers$",
    "disparus$",
    "perdu$",
    "perdus$",
    "perd$",
    "blindés$",
)
NIGHT_TO = ("nuit du",)
SINCE = ("depuis",)
AREA_NOUNS = (
    "abords",
    "banlieue",
    "base",
    "direction",
    "district",
    "environs",
    "faubourgs",
    "oblast",
    "port",
    "province",
    "périphérie",
    "région",
    "secteur",
    "village",
    "ville",
    "zone",
)
REGION_WORDS = ("région", "province")
REACH = ("atteint$", "rejoint$", "gagné$", "repris$", "entrés$", "entrées$")
ORIGIN_PHRASES = ()
DESTINATION_PHRASES = ("destination de", "direction de")
PLACE_NOUNS = ("ville", "secteur", "zone", "localité", "base")
THERE = ("là", "là-bas", "sur place", "dans ce secteur", "dans la zone")
FROM_THERE = ("de là", "depuis là", "de là-bas", "d'où")
EARLIER = ("auparavant", "précédemment", "avant cela", "au préalable", "jusque-là")
OF_THEM = ("d'entre eux", "d’entre eux", "d'entre elles", "parmi eux")
NUMBER_OF = ("nombre de", "effectif de", "effectifs", "total de")
NEXT_DAYS = (
    ("le lendemain", 1),
    ("le jour suivant", 1),
    ("le surlendemain", 2),
    ("le même jour", 0),
    ("ce même jour", 0),
    ("ce jour-là", 0),
)
DAYS_LATER = "(\\w+)\\s+jours?\\s+plus\\s+tard"
SMALL_NUMBERS = {"un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7}
COMBAT = ("attaqu", "assaut", "offensive", "combat")
COMBAT_LINKS = ("sur", "contre", "de", "d", "autour")
FROM_AFAR = ("drone", "missile", "roquette", "frappe", "bomb", "obus", "artillerie", "pilonn")
VIA = ("par", "via")
AREA_AFTER = ()
LAST_MONTH = ("le mois dernier", "du mois dernier")
THIS_MONTH = ("ce mois-ci", "de ce mois")
VAGUE = ("plusieurs", "nombreux", "nombreuses")
