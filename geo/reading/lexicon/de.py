"""German words the reader reads prose with: the same names as every other language file; what each
table is for is written once, in geo/reading/lexicon/__init__.py (TABLES)."""

ORIGIN = ("aus", "vom", "von")
DESTINATION = ("nach", "zu", "zum", "zur")
AMBIGUOUS = ("am", "an", "im", "in", "ins")
LOCATION = ("bei", "nahe", "um")
REFERENCE = ("nördlich", "südlich", "westlich", "östlich")
LIST_JOINERS = (",", "und", "oder")
PARTICLES = {}
PLACE_SUFFIXES = ()
TITLES = ("frau", "herr", "ministerin", "präsident")
MOVEMENT = (
    "verleg",
    "verlager",
    "bewegung",
    "transport",
    "kamen",
    "gebracht",
    "geschickt",
    "entsand",
    "eingetroffen",
    "ankunft",
    "abgezogen",
    "unterwegs",
    "erreicht",
    "vorgerückt",
    "vorgestoßen",
    "zurückgezogen",
    "eingerückt",
    "ausgelauf",
    "marschiert",
    "ausgerückt",
    "trafen$",
    "traf$",
    "trifft$",
    "eintreffen",
)
MILITARY = (
    "soldat",
    "truppe",
    "truppen",
    "streitkräft",
    "einheit",
    "brigade",
    "bataillon",
    "regiment",
    "division",
    "armee",
    "militär",
    "schiff",
    "konvoi",
    "lastwagen",
    "fahrzeug",
    "stützpunkt",
    "basis",
    "garnison",
    "depot",
    "drohne",
    "kontingent",
    "marine",
    "feind",
)
TROOP_NOUNS = (
    "soldat",
    "mann",
    "kämpfer",
    "truppen",
    "marinesoldat",
    "kräfte",
    "einheiten",
    "fallschirmjäger",
    "reservist",
    "söldner",
    "kontingent",
)
THOUSAND = {"tausend": 1000}
APPROXIMATE = ("etwa", "fast", "knapp", "rund", "ungefähr")
LAST_WEEK = ("letzte woche", "vergangene woche", "vergangenen woche", "letzten woche")
THIS_WEEK = ("diese woche", "dieser woche")
WEEKEND = ("am wochenende", "übers wochenende")
YESTERDAY = ("gestern",)
TODAY = ("heute",)
NOW = ("derzeit", "zurzeit", "gegenwärtig", "momentan", "jetzt")
REFER_BACK = ("diese", "dieselben", "dort", "sie")
DEFINITE = ("der", "die")
RANGE_JOINERS = ("-", "–", "—", "bis", "zum", "und", "bis\\s+zum", "bis\\s+zur")
FUNCTION_WORDS = (
    "aber",
    "am",
    "an",
    "auch",
    "auf",
    "aus",
    "bei",
    "das",
    "dem",
    "den",
    "der",
    "des",
    "die",
    "dort",
    "ein",
    "eine",
    "einer",
    "eines",
    "er",
    "es",
    "gestern",
    "heute",
    "hier",
    "im",
    "in",
    "laut",
    "man",
    "mit",
    "nach",
    "nun",
    "ob",
    "oder",
    "seit",
    "sie",
    "und",
    "vom",
    "von",
    "wir",
    "zu",
    "zum",
)
ORIGIN_VERBS = ("verlassen", "verließen")
DESTINATION_VERBS = ("erreicht", "erreichten")
MONTH_CUES = ("anfang", "ende", "im", "mitte", "seit")
NEGATION = ("kein", "nicht$", "nie$", "niemals$")
NOT_NEGATING = ("weniger", "nur", "mehr als")
VERIFY = ("bestätig", "überprüf", "unabhängig", "verifizier", "kommentier", "äußer")
DENIAL = ("bestritt", "bestreit", "bestritten", "dementi", "falsch", "zurückgewiesen")
FORECAST = (
    "künftig",
    "voraussichtlich",
    "geplant",
    "plant$",
    "planen$",
    "werden soll",
    "droht",
    "nächste woche",
    "nächsten woche",
    "nächsten monat",
    "kommende woche",
    "kommenden woche",
    "in bereitschaft",
    "in alarmbereitschaft",
    "bereitgehalten",
)
DIPLOMACY = (
    "konferenz",
    "gipfel",
    "besuch",
    "beraten",
    "treffen",
    "verhandl",
    "diplomat",
    "amtskolleg",
    "gespräch",
    "delegation",
)
SPEECH = (
    "sagte",
    "erklärt",
    "teilte",
    "mitteilte",
    "mitgeteilt",
    "gesprochen",
    "sprach",
    "betonte",
    "warnte",
    "räum",
    "journalisten$",
    "presse$",
    "nennt$",
    "kommentier",
)
CLAUSE_JOINERS = ("aber$", "während$", "doch$", "jedoch$", "und dass")
CASUALTY = (
    "getötet",
    "verwundet",
    "tote$",
    "toten$",
    "verluste",
    "gefallen",
    "panzer$",
    "fahrzeuge",
    "einwohner",
    "zivilisten$",
    "gefangen",
    "verloren",
)
NIGHT_TO = ("nacht zum", "nacht auf")
SINCE = ("seit",)
AREA_NOUNS = ()
REGION_WORDS = ("gebiet",)
REACH = ("erreicht", "eingenommen", "zurückerobert")
ORIGIN_PHRASES = ()
DESTINATION_PHRASES = ("richtung",)
PLACE_NOUNS = ("stadt", "gebiet", "raum", "ort", "stützpunkt")
THERE = ("dort", "vor ort", "in dem gebiet", "im gebiet")
FROM_THERE = ("von dort", "von dort aus", "von da")
EARLIER = ("zuvor", "vorher", "davor", "bis dahin")
OF_THEM = ("von ihnen", "davon", "von denen")
NUMBER_OF = ("zahl der", "anzahl der", "stärke der", "gesamtzahl der")
NEXT_DAYS = (
    ("am nächsten tag", 1),
    ("am folgenden tag", 1),
    ("tags darauf", 1),
    ("am tag darauf", 1),
    ("am selben tag", 0),
    ("am gleichen tag", 0),
    ("an diesem tag", 0),
)
DAYS_LATER = "(\\w+)\\s+tage?\\s+(?:später|danach)"
SMALL_NUMBERS = {"einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7}
COMBAT = ("angriff", "angegriffen", "griffen", "sturm", "stürm", "offensive", "kämpfe", "gefecht")
COMBAT_LINKS = ("auf", "gegen", "um")
FROM_AFAR = ("drohne", "rakete", "luftangriff", "bomb", "beschuss", "beschoss", "artillerie")
VIA = ("über", "via")
AREA_AFTER = ()
LAST_MONTH = ("letzten monat", "vergangenen monat", "im vormonat")
THIS_MONTH = ("diesen monat", "in diesem monat", "dieses monats")
VAGUE = ("mehrere", "einige", "viele", "etliche")
