"""Spanish words the reader reads prose with: the same names as every other language file; what each
table is for is written once, in geo/reading/lexicon/__init__.py (TABLES)."""

ORIGIN = ("de", "del", "desde")
DESTINATION = ("hacia", "hasta")
AMBIGUOUS = ("a", "al", "en")
LOCATION = ("cerca", "junto")
REFERENCE = ("este", "norte", "oeste", "sur")
LIST_JOINERS = (",", "y", "e", "o")
PARTICLES = {}
PLACE_SUFFIXES = ()
TITLES = ("ministro", "presidente", "señor")
MOVEMENT = (
    "llegar",
    "llegaron",
    "llegó",
    "traslad",
    "envi",
    "envia",
    "desplaz",
    "despleg",
    "proceden",
    "transport",
    "partieron",
    "zarp",
    "partid",
    "partió",
    "repleg",
    "replieg",
    "retiraron$",
    "retiró$",
    "avanz",
    "entraron$",
    "entró$",
    "alcanzaron$",
)
MILITARY = (
    "soldado",
    "tropa",
    "fuerza",
    "militar",
    "efectivo",
    "unidad",
    "brigada",
    "batallón",
    "regimiento",
    "división",
    "ejército",
    "buque",
    "barco",
    "convoy",
    "camion",
    "vehículo",
    "base",
    "guarnición",
    "depósito",
    "dron",
    "contingente",
    "enemigo",
)
TROOP_NOUNS = (
    "soldado",
    "efectivo",
    "militar",
    "hombres",
    "combatiente",
    "tropas",
    "infante",
    "paracaidista",
    "reservista",
    "mercenario",
    "contingente",
)
THOUSAND = {"mil": 1000}
APPROXIMATE = ("alrededor", "aproximadamente", "casi", "cerca", "unas", "unos")
LAST_WEEK = ("la semana pasada", "la semana anterior")
THIS_WEEK = ("esta semana",)
WEEKEND = ("el fin de semana", "este fin de semana")
YESTERDAY = ("ayer",)
TODAY = ("hoy",)
NOW = ("actualmente", "ahora", "en este momento")
REFER_BACK = ("allí", "ellas", "ellos", "esas", "esos", "estas", "estos")
DEFINITE = ("el", "la", "las", "los")
RANGE_JOINERS = ("-", "–", "—", "al", "y\\s+el", "y", "a", "hasta\\s+el")
FUNCTION_WORDS = (
    "a",
    "al",
    "ayer",
    "con",
    "de",
    "del",
    "desde",
    "el",
    "en",
    "esta",
    "estas",
    "este",
    "estos",
    "hoy",
    "la",
    "las",
    "los",
    "o",
    "para",
    "pero",
    "por",
    "segun",
    "según",
    "también",
    "tras",
    "un",
    "una",
    "unas",
    "unos",
    "y",
)
ORIGIN_VERBS = ("abandonaron", "dejaron")
DESTINATION_VERBS = ("alcanzaron", "entraron", "recuperaron")
MONTH_CUES = ("desde", "finales", "mediados", "principios", "en")
NEGATION = ("no$", "ningún$", "ninguna$", "ninguno$", "nunca$", "tampoco$")
NOT_NEGATING = ("menos", "solo", "sólo", "más de")
VERIFY = ("confirm", "verific", "comprob", "independiente", "coment")
DENIAL = ("negó$", "niega$", "negar$", "desmient", "desmintió", "falso$", "falsa$", "rechaz")
FORECAST = (
    "será$",
    "serán$",
    "planea",
    "prevé",
    "previst",
    "amenaz",
    "enviará$",
    "enviarán$",
    "próxima semana",
    "próximo mes",
    "próximos días",
    "en alerta",
    "listos para",
    "en espera de",
)
DIPLOMACY = ("conferencia", "cumbre", "visita", "reuni", "negoci", "diplomát", "negociación", "delegación")
SPEECH = ("dijo$", "afirm", "declar", "anunci", "admit", "advirt", "periodistas$", "prensa$", "llama$", "coment")
CLAUSE_JOINERS = ("pero$", "mientras$", "aunque$", "sin embargo", "y que")
CASUALTY = (
    "muertos$",
    "heridos$",
    "bajas$",
    "fallecid",
    "pérdidas$",
    "tanques$",
    "vehículos$",
    "habitantes$",
    "civiles$",
    "prisioneros$",
    "desaparecidos$",
    "perdieron$",
    "perdió$",
    "perdido$",
)
NIGHT_TO = ("noche del",)
SINCE = ("desde",)
AREA_NOUNS = (
    "afueras",
    "alrededores",
    "base",
    "ciudad",
    "dirección",
    "localidad",
    "periferia",
    "provincia",
    "pueblo",
    "puerto",
    "región",
    "sector",
    "zona",
    "óblast",
)
REGION_WORDS = ("provincia", "región")
REACH = ("alcanzaron$", "recuperaron$", "tomaron$", "llegaron a")
ORIGIN_PHRASES = ()
DESTINATION_PHRASES = ("destino a", "rumbo a")
PLACE_NOUNS = ("ciudad", "zona", "localidad", "base")
THERE = ("allí", "allá", "ahí", "en la zona", "sobre el terreno")
FROM_THERE = ("desde allí", "de allí", "desde ahí", "desde allá")
EARLIER = ("anteriormente", "previamente", "hasta entonces")
OF_THEM = ("de ellos", "de ellas", "de los cuales", "de las cuales")
NUMBER_OF = ("número de", "cifra de", "total de", "efectivos")
NEXT_DAYS = (
    ("al día siguiente", 1),
    ("el día siguiente", 1),
    ("al otro día", 1),
    ("ese mismo día", 0),
    ("el mismo día", 0),
    ("ese día", 0),
)
DAYS_LATER = "(\\w+)\\s+días?\\s+(?:después|más\\s+tarde)"
SMALL_NUMBERS = {"un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7}
COMBAT = ("ataq", "asalt", "ofensiva", "combat")
COMBAT_LINKS = ("contra", "sobre", "a", "de", "en")
FROM_AFAR = ("dron", "misil", "cohete", "bombard", "artiller")
VIA = ("vía", "por")
AREA_AFTER = ()
LAST_MONTH = ("el mes pasado", "del mes pasado")
THIS_MONTH = ("este mes", "de este mes")
VAGUE = ("varios", "varias", "muchos", "muchas")
